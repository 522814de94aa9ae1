import { Client } from '@stomp/stompjs';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { resolveConfig } from '../../src/connection/config.js';
import { ConnectionState } from '../../src/connection/connection-state.js';
import { StompHub, type StompClientLike } from '../../src/connection/stomp-hub.js';
import { AuthError } from '../../src/connection/tokens.js';
import type { HubMessage, HubStatus, OsConfig, ResyncContext, TokenRequest } from '../../src/connection/types.js';
import { FakeEnvironment, FakeStompClient, flushMicrotasks } from '../support/fake-stomp-client.js';

const API = 'https://api.example';

describe('StompHub', () => {
  let clock: sinon.SinonFakeTimers;
  let hubs: StompHub[];

  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: 1_000_000,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']
    });
    hubs = [];
  });

  afterEach(() => {
    for (const hub of hubs) hub.dispose();
    clock.restore();
    sinon.restore();
  });

  function setup(overrides: Partial<OsConfig> = {}, env = new FakeEnvironment({ random: () => 0.5 })) {
    const fake = new FakeStompClient();
    const config = resolveConfig({ apiUrl: API, tenant: 't1', token: 'tok-1', ...overrides });
    const hub = new StompHub(config, fake, env);
    hubs.push(hub);
    return { fake, env, hub };
  }

  /** A provider returning tok-1, tok-2, … and recording its requests. */
  function countingProvider(userId?: string) {
    const requests: TokenRequest[] = [];
    const provider = async (request: TokenRequest) => {
      requests.push(request);
      return userId ? { token: `tok-${requests.length}`, userId } : `tok-${requests.length}`;
    };
    return { provider, requests };
  }

  const noop = () => {};

  describe('client setup', () => {
    it('turns off stompjs reconnects and sets heart-beats, timeouts and the broker URL', () => {
      const { fake } = setup();
      expect(fake.reconnectDelay).to.equal(0);
      expect(fake.heartbeatIncoming).to.equal(4000);
      expect(fake.heartbeatOutgoing).to.equal(4000);
      expect(fake.connectionTimeout).to.equal(8000);
      expect(fake.discardWebsocketOnCommFailure).to.be.true;
      expect(fake.brokerURL).to.equal('wss://api.example/websocket');
    });

    it('accepts a real stompjs Client without connecting it', () => {
      const client: StompClientLike = new Client();
      const hub = new StompHub(resolveConfig({ apiUrl: API, tenant: 't1' }), client, new FakeEnvironment());
      hubs.push(hub);
      expect(client.reconnectDelay).to.equal(0);
      expect(client.active).to.be.false;
      expect(hub.state).to.equal(ConnectionState.Idle);
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

  describe('reconnect', () => {
    it('re-subscribes every destination, then resyncs, with a fresh token, after a drop', async () => {
      const { provider, requests } = countingProvider();
      const { fake, hub } = setup({ token: provider });
      const subscribedAtResync: string[][] = [];
      const onResync = () => {
        subscribedAtResync.push(fake.subscriptions.map(s => s.destination).sort());
      };
      hub.subscribe('/kds/t1/v1', noop, { onResync });
      hub.subscribe('/venue/t1/v1', noop);
      hub.subscribe('/order-changes/t1/u1', noop, { onResync: () => onResync() });
      await fake.connect();
      expect(subscribedAtResync).to.have.length(2);

      fake.drop();
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
      expect(fake.subscriptions).to.have.length(0);
      clock.tick(500);
      await fake.connect();
      expect(hub.state).to.equal(ConnectionState.Open);
      expect(fake.subscriptions.map(s => s.destination).sort()).to.deep.equal([
        '/kds/t1/v1',
        '/order-changes/t1/u1',
        '/venue/t1/v1'
      ]);
      expect(subscribedAtResync).to.have.length(4);
      for (const seen of subscribedAtResync) expect(seen).to.have.length(3);
      expect(requests.map(r => r.forceRefresh)).to.deep.equal([false, false]);
      expect(fake.connectHeadersSeen).to.deep.equal([{ login: 'tok-1' }, { login: 'tok-2' }]);
      expect(fake.connectHeaders).to.deep.equal({ login: 'tok-2' });
    });

    it('schedules attempts with jittered exponential backoff and reports nextRetryAt', async () => {
      const { fake, hub } = setup();
      const statuses: HubStatus[] = [];
      hub.onStatusChange(s => statuses.push(s));
      hub.subscribe('/kds/t1/v1', noop);
      const delays: number[] = [];
      for (let i = 0; i < 7; i++) {
        await fake.settled();
        fake.drop();
        const { nextRetryAt, attempt, state } = hub.status;
        expect(state).to.equal(ConnectionState.Reconnecting);
        expect(attempt).to.equal(i + 1);
        delays.push(nextRetryAt! - Date.now());
        clock.tick(nextRetryAt! - Date.now() - 1);
        expect(fake.activations).to.equal(i + 1);
        clock.tick(1);
        expect(hub.status.nextRetryAt).to.equal(undefined);
      }
      expect(delays).to.deep.equal([500, 1000, 2000, 4000, 8000, 15000, 15000]);
      expect(statuses.some(s => s.nextRetryAt !== undefined)).to.be.true;
    });

    it('resets the backoff once a connection stayed open stableAfterMs', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.settled();
      fake.drop();
      clock.tick(500);
      await fake.settled();
      fake.drop();
      expect(hub.status.nextRetryAt! - Date.now()).to.equal(1000);
      clock.tick(1000);
      await fake.connect();
      clock.tick(9_999);
      expect(hub.status.attempt).to.equal(2);
      fake.drop(); // not stable yet: the backoff keeps growing
      expect(hub.status.nextRetryAt! - Date.now()).to.equal(2000);
      clock.tick(2000);
      await fake.connect();
      clock.tick(10_000);
      expect(hub.status.attempt).to.equal(0);
      fake.drop();
      expect(hub.status.nextRetryAt! - Date.now()).to.equal(500);
    });

    it('backs off and retries when the token cannot be fetched', async () => {
      let fail = true;
      const { fake, hub } = setup({
        token: async () => {
          if (fail) throw new TypeError('Failed to fetch');
          return 'tok-ok';
        }
      });
      hub.subscribe('/kds/t1/v1', noop);
      await fake.settled();
      expect(fake.isSocketOpen).to.be.false;
      expect(fake.active).to.be.false;
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
      expect(hub.status.error).to.include('Failed to fetch');
      fail = false;
      clock.tick(500);
      await fake.connect();
      expect(fake.activations).to.equal(2);
      expect(fake.connectHeadersSeen).to.deep.equal([{ login: 'tok-ok' }]);
      expect(hub.state).to.equal(ConnectionState.Open);
    });

    it('retryNow() attempts at once', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.settled();
      fake.drop();
      hub.retryNow();
      await fake.connect();
      expect(fake.activations).to.equal(2);
      expect(hub.state).to.equal(ConnectionState.Open);
      clock.tick(60_000);
      expect(fake.activations).to.equal(2);
    });

    it('goes idle instead of reconnecting when nobody is subscribed', async () => {
      const { fake, hub } = setup();
      const release = hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      release();
      fake.drop();
      expect(hub.state).to.equal(ConnectionState.Idle);
      clock.tick(60_000);
      expect(fake.activations).to.equal(1);
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

  describe('tokens', () => {
    it('connects without a login header with auth: none', async () => {
      const { fake, hub } = setup({ token: undefined, auth: 'none' });
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      expect(fake.connectHeadersSeen).to.deep.equal([{}]);
    });

    it('uses the anonymous password grant by default, with its UUID as the user', async () => {
      const fetchStub = sinon.stub<Parameters<typeof fetch>, ReturnType<typeof fetch>>();
      fetchStub.callsFake(
        async () =>
          new Response(JSON.stringify({ access_token: 'anon-1', expires_in: 3600, UUID: 'anon-user' }), { status: 200 })
      );
      const env = new FakeEnvironment({ random: () => 0.5, fetch: fetchStub });
      const { fake, hub } = setup({ token: undefined }, env);
      hub.subscribe('/order-changes/t1/{userId}', noop);
      await fake.connect();
      expect(String(fetchStub.firstCall.args[0])).to.equal('https://api.example/auth-oauth2/oauth/token');
      expect(String(fetchStub.firstCall.args[1]?.body)).to.include('username=anonymous');
      expect(fake.connectHeadersSeen).to.deep.equal([{ login: 'anon-1' }]);
      expect(fake.subscribeLog).to.deep.equal(['/order-changes/t1/anon-user']);
    });
  });

  describe('authentication', () => {
    it('retries a first rejection with forceRefresh, gives up on the second and resumes on setToken', async () => {
      const { provider, requests } = countingProvider();
      const { fake, hub } = setup({ token: provider });
      const authErrors: string[] = [];
      hub.onAuthError(detail => authErrors.push(detail.message));
      hub.subscribe('/kds/t1/v1', noop);

      await fake.reject('Access refused for user');
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
      expect(hub.status.nextRetryAt! - Date.now()).to.be.at.most(1000);
      clock.tick(1000);
      await fake.settled();
      expect(fake.activations).to.equal(2);
      expect(requests.map(r => r.forceRefresh)).to.deep.equal([false, true]);

      await fake.reject('Bad CONNECT');
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      expect(hub.status.error).to.equal('Bad CONNECT');
      expect(authErrors).to.deep.equal(['Bad CONNECT']);
      expect(fake.active).to.be.false;

      clock.tick(3_600_000);
      hub.subscribe('/venue/t1/v1', noop);
      await flushMicrotasks();
      expect(fake.activations).to.equal(2);
      expect(authErrors).to.have.length(1);

      hub.setToken('new-token');
      await fake.connect();
      expect(fake.activations).to.equal(3);
      expect(fake.connectHeaders).to.deep.equal({ login: 'new-token' });
      expect(hub.state).to.equal(ConnectionState.Open);
      expect(hub.status.error).to.equal(undefined);
    });

    it('counts rejections only until a successful CONNECTED', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.reject();
      clock.tick(1000);
      await fake.connect();
      fake.drop();
      clock.tick(30_000);
      await fake.reject();
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
    });

    it('treats an AuthError from the token source as a rejection', async () => {
      const authErrors: unknown[] = [];
      const { fake, hub } = setup({
        token: async () => {
          throw new AuthError('Token request (refresh_token) failed with HTTP 400 (invalid_grant)', {
            code: 'invalid_grant'
          });
        }
      });
      hub.onAuthError(detail => authErrors.push(detail));
      hub.subscribe('/kds/t1/v1', noop);
      await fake.settled();
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
      clock.tick(1000);
      await fake.settled();
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      expect(authErrors).to.have.length(1);
      clock.tick(600_000);
      expect(fake.activations).to.equal(2);
    });

    it('keeps the token out of status.error', async () => {
      const { fake, hub } = setup({ token: 'secret-token-123' });
      hub.subscribe('/kds/t1/v1', noop);
      await fake.reject("Access refused for user 'secret-token-123'");
      expect(hub.status.error).not.to.include('secret-token-123');
      expect(hub.status.error).to.include('Access refused');
    });

    it('retryNow() leaves unauthorized for exactly one attempt', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.reject();
      clock.tick(1000);
      await fake.reject();
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      hub.retryNow();
      await fake.reject();
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      expect(fake.activations).to.equal(3);
    });
  });

  describe('environment', () => {
    it('waits while offline and reconnects at once when online', async () => {
      const { fake, env, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      env.dispatch('offline');
      expect(hub.state).to.equal(ConnectionState.Offline);
      expect(fake.active).to.be.false;
      clock.tick(600_000);
      expect(fake.activations).to.equal(1);
      env.dispatch('online');
      await fake.connect();
      expect(fake.activations).to.equal(2);
      expect(hub.state).to.equal(ConnectionState.Open);
      expect(fake.subscriptions).to.have.length(1);
    });

    it('does not even try while navigator.onLine is false', () => {
      const env = new FakeEnvironment({ random: () => 0.5 });
      env.navigator.onLine = false;
      const { fake, hub } = setup({}, env);
      hub.subscribe('/kds/t1/v1', noop);
      expect(hub.state).to.equal(ConnectionState.Offline);
      expect(fake.activations).to.equal(0);
    });

    it('closes the socket on pagehide, keeps the subscribers and reconnects on pageshow', async () => {
      const { fake, env, hub } = setup();
      const received: unknown[] = [];
      hub.subscribe('/kds/t1/v1', m => received.push(m.body));
      await fake.connect();
      env.dispatch('pagehide');
      expect(fake.active).to.be.false;
      expect(hub.state).to.equal(ConnectionState.Idle);
      clock.tick(600_000);
      expect(fake.activations).to.equal(1);
      env.dispatch('pageshow');
      await fake.connect();
      expect(hub.state).to.equal(ConnectionState.Open);
      fake.deliver('/kds/t1/v1', '2');
      expect(received).to.deep.equal([2]);
    });

    it('removes its window listeners and closes on dispose()', async () => {
      const { fake, env, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      expect(env.listenerCount('online')).to.equal(1);
      hub.dispose();
      expect(env.listenerCount('online')).to.equal(0);
      expect(env.listenerCount('pagehide')).to.equal(0);
      expect(fake.active).to.be.false;
      clock.tick(600_000);
      expect(fake.activations).to.equal(1);
    });
  });

  describe('status', () => {
    it('reports idle → connecting → open → reconnecting with since and lastOpenAt', async () => {
      const { fake, hub } = setup();
      const states: string[] = [];
      hub.onStateChange(state => states.push(state));
      const statuses: HubStatus[] = [];
      const stop = hub.onStatusChange(s => statuses.push(s));
      expect(hub.status).to.deep.include({ state: 'idle', attempt: 0 });
      hub.subscribe('/kds/t1/v1', noop);
      clock.tick(100);
      await fake.connect();
      expect(hub.status.lastOpenAt).to.equal(Date.now());
      expect(hub.status.since).to.equal(Date.now());
      fake.drop();
      expect(states).to.deep.equal(['connecting', 'open', 'reconnecting']);
      stop();
      clock.tick(500);
      expect(statuses.map(s => s.state)).to.deep.equal(['connecting', 'open', 'reconnecting']);
    });
  });
});
