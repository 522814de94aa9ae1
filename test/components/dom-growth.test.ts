import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/components/user-toasts/user-toasts.js';
import '../../src/components/venue-queue/venue-queue.js';
import type { OsUserToasts } from '../../src/components/user-toasts/user-toasts.js';
import type { OsVenueQueue } from '../../src/components/venue-queue/venue-queue.js';
import type { Order } from '../../src/models/order.js';
import { boardOrder, type BoardStage } from '../support/board-orders.js';
import type { FakeStompClient } from '../support/fake-stomp-client.js';
import { useFakeHub } from '../support/use-fake-hub.js';

// A board runs all day on a screen nobody touches: whatever comes and goes, its shadow root must not grow. lit-html
// 3.3's repeat() left a comment marker behind for every item removed (lit/lit#5010), about one per order and one per
// tile per page turn. These tests drive the elements through thousands of lifecycles and compare the node counts in
// identical states after the first round and after the last.

const API = 'https://api.test';

/** Comment and element nodes below `root`. */
function census(root: Node): { comments: number; elements: number } {
  const count = (what: number) => {
    const walker = document.createTreeWalker(root, what);
    let n = 0;
    while (walker.nextNode()) n++;
    return n;
  };
  return { comments: count(NodeFilter.SHOW_COMMENT), elements: count(NodeFilter.SHOW_ELEMENT) };
}

/** Both counts at most `slack` above the first round's. */
function expectBounded(label: string, first: ReturnType<typeof census>, last: ReturnType<typeof census>, slack = 5) {
  const text = `${label}: first round ${JSON.stringify(first)}, last round ${JSON.stringify(last)}`;
  expect(last.comments, text).to.be.at.most(first.comments + slack);
  expect(last.elements, text).to.be.at.most(first.elements + slack);
}

describe('no DOM growth under churn', () => {
  let fake: FakeStompClient;
  let time: sinon.SinonFakeTimers | undefined;

  afterEach(() => {
    time?.restore();
    time = undefined;
  });

  describe('<os-venue-queue>', () => {
    useFakeHub(
      { config: { apiUrl: API }, random: () => 0.5, answer: () => ({ status: 200, body: [] }) },
      made => ({ fake } = made)
    );

    let changed = 0;
    const order = (n: number, stage: BoardStage): Order => boardOrder(n, stage, Date.now() - 60_000 + ++changed);

    it('2,040 order lifecycles and 85 page periods of two paged columns leave as many nodes as the first round', async function () {
      this.timeout(30_000);
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: 480px; height: 320px">
          <os-venue-queue api-url=${API} tenant="demo" venue="v1" highlight-seconds="10"></os-venue-queue>
        </div>`
      );
      const el = box.querySelector<OsVenueQueue>('os-venue-queue')!;
      await fake.connect();
      // Polled by frames, not with waitUntil: its real timeout timer would meet the fake clock below.
      for (let i = 0; i < 300 && el.shadowRoot!.querySelector('.message--loading'); i++) await nextFrame();
      expect(el.shadowRoot!.querySelector('.message--loading'), 'the snapshot was not applied').to.not.exist;
      // From here on the clock is fake: page turns, highlights and timestamps are the same in every round.
      time = sinon.useFakeTimers({
        now: Date.now(),
        toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']
      });
      const send = async (...orders: Order[]) => {
        for (const o of orders) fake.deliver('/kds/demo/v1', JSON.stringify(o));
        await el.updateComplete;
      };
      const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

      let next = 0;
      let full: ReturnType<typeof census> | undefined;
      let empty: ReturnType<typeof census> | undefined;
      let pages = 0;
      const ROUNDS = 17;
      for (let round = 1; round <= ROUNDS; round++) {
        // Fill: 40 preparing, 40 ready, both columns paged.
        const preparing = range(next, 40);
        const ready = range(next + 40, 40);
        next += 80;
        await send(...preparing.map(n => order(n, 'PREPARING')), ...ready.map(n => order(n, 'READY')));
        await el.updateComplete; // the tiles are measured: a second render pages them
        await el.updateComplete;
        const fullNow = census(el.shadowRoot!);
        // Churn: 5 × (8 new, 8 preparing → ready, 8 ready → closed, a page turn).
        for (let step = 0; step < 5; step++) {
          const fresh = range(next, 8);
          next += 8;
          await send(...fresh.map(n => order(n, 'PREPARING')));
          preparing.push(...fresh);
          const moved = preparing.splice(0, 8);
          await send(...moved.map(n => order(n, 'READY')));
          ready.push(...moved);
          await send(...ready.splice(0, 8).map(n => order(n, 'CLOSED')));
          if (el.shadowRoot!.querySelector('[part~="page-indicator"]')) pages++;
          time.tick(8_000);
          await el.updateComplete;
        }
        // Drain: every order closed, the highlights over.
        await send(...[...preparing, ...ready].map(n => order(n, 'CLOSED')));
        time.tick(20_000);
        await el.updateComplete;
        const emptyNow = census(el.shadowRoot!);
        if (round === 1) {
          full = fullNow;
          empty = emptyNow;
        } else if (round === ROUNDS) {
          expectBounded('full board', full!, fullNow);
          expectBounded('empty board', empty!, emptyNow);
        }
      }
      expect(next).to.equal(ROUNDS * 120);
      expect(pages, 'the columns paged').to.be.at.least(ROUNDS * 4);
    });
  });

  describe('<os-user-toasts>', () => {
    useFakeHub({ config: { apiUrl: API, userId: 'u1' } }, made => ({ fake } = made));

    it('3,000 toasts shown, updated, dismissed, timed out and cleared leave as many nodes as the first round', async () => {
      const el = await fixture<OsUserToasts>(
        html`<os-user-toasts api-url=${API} tenant="demo" user-id="u1" duration="5000"></os-user-toasts>`
      );
      await fake.connect();
      time = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      let full: ReturnType<typeof census> | undefined;
      let empty: ReturnType<typeof census> | undefined;
      const ROUNDS = 500;
      for (let round = 1; round <= ROUNDS; round++) {
        // Six toasts: three visible, three waiting; one from the server, updated in place.
        for (let i = 0; i < 5; i++) el.show({ kind: i === 2 ? 'error' : 'info', message: `toast ${round}.${i}` });
        fake.deliver(
          '/kds/demo/u1',
          JSON.stringify({ type: 'OrderMessage', orderId: 'o1', correlationId: `c${round}` })
        );
        fake.deliver(
          '/kds/demo/u1',
          JSON.stringify({ type: 'OrderMessage', orderId: 'o1', correlationId: `c${round}` })
        );
        await el.updateComplete;
        const visible = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toast"]')];
        expect(visible).to.have.length(3);
        el.dismiss(visible[1].id); // from the middle
        await el.updateComplete;
        time.tick(5_000); // the info toasts time out, the error stays
        await el.updateComplete;
        const fullNow = census(el.shadowRoot!);
        el.clear();
        await el.updateComplete;
        const emptyNow = census(el.shadowRoot!);
        if (round === 1) {
          full = fullNow;
          empty = emptyNow;
        } else if (round === ROUNDS) {
          expectBounded('toasts shown', full!, fullNow);
          expectBounded('no toasts', empty!, emptyNow);
        }
      }
    });
  });
});
