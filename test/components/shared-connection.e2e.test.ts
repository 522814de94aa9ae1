import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/order-status/order-status.js';
import type { OsOrderStatus } from '../../src/components/order-status/order-status.js';
import { configure } from '../../src/connection/config.js';
import { passwordGrantSource } from '../../src/connection/auth/grants.js';
import type { Order } from '../../src/models/order.js';
import { useEmulator } from '../support/use-emulator.js';

/** Elements on one page share one socket, against the emulator with the real @stomp/stompjs client. */
describe('the shared connection behind the elements', () => {
  // No other test file runs at the same time (concurrency 1) and every hub of earlier tests is disposed, so nothing
  // else is connected while these counts are taken.
  const emulator = useEmulator({ freshStats: true });
  const { post, stats } = emulator;
  const step = (el: OsOrderStatus) => el.shadowRoot!.querySelector('[aria-current="step"]')?.textContent?.trim();

  it('serves 20 trackers of 3 orders with 1 WebSocket and 3 SUBSCRIBE frames', async () => {
    configure({
      token: passwordGrantSource({ apiUrl: emulator.url, tenant: 'demo', username: 'guest', password: 'guest' })
    });
    const orders = await Promise.all(
      [1, 2, 3].map(() => post<Order>('/__emulator/orders', { userId: 'guest-1', status: 'COMPLETED' }))
    );
    const ids = Array.from({ length: 20 }, (_, i) => orders[i % 3].id);
    const page = await fixture<HTMLElement>(html`
      <div>
        ${ids.map(id => html`<os-order-status api-url=${emulator.url} tenant="demo" order-id=${id}></os-order-status>`)}
      </div>
    `);
    const trackers = [...page.querySelectorAll<OsOrderStatus>('os-order-status')];
    for (const order of orders)
      await post('/__emulator/wait-subscribed', { destination: `/order-changes/guest-1/${order.id}` });
    await waitUntil(() => trackers.every(el => step(el) === 'Paid'), 'snapshots not shown everywhere');

    await post(`/__emulator/orders/${orders[1].id}/status`, { status: 'READY' });
    await waitUntil(
      () =>
        trackers.filter(el => step(el) === 'Ready for pickup').length === ids.filter(id => id === orders[1].id).length,
      'the update did not reach every tracker of that order'
    );

    const counts = await stats();
    expect(counts.connections.total, 'WebSockets opened').to.equal(1);
    expect(counts.frames.CONNECT ?? 0, 'CONNECT frames').to.equal(1);
    expect(counts.frames.SUBSCRIBE, 'SUBSCRIBE frames').to.equal(3);
    for (const order of orders) expect(counts.subscriptions[`/order-changes/guest-1/${order.id}`]).to.equal(1);
  });

  it('fires os-auth-error on the element after the token is rejected twice, and stops connecting', async () => {
    configure({ token: 'a-token-the-server-never-issued', reconnectMinMs: 50, reconnectMaxMs: 200 });
    const el = await fixture<OsOrderStatus>(
      html`<os-order-status api-url=${emulator.url} tenant="demo" user-id="guest-1" order-id="1001"></os-order-status>`
    );
    const authError = await oneEvent(el, 'os-auth-error');
    expect(authError.detail.message).to.match(/^Access refused/);
    expect(authError.detail.message).not.to.include('a-token-the-server-never-issued');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="banner"]')).to.exist;
    // One attempt, one retry with a fresh token, then no more: the emulator saw exactly two CONNECT frames.
    await waitUntil(async () => (await stats()).connections.open === 0, 'the refused socket stays open');
    expect((await stats()).frames.CONNECT).to.equal(2);
  });
});
