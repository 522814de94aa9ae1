import { expect } from '@open-wc/testing';
import { checkOrder, checkOrderEventError, checkOrders } from '../../src/models/order-guard.js';
import { itemCount, orderStage, pickupNumber, shortCustomerName, type Order } from '../../src/models/order.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

/** The order `checkOrder` accepts, or a failed test. */
function accepted(body: unknown): Order {
  const checked = checkOrder(body, NOW);
  if (!checked.ok) throw new Error(`rejected: ${checked.reason}`);
  return checked.value;
}

describe('models/order-guard', () => {
  describe('checkOrder()', () => {
    it('accepts a valid order as it is', () => {
      const body = {
        id: 'o1',
        status: 'DELIVER',
        completed: true,
        lastChanged: '2025-03-01T11:59:00Z',
        buckets: [{ venue: 'v1', queuePos: '42', lines: [{ id: 'l1', status: 'PROCESSED', quantity: 2 }] }],
        payments: [{ amount: '10.00' }]
      };
      expect(accepted(body)).to.deep.equal(body);
    });

    it('normalises null and wrongly typed buckets, lines and users, so that the models read them', () => {
      const order = accepted({
        id: 'o1',
        status: 'DELIVER',
        completed: 'yes',
        buckets: [
          { venue: 'v1', queuePos: 7, lines: [null, { status: 5, quantity: 1e308 }, { quantity: -1 }] },
          null,
          3
        ],
        users: [null, { name: ['Anna'] }, { name: 'Anna Kowalska', roles: 'CUSTOMER' }],
        extra: { 'customer-name': 42, table: '4' }
      });
      expect(order.completed).to.be.undefined;
      expect(order.buckets).to.deep.equal([{ venue: 'v1', queuePos: '7', lines: [{}, {}] }]);
      expect(order.users).to.deep.equal([{}, { name: 'Anna Kowalska' }]);
      expect(order.extra).to.deep.equal({ table: '4' });
      expect(pickupNumber(order, 'auto', 'v1')).to.equal('7');
      expect(orderStage(order)).to.equal('ready');
      expect(itemCount(order)).to.equal(2);
      expect(shortCustomerName({ ...order, users: [{ name: 'Anna Kowalska' }] })).to.equal('Anna K.');
    });

    it('reads buckets, lines, codes that are not lists as absent', () => {
      for (const buckets of [null, {}, 'v1', 5, { 0: { venue: 'v1' } }]) {
        const order = accepted({ id: 'o1', buckets });
        expect(order.buckets, JSON.stringify(buckets)).to.be.undefined;
        expect(pickupNumber(order)).to.equal('O1');
        expect(orderStage(order)).to.equal('received');
      }
      expect(accepted({ id: 'o1', buckets: [{ lines: { 0: {} } }] }).buckets).to.deep.equal([{}]);
    });

    it('takes a lastChanged far in the future as now', () => {
      expect(accepted({ id: 'o1', lastChanged: '9999-12-31T23:59:59.999Z' }).lastChanged).to.equal(
        new Date(NOW).toISOString()
      );
      expect(accepted({ id: 'o1', lastChanged: 42 }).lastChanged).to.be.undefined;
    });

    it('rejects what is not an order, with a reason', () => {
      const reasons = [null, [], 'o1', 5, {}, { id: '' }, { id: 5 }, { id: 'x'.repeat(257) }].map(body => {
        const checked = checkOrder(body, NOW);
        return checked.ok ? 'accepted' : checked.reason;
      });
      expect(reasons).to.deep.equal([
        'the order is null',
        'the order is an array',
        'the order is a string',
        'the order is a number',
        'the order id is missing',
        'the order id is empty',
        'the order id is a number',
        'the order id is 257 characters long'
      ]);
      const deep = JSON.parse(`{"id":"o1","extra":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`) as unknown;
      expect(checkOrder(deep, NOW)).to.deep.equal({ ok: false, reason: 'the order is nested deeper than 64 levels' });
    });

    it('leaves notifications to their own guard, without a reason', () => {
      expect(checkOrder({ id: 'o1', type: 'OrderEventError' }, NOW)).to.deep.equal({ ok: false });
    });

    it('keeps keys named like Object.prototype members as data', () => {
      const order = accepted(JSON.parse('{"id":"o1","__proto__":{"status":"DELIVER"},"constructor":1}'));
      expect(order.status).to.be.undefined;
      expect(Object.keys(order)).to.include('__proto__');
    });
  });

  describe('checkOrderEventError()', () => {
    it('normalises codes, ids and the message', () => {
      const checked = checkOrderEventError({
        type: 'OrderEventError',
        orderId: 7,
        message: null,
        codes: [null, 5, { code: 3, message: 'Sold out' }, { code: 'venueClosed' }]
      });
      expect(checked).to.deep.equal({
        ok: true,
        value: { type: 'OrderEventError', codes: [{ message: 'Sold out' }, { code: 'venueClosed' }] }
      });
      expect(checkOrderEventError({ type: 'OrderEventError', codes: 5 })).to.deep.equal({
        ok: true,
        value: { type: 'OrderEventError' }
      });
    });

    it('rejects other types and what is not an object', () => {
      expect(checkOrderEventError({ type: 'OrderMessage' })).to.deep.equal({
        ok: false,
        reason: 'the type is "OrderMessage"'
      });
      expect(checkOrderEventError(null)).to.deep.equal({ ok: false, reason: 'the notification is null' });
    });
  });

  describe('checkOrders()', () => {
    it('keeps the orders of a snapshot, normalised, and leaves out the rest', () => {
      const orders = checkOrders([{ id: 'a', buckets: [null] }, null, { id: 5 }, { id: 'b' }], NOW);
      expect(orders).to.deep.equal([{ id: 'a', buckets: [] }, { id: 'b' }]);
      expect(checkOrders({ id: 'a' }, NOW)).to.deep.equal([]);
    });
  });
});
