import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { SubscriptionRegistry } from '../../../src/connection/hub/subscription-registry.js';
import type { HubMessage, ResyncContext } from '../../../src/connection/types.js';
import { FakeEnvironment, flushMicrotasks } from '../../support/fake-stomp-client.js';
import { countingProvider, noop, useHubTestContext } from '../support/hub-test-context.js';

/** The hub's subscriptions (`subscription-registry.ts`): ref-counting, release, delivery, placeholders, resync. */
describe('StompHub', () => {
  const context = useHubTestContext();
  const setup = context.setup;
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = context.clock));

  describe('a destination the server refuses (ERROR while the connection stays up)', () => {
    it("tells that destination's subscribers once, logs once, and clears on the next connection", async () => {
      const error = sinon.stub(console, 'error');
      const { fake, hub } = setup();
      const refusedA: unknown[] = [];
      const refusedB: unknown[] = [];
      const other: unknown[] = [];
      hub.subscribe('/kds/t1/v1', noop, { onError: detail => refusedA.push(detail) });
      hub.subscribe('/kds/t1/v1', noop, { onError: detail => refusedB.push(detail) });
      hub.subscribe('/kds/t1/v2', noop, { onError: detail => other.push(detail) });
      await fake.connect();
      fake.serverError('Unknown destination', "'/kds/t1/v1' is not a valid destination.");
      fake.serverError('Unknown destination', "'/kds/t1/v1' is not a valid destination."); // again: no news
      expect(refusedA).to.deep.equal([{ destination: '/kds/t1/v1', message: 'Unknown destination' }]);
      expect(refusedB).to.have.length(1);
      expect(other).to.deep.equal([]);
      expect(error.callCount).to.equal(1);
      expect(String(error.firstCall.args[0])).to.contain('/kds/t1/v1');
      expect(hub.state).to.equal(ConnectionState.Open);
      expect(hub.status.error).to.equal(undefined);

      // A subscriber joining the refused destination on this connection hears it at once.
      const late: unknown[] = [];
      hub.subscribe('/kds/t1/v1', noop, { onError: detail => late.push(detail) });
      expect(late).to.have.length(1);

      // A new connection subscribes again, and only a new refusal is reported.
      fake.drop();
      clock.tick(1000);
      await fake.connect();
      expect(fake.subscribeLog.filter(d => d === '/kds/t1/v1')).to.have.length(2);
      expect(refusedA).to.have.length(1);
    });

    it("keeps an ERROR that names no destination as the connection's error", async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop, { onError: () => expect.fail('not this destination') });
      await fake.connect();
      fake.serverError('Something broke');
      expect(hub.status.error).to.equal('Something broke');
    });
  });

  describe('ref-counting', () => {
    it('activates lazily on the first subscribe, once', () => {
      const { fake, hub } = setup();
      expect(fake.activations).to.equal(0);
      hub.subscribe('/kds/t1/v1', noop);
      hub.subscribe('/kds/t1/v2', noop);
      expect(fake.activations).to.equal(1);
      expect(hub.state).to.equal(ConnectionState.Connecting);
    });

    it('subscribes at the broker once per destination, only when connected', async () => {
      const { fake, hub } = setup();
      const releaseA = hub.subscribe('/kds/t1/v1', noop);
      const releaseB = hub.subscribe('/kds/t1/v1', noop);
      expect(fake.subscribeCalls).to.equal(0);
      await fake.connect();
      expect(fake.subscribeLog).to.deep.equal(['/kds/t1/v1']);

      releaseA();
      expect(fake.unsubscribeCalls).to.equal(0);
      expect(fake.subscriptions).to.have.length(1);
      releaseA(); // idempotent: must not release B's share
      expect(fake.unsubscribeCalls).to.equal(0);

      releaseB();
      releaseB();
      expect(fake.unsubscribeLog).to.deep.equal(['/kds/t1/v1']);
      expect(fake.subscriptions).to.have.length(0);
    });

    it('subscribes a new destination at once while connected, with its headers', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      hub.subscribe('/order-changes/t1/u1', noop, { headers: { 'x-venue': 'v1' } });
      expect(fake.subscriptions.map(s => [s.destination, s.headers])).to.deep.equal([
        ['/kds/t1/v1', {}],
        ['/order-changes/t1/u1', { 'x-venue': 'v1' }]
      ]);
    });
  });

  describe('grace period', () => {
    it('closes the socket releaseGraceMs after the last release', async () => {
      const { fake, hub } = setup();
      const release = hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      release();
      clock.tick(1999);
      expect(fake.active).to.be.true;
      expect(hub.state).to.equal(ConnectionState.Open);
      clock.tick(1);
      expect(fake.active).to.be.false;
      expect(hub.state).to.equal(ConnectionState.Idle);
    });

    it('keeps the socket when a subscriber comes back within the grace period', async () => {
      const { fake, hub } = setup();
      const release = hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      release();
      clock.tick(1500);
      hub.subscribe('/kds/t1/v1', noop);
      clock.tick(10_000);
      expect(fake.active).to.be.true;
      expect(fake.activations).to.equal(1);
      expect(fake.deactivations).to.equal(0);
      expect(fake.subscribeLog).to.deep.equal(['/kds/t1/v1', '/kds/t1/v1']);
      expect(fake.subscriptions).to.have.length(1);
    });

    it('activates again after the grace period elapsed', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop)();
      clock.tick(2000);
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      expect(fake.activations).to.equal(2);
      expect(hub.state).to.equal(ConnectionState.Open);
    });
  });

  describe('delivery', () => {
    it('parses JSON once and hands every listener the message', async () => {
      const { fake, hub } = setup();
      const a: HubMessage[] = [];
      const b: HubMessage[] = [];
      hub.subscribe('/kds/t1/v1', m => a.push(m));
      hub.subscribe('/kds/t1/v1', m => b.push(m));
      await fake.connect();
      fake.deliver('/kds/t1/v1', '{"id":"o1","status":"NEW"}');
      expect(a).to.have.length(1);
      expect(a[0].body).to.deep.equal({ id: 'o1', status: 'NEW' });
      expect(a[0].destination).to.equal('/kds/t1/v1');
      expect(a[0].headers.destination).to.equal('/kds/t1/v1');
      expect(a[0].receivedAt).to.equal(Date.now());
      expect(b[0]).to.equal(a[0]);
      expect(hub.lastMessageAt).to.equal(Date.now());
      expect(hub.status.lastMessageAt).to.equal(Date.now());
    });

    it('skips a body that is not JSON with one warning and keeps delivering', async () => {
      const warn = sinon.stub(console, 'warn');
      const { fake, hub } = setup();
      const received: unknown[] = [];
      hub.subscribe('/kds/t1/v1', m => received.push(m.body));
      await fake.connect();
      fake.deliver('/kds/t1/v1', `not json ${'x'.repeat(500)}`);
      fake.deliver('/kds/t1/v1', '{"ok":true}');
      expect(received).to.deep.equal([{ ok: true }]);
      expect(warn.callCount).to.equal(1);
      const text = String(warn.firstCall.args[0]);
      expect(text).to.include('/kds/t1/v1');
      expect(text.length).to.be.below(250);
      expect(text).not.to.include('tok-1');
    });

    it('reports a throwing listener and still delivers to the others', async () => {
      const error = sinon.stub(console, 'error');
      const { fake, hub } = setup();
      const received: string[] = [];
      hub.subscribe('/kds/t1/v1', () => received.push('first'));
      hub.subscribe('/kds/t1/v1', () => {
        throw new Error('boom');
      });
      hub.subscribe('/kds/t1/v1', () => received.push('third'));
      await fake.connect();
      expect(() => fake.deliver('/kds/t1/v1', '{}')).not.to.throw();
      expect(received).to.deep.equal(['first', 'third']);
      expect(error.callCount).to.equal(1);
    });

    it('stops delivering to a released listener', async () => {
      const { fake, hub } = setup();
      const received: unknown[] = [];
      const release = hub.subscribe('/kds/t1/v1', m => received.push(m.body));
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      release();
      fake.deliver('/kds/t1/v1', '1');
      expect(received).to.deep.equal([]);
    });
  });

  describe('{userId} placeholder', () => {
    it('is filled from the token source when subscribing at the broker', async () => {
      const { provider } = countingProvider('user 1');
      const { fake, hub } = setup({ token: provider });
      const received: HubMessage[] = [];
      hub.subscribe('/order-changes/{userId}/o1', m => received.push(m));
      await fake.connect();
      expect(fake.subscribeLog).to.deep.equal(['/order-changes/user%201/o1']);
      expect(hub.userId).to.equal('user 1');
      fake.deliver('/order-changes/user%201/o1', '{"id":"o1"}');
      expect(received[0].destination).to.equal('/order-changes/{userId}/o1');
    });

    it('prefers config.userId', async () => {
      const { provider } = countingProvider('from-token');
      const { fake, hub } = setup({ token: provider, userId: 'configured' });
      hub.subscribe('/kds/{tenant}/{userId}', noop);
      await fake.connect();
      expect(fake.subscribeLog).to.deep.equal(['/kds/t1/configured']);
    });

    it('skips the destination with one warning while the user is unknown', async () => {
      const warn = sinon.stub(console, 'warn');
      const { fake, hub } = setup({ token: 'plain-token' });
      hub.subscribe('/kds/t1/{userId}', noop);
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      expect(fake.subscribeLog).to.deep.equal(['/kds/t1/v1']);
      fake.drop();
      clock.tick(500);
      await fake.connect();
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.include('{userId}');
    });
  });

  describe('resync', () => {
    it('gives onResync a fetchJson that sends the current Bearer token to apiUrl', async () => {
      const fetchStub = sinon.stub<Parameters<typeof fetch>, ReturnType<typeof fetch>>();
      fetchStub.callsFake(async () => new Response('[{"id":"o1"}]', { status: 200 }));
      const env = new FakeEnvironment({ random: () => 0.5, fetch: fetchStub });
      const { provider } = countingProvider('u1');
      const { fake, hub } = setup({ token: provider }, env);
      const results: unknown[] = [];
      let context: ResyncContext | undefined;
      hub.subscribe('/kds/t1/v1', noop, {
        onResync: async ctx => {
          context = ctx;
          results.push(await ctx.fetchJson('/ordering-api/api/orders/venue/v1'));
        }
      });
      await fake.connect();
      await flushMicrotasks(50);
      await clock.tickAsync(0);
      expect(results).to.deep.equal([[{ id: 'o1' }]]);
      expect(context?.userId).to.equal('u1');
      const [url, init] = fetchStub.firstCall.args;
      expect(url).to.equal('https://api.example/ordering-api/api/orders/venue/v1');
      expect((init?.headers as Record<string, string>).Authorization).to.equal('Bearer tok-1');

      fake.drop();
      clock.tick(500);
      await fake.connect();
      await clock.tickAsync(0);
      expect((fetchStub.secondCall.args[1]?.headers as Record<string, string>).Authorization).to.equal('Bearer tok-2');
    });

    it('calls onResync of a subscriber that joins an open connection right after subscribing', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop, { onResync: noop });
      await fake.connect();
      const calls: number[] = [];
      hub.subscribe('/kds/t1/v1', noop, { onResync: () => void calls.push(fake.subscriptions.length) });
      hub.subscribe('/venue/t1/v1', noop, { onResync: () => void calls.push(fake.subscriptions.length) });
      expect(calls).to.deep.equal([1, 2]);
    });

    it('runs a shared onResync once per destination and connection', async () => {
      const { fake, hub } = setup();
      const onResync = sinon.spy();
      hub.subscribe('/kds/t1/v1', noop, { onResync });
      hub.subscribe('/kds/t1/v1', noop, { onResync });
      hub.subscribe('/venue/t1/v1', noop, { onResync });
      await fake.connect();
      expect(onResync.callCount).to.equal(2);
    });

    it('aborts the signal when the connection drops or the subscriber leaves', async () => {
      const { fake, hub } = setup();
      const signals: AbortSignal[] = [];
      const release = hub.subscribe('/kds/t1/v1', noop, { onResync: ctx => void signals.push(ctx.signal) });
      hub.subscribe('/venue/t1/v1', noop, { onResync: ctx => void signals.push(ctx.signal) });
      await fake.connect();
      expect(signals.map(s => s.aborted)).to.deep.equal([false, false]);
      release();
      expect(signals.map(s => s.aborted)).to.deep.equal([true, false]);
      fake.drop();
      expect(signals.map(s => s.aborted)).to.deep.equal([true, true]);
    });

    it('reports a failing resync with console.error but not an aborted one', async () => {
      const error = sinon.stub(console, 'error');
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop, { onResync: () => Promise.reject(new Error('snapshot failed')) });
      hub.subscribe('/venue/t1/v1', noop, {
        onResync: ctx =>
          new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)))
      });
      await fake.connect();
      fake.drop();
      await flushMicrotasks();
      expect(error.callCount).to.equal(1);
    });
  });
});

