import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/connection-status/connection-status.js';
import '../../src/components/order-status/order-status.js';
import '../../src/components/venue-queue/venue-queue.js';
import '../../src/components/venue-watch/venue-watch.js';
import { passwordGrantSource } from '../../src/connection/auth/grants.js';
import { configure } from '../../src/connection/config.js';
import { getConnection } from '../../src/connection/hub/hub-registry.js';
import { useEmulator } from '../support/use-emulator.js';

/**
 * Every single-page app's route change: an element added while the shared connection is already open must load its
 * REST snapshot at once, not at the next reconnect. Against the emulator, with the real @stomp/stompjs client.
 */
describe('elements attached to an already open connection', () => {
  const emulator = useEmulator();
  let release: () => void;

  beforeEach(async () => {
    const token = passwordGrantSource({ apiUrl: emulator.url, tenant: 'demo', username: 'guest', password: 'guest' });
    configure({ apiUrl: emulator.url, tenant: 'demo', token });
    // Another part of the page keeps the connection open.
    const connection = getConnection();
    release = connection.subscribe('/venue/demo/v2', () => {});
    await waitUntil(() => connection.state === 'open', 'the connection does not open');
  });
  afterEach(() => release());

  const shadowText = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector)?.textContent?.trim();

  it('<os-order-status> shows its order from the snapshot', async () => {
    const order = await emulator.post('/__emulator/orders', { userId: 'guest-1', status: 'COMPLETED' });
    const el = await fixture(html`<os-order-status order-id=${order.id}></os-order-status>`);
    await waitUntil(() => shadowText(el, '[aria-current="step"]') === 'Paid', 'the snapshot is not shown');
  });

  it('<os-venue-queue> shows the venue’s orders from the snapshot', async () => {
    const order = await emulator.post('/__emulator/orders', { userId: 'guest-1', venue: 'v1', status: 'READY' });
    const el = await fixture(html`<os-venue-queue venue="v1"></os-venue-queue>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="tile-ready"]'), 'no tile from the snapshot');
    expect(el.shadowRoot!.textContent).to.contain(order.buckets[0].queuePos ?? order.id.slice(-4));
  });

  it('<os-venue-watch> shows the venue’s state from the snapshot', async () => {
    const el = await fixture(html`<os-venue-watch venue="v1" display></os-venue-watch>`);
    await waitUntil(() => el.getAttribute('venue-state') === 'open', 'the state is not known');
    expect(shadowText(el, '[part~="label"]')).to.equal('Open');
  });

  it('<os-connection-status> shows Live at once', async () => {
    const el = await fixture(html`<os-connection-status></os-connection-status>`);
    await waitUntil(() => shadowText(el, '[part~="label"]') === 'Live', 'not Live');
  });
});
