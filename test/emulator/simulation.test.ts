import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Emulator, Order } from '../../demo/emulator/index.js';
import { Random } from '../../demo/emulator/simulation/random.js';
import { Scheduler } from '../../demo/emulator/simulation/scheduler.js';
import { accessToken, RawStomp, startTestEmulator, stompUrl } from './support.js';

/** What must be the same for the same seed: everything but the wall-clock timestamps. */
function fingerprint(orders: Order[]): string[] {
  return orders.map(order =>
    [
      order.id,
      order.status,
      order.users[0]?.userId,
      order.users[0]?.name,
      order.buckets[0]?.venue,
      order.buckets[0]?.queuePos,
      order.claimCode,
      order.buckets
        .flatMap(bucket => bucket.lines.map(line => `${line.quantity}x${line.product.literals.name}`))
        .join('+')
    ].join(' ')
  );
}

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const first = Array.from({ length: 20 }, () => a.next());
    assert.deepEqual(
      first,
      Array.from({ length: 20 }, () => b.next())
    );
    assert.notDeepEqual(
      first,
      Array.from({ length: 20 }, () => c.next())
    );
    assert.ok(first.every(value => value >= 0 && value < 1));
  });

  it('keeps int() within its bounds and hits both ends', () => {
    const random = new Random(3);
    const values = new Set(Array.from({ length: 500 }, () => random.int(1, 3)));
    assert.deepEqual([...values].sort(), [1, 2, 3]);
  });
});

describe('Scheduler', () => {
  it('runs tasks in due order, ties in scheduling order, only when time reaches them', () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    scheduler.after(20, () => ran.push('b'));
    scheduler.after(10, () => ran.push('a'));
    scheduler.after(20, () => ran.push('c'));
    scheduler.advanceTo(15);
    assert.deepEqual(ran, ['a']);
    assert.equal(scheduler.now, 15);
    scheduler.advanceTo(20);
    assert.deepEqual(ran, ['a', 'b', 'c']);
  });

  it('runs a task scheduled by a task within the same advance, at its own time', () => {
    const scheduler = new Scheduler();
    const times: number[] = [];
    scheduler.after(10, () => scheduler.after(5, () => times.push(scheduler.now)));
    scheduler.advanceTo(100);
    assert.deepEqual(times, [15]);
  });

  it('reports a failing task and still runs the others', () => {
    const errors: unknown[] = [];
    const scheduler = new Scheduler(error => errors.push(error));
    const ran: number[] = [];
    scheduler.after(1, () => {
      throw new Error('boom');
    });
    scheduler.after(2, () => ran.push(2));
    scheduler.advanceTo(5);
    assert.equal(errors.length, 1);
    assert.deepEqual(ran, [2]);
  });
});

