import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/connection-status/connection-status.js';
import type { OsConnectionStatus } from '../../../src/components/connection-status/connection-status.js';
import { configure } from '../../../src/connection/config.js';
import { getStompHub } from '../../../src/connection/hub/hub-registry.js';
import type { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import { passwordGrantSource } from '../../../src/connection/auth/grants.js';
import type { FakeEnvironment, FakeStompClient } from '../../support/fake-stomp-client.js';
import { useEmulator } from '../../support/use-emulator.js';
import { useFakeHub } from '../../support/use-fake-hub.js';

const API = 'https://api.test';
const DEST = '/kds/demo/v1';
const noop = () => {};

const part = (el: OsConnectionStatus, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const label = (el: OsConnectionStatus) =>
  (part(el, 'label')?.querySelector('[aria-hidden="true"]') ?? part(el, 'label'))!.textContent!.trim();
const retryVisible = (el: OsConnectionStatus) => !part(el, 'retry-button')!.hidden;

describe('<os-connection-status>', () => {
  describe('with a fake STOMP client', () => {
    let fake: FakeStompClient;
    let env: FakeEnvironment;
    let hub: StompHub;
    useFakeHub(
      { config: { apiUrl: API, reconnectMinMs: 20_000, reconnectMaxMs: 20_000 }, random: () => 0.5 },
      made => ({ fake, env, hub } = made)
    );

    async function render(): Promise<OsConnectionStatus> {
      return fixture<OsConnectionStatus>(
        html`<os-connection-status api-url=${API} tenant="demo"></os-connection-status>`
      );
    }

    describe('accessibility', () => {
      it('is accessible when idle, and never opens a socket itself', async () => {
        const el = await render();
        expect(label(el)).to.equal('Not connected');
        expect(part(el, 'label')!.getAttribute('role')).to.equal('status');
        expect(retryVisible(el)).to.be.false;
        expect(fake.activations).to.equal(0);
        await expect(el).to.be.accessible();
      });

      it('is accessible while connecting and live', async () => {
        const el = await render();
        hub.subscribe(DEST, noop);
        await el.updateComplete;
        expect(label(el)).to.equal('Connecting…');
        await expect(el).to.be.accessible();
        await fake.connect();
        await el.updateComplete;
        expect(label(el)).to.equal('Live');
        expect(part(el, 'base')!.classList.contains('connection-status--open')).to.be.true;
        expect(retryVisible(el)).to.be.false;
        await expect(el).to.be.accessible();
      });

      it('is accessible while reconnecting, offline and signed out, with a retry button', async () => {
        const el = await render();
        hub.subscribe(DEST, noop);
        await fake.connect();
        fake.drop();
        await el.updateComplete;
        expect(label(el)).to.match(/^Reconnecting in \d+ s$/);
        expect(retryVisible(el)).to.be.true;
        await expect(el).to.be.accessible();

        env.dispatch('offline');
        await el.updateComplete;
        const since = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(hub.status.since);
        expect(label(el)).to.equal(`Offline since ${since}`);
        expect(retryVisible(el)).to.be.true;
        await expect(el).to.be.accessible();
      });

      it('shows "Signed out" when the token is rejected', async () => {
        const el = await render();
        hub.subscribe(DEST, noop);
        await fake.reject('Access refused');
        hub.retryNow();
        await fake.reject('Access refused');
        await el.updateComplete;
        expect(label(el)).to.equal('Signed out');
        expect(retryVisible(el)).to.be.true;
        await expect(el).to.be.accessible();
      });

      it('is accessible with a missing attribute, logging one console.error', async () => {
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsConnectionStatus>(html`<os-connection-status></os-connection-status>`);
        expect(part(el, 'message')!.textContent).to.contain('api-url').and.to.contain('tenant');
        el.locale = 'pl';
        await el.updateComplete;
        expect(part(el, 'message')!.textContent).to.contain('wymaga');
        await waitUntil(() => error.callCount >= 1, 'no missing-attribute report');
        expect(error.callCount).to.equal(1);
        await expect(el).to.be.accessible();
      });
    });

    describe('properties', () => {
      it('renders Polish', async () => {
        const el = await fixture<OsConnectionStatus>(
          html`<os-connection-status api-url=${API} tenant="demo" locale="pl"></os-connection-status>`
        );
        expect(label(el)).to.equal('Nie połączono');
        hub.subscribe(DEST, noop);
        await fake.connect();
        await el.updateComplete;
        expect(label(el)).to.equal('Na żywo');
      });

      it('takes api-url and tenant from configure()', async () => {
        configure({ apiUrl: API, tenant: 'demo' });
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsConnectionStatus>(html`<os-connection-status></os-connection-status>`);
        await nextFrame(); // the missing-attribute report would come after a frame
        await aTimeout(0);
        expect(error.called).to.be.false;
        expect(label(el)).to.equal('Not connected');
        el.remove(); // resetConfig() in afterEach would otherwise make it report the missing attributes
      });

      it('always renders the prefix and suffix slots', async () => {
        const el = await fixture<OsConnectionStatus>(
          html`<os-connection-status api-url=${API} tenant="demo"
            ><span slot="prefix">Kitchen</span></os-connection-status
          >`
        );
        expect(el.shadowRoot!.querySelector('slot[name="prefix"]')).to.exist;
        expect(el.shadowRoot!.querySelector('slot[name="suffix"]')).to.exist;
      });
    });

    describe('live updates', () => {
      it('counts down to the next attempt and offers "Retry now", which calls retryNow()', async () => {
        const clock = sinon.useFakeTimers({
          now: 1_000_000,
          toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']
        });
        const el = await render();
        hub.subscribe(DEST, noop);
        await fake.connect();
        fake.drop();
        await el.updateComplete;
        expect(label(el)).to.equal('Reconnecting in 10 s');
        // Screen readers hear the state once, not every second.
        expect(part(el, 'label')!.querySelector('.visually-hidden')!.textContent).to.equal('Reconnecting…');
        clock.tick(3000);
        await el.updateComplete;
        expect(label(el)).to.equal('Reconnecting in 7 s');
        const retry = sinon.spy(hub, 'retryNow');
        part(el, 'retry-button')!.click();
        expect(retry.calledOnce).to.be.true;
        await fake.connect();
        await el.updateComplete;
        expect(label(el)).to.equal('Live');
        clock.restore();
      });
    });

    describe('events', () => {
      it('fires os-connection-change on every state change', async () => {
        const el = await render();
        const states: string[] = [];
        el.addEventListener('os-connection-change', e => states.push(e.detail.state));
        const open = oneEvent(el, 'os-connection-change');
        hub.subscribe(DEST, noop);
        expect((await open).detail.state).to.equal('connecting');
        await fake.connect();
        fake.drop();
        expect(states).to.deep.equal(['connecting', 'open', 'reconnecting']);
      });
    });

    describe('cleanup', () => {
      it('stops listening to the hub when removed', async () => {
        const el = await render();
        el.remove();
        const changes: unknown[] = [];
        el.addEventListener('os-connection-change', e => changes.push(e));
        hub.subscribe(DEST, noop);
        await fake.connect();
        expect(changes).to.have.length(0);
      });

      it('follows the hub again when re-inserted', async () => {
        const el = await render();
        const parent = el.parentElement!;
        el.remove();
        hub.subscribe(DEST, () => {});
        await fake.connect();
        parent.append(el);
        await el.updateComplete;
        expect(label(el)).to.equal('Live');
      });
    });
  });

  describe('against the emulator (real @stomp/stompjs client)', () => {
    const emulator = useEmulator();
    const { post } = emulator;

    beforeEach(() => {
      configure({
        token: passwordGrantSource({ apiUrl: emulator.url, tenant: 'demo', username: 'guest', password: 'guest' }),
        reconnectMinMs: 300,
        reconnectMaxMs: 1000
      });
    });

    it('shows live, then reconnecting when the connection drops, then live again', async () => {
      const el = await fixture<OsConnectionStatus>(
        html`<os-connection-status api-url=${emulator.url} tenant="demo"></os-connection-status>`
      );
      // Another widget on the page uses the shared connection.
      const release = getStompHub({ apiUrl: emulator.url, tenant: 'demo' }).subscribe('/venue/demo/v1', noop);
      await post('/__emulator/wait-subscribed', { destination: '/venue/demo/v1' });
      await waitUntil(() => el.state === 'open', 'not live');
      expect(label(el)).to.equal('Live');
      const states: string[] = [];
      el.addEventListener('os-connection-change', e => states.push(e.detail.state));
      await post('/__emulator/faults/drop-connections');
      await waitUntil(() => states.includes('reconnecting') && el.state === 'open', 'not reconnected', {
        timeout: 8000
      });
      expect(label(el)).to.equal('Live');
      await expect(el).to.be.accessible();
      release();
    });
  });
});
