import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/components/user-toasts/user-toasts.js';
import '../../src/components/venue-queue/venue-queue.js';
import type { OsUserToasts } from '../../src/components/user-toasts/user-toasts.js';
import type { OsVenueQueue } from '../../src/components/venue-queue/venue-queue.js';
import type { Order } from '../../src/models/order.js';
import type { FakeStompClient } from '../support/fake-stomp-client.js';
import { useFakeHub } from '../support/use-fake-hub.js';

// The lists of the board and the toasts are keyed: an item's DOM (its running animation, focus inside it) stays with
// the item when others come, go or move. Reusing DOM by index (a plain map()) would move the "just ready" ring and
// the toast's focus to another item; map() with keyed() would rebuild every shifted item (focus lost, the enter
// animation replayed).

const API = 'https://api.test';

/** The animations running on `element` or its pseudo-elements. */
const animationsOf = (root: ShadowRoot, element: Element) =>
  root.getAnimations().filter(a => (a.effect as KeyframeEffect | null)?.target === element);

describe('DOM stays with its item', () => {
  let fake: FakeStompClient;

  describe('<os-venue-queue>', () => {
    useFakeHub(
      { config: { apiUrl: API }, random: () => 0.5, answer: () => ({ status: 200, body: [] }) },
      made => ({ fake } = made)
    );

    const order = (id: string, queuePos: string, changed: number): Order => ({
      id,
      tenant: 'demo',
      orderType: 'TAKE_AWAY',
      status: 'DELIVER',
      completed: true,
      created: new Date(Date.now() - 60_000).toISOString(),
      lastChanged: new Date(Date.now() - 60_000 + changed).toISOString(),
      buckets: [{ venue: 'v1', queuePos, lines: [{ id: 'l1', status: 'PROCESSED', quantity: 1 }] }]
    });

    it('keeps the "just ready" ring, and its running animation, on its tile when a newer order comes first', async () => {
      const el = await fixture<OsVenueQueue>(
        html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" columns="ready"></os-venue-queue>`
      );
      await fake.connect();
      await waitUntil(() => !el.shadowRoot!.querySelector('.message--loading'), 'the snapshot was not applied');
      const root = el.shadowRoot!;
      const tiles = () => [...root.querySelectorAll<HTMLElement>('.list [part~="tile"]')];
      fake.deliver('/kds/demo/v1', JSON.stringify(order('a', '11', 1)));
      await el.updateComplete;
      const [tileA] = tiles();
      expect(tileA.matches('[part~="tile-highlighted"]')).to.be.true;
      await nextFrame();
      const [ring] = animationsOf(root, tileA);
      expect(ring, 'the ring animates').to.exist;

      fake.deliver('/kds/demo/v1', JSON.stringify(order('b', '22', 2)));
      await el.updateComplete;
      const [tileB, shifted] = tiles();
      expect(tileB.textContent).to.contain('22'); // newest first
      expect(shifted, 'order 11 keeps its element').to.equal(tileA);
      expect(shifted.textContent).to.contain('11');
      expect(animationsOf(root, shifted), 'and its ring runs on, not restarted').to.deep.equal([ring]);
      expect(animationsOf(root, tileB)).to.have.length(1);
      expect(animationsOf(root, tileB)[0]).to.not.equal(ring);
    });
  });

  describe('<os-user-toasts>', () => {
    useFakeHub({ config: { apiUrl: API, userId: 'u1' } }, made => ({ fake } = made));

    it('keeps focus, the element and the finished enter animation with their toast when a newer one comes first', async () => {
      const el = await fixture<OsUserToasts>(
        html`<os-user-toasts api-url=${API} tenant="demo" user-id="u1" duration="0"></os-user-toasts>`
      );
      await fake.connect();
      const root = el.shadowRoot!;
      const toasts = () => [...root.querySelectorAll<HTMLElement>('[part~="toast"]')];
      const first = el.show({ kind: 'info', message: 'first' })!;
      await el.updateComplete;
      const [toastA] = toasts();
      await Promise.all(root.getAnimations().map(a => a.finished));
      const close = toastA.querySelector<HTMLButtonElement>('[part="close-button"]')!;
      close.focus();
      expect(root.activeElement).to.equal(close);

      el.show({ kind: 'info', message: 'second' });
      await el.updateComplete;
      const [toastB, shifted] = toasts();
      expect(toastB.textContent).to.contain('second'); // newest first
      expect(shifted, 'the first toast keeps its element').to.equal(toastA);
      expect(shifted.id).to.equal(first.id);
      expect(root.activeElement, 'focus stays on the first toast').to.equal(close);
      expect(animationsOf(root, shifted), 'its enter animation is not replayed').to.have.length(0);
      expect(animationsOf(root, toastB), 'the new toast enters').to.have.length(1);

      el.dismiss(toastB.id);
      await el.updateComplete;
      expect(toasts()).to.deep.equal([toastA]);
      expect(root.activeElement).to.equal(close);
    });
  });
});
