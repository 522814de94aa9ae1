import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OrderStore } from '../../demo/emulator/domain/orders.js';
import { DEMO_VENUES, VenueStore } from '../../demo/emulator/domain/venues.js';
import { EmulatorError, ORDER_STAGES, type Emulator, type Order } from '../../demo/emulator/index.js';
import { accessToken, fetchJson, postJson, RawStomp, startTestEmulator, stompUrl } from './support.js';

function store(changes: Order[] = []): OrderStore {
  return new OrderStore('demo', new VenueStore(DEMO_VENUES), order => changes.push(order));
}

describe('orders', () => {
  describe('OrderStore', () => {
    it('creates an IOrder-shaped order with defaults', () => {
      const items = [{ name: 'Pierogi ruskie', quantity: 2, price: 24 }];
      const order = store().create({ customerName: 'Anna', items });
      assert.equal(order.id, '1001');
      assert.equal(order.tenant, 'demo');
      assert.equal(order.source, 'WEB');
      assert.equal(order.orderType, 'TAKE_AWAY');
      assert.equal(order.status, 'COMPLETED');
      assert.equal(order.completed, true);
      assert.equal(order.total, '48.00');
      assert.equal(order.editTotal, '48.00');
      assert.match(order.claimCode, /^[A-Z0-9]{6}$/);
      assert.deepEqual(order.users, [{ userId: 'guest-1', roles: ['CUSTOMER'], name: 'Anna' }]);
      assert.deepEqual(order.extra, { 'customer-name': 'Anna' });
      const [bucket] = order.buckets;
      assert.equal(bucket?.venue, 'v1');
      assert.equal(bucket?.name, 'Centrum');
      assert.equal(bucket?.queuePos, '1');
      const [line] = bucket?.lines ?? [];
      assert.equal(line?.status, 'CONFIRMED');
      assert.equal(line?.product.literals.name, 'Pierogi ruskie');
      assert.equal(line?.total, '48.00');
      assert.equal(order.created, order.lastChanged);
      assert.equal(order.completedTime, order.created);
    });

    it('numbers queue positions per venue and keeps explicit ones', () => {
      const orders = store();
      const positions = [
        orders.create({ venue: 'v1' }),
        orders.create({ venue: 'v2' }),
        orders.create({ venue: 'v1' }),
        orders.create({ venue: 'v1', queuePos: 'A7' })
      ].map(order => order.buckets[0]?.queuePos);
      assert.deepEqual(positions, ['1', '1', '2', 'A7']);
    });

    it('applies every stage to status, flags and line statuses', () => {
      const orders = store();
      orders.create({ id: 'o', status: 'NEW' });
      const expected: Record<string, [string, boolean, boolean, boolean, string]> = {
        NEW: ['NEW', false, false, false, 'NEW'],
        COMPLETED: ['COMPLETED', true, false, false, 'CONFIRMED'],
        VERIFIED: ['VERIFIED', true, true, false, 'CONFIRMED'],
        PREPARING: ['VERIFIED', true, true, false, 'PROCESSING'],
        READY: ['DELIVER', true, true, false, 'PROCESSED'],
        DELIVER: ['DELIVER', true, true, false, 'PROCESSED'],
        PICKED: ['PICKED', true, true, false, 'PROCESSED'],
        PICKED_UP: ['PICKED_UP', true, true, false, 'PROCESSED'],
        DELIVERED: ['DELIVERED', true, true, false, 'PROCESSED'],
        CLOSED: ['CLOSED', true, true, true, 'PROCESSED'],
        CANCELLED: ['CANCELLED', true, true, true, 'PROCESSED'],
        ABANDONED: ['ABANDONED', true, true, true, 'PROCESSED']
      };
      for (const stage of ORDER_STAGES) {
        orders.setStage('o', 'DELIVERED');
        const order = orders.setStage('o', stage);
        const lineStatus = order.buckets[0]?.lines[0]?.status;
        const actual = [order.status, order.completed, order.verified, order.closed, lineStatus];
        assert.deepEqual(actual, expected[stage], stage);
        assert.equal(order.closedDate !== undefined, order.closed, `${stage} closedDate`);
      }
    });

    it('stamps the times of the steps reached', () => {
      const orders = store();
      const preparing = orders.create({ status: 'PREPARING' });
      assert.ok(preparing.processingStartedTime);
      assert.equal(preparing.deliveredTime, undefined);
      const delivered = orders.setStage(preparing.id, 'DELIVERED');
      assert.equal(delivered.processingStartedTime, preparing.processingStartedTime);
      assert.ok(delivered.deliveredTime);
      const reopened = orders.setStage(preparing.id, 'NEW');
      assert.equal(reopened.completedTime, undefined);
    });

    it('makes lastChanged strictly increasing across all changes', () => {
      const changes: Order[] = [];
      const orders = store(changes);
      orders.create({ id: 'a' });
      orders.create({ id: 'b' });
      for (let index = 0; index < 50; index++) orders.setStage(index % 2 ? 'a' : 'b', 'READY');
      const times = changes.map(order => Date.parse(order.lastChanged));
      assert.equal(times.length, 52);
      times.slice(1).forEach((time, index) => assert.ok(time > (times[index] ?? 0)));
      assert.match(changes[0]?.lastChanged ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('refuses unknown stages, venues, duplicate ids and bad items', () => {
      const orders = store();
      orders.create({ id: 'taken' });
      const status = (action: () => unknown) => {
        try {
          action();
        } catch (error) {
          return error instanceof EmulatorError ? error.status : -1;
        }
        return 0;
      };
      assert.equal(
        status(() => orders.setStage('taken', 'COOKING')),
        400
      );
      assert.equal(
        status(() => orders.setStage('missing', 'READY')),
        404
      );
      assert.equal(
        status(() => orders.create({ id: 'taken' })),
        409
      );
      assert.equal(
        status(() => orders.create({ venue: 'v9' })),
        400
      );
      assert.equal(
        status(() => orders.create({ id: 'a/b' })),
        400
      );
      assert.equal(
        status(() => orders.create({ items: [{ name: 'x', quantity: 0 }] })),
        400
      );
    });
  });

  describe('publishing', () => {
    let emulator: Emulator;
    let guest: RawStomp;
    const destinations = ['/order-changes/guest-1/o-1', '/order-changes/demo/guest-1', '/kds/demo/v1'];

    before(async () => {
      emulator = await startTestEmulator();
      guest = await RawStomp.connect(stompUrl(emulator), await accessToken(emulator));
      destinations.forEach((destination, index) =>
        guest.send(`SUBSCRIBE\nid:${index}\ndestination:${destination}\n\n\0`)
      );
      await Promise.all(destinations.map(destination => emulator.waitForSubscription(destination)));
    });
    after(async () => {
      await guest.close();
      await emulator.close();
    });

    /** The next `count` MESSAGE frames as [destination, order]. */
    async function messages(count: number): Promise<[string, Order][]> {
      const received: [string, Order][] = [];
      for (let index = 0; index < count; index++) {
        const frame = await guest.next();
        received.push([frame.headers.destination ?? '', JSON.parse(frame.body.toString())]);
      }
      return received;
    }

    it('publishes a completed order to the order, user and venue destinations', async () => {
      const created = await postJson<Order>(`${emulator.url}/__emulator/orders`, {
        id: 'o-1',
        customerName: 'Ola',
        items: [{ name: 'Kompot', price: '8.00' }]
      });
      assert.equal(created.status, 201);
      const received = await messages(3);
      assert.deepEqual(received.map(([destination]) => destination).sort(), [...destinations].sort());
      received.forEach(([, order]) => assert.deepEqual(order, created.body));
    });

    it('publishes status changes, to the venue only once completed, including the closing one', async () => {
      emulator.createOrder({ id: 'o-2', status: 'NEW' });
      assert.deepEqual(
        (await messages(1)).map(([destination]) => destination),
        ['/order-changes/demo/guest-1']
      );
      const ready = await postJson<Order>(`${emulator.url}/__emulator/orders/o-2/status`, { status: 'READY' });
      assert.equal(ready.body.status, 'DELIVER');
      assert.deepEqual(
        (await messages(2)).map(([destination]) => destination),
        ['/order-changes/demo/guest-1', '/kds/demo/v1']
      );
      emulator.setOrderStatus('o-2', 'CLOSED');
      const closed = await messages(2);
      assert.ok(closed.every(([, order]) => order.closed && order.status === 'CLOSED'));
      assert.equal((await fetchJson<Order>(`${emulator.url}/__emulator/orders/o-2`)).body.status, 'CLOSED');
    });

    it('answers 400 for a bad stage or input and 404 for an unknown order', async () => {
      const url = `${emulator.url}/__emulator/orders`;
      assert.equal((await postJson(`${url}/o-1/status`, { status: 'COOKING' })).status, 400);
      assert.equal((await postJson(`${url}/o-1/status`, {})).status, 400);
      assert.equal((await postJson(`${url}/nope/status`, { status: 'READY' })).status, 404);
      assert.equal((await fetchJson(`${url}/nope`)).status, 404);
      assert.equal((await postJson(url, { items: 'Pierogi' })).status, 400);
      assert.equal((await postJson(url, { items: [{ quantity: 1 }] })).status, 400);
      assert.equal((await postJson(url, { id: 'o-1' })).status, 409);
      const bad = await fetchJson(url, { method: 'POST', body: '{"id":' });
      assert.deepEqual(bad, { ...bad, status: 400, body: { error: 'Request body is not valid JSON' } });
    });

    it('answers a body nested 10,000 levels deep with 400, not 500 (orders and publish)', async () => {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      for (const [path, body] of [
        [`${emulator.url}/__emulator/orders`, deep],
        [`${emulator.url}/__emulator/publish`, `{"destination":"/kds/demo/v1","body":${deep}}`]
      ]) {
        const answer = await fetchJson(path, { method: 'POST', body });
        assert.equal(answer.status, 400, path);
        assert.match(String((answer.body as { error?: string }).error), /nested more than 256 levels/);
      }
    });
  });

  describe('demo seed', () => {
    it('starts with the guest’s order 1001 and other orders at v1', async () => {
      const emulator = await startTestEmulator({ seed: true });
      try {
        const order = emulator.getOrder('1001');
        assert.equal(order?.users[0]?.userId, 'guest-1');
        assert.equal(order?.extra?.['customer-name'], 'Anna');
        assert.equal(order?.status, 'VERIFIED');
        assert.equal(order?.buckets[0]?.lines[0]?.status, 'PROCESSING');
        assert.equal(order?.buckets[0]?.lines.length, 2);
        const others = emulator.listOrders().filter(other => other.id !== '1001');
        assert.ok(others.length >= 3);
        assert.ok(others.every(other => other.completed && other.buckets[0]?.venue === 'v1'));
        assert.deepEqual([...new Set(others.map(other => other.status))].sort(), ['DELIVER', 'VERIFIED']);
      } finally {
        await emulator.close();
      }
    });
  });
});
