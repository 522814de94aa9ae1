import { expect, waitUntil } from '@open-wc/testing';
import { resolveConfig } from '../../../src/connection/config.js';
import { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import { passwordGrantSource } from '../../../src/connection/auth/grants.js';
import { useEmulator } from '../../support/use-emulator.js';

/**
 * A dead link: the socket stays open but nothing comes through (a crashed proxy, a sleeping peer). The client must
 * notice within two heart-beat intervals and reconnect, against the emulator with the real @stomp/stompjs client.
 */
describe('StompHub on a dead link (emulator, real client)', () => {
  const emulator = useEmulator();
  const HEARTBEAT_MS = 500;
  let hub: StompHub | undefined;

  beforeEach(() => emulator.post('/__emulator/config', { heartbeatMs: HEARTBEAT_MS }));
  afterEach(async () => {
    hub?.dispose();
    await emulator.post('/__emulator/config', { heartbeatMs: 4000 });
  });

  it('detects the frozen connection within two heart-beat intervals and reconnects', async function () {
    this.timeout(15000);
    const token = passwordGrantSource({ apiUrl: emulator.url, tenant: 'demo', username: 'guest', password: 'guest' });
    hub = new StompHub(resolveConfig({ apiUrl: emulator.url, tenant: 'demo', token, heartbeatMs: HEARTBEAT_MS }));
    hub.subscribe('/kds/demo/v1', () => {});
    await waitUntil(() => hub!.state === 'open', 'not open', { timeout: 5000 });
    const openedAt = hub.status.lastOpenAt!;

    const frozenAt = Date.now();
    const { frozen } = await emulator.post<{ frozen: number }>('/__emulator/faults/freeze-connections');
    expect(frozen).to.be.at.least(1);
    await waitUntil(() => hub!.state !== 'open', 'the dead link is not noticed', { timeout: 10000, interval: 20 });
    const noticedAfter = Date.now() - frozenAt;
    // Two intervals without a heart-beat end the link; the slack (2 s) absorbs a loaded machine. Without heart-beat
    // checks the frozen link would never be noticed at all.
    expect(noticedAfter).to.be.below(2 * HEARTBEAT_MS + 2000);

    await waitUntil(() => hub!.state === 'open' && hub!.status.lastOpenAt! > openedAt, 'not reconnected', {
      timeout: 5000
    });
  });
});
