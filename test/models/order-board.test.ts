import { expect } from '@open-wc/testing';
import { OrderBoard, type BoardEntry } from '../../src/models/order-board.js';
import { shortCustomerName } from '../../src/models/order.js';
import type { Order } from '../../src/models/order.js';

const VENUE = 'venue-1';
const T0 = Date.parse('2025-01-01T12:00:00Z');

type Stage = 'paid' | 'preparing' | 'ready' | 'received';

/** An order at `stage` for VENUE, `completed`, with `lastChanged` at T0 + `changed` seconds. */
function order(id: string, stage: Stage = 'paid', changed = 0, extra: Partial<Order> = {}): Order {
  const lineStatus = stage === 'ready' ? 'PROCESSED' : stage === 'preparing' ? 'PROCESSING' : 'CONFIRMED';
  return {
    id,
    status: stage === 'received' ? 'NEW' : 'COMPLETED',
    completed: stage !== 'received',
    lastChanged: new Date(T0 + changed * 1000).toISOString(),
    buckets: [{ venue: VENUE, lines: [{ id: 'l1', status: lineStatus, quantity: 1 }] }],
    ...extra
  };
}

const ids = (entries: readonly BoardEntry[]) => entries.map(e => e.id);

/** A board whose initial load (an empty snapshot) is done. */
function liveBoard(options: Partial<ConstructorParameters<typeof OrderBoard>[0]> = {}): OrderBoard {
  const board = new OrderBoard({ venue: VENUE, ...options });
  board.reconcile([], T0);
  return board;
}

