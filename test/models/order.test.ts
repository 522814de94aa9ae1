import { expect } from '@open-wc/testing';
import {
  errorMessage,
  isFinalStage,
  isNotOlder,
  itemCount,
  orderStage,
  orderTimeline,
  pickupNumber,
  shortCustomerName,
  type Order
} from '../../src/models/order.js';

const line = (status: string) => ({ status, quantity: 1 });

describe('models/order', () => {
  describe('orderStage()', () => {
    it('maps a new order to received', () => {
      expect(orderStage({ id: 'o1', status: 'NEW' })).to.equal('received');
      expect(orderStage({ id: 'o1' })).to.equal('received');
    });

    it('maps COMPLETED and VERIFIED (paid) to paid', () => {
      expect(orderStage({ id: 'o1', status: 'COMPLETED' })).to.equal('paid');
      expect(orderStage({ id: 'o1', status: 'VERIFIED' })).to.equal('paid');
      expect(orderStage({ id: 'o1', status: 'NEW', completed: true })).to.equal('paid');
    });

    it('maps a paid order with lines in progress to preparing', () => {
      const order: Order = {
        id: 'o1',
        status: 'COMPLETED',
        buckets: [{ lines: [line('PROCESSING'), line('CONFIRMED')] }]
      };
      expect(orderStage(order)).to.equal('preparing');
      const partly: Order = {
        id: 'o1',
        status: 'VERIFIED',
        buckets: [{ lines: [line('PROCESSED'), line('CONFIRMED')] }]
      };
      expect(orderStage(partly)).to.equal('preparing');
    });

    it('maps DELIVER, or every live line processed, to ready (ignoring void, waste and technical lines)', () => {
      expect(orderStage({ id: 'o1', status: 'DELIVER' })).to.equal('ready');
      const order: Order = {
        id: 'o1',
        status: 'COMPLETED',
        buckets: [{ lines: [line('PROCESSED'), line('VOID'), line('TECHNICAL')] }, { lines: [line('PROCESSED')] }]
      };
      expect(orderStage(order)).to.equal('ready');
    });

    it('does not move an unpaid order past received because of line statuses', () => {
      expect(orderStage({ id: 'o1', status: 'NEW', buckets: [{ lines: [line('PROCESSED')] }] })).to.equal('received');
    });

    it('maps PICKED, PICKED_UP and a paid CLOSED order to picked-up, or delivered for delivery types', () => {
      expect(orderStage({ id: 'o1', status: 'PICKED' })).to.equal('picked-up');
      expect(orderStage({ id: 'o1', status: 'PICKED_UP' })).to.equal('picked-up');
      expect(orderStage({ id: 'o1', status: 'CLOSED', completed: true })).to.equal('picked-up');
      expect(orderStage({ id: 'o1', status: 'PICKED', orderType: 'GLOVO_DELIVERY' })).to.equal('delivered');
      expect(orderStage({ id: 'o1', status: 'DELIVERED' })).to.equal('delivered');
    });

    it('maps CANCELLED, ABANDONED and an unpaid CLOSED order to the terminal states', () => {
      expect(orderStage({ id: 'o1', status: 'CANCELLED' })).to.equal('cancelled');
      expect(orderStage({ id: 'o1', status: 'ABANDONED' })).to.equal('abandoned');
      expect(orderStage({ id: 'o1', status: 'CLOSED' })).to.equal('abandoned');
      expect(orderStage({ id: 'o1', status: 'CLOSED', completedTime: '2025-01-01T10:00:00Z' })).to.equal('picked-up');
    });

    it('is case-insensitive about the status', () => {
      expect(orderStage({ id: 'o1', status: 'deliver' })).to.equal('ready');
    });

    it('marks only the end states as final', () => {
      expect(['picked-up', 'delivered', 'cancelled', 'abandoned'].every(s => isFinalStage(s as never))).to.be.true;
      expect(['received', 'paid', 'preparing', 'ready'].some(s => isFinalStage(s as never))).to.be.false;
    });
  });

  describe('pickupNumber()', () => {
    it('prefers the queue position, then the claim code, then a short id', () => {
      expect(pickupNumber({ id: 'o1', claimCode: 'YQ0W5O', buckets: [{ queuePos: '42' }] })).to.equal('42');
      expect(pickupNumber({ id: 'o1', claimCode: 'YQ0W5O', buckets: [{}] })).to.equal('YQ0W5O');
      expect(pickupNumber({ id: '0b3e-55aa-91fc' })).to.equal('91FC');
    });

    it('uses the bucket of the given venue when there are several', () => {
      const order: Order = {
        id: 'o1',
        buckets: [
          { venue: 'v1', queuePos: '7' },
          { venue: 'v2', queuePos: '12' }
        ]
      };
      expect(pickupNumber(order, 'auto', 'v2')).to.equal('12');
      expect(pickupNumber(order)).to.equal('7');
    });

    it('honours an explicit source', () => {
      const order: Order = { id: 'abcd-1234', claimCode: 'CC', buckets: [{ queuePos: '5' }] };
      expect(pickupNumber(order, 'claim-code')).to.equal('CC');
      expect(pickupNumber(order, 'queue-pos')).to.equal('5');
      expect(pickupNumber(order, 'id')).to.equal('1234');
      expect(pickupNumber({ id: 'abcd-1234' }, 'claim-code')).to.equal('1234');
    });
  });

  describe('bounds', () => {
    it('cuts numbers to 12 characters and names to 40', () => {
      const long = '9'.repeat(1_000_000);
      expect(pickupNumber({ id: 'o1', buckets: [{ queuePos: long }] })).to.equal(`${'9'.repeat(11)}…`);
      expect(pickupNumber({ id: 'o1', claimCode: long }, 'claim-code')).to.have.length(12);
      const name = 'A'.repeat(1_000_000);
      expect(shortCustomerName({ id: 'o1', users: [{ name }] })).to.have.length(40);
      expect(shortCustomerName({ id: 'o1', users: [{ name: `${name} Kowalska` }] })).to.equal(`${'A'.repeat(36)}… K.`);
      expect(shortCustomerName({ id: 'o1', users: [{ name: 'Anna \u{1F354}x' }] })).to.equal('Anna \u{1F354}.');
    });

    it('cuts error messages to 500 characters', () => {
      expect(errorMessage({ message: 'W'.repeat(1_000_000) }, () => undefined, 'Oops')).to.have.length(500);
    });
  });

  describe('isNotOlder()', () => {
    const held: Order = { id: 'o1', lastChanged: '2025-01-01T10:00:00.000Z' };

    it('accepts anything when nothing is held', () => {
      expect(isNotOlder({ id: 'o1', lastChanged: '2020-01-01T00:00:00Z' }, undefined)).to.be.true;
    });

    it('accepts a newer or equally old copy and rejects an older one', () => {
      expect(isNotOlder({ id: 'o1', lastChanged: '2025-01-01T10:00:01.000Z' }, held)).to.be.true;
      expect(isNotOlder({ id: 'o1', lastChanged: '2025-01-01T10:00:00.000Z' }, held)).to.be.true;
      expect(isNotOlder({ id: 'o1', lastChanged: '2025-01-01T09:59:59.999Z' }, held)).to.be.false;
    });

    it('compares as dates, not as strings', () => {
      // 11:00+02:00 is 09:00Z, older than 10:00Z although it sorts after it as a string.
      expect(isNotOlder({ id: 'o1', lastChanged: '2025-01-01T11:00:00+02:00' }, held)).to.be.false;
    });

    it('accepts copies without a comparable lastChanged', () => {
      expect(isNotOlder({ id: 'o1' }, held)).to.be.true;
      expect(isNotOlder({ id: 'o1', lastChanged: 'not a date' }, held)).to.be.true;
      expect(isNotOlder({ id: 'o1', lastChanged: '2000-01-01T00:00:00Z' }, { id: 'o1' })).to.be.true;
    });
  });

  describe('orderTimeline()', () => {
    const summary = (order: Order) =>
      orderTimeline(order).map(s => `${s.stage}${s.current ? '*' : ''}${s.done ? '+' : ''}${s.terminal ? '!' : ''}`);

    it('walks the normal path, marking the steps behind and the current one', () => {
      expect(summary({ id: 'o1', status: 'COMPLETED' })).to.deep.equal([
        'received+',
        'paid*',
        'preparing',
        'ready',
        'picked-up'
      ]);
      expect(summary({ id: 'o1', status: 'DELIVER' })).to.deep.equal([
        'received+',
        'paid+',
        'preparing+',
        'ready*',
        'picked-up'
      ]);
    });

    it('marks the last step done as well as current once the order is picked up', () => {
      expect(summary({ id: 'o1', status: 'PICKED' })).to.deep.equal([
        'received+',
        'paid+',
        'preparing+',
        'ready+',
        'picked-up*+'
      ]);
    });

    it('ends in delivered for delivery orders', () => {
      expect(
        orderTimeline({ id: 'o1', status: 'DELIVER', orderType: 'DELIVERY' })
          .map(s => s.stage)
          .at(-1)
      ).to.equal('delivered');
    });

    it('shows only the steps that happened before a cancellation or abandonment, ending in a terminal step', () => {
      expect(summary({ id: 'o1', status: 'CANCELLED', completed: true })).to.deep.equal([
        'received+',
        'paid+',
        'cancelled*!'
      ]);
      expect(summary({ id: 'o1', status: 'ABANDONED' })).to.deep.equal(['received+', 'abandoned*!']);
    });
  });

  describe('itemCount()', () => {
    it('adds the quantities of live lines, counting a line without one as 1', () => {
      const order: Order = {
        id: 'o1',
        buckets: [
          {
            lines: [
              { status: 'NEW', quantity: 2 },
              { status: 'VOID', quantity: 5 }
            ]
          },
          { lines: [{ status: 'NEW' }] }
        ]
      };
      expect(itemCount(order)).to.equal(3);
      expect(itemCount({ id: 'o2' })).to.equal(0);
    });
  });

  describe('errorMessage()', () => {
    const localized = (code: string) => (code === 'venueClosed' ? 'The venue is closed.' : undefined);

    it('prefers the first code with a localized text, then the message, then a code message, then the generic text', () => {
      expect(
        errorMessage({ codes: [{ code: 'x' }, { code: 'venueClosed' }], message: 'raw' }, localized, 'Oops')
      ).to.equal('The venue is closed.');
      expect(
        errorMessage({ codes: [{ code: 'x', message: 'code text' }], message: ' raw ' }, localized, 'Oops')
      ).to.equal('raw');
      expect(errorMessage({ codes: [{ code: 'x', message: 'code text' }] }, localized, 'Oops')).to.equal('code text');
      expect(errorMessage({}, localized, 'Oops')).to.equal('Oops');
    });

    it('tolerates malformed codes and messages', () => {
      expect(errorMessage({ codes: [null, 5, { code: 7 }], message: 42 }, localized, 'Oops')).to.equal('Oops');
      expect(errorMessage({ codes: 5 }, localized, 'Oops')).to.equal('Oops');
    });
  });
});
