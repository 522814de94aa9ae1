import { expect, waitUntil } from '@open-wc/testing';
import { TickerStrategy } from '@stomp/stompjs';
import { passwordGrantSource } from '../../src/connection/auth/grants.js';
import { resolveConfig } from '../../src/connection/config.js';
import { ConnectionState } from '../../src/connection/connection-state.js';
import { StompHub } from '../../src/connection/hub/stomp-hub.js';
import { detectTickerStrategy } from '../../src/connection/ticker.js';
import { useEmulator } from '../support/use-emulator.js';

/**
 * This page is put under a strict Content-Security-Policy (`worker-src 'none'`, as a `<meta>` inserted before anything
 * probes; each test file has its own page) that blocks blob workers: the heart-beat ticker falls back to timers and
 * the real client, against the emulator, keeps its connection on heart-beats alone.
 */
describe('Heart-beats on a page whose Content-Security-Policy blocks workers (emulator, real client)', () => {
  const emulator = useEmulator({ freshStats: true });
  const HEARTBEAT_MS = 300;
  let hub: StompHub | undefined;

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "worker-src 'none'";
    document.head.append(meta);
  });
  beforeEach(() => emulator.post('/__emulator/config', { heartbeatMs: HEARTBEAT_MS }));
  afterEach(async () => {
    hub?.dispose();
    hub = undefined;
    await emulator.post('/__emulator/config', { heartbeatMs: 4000 });
  });

  it('blocks blob workers on this page', async () => {
    const url = URL.createObjectURL(new Blob(['self.postMessage(1);'], { type: 'text/javascript' }));
    const outcome = await new Promise<string>(resolve => {
      try {
        const worker = new Worker(url);
        worker.onmessage = () => resolve('message');
        worker.onerror = event => {
          event.preventDefault();
          resolve('error');
        };
      } catch {
        resolve('threw');
      }
    });
    URL.revokeObjectURL(url);
    expect(outcome).not.to.equal('message');
  });

  it('connects without waiting for the probe, keeps the link on interval heart-beats, and reconnects once', async function () {
    this.timeout(15000);
    const token = passwordGrantSource({ apiUrl: emulator.url, tenant: 'demo', username: 'guest', password: 'guest' });
    hub = new StompHub(
      resolveConfig({ apiUrl: emulator.url, tenant: 'demo', token, heartbeatMs: HEARTBEAT_MS, reconnectMinMs: 50 })
    );
    const client = (hub as unknown as { client: { heartbeatStrategy: TickerStrategy } }).client;
    hub.subscribe('/kds/demo/v1', () => {});
    await waitUntil(() => hub!.state === ConnectionState.Open, 'not open', { timeout: 5000 });
    expect(await detectTickerStrategy()).to.equal(TickerStrategy.Interval);
    expect(client.heartbeatStrategy).to.equal(TickerStrategy.Interval);

    // The emulator ends a link after 2.5 intervals without a heart-beat: 8 intervals open means they flowed.
    const openedAt = hub.status.lastOpenAt;
    await new Promise(resolve => setTimeout(resolve, 8 * HEARTBEAT_MS));
    expect(hub.state).to.equal(ConnectionState.Open);
    expect(hub.status.lastOpenAt).to.equal(openedAt);
    expect((await emulator.stats()).connections.total, 'one socket').to.equal(1);

    await emulator.post('/__emulator/faults/drop-connections');
    await waitUntil(() => hub!.state === ConnectionState.Open && hub!.status.lastOpenAt! > openedAt!, 'not back', {
      timeout: 5000
    });
    expect(client.heartbeatStrategy).to.equal(TickerStrategy.Interval);
    const reopenedAt = hub.status.lastOpenAt;
    await new Promise(resolve => setTimeout(resolve, 8 * HEARTBEAT_MS));
    expect(hub.status.lastOpenAt).to.equal(reopenedAt);
    expect((await emulator.stats()).connections.total, 'one reconnect, nothing more').to.equal(2);
  });
});