describe('simulated restaurant', () => {
  const emulators: Emulator[] = [];
  const start = async (scenario: 'quiet' | 'rush-hour' | 'chaos', randomSeed: number) => {
    const emulator = await startTestEmulator({ scenario, randomSeed, paused: true });
    emulators.push(emulator);
    return emulator;
  };
  after(() => Promise.all(emulators.map(emulator => emulator.close())));

  it('is the same restaurant for the same seed, and another for another seed', async () => {
    const [a, b, c] = await Promise.all([start('quiet', 7), start('quiet', 7), start('quiet', 8)]);
    assert.ok(a.listOrders().length > 10, 'the warm-up placed orders');
    assert.deepEqual(fingerprint(a.listOrders()), fingerprint(b.listOrders()));
    assert.notDeepEqual(fingerprint(a.listOrders()), fingerprint(c.listOrders()));
    a.advanceScenario(600);
    b.advanceScenario(600);
    assert.deepEqual(fingerprint(a.listOrders()), fingerprint(b.listOrders()));
    assert.deepEqual(a.scenario().counts, b.scenario().counts);
  });

  it('quiet: a board with orders in the kitchen and ready, and the demo guest with an order on the way', async () => {
    const emulator = await start('quiet', 1);
    const open = emulator.listOrders().filter(order => !order.closed);
    const atV1 = open.filter(order => order.buckets[0]?.venue === 'v1' && order.completed);
    assert.ok(
      atV1.some(order => order.status === 'VERIFIED'),
      'some are being prepared'
    );
    assert.ok(
      atV1.some(order => order.status === 'DELIVER'),
      'some are ready'
    );
    assert.ok(atV1.length >= 3 && atV1.length <= 30, `a calm board: ${atV1.length} orders`);
    assert.ok(open.some(order => order.users[0]?.userId === 'guest-1' && order.users[0]?.name === 'Anna'));
    const names = new Set(
      emulator.listOrders().flatMap(order => order.buckets[0]!.lines.map(l => l.product.literals.name))
    );
    assert.ok(names.has('Pierogi ruskie') || names.has('Żurek') || names.size > 5, [...names].join(', '));
    emulator.advanceScenario(40 * 60);
    const { counts } = emulator.scenario();
    assert.ok(counts.pickedUp > 20, `picked up ${counts.pickedUp}`);
    for (const key of ['cancelled', 'errors', 'upsells', 'basketUpdates', 'receipts', 'venueClosures'] as const) {
      assert.ok(counts[key] > 0, `${key}: ${counts[key]}`);
    }
    assert.equal(counts.drops + counts.tokenExpiries + counts.malformed + counts.stale, 0, 'quiet injects no faults');
  });

  it('rush-hour: hundreds of orders and a long board', async () => {
    const emulator = await start('rush-hour', 7);
    emulator.advanceScenario(20 * 60);
    const { counts } = emulator.scenario();
    assert.ok(counts.ordersPlaced >= 300, `placed ${counts.ordersPlaced}`);
    const onBoard = emulator.listOrders().filter(order => order.completed && !order.closed);
    assert.ok(onBoard.length >= 100, `${onBoard.length} orders on the boards`);
  });

  it('leaves an order alone once someone else changed it', async () => {
    const emulator = await start('quiet', 2);
    const order = emulator.listOrders().find(candidate => !candidate.closed && candidate.status === 'VERIFIED');
    assert.ok(order);
    emulator.setOrderStatus(order.id, 'CANCELLED');
    emulator.advanceScenario(60 * 60);
    assert.equal(emulator.getOrder(order.id)?.status, 'CANCELLED');
  });

  it('chaos: drops connections, expires tokens, sends malformed, stale, duplicate and unknown messages', async () => {
    const emulator = await start('chaos', 5);
    const token = await accessToken(emulator);
    const board = async () => {
      const raw = await RawStomp.connect(stompUrl(emulator), await accessToken(emulator));
      raw.send('SUBSCRIBE\nid:0\ndestination:/kds/demo/v1\n\n\0');
      await emulator.waitForSubscription('/kds/demo/v1');
      return raw;
    };
    // Step through simulated time; after each step a marker message tells that everything before it has arrived.
    let raw = await board();
    const bodies: string[] = [];
    let dropped = 0;
    for (let step = 0; step < 360; step += 1) {
      emulator.advanceScenario(5);
      if (emulator.publish('/kds/demo/v1', { marker: step }) === 0) {
        dropped += 1;
        raw = await board();
        continue;
      }
      for (let body = ''; body !== JSON.stringify({ marker: step });) {
        body = (await raw.next()).body.toString();
        bodies.push(body);
      }
    }
    await raw.close();
    const { counts } = emulator.scenario();
    for (const key of ['drops', 'tokenExpiries', 'malformed', 'stale', 'duplicates', 'unknownTypes'] as const) {
      assert.ok(counts[key] > 0, `${key}: ${counts[key]}`);
    }
    assert.equal(dropped, counts.drops, 'every drop closed the board connection');
    const parsed = bodies.map(body => {
      try {
        return JSON.parse(body) as Partial<Order> & { hello?: string };
      } catch {
        return 'malformed';
      }
    });
    assert.ok(parsed.includes('malformed'), 'a malformed message reached the board');
    assert.ok(
      parsed.some(body => typeof body === 'object' && body.hello),
      'a message that is not an order reached it'
    );
    const versions = parsed.filter(
      (body): body is Order => typeof body === 'object' && typeof body.lastChanged === 'string'
    );
    const older = versions.some((order, index) =>
      versions.slice(0, index).some(seen => seen.id === order.id && seen.lastChanged > order.lastChanged)
    );
    assert.ok(older, 'an order arrived again in an older version (stale)');
    await assert.rejects(RawStomp.connect(stompUrl(emulator), token), 'the old access token expired');
  });
});
