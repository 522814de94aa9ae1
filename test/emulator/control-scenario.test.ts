import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Emulator } from '../../demo/emulator/index.js';
import { accessToken, fetchJson, postJson, RawStomp, startTestEmulator, stompUrl } from './support.js';

interface ScenarioAnswer {
  name: string;
  seed: number;
  speed: number;
  paused: boolean;
  simulatedSeconds: number;
  counts: Record<string, number>;
}

describe('control API: scenario, notifications, venues and log', () => {
  let emulator: Emulator;
  let token: string;
  const control = <T = Record<string, unknown>>(path: string, body: unknown = {}) =>
    postJson<T>(`${emulator.url}/__emulator/${path}`, body);
  const read = <T = Record<string, unknown>>(path: string) => fetchJson<T>(`${emulator.url}/__emulator/${path}`);
  /** A raw STOMP connection subscribed to the destinations. */
  const listen = async (...destinations: string[]) => {
    const raw = await RawStomp.connect(stompUrl(emulator), token);
    destinations.forEach((destination, id) => raw.send(`SUBSCRIBE\nid:${id}\ndestination:${destination}\n\n\0`));
    for (const destination of destinations) await emulator.waitForSubscription(destination);
    return raw;
  };
  const body = async (raw: RawStomp) => JSON.parse((await raw.next()).body.toString()) as Record<string, unknown>;

  before(async () => {
    emulator = await startTestEmulator();
    token = await accessToken(emulator, 'staff');
  });
  after(() => emulator.close());

  it('GET scenario answers none without a simulation', async () => {
    const { status, body: scenario } = await read<ScenarioAnswer>('scenario');
    assert.equal(status, 200);
    assert.equal(scenario.name, 'none');
    assert.equal(scenario.counts.ordersPlaced, 0);
  });

  it('POST scenario restarts with a scenario and seed, forgets old orders and drops connections to re-sync', async () => {
    emulator.createOrder({ id: 'manual-1' });
    const raw = await listen('/kds/demo/v1');
    const { status, body: scenario } = await control<ScenarioAnswer>('scenario', {
      name: 'quiet',
      seed: 4,
      paused: true
    });
    assert.equal(status, 200);
    assert.deepEqual([scenario.name, scenario.seed, scenario.paused], ['quiet', 4, true]);
    assert.ok(scenario.counts.ordersPlaced > 10);
    assert.equal(emulator.getOrder('manual-1'), undefined);
    assert.ok(emulator.listOrders().length > 10);
    assert.ok(await raw.closed, 'clients were dropped so that they re-sync');
  });

  it('POST scenario answers 400 for a bad name, seed or speed', async () => {
    for (const input of [
      { name: 'lunch' },
      { seed: -1 },
      { seed: 1.5 },
      { speed: 0 },
      { speed: 'fast' },
      { paused: 'yes' }
    ]) {
      const response = await control('scenario', input);
      assert.equal(response.status, 400, JSON.stringify(input));
      assert.equal(typeof response.body.error, 'string');
    }
  });

  it('advance runs simulated time while paused; pause and resume switch the clock', async () => {
    await control('scenario', { name: 'quiet', seed: 4, paused: true, speed: 1000 });
    const before = (await read<ScenarioAnswer>('scenario')).body;
    const advanced = (await control<ScenarioAnswer>('scenario/advance', { seconds: 600 })).body;
    assert.equal(advanced.simulatedSeconds, before.simulatedSeconds + 600);
    assert.ok(advanced.counts.ordersPlaced > before.counts.ordersPlaced);
    assert.equal((await control('scenario/advance', {})).status, 400);
    assert.equal((await control<ScenarioAnswer>('scenario/resume')).body.paused, false);
    // At 1000× a few real milliseconds are simulated seconds: wait until the clock has moved.
    for (let moved = false; !moved;) {
      moved = (await read<ScenarioAnswer>('scenario')).body.simulatedSeconds > advanced.simulatedSeconds;
    }
    const paused = (await control<ScenarioAnswer>('scenario/pause')).body;
    assert.equal(paused.paused, true);
    assert.equal((await read<ScenarioAnswer>('scenario')).body.simulatedSeconds, paused.simulatedSeconds);
    await control('scenario', { name: 'none', speed: 1 });
  });

  it('notify sends each kind to the user; an error also to the order', async () => {
    const raw = await listen('/kds/demo/guest-1', '/order-changes/guest-1/1001');
    const kinds = {
      basket: 'OrderAppliedEvents',
      upsell: 'OrderUpsell',
      message: 'OrderMessage',
      fiscal: 'OrderEventFiscal'
    };
    for (const [kind, type] of Object.entries(kinds)) {
      const answer = await control('users/guest-1/notify', { kind, orderId: '1001' });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.delivered, 1, kind);
      const message = await body(raw);
      assert.equal(message.type, type);
      assert.equal(message.orderId, '1001');
    }
    const error = await control('users/guest-1/notify', { kind: 'error', orderId: '1001', message: 'Sold out' });
    assert.equal(error.body.delivered, 2);
    const [first, second] = [await body(raw), await body(raw)];
    assert.equal(first.type, 'OrderEventError');
    assert.equal(first.message, 'Sold out');
    assert.deepEqual(first.codes, [{ code: 'productNotAvailable', message: 'Sold out', args: null }]);
    assert.deepEqual(second, first);
    const abandon = (await control('users/guest-1/notify', { kind: 'cannot-abandon', orderId: '1001' })).body;
    assert.deepEqual(
      (abandon.body as { codes: { code: string }[] }).codes.map(code => code.code),
      ['cannotAbandon']
    );
    assert.equal((await control('users/guest-1/notify', { kind: 'nonsense' })).status, 400);
    assert.equal((await control('users/guest-1/notify', {})).status, 400);
    await raw.close();
  });

  it('venues/{id} closes and re-opens a venue and publishes its configuration', async () => {
    const raw = await listen('/venue/demo/v2', '/venues/demo/v2');
    const closed = await control('venues/v2', { tempDisabled: true, tempDisabledReason: 'Back at 14:00' });
    assert.equal(closed.status, 200);
    assert.deepEqual([closed.body.tempDisabled, closed.body.tempDisabledReason], [true, 'Back at 14:00']);
    for (let i = 0; i < 2; i += 1) assert.equal((await body(raw)).tempDisabledReason, 'Back at 14:00');
    assert.equal((await read('venues/v2')).body.tempDisabled, true);
    const opened = await control('venues/v2', { tempDisabled: false });
    assert.equal(opened.body.tempDisabled, false);
    assert.equal('tempDisabledReason' in opened.body, false);
    assert.equal((await body(raw)).tempDisabled, false);
    assert.equal((await control('venues/v2', { active: false })).body.active, false);
    await control('venues/v2', { active: true });
    await raw.close();
    assert.equal((await control('venues/nowhere', { active: false })).status, 404);
    assert.equal((await read('venues/nowhere')).status, 404);
    assert.equal((await control('venues/v2', {})).status, 400);
    assert.equal((await control('venues/v2', { active: 'no' })).status, 400);
  });

  it('log answers the last lines, and only newer ones after a seq', async () => {
    emulator.createOrder({ id: 'logged-1', venue: 'v2' });
    const { body: all } = await read<{ lines: { seq: number; time: string; text: string }[]; next: number }>('log');
    const line = all.lines.find(candidate => candidate.text.includes('order logged-1'));
    assert.ok(line, 'the publish was logged even though the emulator is quiet');
    assert.match(line.time, /^\d{4}-\d\d-\d\dT/);
    assert.equal(all.next, all.lines.at(-1)?.seq);
    emulator.createOrder({ id: 'logged-2' });
    const { body: newer } = await read<{ lines: { text: string }[] }>(`log?after=${all.next}`);
    assert.equal(newer.lines.length, 1);
    assert.match(newer.lines[0]!.text, /order logged-2/);
    assert.equal((await read('log?after=x')).status, 400);
  });

  it('serves the README images under /docs/', async () => {
    const response = await fetch(`${emulator.url}/docs/images/venue-queue-tv.png`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
  });
});
