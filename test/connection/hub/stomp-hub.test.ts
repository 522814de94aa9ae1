import { expect } from '@open-wc/testing';
import { Client } from '@stomp/stompjs';
import sinon from 'sinon';
import { resolveConfig } from '../../../src/connection/config.js';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { StompHub, type StompClientLike } from '../../../src/connection/hub/stomp-hub.js';
import type { HubStatus } from '../../../src/connection/types.js';
import { FakeEnvironment } from '../../support/fake-stomp-client.js';
import { API, countingProvider, noop, useHubTestContext } from '../support/hub-test-context.js';

/** The state machine: client setup, reconnects and the status it reports. */
describe('StompHub', () => {
  const context = useHubTestContext();
  const setup = context.setup;
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = context.clock));

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
      context.disposeAfterTest(hub);
      expect(client.reconnectDelay).to.equal(0);
      expect(client.active).to.be.false;
      expect(hub.state).to.equal(ConnectionState.Idle);
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
      const { fake, hub } = setup({ stableAfterMs: 10_000 });
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

    it('retries within a second after every healthy session, however many drops came before (drops 3 s apart)', async () => {
      const { fake, hub } = setup(); // defaults: reconnectMinMs 1000, stableAfterMs 1000
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      for (let drop = 1; drop <= 10; drop++) {
        clock.tick(3000); // a healthy session of 3 s
        fake.drop();
        const delay = hub.status.nextRetryAt! - Date.now();
        expect(delay, `retry delay after drop ${drop}`).to.be.at.most(1000);
        clock.tick(delay);
        await fake.connect();
        expect(hub.status.state).to.equal(ConnectionState.Open);
      }
    });

    it('keeps growing the backoff when every session ends at once (a server that closes each connection)', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        clock.tick(100); // shorter than stableAfterMs
        fake.drop();
        delays.push(hub.status.nextRetryAt! - Date.now());
        clock.tick(delays.at(-1)!);
        await fake.connect();
      }
      expect(delays).to.deep.equal([500, 1000, 2000, 4000, 8000]);
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
