import { aTimeout, elementUpdated, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/order-status/order-status.js';
import type { OsOrderStatus } from '../../../src/components/order-status/order-status.js';
import { configure } from '../../../src/connection/config.js';
import type { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import { registerTranslation } from '../../../src/i18n/localize.js';
import { resetMalformedReports } from '../../../src/internal/failure-reporter.js';
import type { Order, OrderEventError } from '../../../src/models/order.js';
import { connectionLeavesOpen } from '../../support/emulator.js';
import type { FakeEnvironment, FakeStompClient } from '../../support/fake-stomp-client.js';
import { useEmulator } from '../../support/use-emulator.js';
import { useFakeHub } from '../../support/use-fake-hub.js';

const API = 'https://api.test';
const DEST = '/order-changes/u1/o1';
const T0 = Date.parse('2025-03-01T12:00:00Z');

/** An order `o1` at `stage`: NEW, COMPLETED, PREPARING, READY, PICKED, CANCELLED… */
function order(stage: string, minutesAfterT0 = 0, overrides: Partial<Order> = {}): Order {
  const line = (status: string) => ({ id: 'l1', status, quantity: 2, product: { literals: { name: 'Burger' } } });
  const base: Order = {
    id: 'o1',
    tenant: 'demo',
    orderType: 'TAKE_AWAY',
    status: stage,
    completed: stage !== 'NEW',
    lastChanged: new Date(T0 + minutesAfterT0 * 60_000).toISOString(),
    buckets: [{ venue: 'v1', queuePos: '42', lines: [line('CONFIRMED')] }]
  };
  if (stage === 'PREPARING')
    Object.assign(base, {
      status: 'VERIFIED',
      buckets: [{ venue: 'v1', queuePos: '42', lines: [line('PROCESSING')] }]
    });
  if (stage === 'READY')
    Object.assign(base, { status: 'DELIVER', buckets: [{ venue: 'v1', queuePos: '42', lines: [line('PROCESSED')] }] });
  return { ...base, ...overrides };
}

const part = (el: OsOrderStatus, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const currentStep = (el: OsOrderStatus) => el.shadowRoot!.querySelector('[aria-current="step"]')?.textContent?.trim();
const liveRegion = (el: OsOrderStatus) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<os-order-status>', () => {
  describe('with a fake STOMP client', () => {
    let fake: FakeStompClient;
    let env: FakeEnvironment;
    let hub: StompHub;
    /** What the REST snapshot answers. */
    let snapshot: { status: number; body?: unknown };
    let fetchStub: sinon.SinonStub;
    useFakeHub(
      {
        config: { apiUrl: API, userId: 'u1', reconnectMinMs: 60_000, reconnectMaxMs: 60_000 },
        random: () => 0.5,
        answer: () => snapshot
      },
      made => ({ fake, env, hub, fetch: fetchStub } = made)
    );

    async function renderLive(): Promise<OsOrderStatus> {
      const el = await fixture<OsOrderStatus>(
        html`<os-order-status api-url=${API} tenant="demo" user-id="u1" order-id="o1"></os-order-status>`
      );
      await fake.connect();
      await el.updateComplete;
      return el;
    }

    async function deliver(el: OsOrderStatus, body: unknown, destination = DEST) {
      fake.deliver(destination, JSON.stringify(body));
      await el.updateComplete;
    }

    beforeEach(() => {
      snapshot = { status: 503 };
    });

    describe('accessibility', () => {
      it('is accessible while loading, with a busy wrapper and a loading message', async () => {
        const el = await fixture<OsOrderStatus>(
          html`<os-order-status api-url=${API} tenant="demo" user-id="u1" order-id="o1"></os-order-status>`
        );
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
        expect(part(el, 'message')!.textContent).to.contain('Loading your order');
        await expect(el).to.be.accessible();
      });

      it('is accessible when live, with the timeline as an ordered list and aria-current on the current step', async () => {
        const el = await renderLive();
        await deliver(el, order('PREPARING'));
        const timeline = part(el, 'timeline')!;
        expect(timeline.tagName).to.equal('OL');
        expect(timeline.querySelectorAll('li[aria-current="step"]')).to.have.length(1);
        expect(currentStep(el)).to.equal('Preparing');
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
        await expect(el).to.be.accessible();
      });

      it('is accessible with an error shown', async () => {
        const el = await renderLive();
        await deliver(el, order('COMPLETED'));
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', message: 'Order cannot be abandoned' });
        expect(part(el, 'error')).to.exist;
        expect(part(el, 'dismiss-button')!.getAttribute('aria-label')).to.equal('Dismiss');
        await expect(el).to.be.accessible();
      });

      it('is accessible while reconnecting and offline', async () => {
        const el = await renderLive();
        await deliver(el, order('PREPARING'));
        fake.drop();
        await el.updateComplete;
        expect(part(el, 'banner')).to.exist;
        await expect(el).to.be.accessible();
        env.dispatch('offline');
        await el.updateComplete;
        expect(part(el, 'banner')!.textContent).to.contain('You are offline');
        await expect(el).to.be.accessible();
      });

      it('is accessible with a missing attribute', async () => {
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsOrderStatus>(html`<os-order-status api-url=${API} tenant="demo"></os-order-status>`);
        await expect(el).to.be.accessible();
        await waitUntil(() => error.called, 'no missing-attribute report'); // reported after a frame
        expect(error.calledOnce).to.be.true;
      });

      it('is accessible when cancelled, marking the terminal step current', async () => {
        const el = await renderLive();
        await deliver(el, order('CANCELLED'));
        expect(currentStep(el)).to.equal('Cancelled');
        expect(part(el, 'headline')!.textContent).to.equal('This order was cancelled');
        await expect(el).to.be.accessible();
      });

      it('is accessible when the order is not found', async () => {
        snapshot = { status: 404, body: { error: 'not found' } };
        const el = await renderLive();
        await waitUntil(
          () => part(el, 'message')?.textContent?.includes('can’t find this order'),
          'no not-found state'
        );
        await expect(el).to.be.accessible();
      });

      it('announces stage changes once in one polite live region', async () => {
        const el = await renderLive();
        expect(el.shadowRoot!.querySelectorAll('[aria-live]')).to.have.length(1);
        expect(el.shadowRoot!.querySelector('[aria-live]')!.getAttribute('aria-live')).to.equal('polite');
        await deliver(el, order('COMPLETED'));
        expect(liveRegion(el)).to.equal('Order 42: Paid');
        const region = el.shadowRoot!.querySelector('[role="status"]')!;
        const observer = new MutationObserver(() => {});
        observer.observe(region, { childList: true, characterData: true, subtree: true });
        // Same stage, newer copy: the region does not change.
        await deliver(el, order('COMPLETED', 1, { extId: 'x' }));
        el.requestUpdate();
        await el.updateComplete;
        expect(observer.takeRecords()).to.have.length(0);
        await deliver(el, order('READY', 2));
        expect(liveRegion(el)).to.equal('Order 42: Ready for pickup');
        observer.disconnect();
      });
    });

    describe('properties', () => {
      it('reports nothing when configure() supplies api-url and tenant just after an await', async () => {
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsOrderStatus>(html`<os-order-status order-id="o1"></os-order-status>`);
        await aTimeout(5); // the page fetched its settings
        configure({ apiUrl: API, tenant: 'demo' });
        await nextFrame();
        await nextFrame();
        expect(error.callCount).to.equal(0);
        expect(part(el, 'message')!.textContent).not.to.contain('api-url');
      });

      it('names the missing attributes in the element and logs one console.error per element', async () => {
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsOrderStatus>(html`<os-order-status></os-order-status>`);
        const text = part(el, 'message')!.textContent!;
        expect(text).to.contain('api-url').and.to.contain('tenant').and.to.contain('order-id');
        el.locale = 'pl';
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
        await waitUntil(() => error.callCount >= 1, 'no missing-attribute report');
        expect(error.callCount).to.equal(1);
        expect(String(error.firstCall.args[0])).to.contain('"api-url"');
        expect(fake.activations).to.equal(0);
      });

      it('takes api-url and tenant from configure()', async () => {
        configure({ apiUrl: API, tenant: 'demo' });
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsOrderStatus>(html`<os-order-status user-id="u1" order-id="o1"></os-order-status>`);
        await fake.connect();
        await deliver(el, order('COMPLETED'));
        await nextFrame(); // the missing-attribute report would come after a frame
        await aTimeout(0);
        expect(error.called).to.be.false;
        expect(part(el, 'number')!.textContent).to.equal('42');
      });

      it('leaves the missing state when configure() supplies the tenant later', async () => {
        sinon.stub(console, 'error');
        const el = await fixture<OsOrderStatus>(
          html`<os-order-status api-url=${API} user-id="u1" order-id="o1"></os-order-status>`
        );
        expect(part(el, 'message')!.textContent).to.contain('tenant');
        configure({ tenant: 'demo' });
        await el.updateComplete;
        expect(part(el, 'message')!.textContent).to.contain('Loading');
      });

      it('renders Polish for locale="pl" and for an ancestor lang', async () => {
        const el = await renderLive();
        await deliver(el, order('PREPARING'));
        el.locale = 'pl';
        await el.updateComplete;
        expect(part(el, 'number-label')!.textContent).to.equal('Twój numer');
        expect(currentStep(el)).to.equal('W przygotowaniu');
        const wrapper = await fixture(
          html`<div lang="pl-PL">
            <os-order-status api-url=${API} tenant="demo" user-id="u1" order-id="o1"></os-order-status>
          </div>`
        );
        const nested = wrapper.querySelector('os-order-status')!;
        await nested.updateComplete;
        expect(part(nested, 'message')!.textContent).to.contain('Wczytujemy Twoje zamówienie');
      });

      it('lets the strings property and registerTranslation() override texts', async () => {
        registerTranslation('en', { yourNumber: 'Your ticket' });
        const el = await renderLive();
        await deliver(el, order('COMPLETED'));
        expect(part(el, 'number-label')!.textContent).to.equal('Your ticket');
        el.strings = { yourNumber: 'Collect with' };
        await el.updateComplete;
        expect(part(el, 'number-label')!.textContent).to.equal('Collect with');
      });

      it('subscribes to the ordering-core destination with destinations="ordering-core"', async () => {
        await fixture(
          html`<os-order-status
            api-url=${API}
            tenant="demo"
            user-id="u1"
            order-id="o1"
            destinations="ordering-core"
          ></os-order-status>`
        );
        await fake.connect();
        expect(fake.subscribeLog).to.deep.equal(['/order-changes/demo/u1']);
      });

      it('uses the destination override', async () => {
        await fixture(
          html`<os-order-status
            api-url=${API}
            tenant="demo"
            user-id="u1"
            order-id="o1"
            destination="/custom/{tenant}/{orderId}"
          ></os-order-status>`
        );
        await fake.connect();
        expect(fake.subscribeLog).to.deep.equal(['/custom/demo/o1']);
      });

      it('follows a new order-id, forgetting the old order', async () => {
        const el = await renderLive();
        await deliver(el, order('READY'));
        el.orderId = 'o2';
        await el.updateComplete;
        expect(part(el, 'number')).to.not.exist;
        expect(fake.subscribeLog).to.deep.equal([DEST, '/order-changes/u1/o2']);
        expect(fake.unsubscribeLog).to.deep.equal([DEST]);
      });
    });

    describe('live updates', () => {
      it('maps each status to its timeline step', async () => {
        const el = await renderLive();
        const cases: [Order, string][] = [
          [order('NEW', 1, { completed: false }), 'Received'],
          [order('COMPLETED', 2), 'Paid'],
          [order('PREPARING', 3), 'Preparing'],
          [order('READY', 4), 'Ready for pickup'],
          [order('PICKED', 5), 'Picked up'],
          [order('PICKED', 6, { orderType: 'DELIVERY' }), 'Delivered']
        ];
        for (const [incoming, label] of cases) {
          await deliver(el, incoming);
          expect(currentStep(el), incoming.status).to.equal(label);
        }
        const steps = [...part(el, 'timeline')!.querySelectorAll('li')].map(li => li.getAttribute('part'));
        expect(steps).to.deep.equal([
          'step step-done',
          'step step-done',
          'step step-done',
          'step step-done',
          'step step-done'
        ]);
      });

      it('shows the big pickup number, with the claim code when there is no queue position', async () => {
        const el = await renderLive();
        await deliver(el, order('COMPLETED'));
        expect(part(el, 'number')!.textContent).to.equal('42');
        expect(part(el, 'number-label')!.textContent).to.equal('Your number');
        await deliver(el, order('COMPLETED', 1, { claimCode: 'YQ0W5O', buckets: [{ venue: 'v1' }] }));
        expect(part(el, 'number')!.textContent).to.equal('YQ0W5O');
      });

      it('says it cannot receive updates when the server refuses its destination, until the next connection', async () => {
        sinon.stub(console, 'error');
        const el = await renderLive();
        await deliver(el, order('PREPARING'));
        const refused = oneEvent(el, 'os-subscription-error');
        fake.serverError('Unknown destination', `'${DEST}' is not a valid destination.`);
        expect((await refused).detail.destination).to.equal(DEST);
        await el.updateComplete;
        expect(part(el, 'banner')!.textContent).to.contain('Live updates are unavailable');
        expect(currentStep(el)).to.equal('Preparing');
        await expect(el).to.be.accessible();
      });

      it('keeps the number on one line in a narrow card, shrinking it instead', async () => {
        const el = await renderLive();
        el.style.width = '220px';
        const lines = (text: string) => {
          const range = document.createRange();
          range.selectNodeContents(part(el, 'number')!);
          expect(part(el, 'number')!.textContent).to.equal(text);
          return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
        };
        await deliver(el, order('COMPLETED', 0, { buckets: [{ venue: 'v1', queuePos: '329' }] }));
        expect(lines('329')).to.equal(1);
        await deliver(el, order('COMPLETED', 1, { claimCode: 'CY5EDH7K', buckets: [{ venue: 'v1' }] }));
        expect(lines('CY5EDH7K')).to.equal(1);
        const number = part(el, 'number')!;
        expect(number.scrollWidth).to.be.at.most(number.clientWidth + 1);
      });

      it('shows the time of the last update', async () => {
        const el = await renderLive();
        await deliver(el, order('COMPLETED'));
        const footer = part(el, 'footer')!.textContent!.replace(/\s+/g, ' ').trim();
        const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(T0);
        expect(footer).to.match(/^Updated .+ ago/);
        expect(footer).to.contain(time);
        expect(part(el, 'footer')!.querySelector('time')!.getAttribute('datetime')).to.equal(
          new Date(T0).toISOString()
        );
        expect(footer).to.contain('2 items');
      });

      it('applies the REST snapshot after connecting', async () => {
        snapshot = { status: 200, body: order('PREPARING') };
        const el = await renderLive();
        await waitUntil(() => currentStep(el) === 'Preparing', 'snapshot not applied');
        expect(fetchStub.firstCall.args[0]).to.equal(`${API}/ordering-api/api/orders/o1`);
        expect(fetchStub.firstCall.args[1].headers.Authorization).to.equal('Bearer tok');
      });

      it('ignores stale copies from messages and snapshots', async () => {
        const el = await renderLive();
        await deliver(el, order('READY', 5));
        await deliver(el, order('PREPARING', 4));
        expect(currentStep(el)).to.equal('Ready for pickup');
        snapshot = { status: 200, body: order('COMPLETED', 1) };
        fake.drop();
        hub.retryNow();
        await fake.connect();
        await waitUntil(() => fetchStub.callCount === 2, 'no second snapshot');
        await el.updateComplete;
        expect(currentStep(el)).to.equal('Ready for pickup');
      });

      it('ignores other orders with the ordering-core preset', async () => {
        const el = await fixture<OsOrderStatus>(
          html`<os-order-status
            api-url=${API}
            tenant="demo"
            user-id="u1"
            order-id="o1"
            destinations="ordering-core"
          ></os-order-status>`
        );
        await fake.connect();
        const all = '/order-changes/demo/u1';
        await deliver(el, order('READY', 0, { id: 'o2' }), all);
        expect(part(el, 'number')).to.not.exist;
        await deliver(el, order('PREPARING'), all);
        expect(currentStep(el)).to.equal('Preparing');
        await deliver(el, order('READY', 1, { id: 'o2' }), all);
        expect(currentStep(el)).to.equal('Preparing');
        // An error without orderId on the shared destination is not about this order.
        await deliver(el, { type: 'OrderEventError', message: 'Someone else' }, all);
        expect(part(el, 'error')).to.not.exist;
      });

      it('ignores other notification types quietly, and skips what is not an order with one warning', async () => {
        resetMalformedReports();
        const warn = sinon.stub(console, 'warn');
        const el = await renderLive();
        await deliver(el, order('COMPLETED'));
        await deliver(el, { type: 'OrderUpsell', orderId: 'o1', items: [] });
        expect(warn.callCount).to.equal(0);
        await deliver(el, [1, 2, 3]);
        await deliver(el, 'hello');
        expect(currentStep(el)).to.equal('Paid');
        expect(part(el, 'error')).to.not.exist;
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.equal(
          `os-widgets: skipped a malformed message on ${DEST}: the order is an array (<os-order-status>)`
        );
      });

      it('shows "order not found" on a 404 snapshot and keeps the data on other failures', async () => {
        snapshot = { status: 404 };
        const el = await renderLive();
        await waitUntil(() => el.shadowRoot!.querySelector('.message--not-found'), 'no not-found state');
        await deliver(el, order('COMPLETED'));
        expect(currentStep(el)).to.equal('Paid');
        snapshot = { status: 500 };
        fake.drop();
        hub.retryNow();
        await fake.connect();
        await waitUntil(() => fetchStub.callCount === 2, 'no second snapshot');
        await el.updateComplete;
        expect(currentStep(el)).to.equal('Paid');
      });

      it('keeps the data visible under a calm banner with its age while reconnecting', async () => {
        const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
        const el = await renderLive();
        await deliver(el, order('PREPARING'));
        fake.drop();
        await el.updateComplete;
        expect(part(el, 'banner')!.textContent).to.contain('Reconnecting…');
        clock.tick(2 * 60_000 + 1000);
        el.requestUpdate();
        await el.updateComplete;
        expect(part(el, 'banner')!.textContent).to.contain('Showing data from 2 minutes ago.');
        expect(currentStep(el)).to.equal('Preparing');
        expect(part(el, 'number')!.textContent).to.equal('42');
        hub.retryNow();
        await fake.connect();
        await el.updateComplete;
        expect(part(el, 'banner')).to.not.exist;
      });

      it('shows the unauthorized state as a banner', async () => {
        const el = await fixture<OsOrderStatus>(
          html`<os-order-status api-url=${API} tenant="demo" user-id="u1" order-id="o1"></os-order-status>`
        );
        await fake.reject('Access refused');
        hub.retryNow();
        await fake.reject('Access refused');
        await elementUpdated(el);
        expect(part(el, 'banner')!.textContent).to.contain('Live updates are paused');
        await expect(el).to.be.accessible();
      });

      it('renders server text as text only', async () => {
        const el = await renderLive();
        await deliver(el, order('COMPLETED', 0, { claimCode: '<img src=x>', buckets: [] }));
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', message: '<b>bold</b><img src=x>' });
        expect(el.shadowRoot!.querySelector('img, b')).to.not.exist;
        expect(part(el, 'number')!.textContent).to.equal('<img src=x>');
        expect(part(el, 'error-message')!.textContent).to.equal('<b>bold</b><img src=x>');
      });
    });

    describe('hostile messages', () => {
      beforeEach(() => resetMalformedReports());

      it('shows errors whose codes are null or not a list, and the updates after them', async () => {
        const error = sinon.stub(console, 'error');
        const el = await renderLive();
        await deliver(el, order('COMPLETED'));
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', codes: [null], message: 'Card declined' });
        expect(part(el, 'error-message')!.textContent).to.equal('Card declined');
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', codes: 5 });
        expect(part(el, 'error-message')!.textContent).to.equal('Something went wrong with this order.');
        await deliver(el, order('READY', 1));
        expect(currentStep(el)).to.equal('Ready for pickup');
        expect(error.callCount).to.equal(0);
      });

      it('shows orders whose buckets or lines are null or not lists', async () => {
        const error = sinon.stub(console, 'error');
        const el = await renderLive();
        await deliver(el, { ...order('COMPLETED', 1), buckets: [null, { venue: 'v1', queuePos: '7', lines: null }] });
        expect(part(el, 'number')!.textContent).to.equal('7');
        expect(currentStep(el)).to.equal('Paid');
        await deliver(el, { ...order('DELIVER', 2), buckets: { 0: { queuePos: '8' } } });
        expect(part(el, 'number')!.textContent).to.equal('O1');
        expect(currentStep(el)).to.equal('Ready for pickup');
        expect(error.callCount).to.equal(0);
      });

      it('takes a lastChanged far in the future as now, so that the next update still shows', async () => {
        const el = await renderLive();
        await deliver(el, order('PREPARING', 0, { lastChanged: '9999-12-31T23:59:59.999Z' }));
        expect(currentStep(el)).to.equal('Preparing');
        await deliver(el, order('READY', 0, { lastChanged: new Date(Date.now() + 1000).toISOString() }));
        expect(currentStep(el)).to.equal('Ready for pickup');
      });

      it('cuts a long number to 12 characters', async () => {
        const el = await renderLive();
        await deliver(el, order('COMPLETED', 0, { buckets: [{ venue: 'v1', queuePos: '9'.repeat(1_000_000) }] }));
        expect(part(el, 'number')!.textContent).to.equal(`${'9'.repeat(11)}…`);
      });

      it('skips what it cannot render, reports it once, and shows the next update', async () => {
        const error = sinon.stub(console, 'error');
        const el = await renderLive();
        el.strings = {
          headline: () => {
            throw new Error('a broken translation');
          }
        };
        await deliver(el, order('COMPLETED'));
        await deliver(el, order('PREPARING', 1));
        expect(part(el, 'number')).to.not.exist;
        expect(error.callCount).to.equal(1);
        expect(String(error.firstCall.args[0])).to.equal(
          'os-widgets: <os-order-status> could not render the order; skipped it (reported once)'
        );
        el.strings = undefined;
        await deliver(el, order('READY', 2));
        expect(currentStep(el)).to.equal('Ready for pickup');
      });
    });

    describe('events', () => {
      it('fires os-order-update with the order and stage, once per stage', async () => {
        const el = await renderLive();
        const updates: unknown[] = [];
        el.addEventListener('os-order-update', e => updates.push(e.detail));
        const first = oneEvent(el, 'os-order-update');
        fake.deliver(DEST, JSON.stringify(order('PREPARING')));
        const event = await first;
        expect(event.detail.stage).to.equal('preparing');
        expect(event.detail.order.id).to.equal('o1');
        expect(event.bubbles && event.composed).to.be.true;
        await deliver(el, order('PREPARING')); // identical duplicate
        await deliver(el, order('COMPLETED', -1)); // stale
        expect(updates).to.have.length(1);
        await deliver(el, order('READY', 1));
        expect(updates).to.have.length(2);
        // PICKED then CLOSED: both "picked up" for the guest, so one event.
        await deliver(el, order('PICKED', 2));
        await deliver(el, order('CLOSED', 3));
        expect(updates.map(u => (u as { stage: string }).stage)).to.deep.equal(['preparing', 'ready', 'picked-up']);
      });

      it('fires os-order-error and shows the error localized by code', async () => {
        const el = await renderLive();
        const error: OrderEventError = {
          type: 'OrderEventError',
          orderId: 'o1',
          message: 'Order cannot be abandoned',
          codes: [{ code: 'cannotAbandon', message: 'Order cannot be abandoned', args: null }]
        };
        const event = oneEvent(el, 'os-order-error');
        fake.deliver(DEST, JSON.stringify(error));
        expect((await event).detail).to.deep.equal(error);
        await el.updateComplete;
        expect(part(el, 'error-message')!.textContent).to.equal('This order can no longer be cancelled.');
        expect(liveRegion(el)).to.equal('This order can no longer be cancelled.');
        el.locale = 'pl';
        await el.updateComplete;
        expect(part(el, 'error-message')!.textContent).to.equal('Tego zamówienia nie można już anulować.');
      });

      it('falls back to the server message, then the first code message', async () => {
        const el = await renderLive();
        await deliver(el, {
          type: 'OrderEventError',
          orderId: 'o1',
          message: 'Kitchen on fire',
          codes: [{ code: 'unknownCode' }]
        });
        expect(part(el, 'error-message')!.textContent).to.equal('Kitchen on fire');
        await deliver(el, { type: 'OrderEventError', codes: [{ code: 'x', message: 'From the code' }] });
        expect(part(el, 'error-message')!.textContent).to.equal('From the code');
      });

      it('ignores errors about other orders', async () => {
        const el = await renderLive();
        let fired = false;
        el.addEventListener('os-order-error', () => (fired = true));
        await deliver(el, { type: 'OrderEventError', orderId: 'o2', message: 'Not mine' });
        expect(fired).to.be.false;
        expect(part(el, 'error')).to.not.exist;
      });

      it('dismisses the error with the dismiss button', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', message: 'Oops' });
        part(el, 'dismiss-button')!.click();
        await el.updateComplete;
        expect(part(el, 'error')).to.not.exist;
      });

      it('fires os-connection-change when the connection drops', async () => {
        const el = await renderLive();
        const event = oneEvent(el, 'os-connection-change');
        fake.drop();
        expect((await event).detail.state).to.equal('reconnecting');
      });
    });

    describe('cleanup', () => {
      const entries = () => (hub as unknown as { entries: Map<string, unknown> }).entries;

      it('leaves no listener in the hub after el.remove()', async () => {
        const el = await renderLive();
        expect(entries().has(DEST)).to.be.true;
        el.remove();
        expect(entries().size).to.equal(0);
        expect(fake.unsubscribeLog).to.deep.equal([DEST]);
      });

      it('shares one broker subscription between two elements on one order', async () => {
        const a = await renderLive();
        const b = await fixture<OsOrderStatus>(
          html`<os-order-status api-url=${API} tenant="demo" user-id="u1" order-id="o1"></os-order-status>`
        );
        expect(fake.subscribeLog).to.deep.equal([DEST]);
        a.remove();
        expect(fake.unsubscribeLog).to.deep.equal([]);
        b.remove();
        expect(fake.unsubscribeLog).to.deep.equal([DEST]);
      });

      it('stops its update ticker when removed', async () => {
        const clearInterval = sinon.spy(window, 'clearInterval');
        const el = await renderLive();
        el.remove();
        expect(clearInterval.called).to.be.true;
      });
    });
  });

  describe('against the emulator (real @stomp/stompjs client)', () => {
    const emulator = useEmulator();
    const { post } = emulator;

    async function guestToken(): Promise<{ access_token: string; UUID: string }> {
      const response = await fetch(`${emulator.url}/auth-oauth2/oauth/token`, {
        method: 'POST',
        headers: {
          Authorization: 'Basic b3JkZXJpbmc6c2VjcmV0',
          'X-Tenant': 'demo',
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8'
        },
        body: 'grant_type=password&username=guest&password=guest'
      });
      expect(response.ok, 'token request').to.be.true;
      return response.json();
    }

    beforeEach(async () => {
      const token = await guestToken();
      configure({
        token: async () => ({ token: token.access_token, userId: token.UUID }),
        reconnectMinMs: 300,
        reconnectMaxMs: 1000
      });
    });

    it('renders a status the server pushes', async () => {
      const created = (await post('/__emulator/orders', {
        userId: 'guest-1',
        status: 'COMPLETED',
        queuePos: '17'
      })) as Order;
      const el = await fixture<OsOrderStatus>(
        html`<os-order-status api-url=${emulator.url} tenant="demo" order-id=${created.id}></os-order-status>`
      );
      await post('/__emulator/wait-subscribed', { destination: `/order-changes/guest-1/${created.id}` });
      await waitUntil(() => currentStep(el) === 'Paid', 'snapshot not shown');
      expect(part(el, 'number')!.textContent).to.equal('17');
      const ready = oneEvent(el, 'os-order-update');
      await post(`/__emulator/orders/${created.id}/status`, { status: 'READY' });
      expect((await ready).detail.stage).to.equal('ready');
      await el.updateComplete;
      expect(currentStep(el)).to.equal('Ready for pickup');
      await expect(el).to.be.accessible();
    });

    it('shows a status changed while disconnected after the reconnect and snapshot', async () => {
      const created = (await post('/__emulator/orders', { userId: 'guest-1', status: 'COMPLETED' })) as Order;
      const destination = `/order-changes/guest-1/${created.id}`;
      const el = await fixture<OsOrderStatus>(
        html`<os-order-status api-url=${emulator.url} tenant="demo" order-id=${created.id}></os-order-status>`
      );
      await post('/__emulator/wait-subscribed', { destination });
      await waitUntil(() => currentStep(el) === 'Paid', 'snapshot not shown');
      const reconnecting = connectionLeavesOpen(el);
      await post('/__emulator/faults/drop-connections');
      await reconnecting;
      await post(`/__emulator/orders/${created.id}/status`, { status: 'PREPARING' });
      await waitUntil(() => currentStep(el) === 'Preparing', 'new status not shown after the reconnect', {
        timeout: 8000
      });
      expect(part(el, 'banner')).to.not.exist;
    });

    it('shows "order not found" for an unknown order', async () => {
      const el = await fixture<OsOrderStatus>(
        html`<os-order-status api-url=${emulator.url} tenant="demo" order-id="no-such-order"></os-order-status>`
      );
      await waitUntil(() => el.shadowRoot!.querySelector('.message--not-found'), 'no not-found state', {
        timeout: 5000
      });
      await expect(el).to.be.accessible();
    });
  });
});
