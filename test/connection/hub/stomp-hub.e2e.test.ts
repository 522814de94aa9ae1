import { Client, TickerStrategy } from '@stomp/stompjs';
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import { resolveConfig } from '../../../src/connection/config.js';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import { detectTickerStrategy } from '../../../src/connection/ticker.js';
import type { HubMessage, OsConfig } from '../../../src/connection/types.js';

/** End-to-end: the real @stomp/stompjs Client over a real WebSocket to the emulator (demo/emulator). */
describe('StompHub with the real client and the emulator', () => {
  let url: string;
  let hub: StompHub | undefined;

  before(async () => {
    url = (await executeServerCommand<string, undefined>('emulator-url')) ?? '';
    expect(url).to.match(/^http:\/\//);
  });

  afterEach(() => {
    hub?.dispose();
    hub = undefined;
    sinon.restore();
  });

  async function control<T = unknown>(path: string, body: unknown = {}): Promise<T> {
    const response = await fetch(`${url}/__emulator/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    });
    if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  const waitSubscribed = (destination: string) => control('wait-subscribed', { destination, timeoutMs: 5000 });
  const until = (predicate: () => boolean, message: string) =>
    waitUntil(predicate, message, { timeout: 5000, interval: 10 });

  function createHub(overrides: Partial<OsConfig> = {}) {
    const client = new Client();
    const config = resolveConfig({
      apiUrl: url,
      tenant: 'demo',
      destinations: 'ordering-core',
      reconnectMinMs: 50,
      reconnectMaxMs: 200,
      releaseGraceMs: 0,
      ...overrides
    });
    hub = new StompHub(config, client);
    return { hub, client };
  }

  it('connects with a token, subscribes, delivers, and re-subscribes and resyncs after a dropped socket', async () => {
    const { hub, client } = createHub();
    const messages: HubMessage[] = [];
    const snapshots: unknown[] = [];
    hub.subscribe('/kds/{tenant}/v1', m => messages.push(m), {
      onResync: async ({ fetchJson }) => {
        snapshots.push(await fetchJson('/ordering-api/api/orders/venue/v1'));
      }
    });
    await waitSubscribed('/kds/demo/v1');
    await until(() => snapshots.length === 1, 'first snapshot');
    expect(hub.state).to.equal(ConnectionState.Open);
    expect(hub.userId).to.match(/^anon-/);
    expect(client.connectHeaders.login).to.be.a('string').and.not.be.empty;
    expect(snapshots[0]).to.be.an('array').that.is.not.empty;
    // The first socket did not wait for the ticker probe; blob workers run on this page, so the next one ticks in one.
    expect(await detectTickerStrategy()).to.equal(TickerStrategy.Worker);

    await control('publish', { destination: '/kds/demo/v1', body: { id: 'e2e-1', status: 'READY' } });
    await until(() => messages.length === 1, 'first message');
    expect(messages[0].body).to.deep.equal({ id: 'e2e-1', status: 'READY' });
    expect(messages[0].destination).to.equal('/kds/{tenant}/v1');

    const states: string[] = [];
    hub.onStateChange(state => states.push(state));
    await control('faults/drop-connections');
    await until(() => states.includes(ConnectionState.Reconnecting), 'reconnecting');
    await waitSubscribed('/kds/demo/v1');
    await until(() => snapshots.length === 2, 'second snapshot');
    expect(hub.state).to.equal(ConnectionState.Open);
    expect(client.heartbeatStrategy).to.equal(TickerStrategy.Worker);

    await control('publish', { destination: '/kds/demo/v1', body: { id: 'e2e-2' } });
    await until(() => messages.length === 2, 'message after the reconnect');
    expect(messages[1].body).to.deep.equal({ id: 'e2e-2' });
  });

  it('skips a body that is not JSON with one warning', async () => {
    const warn = sinon.stub(console, 'warn');
    const { hub } = createHub();
    const messages: unknown[] = [];
    hub.subscribe('/venues/demo/v1', m => messages.push(m.body));
    await waitSubscribed('/venues/demo/v1');
    await control('publish', { destination: '/venues/demo/v1', raw: 'not json' });
    await control('publish', { destination: '/venues/demo/v1', body: { ok: 1 } });
    await until(() => messages.length === 1, 'valid message');
    expect(messages).to.deep.equal([{ ok: 1 }]);
    expect(warn.callCount).to.equal(1);
  });

  it('gets a fresh token with forceRefresh after the server refuses an expired one', async () => {
    const { hub, client } = createHub();
    hub.subscribe('/kds/demo/v1', () => {});
    await waitSubscribed('/kds/demo/v1');
    const firstToken = client.connectHeaders.login;
    await control('tokens/expire');
    await control('faults/drop-connections');
    await until(() => hub.status.error?.startsWith('Access refused') === true, 'the rejection');
    expect(hub.status.error).not.to.include(firstToken);
    await waitSubscribed('/kds/demo/v1');
    await until(() => hub.state === ConnectionState.Open, 'open again');
    expect(client.connectHeaders.login).not.to.equal(firstToken);
  });

  it('stops as unauthorized after two rejections of a bad token', async () => {
    await control('stats/reset');
    const { hub, client } = createHub({ token: 'not-a-valid-token' });
    const authErrors: string[] = [];
    hub.onAuthError(detail => authErrors.push(detail.message));
    hub.subscribe('/kds/demo/v1', () => {});
    await until(() => hub.state === ConnectionState.Unauthorized, 'unauthorized');
    expect(authErrors).to.have.length(1);
    expect(authErrors[0]).to.match(/^Access refused/);
    expect(authErrors[0]).not.to.include('not-a-valid-token');
    expect(client.active).to.be.false;
    // No reconnect storm: the first attempt and one retry with a fresh token reached the server, nothing more.
    const stats = await (await fetch(`${url}/__emulator/stats`)).json();
    expect(stats.frames.CONNECT).to.equal(2);
    expect(authErrors).to.have.length(1);
    expect(hub.state).to.equal(ConnectionState.Unauthorized);
  });
});
