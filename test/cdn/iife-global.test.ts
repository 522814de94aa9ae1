import { expect, waitUntil } from '@open-wc/testing';
import { emulatorPost, emulatorUrl, freshStats } from '../support/emulator.js';
import { currentStep, loadClassicScript, PUBLIC_RUNTIME_NAMES } from './support.js';

interface OsWidgetsGlobal {
  configure(config: Record<string, unknown>): void;
  passwordGrantSource(options: Record<string, unknown>): unknown;
  [name: string]: unknown;
}

/** dist/cdn/os-widgets.iife.js as a CMS page uses it: one classic script tag, then the global `OsWidgets`. */
describe('the classic script (dist/cdn/os-widgets.iife.js)', () => {
  let base: string;

  before(async () => {
    base = await emulatorUrl();
    await freshStats(base);
    await loadClassicScript('/dist/cdn/os-widgets.iife.js');
  });

  it('sets the global OsWidgets with exactly the public surface', () => {
    const global = (window as unknown as { OsWidgets?: OsWidgetsGlobal }).OsWidgets;
    expect(global, 'window.OsWidgets').to.be.an('object');
    expect(Object.keys(global!).sort()).to.deep.equal(PUBLIC_RUNTIME_NAMES);
    for (const tag of [
      'os-order-status',
      'os-venue-queue',
      'os-user-toasts',
      'os-venue-watch',
      'os-connection-status'
    ]) {
      expect(customElements.get(tag), tag).to.exist;
    }
  });

  it('OsWidgets.configure({...}) drives an element written as plain HTML', async () => {
    const { configure, passwordGrantSource } = (window as unknown as { OsWidgets: OsWidgetsGlobal }).OsWidgets;
    configure({
      apiUrl: base,
      tenant: 'demo',
      token: passwordGrantSource({ apiUrl: base, tenant: 'demo', username: 'guest', password: 'guest' })
    });
    const order = await emulatorPost(base, '/__emulator/orders', { userId: 'guest-1', status: 'COMPLETED' });
    const host = document.createElement('div');
    host.innerHTML = `<os-order-status order-id="${order.id}"></os-order-status>`;
    document.body.append(host);
    const el = host.querySelector('os-order-status')!;
    await waitUntil(() => currentStep(el) === 'Paid', 'the snapshot is not shown');
    await emulatorPost(base, `/__emulator/orders/${order.id}/status`, { status: 'READY' });
    await waitUntil(() => currentStep(el) === 'Ready for pickup', 'the live update is not shown');
    host.remove();
  });

  it('speaks Polish with no file of its own: the catalogues are inside the one script', async () => {
    const host = document.createElement('div');
    host.innerHTML = `<os-order-status lang="pl"></os-order-status>`;
    document.body.append(host);
    const el = host.querySelector('os-order-status') as HTMLElement & { updateComplete: Promise<boolean> };
    await el.updateComplete;
    // Without order-id, the element says so, in Polish.
    expect(el.shadowRoot!.textContent).to.contain('wymaga');
    expect(el.shadowRoot!.textContent).not.to.contain('needs');
    const chunks = performance.getEntriesByType('resource').filter(entry => entry.name.includes('/dist/cdn/chunks/'));
    expect(chunks).to.deep.equal([]);
    host.remove();
  });
});