describe('OrderBoard', () => {
  describe('filtering', () => {
    it('ignores orders of other venues', () => {
      const board = liveBoard();
      const other = order('a', 'paid', 0, { buckets: [{ venue: 'venue-2' }] });
      expect(board.apply(other, T0).changed).to.be.false;
      expect(board.apply({ ...other, id: 'b', buckets: undefined }, T0).changed).to.be.false;
      expect(board.size).to.equal(0);
    });

    it('shows an order when any of its buckets is for the venue', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 0, { buckets: [{ venue: 'venue-2' }, { venue: VENUE }] }), T0);
      expect(board.size).to.equal(1);
    });

    it('ignores orders that are not completed', () => {
      const board = liveBoard();
      expect(board.apply(order('a', 'received'), T0).changed).to.be.false;
      expect(board.apply(order('b', 'paid', 0, { completed: undefined }), T0).changed).to.be.false;
      board.reconcile([order('c', 'received')], T0);
      expect(board.size).to.equal(0);
    });

    it('drops a held order whose newer copy is no longer completed', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 0), T0);
      expect(board.apply(order('a', 'paid', 1, { completed: false }), T0).changed).to.be.true;
      expect(board.size).to.equal(0);
    });
  });

  describe('columns', () => {
    it('puts paid and preparing orders in Preparing and ready ones in Ready', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid'), T0);
      board.apply(order('b', 'preparing'), T0);
      board.apply(order('c', 'ready'), T0);
      board.apply(order('d', 'paid', 0, { status: 'DELIVER' }), T0);
      const { preparing, ready } = board.columns();
      expect(ids(preparing).sort()).to.deep.equal(['a', 'b']);
      expect(ids(ready).sort()).to.deep.equal(['c', 'd']);
      expect(preparing.every(e => e.column === 'preparing')).to.be.true;
      expect(ready.every(e => e.column === 'ready' && typeof e.readySince === 'number')).to.be.true;
      expect(preparing.map(e => e.stage).sort()).to.deep.equal(['paid', 'preparing']);
    });

    it('orders Preparing oldest first by completedTime, then created, then first seen', () => {
      const board = liveBoard();
      const at = (s: number) => new Date(T0 + s * 1000).toISOString();
      board.apply(order('seen-late', 'paid', 0, { lastChanged: undefined }), T0 + 50_000);
      board.apply(order('completed-30', 'paid', 0, { completedTime: at(30), created: at(1) }), T0);
      board.apply(order('created-10', 'paid', 0, { created: at(10) }), T0);
      board.apply(order('completed-20', 'preparing', 0, { completedTime: at(20) }), T0);
      board.apply(order('seen-early', 'paid', 0, { lastChanged: undefined }), T0 + 5_000);
      expect(ids(board.columns().preparing)).to.deep.equal([
        'seen-early',
        'created-10',
        'completed-20',
        'completed-30',
        'seen-late'
      ]);
    });

    it('re-sorts Preparing when a newer copy changes completedTime', () => {
      const board = liveBoard();
      const at = (s: number) => new Date(T0 + s * 1000).toISOString();
      board.apply(order('a', 'paid', 0, { completedTime: at(10) }), T0);
      board.apply(order('b', 'paid', 0, { completedTime: at(20) }), T0);
      board.apply(order('a', 'preparing', 1, { completedTime: at(30) }), T0);
      expect(ids(board.columns().preparing)).to.deep.equal(['b', 'a']);
    });

    it('orders Ready newest first by when the board saw each become ready', () => {
      const board = liveBoard();
      board.apply(order('a', 'preparing', 0), T0);
      board.apply(order('b', 'preparing', 0), T0);
      board.apply(order('c', 'preparing', 0), T0);
      board.apply(order('b', 'ready', 1), T0 + 1000);
      board.apply(order('a', 'ready', 2), T0 + 2000);
      board.apply(order('c', 'ready', 3), T0 + 3000);
      // A later copy of an order already ready doesn't move it.
      board.apply(order('b', 'ready', 4, { claimCode: 'X' }), T0 + 4000);
      expect(ids(board.columns().ready)).to.deep.equal(['c', 'a', 'b']);
      expect(board.get('b')?.readySince).to.equal(T0 + 1000);
    });

    it('orders the initial ready list by lastChanged, capped at now', () => {
      const board = new OrderBoard({ venue: VENUE });
      board.reconcile([order('old', 'ready', -600), order('new', 'ready', -60), order('mid', 'ready', -300)], T0);
      expect(ids(board.columns().ready)).to.deep.equal(['new', 'mid', 'old']);
      expect(board.get('old')?.readySince).to.equal(T0 - 600_000);
      const skewed = new OrderBoard({ venue: VENUE });
      skewed.reconcile([order('future', 'ready', 3600)], T0);
      expect(skewed.get('future')?.readySince).to.equal(T0);
    });

    it('moves an order back to Preparing and forgets its ready time', () => {
      const board = liveBoard();
      board.apply(order('a', 'ready', 1), T0);
      board.apply(order('a', 'preparing', 2), T0 + 1000);
      const entry = board.get('a')!;
      expect(entry.column).to.equal('preparing');
      expect(entry.readySince).to.be.undefined;
      expect(entry.highlighted).to.be.false;
    });
  });

  describe('duplicates and stale copies', () => {
    it('treats a duplicate as no change', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 1), T0);
      const version = board.version;
      const change = board.apply(order('a', 'paid', 1), T0 + 10);
      expect(change.changed).to.be.false;
      expect(board.version).to.equal(version);
      expect(board.size).to.equal(1);
    });

    it('replaces a copy with the same lastChanged but different content', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 1), T0);
      expect(board.apply(order('a', 'paid', 1, { claimCode: 'NEW' }), T0).changed).to.be.true;
      expect(board.get('a')?.order.claimCode).to.equal('NEW');
    });

    it('replaces the held order whole with a newer live copy', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 1, { claimCode: 'OLD', extId: 'E' }), T0);
      const newer = order('a', 'preparing', 2, { claimCode: 'NEW' });
      board.apply(newer, T0);
      expect(board.get('a')?.order).to.equal(newer);
      expect(board.get('a')?.order.extId).to.be.undefined;
    });

    it('ignores a live copy older than the held one', () => {
      const board = liveBoard();
      board.apply(order('a', 'ready', 5), T0);
      const change = board.apply(order('a', 'preparing', 4), T0);
      expect(change.changed).to.be.false;
      expect(board.get('a')?.column).to.equal('ready');
    });

    it('ignores a stale closed copy', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 5), T0);
      expect(board.apply(order('a', 'paid', 4, { closed: true }), T0).changed).to.be.false;
      expect(board.size).to.equal(1);
    });

    it('does not let a snapshot copy older than the live one overwrite it', () => {
      const board = liveBoard();
      board.apply(order('a', 'ready', 5), T0);
      board.reconcile([order('a', 'preparing', 4)], T0 + 1000);
      expect(board.get('a')?.column).to.equal('ready');
      expect(board.get('a')?.order.lastChanged).to.equal(order('a', 'ready', 5).lastChanged);
    });

    it('lets a newer snapshot copy replace the live one', () => {
      const board = liveBoard();
      board.apply(order('a', 'preparing', 4), T0);
      board.reconcile([order('a', 'ready', 5)], T0 + 1000);
      expect(board.get('a')?.column).to.equal('ready');
    });

    it('ignores a live copy older than the snapshot copy', () => {
      const board = liveBoard();
      board.reconcile([order('a', 'ready', 5)], T0);
      expect(board.apply(order('a', 'preparing', 4), T0 + 1000).changed).to.be.false;
      expect(board.get('a')?.column).to.equal('ready');
    });

    it('keeps the newest of duplicate snapshot entries', () => {
      const board = liveBoard();
      board.reconcile([order('a', 'ready', 5), order('a', 'paid', 3)], T0);
      expect(board.get('a')?.column).to.equal('ready');
    });
  });

  describe('leaving the board', () => {
    it('removes a held order when it closes', () => {
      const board = liveBoard();
      board.apply(order('a', 'ready', 1), T0);
      const change = board.apply(order('a', 'ready', 2, { closed: true }), T0);
      expect(change.changed).to.be.true;
      expect(board.size).to.equal(0);
    });

    for (const status of ['PICKED', 'PICKED_UP', 'DELIVERED', 'CANCELLED', 'ABANDONED', 'CLOSED']) {
      it(`removes a held order whose status becomes ${status}`, () => {
        const board = liveBoard();
        board.apply(order('a', 'ready', 1), T0);
        board.apply(order('a', 'ready', 2, { status }), T0);
        expect(board.size).to.equal(0);
        expect(board.columns().ready).to.be.empty;
      });
    }

    it('does not add a closed order it does not hold', () => {
      const board = liveBoard();
      expect(board.apply(order('a', 'ready', 1, { closed: true }), T0).changed).to.be.false;
      expect(board.apply(order('b', 'ready', 1, { status: 'PICKED' }), T0).changed).to.be.false;
      board.reconcile([order('c', 'paid', 1, { closed: true })], T0);
      expect(board.size).to.equal(0);
    });
  });

  describe('reconcile', () => {
    it('removes held orders missing from the snapshot, adds new ones and replaces changed ones', () => {
      const board = liveBoard();
      board.apply(order('gone', 'paid', 1), T0);
      board.apply(order('kept', 'paid', 1), T0);
      board.apply(order('changed', 'paid', 1), T0);
      const change = board.reconcile([order('kept', 'paid', 1), order('changed', 'preparing', 2), order('new')], T0);
      expect(change.changed).to.be.true;
      expect(ids(board.columns().preparing).sort()).to.deep.equal(['changed', 'kept', 'new']);
      expect(board.get('changed')?.stage).to.equal('preparing');
    });

    it('reports no change for a snapshot equal to what is held', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 1), T0);
      const version = board.version;
      expect(board.reconcile([order('a', 'paid', 1)], T0).changed).to.be.false;
      expect(board.version).to.equal(version);
    });

    it('ignores snapshot orders of other venues', () => {
      const board = liveBoard();
      board.reconcile([order('a', 'paid', 1, { buckets: [{ venue: 'elsewhere' }] })], T0);
      expect(board.size).to.equal(0);
    });

    it('keeps orders changed live since the snapshot was requested', () => {
      const board = liveBoard();
      board.apply(order('before', 'paid', 1), T0);
      board.apply(order('after', 'paid', 1), T0 + 2000);
      board.reconcile([], T0 + 3000, { requestedAt: T0 + 1000 });
      expect(ids(board.columns().preparing)).to.deep.equal(['after']);
      board.reconcile([], T0 + 5000, { requestedAt: T0 + 4000 });
      expect(board.size).to.equal(0);
    });
  });

  describe('newly ready and highlight', () => {
    it('never highlights nor announces the initial list', () => {
      const board = new OrderBoard({ venue: VENUE });
      expect(board.loading).to.be.true;
      const change = board.reconcile([order('a', 'ready', -5), order('b', 'paid')], T0);
      expect(board.loading).to.be.false;
      expect(change.changed).to.be.true;
      expect(change.newlyReady).to.be.empty;
      expect(board.get('a')?.highlighted).to.be.false;
      expect(board.nextDeadline()).to.be.undefined;
    });

    it('treats ready orders arriving live before the first snapshot as initial', () => {
      const board = new OrderBoard({ venue: VENUE });
      expect(board.apply(order('a', 'ready', -5), T0).newlyReady).to.be.empty;
      expect(board.reconcile([order('a', 'ready', -5)], T0 + 100).newlyReady).to.be.empty;
      expect(board.get('a')?.highlighted).to.be.false;
    });

    it('announces ready orders arriving once the initial load is done', () => {
      const board = new OrderBoard({ venue: VENUE });
      board.markLoaded();
      const change = board.apply(order('a', 'ready'), T0);
      expect(ids(change.newlyReady)).to.deep.equal(['a']);
      expect(change.newlyReady[0].highlighted).to.be.true;
    });

    it('announces and highlights an order that becomes ready live, exactly once', () => {
      const board = liveBoard();
      board.apply(order('a', 'preparing', 1), T0);
      const change = board.apply(order('a', 'ready', 2), T0 + 1000);
      expect(ids(change.newlyReady)).to.deep.equal(['a']);
      expect(change.newlyReady[0]).to.equal(board.get('a'));
      expect(board.get('a')?.highlighted).to.be.true;
      expect(board.get('a')?.readySince).to.equal(T0 + 1000);
      // duplicate, newer copy still ready, reconnect snapshot re-listing it
      expect(board.apply(order('a', 'ready', 2), T0 + 2000).newlyReady).to.be.empty;
      expect(board.apply(order('a', 'ready', 3, { claimCode: 'Z' }), T0 + 2000).newlyReady).to.be.empty;
      expect(board.reconcile([order('a', 'ready', 3)], T0 + 3000).newlyReady).to.be.empty;
      expect(board.get('a')?.readySince).to.equal(T0 + 1000);
    });

    it('announces an order a reconnect snapshot shows ready that was preparing', () => {
      const board = liveBoard();
      board.apply(order('a', 'preparing', 1), T0);
      const change = board.reconcile([order('a', 'ready', 2), order('b', 'ready', 2)], T0 + 1000);
      expect(ids(change.newlyReady).sort()).to.deep.equal(['a', 'b']);
    });

    it('ends the highlight highlightMs after the order became ready', () => {
      const board = liveBoard({ highlightMs: 10_000 });
      board.apply(order('a', 'ready', 1), T0);
      expect(board.nextDeadline()).to.equal(T0 + 10_000);
      expect(board.tick(T0 + 9_999).changed).to.be.false;
      expect(board.get('a')?.highlighted).to.be.true;
      expect(board.tick(T0 + 10_000).changed).to.be.true;
      expect(board.get('a')?.highlighted).to.be.false;
      expect(board.nextDeadline()).to.be.undefined;
    });

    it('uses a 15 s highlight by default and none with highlightMs 0', () => {
      const board = liveBoard();
      board.apply(order('a', 'ready', 1), T0);
      expect(board.nextDeadline()).to.equal(T0 + 15_000);
      const plain = liveBoard({ highlightMs: 0 });
      const change = plain.apply(order('a', 'ready', 1), T0);
      expect(ids(change.newlyReady)).to.deep.equal(['a']);
      expect(plain.get('a')?.highlighted).to.be.false;
      expect(plain.nextDeadline()).to.be.undefined;
    });

    it('highlights again after going back to preparing and ready again', () => {
      const board = liveBoard({ highlightMs: 1000 });
      board.apply(order('a', 'ready', 1), T0);
      board.tick(T0 + 1000);
      board.apply(order('a', 'preparing', 2), T0 + 2000);
      const change = board.apply(order('a', 'ready', 3), T0 + 3000);
      expect(ids(change.newlyReady)).to.deep.equal(['a']);
      expect(board.get('a')?.highlighted).to.be.true;
    });
  });

  describe('ready timeout', () => {
    it('removes a ready order readyTimeoutMs after it became ready', () => {
      const board = liveBoard({ readyTimeoutMs: 60_000, highlightMs: 0 });
      board.apply(order('a', 'ready', 1), T0);
      board.apply(order('b', 'paid', 1), T0);
      expect(board.tick(T0 + 59_999).changed).to.be.false;
      expect(board.size).to.equal(2);
      expect(board.tick(T0 + 60_000).changed).to.be.true;
      expect(ids(board.columns().ready)).to.be.empty;
      expect(ids(board.columns().preparing)).to.deep.equal(['b']);
    });

    it('never removes ready orders with the default 0', () => {
      const board = liveBoard({ highlightMs: 0 });
      board.apply(order('a', 'ready', 1), T0);
      board.tick(T0 + 86_400_000);
      expect(board.size).to.equal(1);
    });

    it('does not bring a timed-out order back on a duplicate, a newer ready copy or a snapshot', () => {
      const board = liveBoard({ readyTimeoutMs: 1000, highlightMs: 0 });
      board.apply(order('a', 'ready', 1), T0);
      board.tick(T0 + 1000);
      expect(board.apply(order('a', 'ready', 1), T0 + 2000).changed).to.be.false;
      expect(board.apply(order('a', 'ready', 2), T0 + 2000).changed).to.be.false;
      const change = board.reconcile([order('a', 'ready', 2)], T0 + 3000);
      expect(change.changed).to.be.false;
      expect(board.size).to.equal(0);
    });

    it('brings a timed-out order back when it goes back to preparing', () => {
      const board = liveBoard({ readyTimeoutMs: 1000, highlightMs: 0 });
      board.apply(order('a', 'ready', 1), T0);
      board.tick(T0 + 1000);
      expect(board.apply(order('a', 'preparing', 0), T0 + 2000).changed).to.be.false; // stale
      expect(board.apply(order('a', 'preparing', 2), T0 + 2000).changed).to.be.true;
      expect(board.get('a')?.column).to.equal('preparing');
    });

    it('times out initial ready orders counting from their lastChanged', () => {
      const board = new OrderBoard({ venue: VENUE, readyTimeoutMs: 60_000 });
      board.reconcile([order('old', 'ready', -120), order('recent', 'ready', -30)], T0);
      expect(board.nextDeadline()).to.equal(T0 - 60_000);
      board.tick(T0);
      expect(ids(board.columns().ready)).to.deep.equal(['recent']);
      expect(board.nextDeadline()).to.equal(T0 + 30_000);
    });
  });

  describe('nextDeadline', () => {
    it('is the earliest highlight end or ready timeout', () => {
      const board = liveBoard({ readyTimeoutMs: 30_000, highlightMs: 20_000 });
      expect(board.nextDeadline()).to.be.undefined;
      board.apply(order('a', 'ready', 1), T0 + 5000);
      board.apply(order('b', 'ready', 1), T0);
      expect(board.nextDeadline()).to.equal(T0 + 20_000);
      board.tick(T0 + 20_000);
      expect(board.nextDeadline()).to.equal(T0 + 25_000);
      board.tick(T0 + 25_000);
      expect(board.nextDeadline()).to.equal(T0 + 30_000);
      board.tick(T0 + 30_000);
      expect(ids(board.columns().ready)).to.deep.equal(['a']);
      expect(board.nextDeadline()).to.equal(T0 + 35_000);
    });

    it('follows removals', () => {
      const board = liveBoard();
      board.apply(order('a', 'ready', 1), T0);
      board.apply(order('a', 'ready', 2, { closed: true }), T0 + 1);
      expect(board.nextDeadline()).to.be.undefined;
    });
  });

  describe('numbers and names', () => {
    const rich = order('abcd-ef12-3456', 'paid', 1, {
      claimCode: 'YQ0W5O',
      buckets: [
        { venue: 'other', queuePos: '7' },
        { venue: VENUE, queuePos: '42' }
      ],
      extra: { 'x-customer-name': 'jan kowalski' },
      users: [{ name: 'Piotr Nowak' }]
    });

    it('numbers entries with numberSource and the venue', () => {
      const cases = [
        ['auto', '42'],
        ['queue-pos', '42'],
        ['claim-code', 'YQ0W5O'],
        ['id', '3456']
      ] as const;
      for (const [numberSource, expected] of cases) {
        const board = liveBoard({ numberSource });
        board.apply(rich, T0);
        expect(board.get(rich.id)?.number, numberSource).to.equal(expected);
      }
    });

    it('adds short names only with showNames', () => {
      const plain = liveBoard();
      plain.apply(rich, T0);
      expect(plain.get(rich.id)).not.to.have.property('name');
      const named = liveBoard({ showNames: true });
      named.apply(rich, T0);
      expect(named.get(rich.id)?.name).to.equal('jan K.');
      named.apply(order('n', 'paid', 1), T0);
      expect(named.get('n')).not.to.have.property('name');
    });

    it('shortens names from customer-name, x-customer-name, then users[0].name', () => {
      const full = order('a', 'paid', 0, { extra: { 'customer-name': ' Anna  Maria Kowalska ' } });
      expect(shortCustomerName(full)).to.equal('Anna K.');
      expect(
        shortCustomerName(
          order('a', 'paid', 0, { extra: { 'customer-name': '', 'x-customer-name': 'Ola' }, users: [{ name: 'X Y' }] })
        )
      ).to.equal('Ola');
      expect(shortCustomerName(order('a', 'paid', 0, { users: [{ name: 'Łukasz żak' }] }))).to.equal('Łukasz Ż.');
      expect(shortCustomerName(order('a'))).to.be.undefined;
    });
  });

  describe('hostile orders', () => {
    it('cuts long numbers to 12 characters and names to 40', () => {
      const long = 'W'.repeat(1_000_000);
      const board = liveBoard({ showNames: true });
      board.apply(
        order('a', 'paid', 0, { buckets: [{ venue: VENUE, queuePos: long }], extra: { 'customer-name': long } }),
        T0
      );
      expect(board.get('a')?.number).to.equal(`${'W'.repeat(11)}…`);
      expect(board.get('a')?.name).to.have.length(40);
    });

    it('skips an order it cannot take in, says what it threw, and keeps the rest of the board', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid'), T0);
      const bad = { ...order('b', 'paid'), buckets: [{ venue: VENUE }, null] } as unknown as Order;
      const change = board.apply(bad, T0);
      expect(change.changed).to.be.false;
      expect(change.error).to.be.instanceOf(TypeError);
      const unreadable = {
        ...order('c', 'paid', 1),
        get status(): string {
          throw new Error('unreadable');
        }
      };
      const reconciled = board.reconcile([order('a', 'ready', 2), bad, unreadable, order('d', 'paid')], T0);
      expect(reconciled.changed).to.be.true;
      expect(reconciled.error).to.be.instanceOf(TypeError);
      expect(ids(board.columns().ready)).to.deep.equal(['a']);
      expect(ids(board.columns().preparing)).to.deep.equal(['d']);
    });
  });

  describe('version and caching', () => {
    it('returns the same columns object until something changes', () => {
      const board = liveBoard();
      const v0 = board.version;
      board.apply(order('a', 'paid', 1), T0);
      expect(board.version).to.equal(v0 + 1);
      const first = board.columns();
      expect(board.columns()).to.equal(first);
      board.apply(order('a', 'paid', 1), T0); // duplicate
      board.apply(order('x', 'paid', 1, { buckets: [{ venue: 'other' }] }), T0); // other venue
      board.tick(T0 + 1_000_000); // nothing due
      expect(board.version).to.equal(v0 + 1);
      expect(board.columns()).to.equal(first);
      board.apply(order('b', 'paid', 1), T0);
      expect(board.version).to.equal(v0 + 2);
      const second = board.columns();
      expect(second).not.to.equal(first);
      expect(ids(second.preparing)).to.deep.equal(['a', 'b']);
      // unchanged orders keep their entry object
      expect(second.preparing[0]).to.equal(first.preparing[0]);
    });

    it('keeps a column that did not change as the same array', () => {
      const board = liveBoard();
      board.apply(order('a', 'paid', 1), T0);
      board.apply(order('b', 'ready', 1), T0);
      const first = board.columns();
      board.apply(order('c', 'ready', 2), T0 + 1000);
      const second = board.columns();
      expect(second.preparing, 'Preparing did not change').to.equal(first.preparing);
      expect(ids(second.ready)).to.deep.equal(['c', 'b']);
    });

    it('keeps the columns in display order through any mix of live copies, snapshots and ticks', () => {
      // The columns are kept in order change by change; this checks them against a full sort after every step.
      let seed = 42;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const stages: Stage[] = ['paid', 'preparing', 'ready', 'received'];
      const board = liveBoard({ highlightMs: 3000, readyTimeoutMs: 20_000 });
      let now = T0;
      const copies = new Map<string, Order>();
      for (let step = 0; step < 1500; step++) {
        now += Math.floor(random() * 400);
        const roll = random();
        if (roll < 0.9) {
          const id = `o${Math.floor(random() * 60)}`;
          const copy = order(id, stages[Math.floor(random() * stages.length)], (now - T0) / 1000, {
            completedTime: new Date(T0 + Math.floor(random() * 5) * 1000).toISOString(),
            closed: random() < 0.05
          });
          copies.set(id, copy);
          board.apply(copy, now);
        } else if (roll < 0.97) {
          board.tick(now);
        } else {
          board.reconcile(
            [...copies.values()].filter(() => random() < 0.8),
            now
          );
        }
        const { preparing, ready } = board.columns();
        const byPreparing = [...preparing].sort(
          (a, b) => (Date.parse(a.order.completedTime ?? '') || 0) - (Date.parse(b.order.completedTime ?? '') || 0)
        );
        expect(ids(preparing), `Preparing at step ${step}`).to.deep.equal(ids(byPreparing));
        const byReady = [...ready].sort((a, b) => b.readySince! - a.readySince!);
        expect(ids(ready), `Ready at step ${step}`).to.deep.equal(ids(byReady));
        expect(preparing.length + ready.length).to.equal(board.size);
        expect(new Set(ids([...preparing, ...ready])).size).to.equal(board.size);
        for (const entry of [...preparing, ...ready]) expect(board.get(entry.id)).to.equal(entry);
      }
    });

    it('increments version only when a call changed something', () => {
      const board = new OrderBoard({ venue: VENUE });
      expect(board.version).to.equal(0);
      expect(board.reconcile([], T0).changed).to.be.false;
      expect(board.reconcile([order('a')], T0).changed).to.be.true;
      expect(board.version).to.equal(1);
    });
  });
});