describe('SubscriptionRegistry', () => {
  /** A registry on a fake host: `connected` decides isConnected(), every SUBSCRIBE and UNSUBSCRIBE is logged. */
  function registry(placeholders: { userId?: string; tenant: string } = { tenant: 't1' }) {
    const log: string[] = [];
    const host = {
      connected: true,
      subscribe: (destination: string) => {
        log.push(`SUBSCRIBE ${destination}`);
        return { id: destination, unsubscribe: () => void log.push(`UNSUBSCRIBE ${destination}`) };
      },
      isConnected: () => host.connected,
      placeholders: () => placeholders,
      redact: (text: string) => text,
      fetchJson: () => Promise.reject(new Error('no REST here')),
      messageArrived: () => {}
    };
    return { subscriptions: new SubscriptionRegistry(host), log, host };
  }

  it('reports the release that leaves no destination at all, once', () => {
    const { subscriptions, log } = registry();
    const a = subscriptions.add('/kds/t1/v1', noop, {});
    const b = subscriptions.add('/kds/t1/v1', noop, {});
    const c = subscriptions.add('/venue/t1/v1', noop, {});
    subscriptions.connected();
    expect(subscriptions.size).to.equal(2);
    expect(subscriptions.release(a)).to.be.false;
    expect(subscriptions.release(c)).to.be.false;
    expect(subscriptions.release(b)).to.be.true;
    expect(subscriptions.release(b)).to.be.false;
    expect(subscriptions.size).to.equal(0);
    expect(log).to.deep.equal([
      'SUBSCRIBE /kds/t1/v1',
      'SUBSCRIBE /venue/t1/v1',
      'UNSUBSCRIBE /venue/t1/v1',
      'UNSUBSCRIBE /kds/t1/v1'
    ]);
  });

  it('does not UNSUBSCRIBE once the socket is gone, and SUBSCRIBEs again on the next connection', () => {
    const { subscriptions, log, host } = registry({ userId: 'u1', tenant: 't1' });
    const a = subscriptions.add('/order-changes/{tenant}/{userId}', noop, {});
    subscriptions.connected();
    subscriptions.dropSubscriptions();
    subscriptions.connected();
    host.connected = false;
    subscriptions.release(a);
    expect(log).to.deep.equal(['SUBSCRIBE /order-changes/t1/u1', 'SUBSCRIBE /order-changes/t1/u1']);
  });

  it('clear() forgets every subscriber, so their release does nothing', () => {
    const { subscriptions, log } = registry();
    const a = subscriptions.add('/kds/t1/v1', noop, {});
    subscriptions.connected();
    subscriptions.clear();
    expect(subscriptions.size).to.equal(0);
    expect(subscriptions.release(a)).to.be.false;
    expect(log).to.deep.equal(['SUBSCRIBE /kds/t1/v1']);
  });
});
