import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/user-toasts/user-toasts.js';
import type { OsUserToasts } from '../../../src/components/user-toasts/user-toasts.js';
import { configure } from '../../../src/connection/config.js';
import { passwordGrantSource } from '../../../src/connection/auth/grants.js';
import type { FakeStompClient } from '../../support/fake-stomp-client.js';
import { resetMalformedReports } from '../../../src/internal/failure-reporter.js';
import { useEmulator } from '../../support/use-emulator.js';
import { useFakeHub } from '../../support/use-fake-hub.js';

const API = 'https://api.test';
const DEST = '/kds/demo/u1';

const toasts = (el: OsUserToasts) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toast"]')];
const texts = (el: OsUserToasts) => toasts(el).map(t => t.querySelector('[part="message"]')!.textContent!.trim());
const polite = (el: OsUserToasts) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();
const assertive = (el: OsUserToasts) => el.shadowRoot!.querySelector('[aria-live="assertive"]')!.textContent!.trim();
/** Waits for the toasts' entrance animations, so that axe measures final colours. */
const animationsDone = (el: OsUserToasts) => Promise.all(el.shadowRoot!.getAnimations().map(a => a.finished));
const base = (el: OsUserToasts) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;

const upsell = {
  type: 'OrderUpsell',
  orderId: 'o1',
  items: ['p-fries'],
  showAs: 'POPUP',
  correlationId: 'c-up',
  details: { literals: { name: 'Fries' } }
};

