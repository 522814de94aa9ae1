import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/venue-watch/venue-watch.js';
import type { OsVenueWatch } from '../../../src/components/venue-watch/venue-watch.js';
import { resetMalformedReports } from '../../../src/internal/failure-reporter.js';
import type { VenueConfig } from '../../../src/models/venue.js';
import { configure } from '../../../src/connection/config.js';
import { passwordGrantSource } from '../../../src/connection/auth/grants.js';
import type { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import type { FakeStompClient } from '../../support/fake-stomp-client.js';
import { useEmulator } from '../../support/use-emulator.js';
import { useFakeHub } from '../../support/use-fake-hub.js';

const API = 'https://api.test';
const DEST = '/venue/demo/v1';

const venue = (overrides: Partial<VenueConfig> = {}): VenueConfig => ({
  id: 'v1',
  name: 'Centrum',
  timeZone: 'Europe/Warsaw',
  active: true,
  tempDisabled: false,
  ...overrides
});

const part = (el: OsVenueWatch, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const label = (el: OsVenueWatch) => part(el, 'label')!.textContent!.trim();

describe('<os-venue-watch>', () => {
  describe('with a fake STOMP client', () => {
    let fake: FakeStompClient;
    let hub: StompHub;
    let fetchStub: sinon.SinonStub;
    /** What the REST snapshot of the venue answers. */
    let snapshot: { status: number; body?: unknown };
    beforeEach(() => (snapshot = { status: 404 }));
    useFakeHub({ config: { apiUrl: API }, answer: () => snapshot }, made => ({ fake, hub, fetch: fetchStub } = made));

    async function renderLive(display = true): Promise<OsVenueWatch> {
      const el = await fixture<OsVenueWatch>(
        display
          ? html`<os-venue-watch api-url=${API} tenant="demo" venue="v1" display></os-venue-watch>`
          : html`<os-venue-watch api-url=${API} tenant="demo" venue="v1"></os-venue-watch>`
      );
      await fake.connect();
      await el.updateComplete;
      return el;
    }

    async function deliver(el: OsVenueWatch, body: unknown) {
      fake.deliver(DEST, JSON.stringify(body));
      await el.updateComplete;
    }

    describe('accessibility', () => {
      it('is accessible in every state of the badge', async () => {
        const el = await renderLive();
        // Unknown (no snapshot, nothing published yet): the badge takes no space and says nothing alarming.
        expect(part(el, 'base')!.hidden).to.be.true;
        expect(el.getBoundingClientRect().width).to.equal(0);
        expect(el.getAttribute('venue-state')).to.equal('unknown');
        expect(part(el, 'label')!.getAttribute('role')).to.equal('status');
        await expect(el).to.be.accessible();
        await deliver(el, venue());
        expect(el.getAttribute('venue-state')).to.equal('open');
        expect(label(el)).to.equal('Open');
        await expect(el).to.be.accessible();
        await deliver(el, venue({ tempDisabled: true, tempDisabledReason: 'Kitchen break' }));
        expect(label(el)).to.equal('Temporarily closed: Kitchen break');
        await expect(el).to.be.accessible();
        await deliver(el, venue({ active: false }));
        expect(label(el)).to.equal('Closed');
        await expect(el).to.be.accessible();
      });

      it('is invisible without display, and shows a missing attribute only with it', async () => {
        const error = sinon.stub(console, 'error');
        const hidden = await fixture<OsVenueWatch>(
          html`<os-venue-watch api-url=${API} tenant="demo"></os-venue-watch>`
        );
        expect(getComputedStyle(hidden).display).to.equal('none');
        expect(part(hidden, 'base')).to.not.exist;
        await waitUntil(() => error.callCount >= 1, 'no missing-attribute report');
        expect(error.callCount).to.equal(1);
        const shown = await fixture<OsVenueWatch>(
          html`<os-venue-watch api-url=${API} tenant="demo" display></os-venue-watch>`
        );
        expect(getComputedStyle(shown).display).to.equal('inline-block');
        expect(part(shown, 'message')!.textContent).to.contain('“venue”');
        await waitUntil(() => error.callCount >= 2, 'no missing-attribute report');
        expect(error.callCount).to.equal(2);
        await expect(shown).to.be.accessible();
      });
    });

    describe('live updates', () => {
      it('reports a venue closed and re-opened, with the changed fields', async () => {
        const el = await renderLive();
        const updates: { venue: VenueConfig; changes: string[] }[] = [];
        el.addEventListener('os-venue-update', e => updates.push(e.detail));
        await deliver(el, venue());
        await deliver(el, venue({ tempDisabled: true, tempDisabledReason: 'Power cut' }));
        expect(label(el)).to.equal('Temporarily closed: Power cut');
        await deliver(el, venue({ tempDisabled: true, tempDisabledReason: 'Power cut' })); // unchanged: no event
        await deliver(el, venue());
        expect(label(el)).to.equal('Open');
        expect(updates.map(u => u.changes)).to.deep.equal([
          ['id', 'name', 'timeZone', 'active', 'tempDisabled'],
          ['tempDisabled', 'tempDisabledReason'],
          ['tempDisabled', 'tempDisabledReason']
        ]);
        expect(updates[1].venue.tempDisabledReason).to.equal('Power cut');
      });

      it('fires os-venue-update while invisible, and skips other payloads with one warning', async () => {
        resetMalformedReports();
        const warn = sinon.stub(console, 'warn');
        const el = await renderLive(false);
        await deliver(el, { hello: 'world' });
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.include('the venue id is missing');
        const update = oneEvent(el, 'os-venue-update');
        await deliver(el, venue({ active: false }));
        expect((await update).detail.venue.active).to.equal(false);
        expect(el.venueConfig!.id).to.equal('v1');
      });

      it('renders Polish', async () => {
        const el = await renderLive();
        el.locale = 'pl';
        await deliver(el, venue({ tempDisabled: true }));
        expect(label(el)).to.equal('Chwilowo zamknięte');
      });

      it('subscribes to the ordering-core destination', async () => {
        await fixture(
          html`<os-venue-watch api-url=${API} tenant="demo" venue="v1" destinations="ordering-core"></os-venue-watch>`
        );
        await fake.connect();
        expect(fake.subscribeLog).to.deep.equal(['/venues/demo/v1']);
      });
    });

    describe('hostile messages', () => {
      beforeEach(() => resetMalformedReports());

      it("skips another venue's configuration with one warning, and shows this venue's after it", async () => {
        const warn = sinon.stub(console, 'warn');
        const el = await renderLive();
        await deliver(el, venue({ id: 'other', active: false }));
        expect(el.getAttribute('venue-state')).to.equal('unknown');
        expect(el.venueConfig).to.be.undefined;
        await deliver(el, venue());
        expect(label(el)).to.equal('Open');
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.equal(
          'os-widgets: skipped a malformed message on /venue/demo/v1: the configuration is of venue "other", not "v1" (<os-venue-watch>)'
        );
      });

      it('cuts a long reason to 120 characters and a long name to 40', async () => {
        const el = await renderLive();
        const long = 'W'.repeat(1_000_000);
        await deliver(el, venue({ tempDisabled: true, tempDisabledReason: long, name: long }));
        expect(label(el)).to.equal(`Temporarily closed: ${'W'.repeat(119)}…`);
        expect(part(el, 'base')!.title).to.equal(`${'W'.repeat(39)}…`);
      });

      it('reads flags of the wrong type as absent', async () => {
        const el = await renderLive();
        await deliver(el, { ...venue(), active: 'false', tempDisabled: 1, tempDisabledReason: { text: 'x' } });
        expect(label(el)).to.equal('Open');
      });
    });

    describe('snapshot', () => {
      it('shows the state from the REST snapshot as soon as it connects, with no live message', async () => {
        snapshot = { status: 200, body: venue({ tempDisabled: true, tempDisabledReason: 'Inventory' }) };
        const el = await fixture<OsVenueWatch>(
          html`<os-venue-watch api-url=${API} tenant="demo" venue="v1" display></os-venue-watch>`
        );
        const first = oneEvent(el, 'os-venue-update');
        await fake.connect();
        expect((await first).detail.venue.tempDisabledReason).to.equal('Inventory');
        await el.updateComplete;
        expect(label(el)).to.equal('Temporarily closed: Inventory');
        expect(String(fetchStub.firstCall.args[0])).to.equal(`${API}/ordering-api/api/venues/v1`);
      });

      it('sees a closure made while the connection was down, from the snapshot after the reconnect', async () => {
        snapshot = { status: 200, body: venue() };
        const el = await renderLive();
        await waitUntil(() => label(el) === 'Open', 'no snapshot');
        snapshot = { status: 200, body: venue({ active: false }) };
        const closed = oneEvent(el, 'os-venue-update');
        fake.drop();
        hub.retryNow();
        await fake.connect();
        expect((await closed).detail.changes).to.deep.equal(['active']);
        await el.updateComplete;
        expect(label(el)).to.equal('Closed');
      });

      it('uses snapshot-path, and loads nothing with snapshot-path="none"', async () => {
        snapshot = { status: 200, body: venue() };
        const el = await fixture<OsVenueWatch>(
          html`<os-venue-watch
            api-url=${API}
            tenant="demo"
            venue="v 1"
            snapshot-path="/config/{tenant}/venues/{venue}"
            display
          ></os-venue-watch>`
        );
        await fake.connect();
        await waitUntil(() => fetchStub.callCount === 1, 'no snapshot request');
        expect(String(fetchStub.firstCall.args[0])).to.equal(`${API}/config/demo/venues/v%201`);
        el.remove();
        const none = await fixture<OsVenueWatch>(
          html`<os-venue-watch api-url=${API} tenant="demo" venue="v1" snapshot-path="none" display></os-venue-watch>`
        );
        await none.updateComplete;
        expect(fetchStub.callCount).to.equal(1);
      });

      it('ignores a snapshot of another venue, and stays hidden when there is none', async () => {
        snapshot = { status: 200, body: venue({ id: 'v2' }) };
        const el = await renderLive();
        await waitUntil(() => fetchStub.callCount === 1, 'no snapshot request');
        await el.updateComplete;
        expect(part(el, 'base')!.hidden).to.be.true;
      });
    });

    describe('reload-on-change', () => {
      it('reloads once, reload-delay after the last change, never after the first config', async () => {
        const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const el = await fixture<OsVenueWatch>(
          html`<os-venue-watch
            api-url=${API}
            tenant="demo"
            venue="v1"
            reload-on-change
            reload-delay="1000"
          ></os-venue-watch>`
        );
        const reload = sinon.stub(el as unknown as { reloadPage(): void }, 'reloadPage');
        await fake.connect();
        await deliver(el, venue());
        clock.tick(5000);
        expect(reload.called).to.be.false;
        await deliver(el, venue({ active: false }));
        clock.tick(600);
        await deliver(el, venue({ active: true }));
        clock.tick(999);
        expect(reload.called).to.be.false;
        clock.tick(1);
        expect(reload.calledOnce).to.be.true;
        clock.restore();
      });

      it('cancels a pending reload when removed', async () => {
        const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const el = await fixture<OsVenueWatch>(
          html`<os-venue-watch api-url=${API} tenant="demo" venue="v1" reload-on-change></os-venue-watch>`
        );
        const reload = sinon.stub(el as unknown as { reloadPage(): void }, 'reloadPage');
        await fake.connect();
        await deliver(el, venue());
        await deliver(el, venue({ name: 'Centrum 2' }));
        el.remove();
        clock.tick(5000);
        expect(reload.called).to.be.false;
        clock.restore();
      });
    });

    describe('cleanup', () => {
      it('releases its subscription when removed', async () => {
        const el = await renderLive();
        el.remove();
        expect(fake.unsubscribeLog).to.deep.equal([DEST]);
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

    it('shows the venue closed and re-opened as the server publishes it', async () => {
      const el = await fixture<OsVenueWatch>(
        html`<os-venue-watch api-url=${emulator.url} tenant="demo" venue="v1" display></os-venue-watch>`
      );
      await post('/__emulator/wait-subscribed', { destination: DEST });
      // Known from the REST snapshot at once, before anything is published.
      await waitUntil(() => label(el) === 'Open', 'the snapshot is not shown');
      const closed = oneEvent(el, 'os-venue-update');
      await post('/__emulator/publish', {
        destination: DEST,
        body: venue({ tempDisabled: true, tempDisabledReason: 'Inventory' })
      });
      expect((await closed).detail.changes).to.include('tempDisabledReason');
      await el.updateComplete;
      expect(label(el)).to.equal('Temporarily closed: Inventory');
      const reopened = oneEvent(el, 'os-venue-update');
      await post('/__emulator/publish', { destination: DEST, body: venue() });
      expect((await reopened).detail.changes).to.deep.equal(['tempDisabled', 'tempDisabledReason']);
      await waitUntil(() => label(el) === 'Open', 'not re-opened');
      await expect(el).to.be.accessible();
    });
  });
});
