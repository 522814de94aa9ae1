import { expect, waitUntil } from '@open-wc/testing';
import { emulatorPost, emulatorStats, emulatorUrl, freshStats } from '../support/emulator.js';
import { currentStep, loadClassicScript } from './support.js';

interface OsWidgetsModule {
  configure(config: Record<string, unknown>): void;
  passwordGrantSource(options: Record<string, unknown>): unknown;
}

/**
 * A CMS snippet plus an app's own import, or two versions on one page: both CDN builds loaded twice each. Nothing
 * throws, the first definition of each tag stays, and every copy shares one connection per identity.
 */
describe('os-widgets loaded twice as ES module and twice as classic script', () => {
  let base: string;
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);

  before(async () => {
    base = await emulatorUrl();
    await freshStats(base);
    window.addEventListener('error', onError);
  });
  after(() => window.removeEventListener('error', onError));

  it('defines each tag once without an error, and opens one WebSocket with one SUBSCRIBE per destination', async () => {
    // Two module instances (different URLs) and two runs of the classic script.
    const first = (await import(/* @vite-ignore */ '/dist/cdn/os-widgets.js?copy=1' as string)) as OsWidgetsModule;
    await import(/* @vite-ignore */ '/dist/cdn/os-widgets.js?copy=2' as string);
    await loadClassicScript('/dist/cdn/os-widgets.iife.js');
    await loadClassicScript('/dist/cdn/os-widgets.iife.js');
    expect(errors).to.deep.equal([]);

    // The page is configured through the last copy (the global of the classic script), the elements belong to the
    // first: the configuration is shared.
    const { configure, passwordGrantSource } = (window as unknown as { OsWidgets: OsWidgetsModule }).OsWidgets;
    expect(configure).not.to.equal(first.configure);
    configure({
      apiUrl: base,
      tenant: 'demo',
      token: passwordGrantSource({ apiUrl: base, tenant: 'demo', username: 'guest', password: 'guest' })
    });

    const orders = await Promise.all(
      [1, 2, 3].map(() => emulatorPost(base, '/__emulator/orders', { userId: 'guest-1', status: 'COMPLETED' }))
    );
    const host = document.createElement('div');
    host.innerHTML = [...orders, ...orders].map(o => `<os-order-status order-id="${o.id}"></os-order-status>`).join('');
    document.body.append(host);
    const trackers = [...host.querySelectorAll('os-order-status')];
    await waitUntil(() => trackers.every(el => currentStep(el) === 'Paid'), 'the snapshots are not shown');
    await emulatorPost(base, `/__emulator/orders/${orders[0].id}/status`, { status: 'READY' });
    await waitUntil(
      () => trackers.filter(el => currentStep(el) === 'Ready for pickup').length === 2,
      'the live update is not shown on both trackers of that order'
    );

    const stats = await emulatorStats(base);
    expect(stats.connections.total, 'WebSockets opened').to.equal(1);
    expect(stats.frames.SUBSCRIBE, 'SUBSCRIBE frames').to.equal(3);
    for (const order of orders) expect(stats.subscriptions[`/order-changes/guest-1/${order.id}`]).to.equal(1);
    expect(errors).to.deep.equal([]);
    host.remove();
  });
});