describe('<os-user-toasts>', () => {
  describe('with a fake STOMP client', () => {
    let fake: FakeStompClient;
    useFakeHub({ config: { apiUrl: API, userId: 'u1' } }, made => ({ fake } = made));

    async function renderLive(attrs: { maxVisible?: number; duration?: number } = {}): Promise<OsUserToasts> {
      const el = await fixture<OsUserToasts>(
        html`<os-user-toasts
          api-url=${API}
          tenant="demo"
          user-id="u1"
          max-visible=${attrs.maxVisible ?? 3}
          duration=${attrs.duration ?? 5000}
        ></os-user-toasts>`
      );
      await fake.connect();
      await el.updateComplete;
      return el;
    }

    async function deliver(el: OsUserToasts, body: unknown) {
      fake.deliver(DEST, JSON.stringify(body));
      await el.updateComplete;
    }

    describe('accessibility', () => {
      it('is accessible when empty, with one polite and one assertive region', async () => {
        const el = await renderLive();
        expect(el.shadowRoot!.querySelectorAll('[aria-live="polite"]')).to.have.length(1);
        expect(el.shadowRoot!.querySelectorAll('[aria-live="assertive"]')).to.have.length(1);
        await animationsDone(el);
        await expect(el).to.be.accessible();
      });

      it('is accessible with an error, an info and an upsell toast', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', codes: [{ code: 'cannotAbandon', message: 'x' }] });
        await deliver(el, { type: 'OrderAppliedEvents', orderId: 'o1', correlationId: 'c1' });
        await deliver(el, upsell);
        expect(toasts(el)).to.have.length(3);
        expect(el.shadowRoot!.querySelector('[part="close-button"]')!.getAttribute('aria-label')).to.equal(
          'Close notification'
        );
        await animationsDone(el);
        await expect(el).to.be.accessible();
      });

      it('is accessible with a missing attribute, logging one console.error', async () => {
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsUserToasts>(html`<os-user-toasts></os-user-toasts>`);
        expect(el.shadowRoot!.querySelector('[part="config-message"]')!.textContent)
          .to.contain('api-url')
          .and.to.contain('tenant');
        el.requestUpdate();
        await el.updateComplete;
        await waitUntil(() => error.callCount >= 1, 'no missing-attribute report');
        expect(error.callCount).to.equal(1);
        expect(fake.activations).to.equal(0);
        await animationsDone(el);
        await expect(el).to.be.accessible();
      });
    });

    describe('live updates', () => {
      it('shows a published error, localized by its code, and announces it assertively', async () => {
        const el = await renderLive();
        await deliver(el, {
          type: 'OrderEventError',
          orderId: 'o1',
          message: 'Order cannot be abandoned',
          codes: [{ code: 'cannotAbandon', message: 'x', args: null }]
        });
        expect(texts(el)).to.deep.equal(['This order can no longer be cancelled.']);
        expect(toasts(el)[0].getAttribute('part')).to.equal('toast toast-error');
        expect(assertive(el)).to.equal('This order can no longer be cancelled.');
        expect(polite(el)).to.equal('');
        el.locale = 'pl';
        await deliver(el, { type: 'OrderEventError', orderId: 'o2', codes: [{ code: 'venueClosed' }] });
        expect(texts(el)[0]).to.equal('Lokal jest teraz zamknięty.');
      });

      it('falls back to the message, then to the first code message, for unknown codes', async () => {
        const el = await renderLive();
        await deliver(el, {
          type: 'OrderEventError',
          orderId: 'o1',
          message: 'Server says no',
          codes: [{ code: 'weird' }]
        });
        await deliver(el, { type: 'OrderEventError', orderId: 'o2', codes: [{ code: 'odd', message: 'Code text' }] });
        expect(texts(el)).to.deep.equal(['Code text', 'Server says no']);
      });

      it('shows a basket update and a receipt, and ignores unknown types', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderAppliedEvents', orderId: 'o1', events: ['c9'] });
        await deliver(el, { type: 'SomethingElse', orderId: 'o1', message: 'hidden' });
        await deliver(el, { type: 'OrderEventFiscal', orderId: 'o1', correlationId: 'f1' });
        expect(texts(el)).to.deep.equal(['Your receipt is ready', 'Your basket was updated']);
        expect(toasts(el).map(t => t.getAttribute('part'))).to.deep.equal(['toast toast-success', 'toast toast-info']);
        expect(polite(el)).to.equal('Your receipt is ready');
        await deliver(el, { type: 'OrderMessage', orderId: 'o1', message: 'Your table is ready' });
        expect(texts(el)[0]).to.equal('Your table is ready');
      });

      it('updates a toast in place for the same correlationId and announces it again', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderAppliedEvents', orderId: 'o1', correlationId: 'c1' });
        const first = polite(el);
        await deliver(el, {
          type: 'OrderMessage',
          orderId: 'o1',
          event: { correlationId: 'c1' },
          message: 'Basket saved'
        });
        expect(texts(el)).to.deep.equal(['Basket saved']);
        const raw = () => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent;
        const second = raw();
        await deliver(el, { type: 'OrderMessage', orderId: 'o1', correlationId: 'c1', message: 'Basket saved' });
        expect(toasts(el)).to.have.length(1);
        expect(first).to.equal('Your basket was updated');
        // The same text again still changes the region, so it is announced again.
        expect(raw()).to.not.equal(second);
        expect(polite(el)).to.equal('Basket saved');
      });

      it('renders server text as text only', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderMessage', orderId: 'o1', message: '<img src=x onerror=alert(1)><b>hi</b>' });
        expect(el.shadowRoot!.querySelector('[part="toast"] img, [part~="toast"] b')).to.not.exist;
        expect(texts(el)[0]).to.equal('<img src=x onerror=alert(1)><b>hi</b>');
      });

      it('queues toasts beyond max-visible and shows them as others close', async () => {
        const el = await renderLive({ maxVisible: 2 });
        for (const id of ['a', 'b', 'c']) await deliver(el, { type: 'OrderMessage', correlationId: id, message: id });
        expect(texts(el)).to.deep.equal(['b', 'a']);
        el.shadowRoot!.querySelector<HTMLElement>('[part="close-button"]')!.click();
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['c', 'a']);
      });
    });

    describe('hostile messages', () => {
      beforeEach(() => resetMalformedReports());

      it('keeps at most 10 toasts waiting: the newest errors stay, the oldest info toasts go first', async () => {
        const el = await renderLive();
        for (let i = 0; i < 300; i++) {
          fake.deliver(DEST, JSON.stringify({ type: 'OrderEventError', orderId: `e${i}`, message: `Error ${i}` }));
          if (i % 3 === 0)
            fake.deliver(DEST, JSON.stringify({ type: 'OrderMessage', correlationId: `m${i}`, message: `Info ${i}` }));
        }
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['Error 1', 'Info 0', 'Error 0']);
        const shown: string[] = [];
        for (let i = 0; i < 20 && toasts(el).length > 0; i++) {
          shown.push(texts(el).at(-1)!);
          el.dismiss(toasts(el).at(-1)!.id);
          await el.updateComplete;
        }
        expect(toasts(el)).to.have.length(0);
        expect(shown).to.have.length(13);
        expect(shown.slice(3)).to.include.members(['Error 298', 'Error 299', 'Info 297']);
      });

      it('cuts a long message to 500 characters', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderMessage', message: 'W'.repeat(1_000_000) });
        expect(texts(el)[0]).to.have.length(500);
        expect(texts(el)[0].endsWith('…')).to.be.true;
      });

      it('shows errors whose codes are null or not a list', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', codes: [null], message: 'Card declined' });
        await deliver(el, { type: 'OrderEventError', orderId: 'o2', codes: 5 });
        expect(texts(el)).to.deep.equal(['Something went wrong with this order.', 'Card declined']);
      });

      it("ignores another user's notifications quietly, and warns once about ones without a type", async () => {
        const warn = sinon.stub(console, 'warn');
        const el = await renderLive();
        await deliver(el, { type: 'OrderMessage', users: ['u2'], message: 'Not yours' });
        await deliver(el, { type: 'OrderMessage', users: ['u1'], message: 'Yours' });
        expect(texts(el)).to.deep.equal(['Yours']);
        expect(warn.callCount).to.equal(0);
        await deliver(el, { message: 'no type' });
        await deliver(el, 42);
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.include("the notification's type is missing");
      });

      it('skips a toast it cannot render, reports it once, and renders the others', async () => {
        const error = sinon.stub(console, 'error');
        const el = await renderLive();
        // A string override that is a function is called (a host's translation may be one): this one throws.
        const broken = () => {
          throw new Error('a broken translation');
        };
        el.strings = { toastUpsellAccept: broken as unknown as string };
        await deliver(el, upsell);
        await deliver(el, { type: 'OrderMessage', message: 'Hello' });
        await deliver(el, { ...upsell, correlationId: 'c-up-2' });
        expect(texts(el)).to.deep.equal(['Hello']);
        expect(error.callCount).to.equal(1);
        expect(String(error.firstCall.args[0])).to.include('<os-user-toasts> could not render a toast');
      });
    });

    describe('upsell', () => {
      it('offers the product with Add, firing os-upsell-accept and closing', async () => {
        const el = await renderLive();
        await deliver(el, upsell);
        expect(texts(el)).to.deep.equal(['Would you like to add Fries?']);
        const accepted = oneEvent(el, 'os-upsell-accept');
        el.shadowRoot!.querySelector<HTMLElement>('[part="accept-button"]')!.click();
        const { detail } = await accepted;
        expect(detail.orderId).to.equal('o1');
        expect(detail.items).to.deep.equal(['p-fries']);
        expect(detail.notification.correlationId).to.equal('c-up');
        await el.updateComplete;
        expect(toasts(el)).to.have.length(0);
      });

      it('offers No thanks, firing os-upsell-dismiss and closing', async () => {
        const el = await renderLive();
        await deliver(el, { ...upsell, correlationId: undefined, details: { literals: 'Cola' } });
        expect(texts(el)).to.deep.equal(['Would you like to add Cola?']);
        const hide = oneEvent(el, 'os-toast-hide');
        const dismissed = oneEvent(el, 'os-upsell-dismiss');
        el.shadowRoot!.querySelector<HTMLElement>('[part="decline-button"]')!.click();
        expect((await dismissed).detail.items).to.deep.equal(['p-fries']);
        expect((await hide).detail.reason).to.equal('dismiss');
        await el.updateComplete;
        expect(toasts(el)).to.have.length(0);
      });

      it('names the items when there are no literals', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderUpsell', orderId: 'o1', items: ['Kompot'], details: {} });
        expect(texts(el)).to.deep.equal(['Would you like to add Kompot?']);
      });
    });

    describe('timers', () => {
      let clock: sinon.SinonFakeTimers;
      beforeEach(() => {
        clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      });
      afterEach(() => clock.restore());

      it('hides info toasts after duration and keeps errors until dismissed', async () => {
        const el = await renderLive({ duration: 1000 });
        await deliver(el, { type: 'OrderEventError', orderId: 'o1', message: 'Nope' });
        await deliver(el, { type: 'OrderMessage', message: 'Hello' });
        const hidden = oneEvent(el, 'os-toast-hide');
        clock.tick(1000);
        expect((await hidden).detail.reason).to.equal('timeout');
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['Nope']);
        clock.tick(60_000);
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['Nope']);
      });

      it('pauses while hovered and while focus is inside', async () => {
        const el = await renderLive({ duration: 1000 });
        await deliver(el, { type: 'OrderMessage', message: 'Hello' });
        base(el).dispatchEvent(new MouseEvent('mouseenter'));
        clock.tick(5000);
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['Hello']);
        base(el).dispatchEvent(new MouseEvent('mouseleave'));
        el.shadowRoot!.querySelector<HTMLElement>('[part="close-button"]')!.focus();
        clock.tick(5000);
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['Hello']);
        el.shadowRoot!.querySelector<HTMLElement>('[part="close-button"]')!.blur();
        clock.tick(1000);
        await el.updateComplete;
        expect(texts(el)).to.deep.equal([]);
      });

      it('pauses while the tab is hidden', async () => {
        const el = await renderLive({ duration: 1000 });
        await deliver(el, { type: 'OrderMessage', message: 'Hello' });
        const visibility = sinon.stub(document, 'visibilityState').get(() => 'hidden');
        document.dispatchEvent(new Event('visibilitychange'));
        clock.tick(5000);
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['Hello']);
        visibility.get(() => 'visible');
        document.dispatchEvent(new Event('visibilitychange'));
        clock.tick(1000);
        await el.updateComplete;
        expect(texts(el)).to.deep.equal([]);
      });
    });

    describe('events', () => {
      it('dismisses the newest toast on Escape', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderMessage', correlationId: 'a', message: 'a' });
        await deliver(el, { type: 'OrderMessage', correlationId: 'b', message: 'b' });
        const hidden = oneEvent(el, 'os-toast-hide');
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect((await hidden).detail.toast.message).to.equal('b');
        await el.updateComplete;
        expect(texts(el)).to.deep.equal(['a']);
      });

      it('does not show a toast whose os-toast-show was cancelled', async () => {
        const el = await renderLive();
        const hides: unknown[] = [];
        el.addEventListener('os-toast-hide', e => hides.push(e));
        el.addEventListener('os-toast-show', e => {
          if (e.detail.toast.message === 'secret') e.preventDefault();
        });
        await deliver(el, { type: 'OrderMessage', message: 'secret' });
        expect(toasts(el)).to.have.length(0);
        expect(polite(el)).to.equal('');
        expect(hides).to.have.length(0);
        await deliver(el, { type: 'OrderMessage', message: 'shown' });
        expect(texts(el)).to.deep.equal(['shown']);
      });

      it('shows the host’s own toasts with show()', async () => {
        const el = await renderLive();
        const shown = oneEvent(el, 'os-toast-show');
        const toast = el.show({ kind: 'success', title: 'Saved', message: 'Your address was saved' });
        expect((await shown).detail.toast.id).to.equal(toast!.id);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Saved');
        expect(polite(el)).to.equal('Saved. Your address was saved');
        el.addEventListener('os-toast-show', e => e.preventDefault());
        expect(el.show({ kind: 'info', message: 'nope' })).to.equal(undefined);
      });
    });

    describe('properties', () => {
      it('subscribes to the ordering-core destination and reflects position', async () => {
        const el = await fixture<OsUserToasts>(
          html`<os-user-toasts
            api-url=${API}
            tenant="demo"
            user-id="u1"
            destinations="ordering-core"
            position="bottom-start"
          ></os-user-toasts>`
        );
        await fake.connect();
        expect(fake.subscribeLog).to.deep.equal(['/notifications/demo/u1']);
        el.show({ kind: 'info', message: 'Hi' });
        await el.updateComplete;
        const rect = toasts(el)[0].getBoundingClientRect();
        expect(rect.bottom).to.be.greaterThan(window.innerHeight - 100);
        expect(rect.left).to.be.lessThan(100);
      });
    });

    describe('cleanup', () => {
      it('releases its subscription and the Escape listener when removed', async () => {
        const el = await renderLive();
        await deliver(el, { type: 'OrderMessage', message: 'a' });
        const remove = sinon.spy(document, 'removeEventListener');
        el.remove();
        expect(fake.unsubscribeLog).to.deep.equal([DEST]);
        expect(remove.calledWith('keydown')).to.be.true;
      });
    });
  });

  describe('against the emulator (real @stomp/stompjs client)', () => {
    const emulator = useEmulator();
    const { post } = emulator;

    beforeEach(() => {
      configure({
        token: passwordGrantSource({ apiUrl: emulator.url, tenant: 'demo', username: 'guest', password: 'guest' })
      });
    });

    it('shows an error and an upsell the server publishes to the guest', async () => {
      const el = await fixture<OsUserToasts>(
        html`<os-user-toasts api-url=${emulator.url} tenant="demo"></os-user-toasts>`
      );
      await post('/__emulator/wait-subscribed', { destination: '/kds/demo/guest-1' });
      await post('/__emulator/publish', {
        destination: '/kds/demo/guest-1',
        body: {
          type: 'OrderEventError',
          orderId: '1001',
          codes: [{ code: 'productNotAvailable', message: 'x', args: null }]
        }
      });
      await waitUntil(() => texts(el).length === 1, 'error not shown');
      expect(texts(el)).to.deep.equal(['One of the products is no longer available.']);
      await post('/__emulator/publish', { destination: '/kds/demo/guest-1', body: { ...upsell, orderId: '1001' } });
      await waitUntil(() => texts(el).length === 2, 'upsell not shown');
      expect(texts(el)[0]).to.equal('Would you like to add Fries?');
      await animationsDone(el);
      await expect(el).to.be.accessible();
    });
  });
});
