import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/venue-queue/venue-queue.js';
import type { OsVenueQueue } from '../../../src/components/venue-queue/venue-queue.js';
import { resetMalformedReports } from '../../../src/internal/failure-reporter.js';
import { configure } from '../../../src/connection/config.js';
import type { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import type { OsQueueUpdateDetail } from '../../../src/events/os-queue-update.js';
import type { Order } from '../../../src/models/order.js';
import { connectionLeavesOpen } from '../../support/emulator.js';
import type { FakeEnvironment, FakeStompClient } from '../../support/fake-stomp-client.js';
import { useEmulator } from '../../support/use-emulator.js';
import { useFakeHub } from '../../support/use-fake-hub.js';

const API = 'https://api.test';
const DEST = '/kds/demo/v1';
const T0 = Date.now() - 60_000;
let clock = 0;

/** An order at `v1` (or `venue`) in `stage`: COMPLETED, PREPARING, READY, CLOSED. Each call is newer than the last. */
function order(id: string, stage: string, queuePos: string, extra: Partial<Order> = {}, venue = 'v1'): Order {
  const lineStatus = stage === 'READY' ? 'PROCESSED' : stage === 'PREPARING' ? 'PROCESSING' : 'CONFIRMED';
  const status = stage === 'READY' ? 'DELIVER' : stage === 'PREPARING' ? 'VERIFIED' : stage;
  return {
    id,
    tenant: 'demo',
    orderType: 'TAKE_AWAY',
    status,
    completed: true,
    closed: stage === 'CLOSED' || undefined,
    created: new Date(T0).toISOString(),
    completedTime: new Date(T0 + (Number(queuePos) || 0) * 1000).toISOString(),
    lastChanged: new Date(T0 + ++clock * 10).toISOString(),
    buckets: [{ venue, queuePos, lines: [{ id: 'l1', status: lineStatus, quantity: 1 }] }],
    ...extra
  };
}

const numbers = (el: OsVenueQueue, column: 'preparing' | 'ready') =>
  [...el.shadowRoot!.querySelectorAll(`.column--${column} .list [part~="number"]`)].map(n => n.textContent);
const part = (el: OsVenueQueue, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<os-venue-queue>', () => {
  describe('with a fake STOMP client', () => {
    let fake: FakeStompClient;
    let env: FakeEnvironment;
    let hub: StompHub;
    /** What the REST snapshot answers. */
    let snapshot: { status: number; body?: unknown };

    useFakeHub(
      {
        config: { apiUrl: API, reconnectMinMs: 60_000, reconnectMaxMs: 60_000 },
        random: () => 0.5,
        answer: () => snapshot
      },
      made => ({ fake, env, hub } = made)
    );

    beforeEach(() => {
      snapshot = { status: 200, body: [] };
    });

    /** A board in a 900×600 box, connected, with the snapshot applied. */
    async function renderLive(
      template = html`<os-venue-queue api-url=${API} tenant="demo" venue="v1"></os-venue-queue>`
    ) {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 900px; height: 600px">${template}</div>`);
      const el = box.querySelector('os-venue-queue')!;
      await fake.connect();
      await waitUntil(() => !el.shadowRoot!.querySelector('.message--loading'), 'the snapshot was not applied');
      await el.updateComplete;
      return el;
    }

    async function deliver(el: OsVenueQueue, ...bodies: unknown[]) {
      for (const body of bodies) fake.deliver(DEST, JSON.stringify(body));
      await el.updateComplete;
    }

    describe('accessibility', () => {
      it('is accessible while loading', async () => {
        const el = await fixture<OsVenueQueue>(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1"></os-venue-queue>`
        );
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
        expect(part(el, 'message')!.textContent).to.contain('Loading orders');
        await expect(el).to.be.accessible();
      });

      it('is accessible when live, with headed columns of ordered lists', async () => {
        snapshot.body = [
          order('a', 'PREPARING', '12'),
          order('b', 'READY', '7', { extra: { 'customer-name': 'Anna Kowalska' } })
        ];
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" show-names></os-venue-queue>`
        );
        expect(numbers(el, 'preparing')).to.deep.equal(['12']);
        expect(numbers(el, 'ready')).to.deep.equal(['7']);
        expect(part(el, 'name')!.textContent).to.equal('Anna K.');
        expect(el.shadowRoot!.querySelectorAll('h2')).to.have.length(2);
        expect(part(el, 'list')!.tagName).to.equal('OL');
        expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
        await expect(el).to.be.accessible();
      });

      it('is accessible while reconnecting and offline, keeping the numbers', async () => {
        snapshot.body = [order('a', 'PREPARING', '12')];
        const el = await renderLive();
        fake.drop();
        await el.updateComplete;
        expect(part(el, 'banner')!.textContent).to.contain('Reconnecting');
        expect(numbers(el, 'preparing')).to.deep.equal(['12']);
        await expect(el).to.be.accessible();
        env.dispatch('offline');
        await el.updateComplete;
        expect(part(el, 'banner')!.textContent).to.contain('You are offline').and.to.contain('Showing data from');
        expect(numbers(el, 'preparing')).to.deep.equal(['12']);
        await expect(el).to.be.accessible();
      });

      it('is accessible with a highlighted number and the sound button', async () => {
        fakeAudioContext('suspended');
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" sound></os-venue-queue>`
        );
        await deliver(el, order('a', 'READY', '3'));
        expect(part(el, 'tile-highlighted')).to.exist;
        expect(part(el, 'sound-button')).to.exist;
        await expect(el).to.be.accessible();
      });

      it('is accessible with a missing attribute, and logs one console.error', async () => {
        const error = sinon.stub(console, 'error');
        const el = await fixture<OsVenueQueue>(html`<os-venue-queue api-url=${API} tenant="demo"></os-venue-queue>`);
        expect(part(el, 'message')!.textContent).to.contain('venue');
        el.requestUpdate();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        await waitUntil(() => error.callCount >= 1, 'no missing-attribute report');
        expect(error.calledOnce).to.be.true;
        expect(String(error.firstCall.args[0])).to.contain('"venue"');
        expect(fake.activations).to.equal(0);
      });
    });

    describe('live updates', () => {
      it('shows orders in the right column, moves them to Ready and removes them when closed', async () => {
        const el = await renderLive();
        expect(fake.subscribeLog).to.deep.equal([DEST]);
        await deliver(el, order('a', 'COMPLETED', '12'), order('b', 'PREPARING', '13'));
        expect(numbers(el, 'preparing')).to.deep.equal(['12', '13']);
        expect(numbers(el, 'ready')).to.deep.equal([]);
        await deliver(el, order('a', 'READY', '12'));
        expect(numbers(el, 'preparing')).to.deep.equal(['13']);
        expect(numbers(el, 'ready')).to.deep.equal(['12']);
        await deliver(el, order('b', 'READY', '13'));
        expect(numbers(el, 'ready')).to.deep.equal(['13', '12']); // newest first
        await deliver(el, order('a', 'CLOSED', '12'));
        expect(numbers(el, 'ready')).to.deep.equal(['13']);
      });

      it('ignores orders of other venues', async () => {
        const el = await renderLive();
        await deliver(el, order('x', 'PREPARING', '99', {}, 'v2'));
        expect(numbers(el, 'preparing')).to.deep.equal([]);
        expect(part(el, 'empty')).to.exist;
      });

      it('renders once for a burst of messages in one frame', async () => {
        const el = await renderLive();
        const render = sinon.spy(el, 'render');
        for (let i = 1; i <= 30; i++) fake.deliver(DEST, JSON.stringify(order(`o${i}`, 'PREPARING', String(i))));
        await el.updateComplete;
        expect(render.callCount).to.equal(1);
        expect(numbers(el, 'preparing')).to.have.length.greaterThan(0);
      });

      it('reconciles the snapshot after a reconnect', async () => {
        snapshot.body = [order('a', 'PREPARING', '12'), order('b', 'PREPARING', '13')];
        const el = await renderLive();
        fake.drop();
        snapshot.body = [order('a', 'READY', '12')];
        hub.retryNow();
        await fake.connect();
        await waitUntil(() => numbers(el, 'ready').length === 1, 'the snapshot was not reconciled');
        expect(numbers(el, 'preparing')).to.deep.equal([]);
        expect(part(el, 'banner')).to.not.exist;
      });

      it('renders server text as text only', async () => {
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" show-names></os-venue-queue>`
        );
        await deliver(el, order('a', 'PREPARING', '<img src=x>', { extra: { 'customer-name': '<b>Bob</b>' } }));
        expect(el.shadowRoot!.querySelector('img, b')).to.not.exist;
        expect(numbers(el, 'preparing')).to.deep.equal(['<img src=x>']);
      });
    });

    describe('hostile messages', () => {
      beforeEach(() => resetMalformedReports());

      it('shows a ready order whose second bucket is null, and the orders after it', async () => {
        const error = sinon.stub(console, 'error');
        const el = await renderLive();
        const ready = order('a', 'READY', '5');
        await deliver(el, { ...ready, buckets: [...ready.buckets!, null] }, order('b', 'PREPARING', '6'));
        expect(numbers(el, 'ready')).to.deep.equal(['5']);
        expect(numbers(el, 'preparing')).to.deep.equal(['6']);
        await deliver(el, { ...order('c', 'PREPARING', '7'), buckets: [{ venue: 'v1', queuePos: 7, lines: [null] }] });
        expect(numbers(el, 'preparing')).to.deep.equal(['6', '7']);
        expect(error.callCount).to.equal(0);
      });

      it('cuts long numbers and names before laying them out', async () => {
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" show-names></os-venue-queue>`
        );
        const long = 'W'.repeat(1_000_000);
        await deliver(el, order('a', 'READY', long, { extra: { 'customer-name': `${long} Kowalska` } }));
        expect(numbers(el, 'ready')).to.deep.equal([`${'W'.repeat(11)}…`]);
        expect(part(el, 'name')!.textContent).to.equal(`${'W'.repeat(36)}… K.`);
      });

      it('does not let a lastChanged far in the future hold an order', async () => {
        const el = await renderLive();
        await deliver(el, order('a', 'PREPARING', '4', { lastChanged: '9999-12-31T23:59:59.999Z' }));
        await deliver(el, order('a', 'READY', '4', { lastChanged: new Date(Date.now() + 1000).toISOString() }));
        expect(numbers(el, 'ready')).to.deep.equal(['4']);
      });

      it('skips a tile it cannot render, reports it once, and renders the others', async () => {
        const error = sinon.stub(console, 'error');
        const el = await renderLive();
        // A string override that is a function is called (a host's translation may be one): this one throws.
        const broken = () => {
          throw new Error('a broken translation');
        };
        el.strings = { queueNew: broken as unknown as string };
        await deliver(el, order('a', 'PREPARING', '1'), order('b', 'READY', '2'));
        await deliver(el, order('c', 'READY', '3'));
        expect(numbers(el, 'preparing')).to.deep.equal(['1']);
        expect(numbers(el, 'ready')).to.deep.equal([]); // both are highlighted: the part that throws
        expect(error.callCount).to.equal(1);
        expect(String(error.firstCall.args[0])).to.include('<os-venue-queue> could not render a tile');
        el.strings = undefined;
        await el.updateComplete;
        expect(numbers(el, 'ready')).to.deep.equal(['3', '2']);
      });

      it('skips a body that is not an order with one warning', async () => {
        const warn = sinon.stub(console, 'warn');
        const el = await renderLive();
        await deliver(el, { id: null }, [order('a', 'READY', '1')], { id: 'x'.repeat(300) });
        expect(numbers(el, 'ready')).to.deep.equal([]);
        expect(warn.callCount).to.equal(1);
        expect(String(warn.firstCall.args[0])).to.equal(
          `os-widgets: skipped a malformed message on ${DEST}: the order id is null (<os-venue-queue>)`
        );
      });
    });

    describe('properties', () => {
      it('shows only Ready with columns="ready"', async () => {
        snapshot.body = [order('a', 'PREPARING', '12'), order('b', 'READY', '7')];
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" columns="ready"></os-venue-queue>`
        );
        expect(el.shadowRoot!.querySelector('.column--preparing')).to.not.exist;
        expect(numbers(el, 'ready')).to.deep.equal(['7']);
      });

      it('picks the number with number-source', async () => {
        snapshot.body = [order('a', 'PREPARING', '12', { claimCode: 'K9' })];
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" number-source="claim-code"></os-venue-queue>`
        );
        expect(numbers(el, 'preparing')).to.deep.equal(['K9']);
        el.numberSource = 'queue-pos';
        await el.updateComplete;
        expect(numbers(el, 'preparing')).to.deep.equal(['12']);
      });

      it('pages when the numbers do not fit, with a "1 / n" indicator', async () => {
        snapshot.body = Array.from({ length: 40 }, (_, i) => order(`o${i}`, 'READY', String(100 + i)));
        const box = await fixture<HTMLDivElement>(
          html`<div style="width: 360px; height: 320px">
            <os-venue-queue api-url=${API} tenant="demo" venue="v1" columns="ready" page-seconds="1"></os-venue-queue>
          </div>`
        );
        const el = box.querySelector('os-venue-queue')!;
        await fake.connect();
        await waitUntil(() => part(el, 'page-indicator'), 'no page indicator');
        const indicator = part(el, 'page-indicator')!;
        expect(indicator.textContent).to.match(/1 \/ \d+/);
        expect(indicator.textContent).to.contain('Page 1 of');
        const first = numbers(el, 'ready');
        expect(first.length).to.be.greaterThan(0).and.lessThan(40);
        // Every shown tile is inside the list's box.
        const list = part(el, 'list')!.getBoundingClientRect();
        for (const tile of el.shadowRoot!.querySelectorAll('.list [part~="tile"]')) {
          expect(tile.getBoundingClientRect().bottom).to.be.at.most(list.bottom + 1);
        }
        await waitUntil(() => part(el, 'page-indicator')?.textContent?.includes('2 /'), 'did not turn the page', {
          timeout: 3000
        });
        expect(numbers(el, 'ready')[0]).to.not.equal(first[0]);
        await expect(el).to.be.accessible();
      });

      it('follows a venue change: new destination, fresh snapshot', async () => {
        snapshot.body = [order('a', 'PREPARING', '12')];
        const el = await renderLive();
        snapshot.body = [order('z', 'PREPARING', '77', {}, 'v2')];
        el.venue = 'v2';
        await waitUntil(() => numbers(el, 'preparing').join() === '77', 'the new venue was not shown');
        expect(fake.subscribeLog).to.deep.equal([DEST, '/kds/demo/v2']);
        expect(fake.unsubscribeLog).to.deep.equal([DEST]);
      });

      it('renders Polish with locale="pl"', async () => {
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" locale="pl"></os-venue-queue>`
        );
        expect(part(el, 'column-title')!.textContent!.trim()).to.equal('W przygotowaniu');
        expect(el.shadowRoot!.querySelectorAll('[part~="column-title"]')[1].textContent!.trim()).to.equal('Gotowe');
      });
    });

    describe('events', () => {
      it('neither highlights nor fires os-order-ready for the initial list, but does for a later ready', async () => {
        snapshot.body = [order('a', 'READY', '5'), order('b', 'PREPARING', '6')];
        const box = await fixture<HTMLDivElement>(
          html`<div style="width: 900px; height: 600px">
            <os-venue-queue api-url=${API} tenant="demo" venue="v1"></os-venue-queue>
          </div>`
        );
        const el = box.querySelector('os-venue-queue')!;
        const ready: unknown[] = [];
        el.addEventListener('os-order-ready', e => ready.push(e.detail));
        const update = oneEvent(el, 'os-queue-update');
        await fake.connect();
        expect((await update).detail).to.deep.equal({ preparing: ['b'], ready: ['a'] });
        await el.updateComplete;
        expect(ready).to.have.length(0);
        expect(part(el, 'tile-highlighted')).to.not.exist;

        const event = oneEvent(el, 'os-order-ready');
        fake.deliver(DEST, JSON.stringify(order('b', 'READY', '6')));
        const detail = (await event).detail;
        expect(detail.id).to.equal('b');
        expect(detail.number).to.equal('6');
        expect(detail.order.status).to.equal('DELIVER');
        await el.updateComplete;
        expect(part(el, 'tile-highlighted')!.textContent).to.contain('6');
        expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Order 6 is ready');
        await deliver(el, order('b', 'READY', '6')); // a newer copy, still ready
        expect(ready).to.have.length(1);
      });

      it('ends the highlight after highlight-seconds', async () => {
        const el = await renderLive(html`<os-venue-queue api-url=${API} tenant="demo" venue="v1"></os-venue-queue>`);
        const time = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
        await deliver(el, order('a', 'READY', '3'));
        expect(part(el, 'tile-highlighted')).to.exist;
        time.tick(14_000);
        await el.updateComplete;
        expect(part(el, 'tile-highlighted')).to.exist;
        time.tick(1_000);
        await el.updateComplete;
        expect(part(el, 'tile-highlighted')).to.not.exist;
        expect(numbers(el, 'ready')).to.deep.equal(['3']);
        time.restore();
      });

      it('removes ready orders after ready-timeout', async () => {
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" ready-timeout="60"></os-venue-queue>`
        );
        const time = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
        await deliver(el, order('a', 'READY', '3'));
        const update = oneEvent(el, 'os-queue-update');
        time.tick(60_000);
        expect((await update).detail as OsQueueUpdateDetail).to.deep.equal({ preparing: [], ready: [] });
        time.restore();
      });

      it('fires os-queue-update with bubbles and composed', async () => {
        const el = await renderLive();
        const update = oneEvent(el, 'os-queue-update');
        fake.deliver(DEST, JSON.stringify(order('a', 'PREPARING', '1')));
        const event = await update;
        expect(event.bubbles && event.composed).to.be.true;
        expect(event.detail).to.deep.equal({ preparing: ['a'], ready: [] });
      });
    });

    describe('sound', () => {
      it('chimes for a newly ready order, never for the initial list', async () => {
        const audio = fakeAudioContext('running');
        snapshot.body = [order('a', 'READY', '5')];
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" sound></os-venue-queue>`
        );
        expect(audio.oscillators).to.equal(0);
        await deliver(el, order('b', 'READY', '6'));
        expect(audio.oscillators).to.equal(2); // two notes
        expect(part(el, 'sound-button')).to.not.exist;
      });

      it('shows "Enable sound" while audio is blocked; clicking resumes and hides it', async () => {
        const audio = fakeAudioContext('suspended');
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" sound></os-venue-queue>`
        );
        const button = part(el, 'sound-button')!;
        expect(button.textContent).to.contain('Enable sound');
        button.click();
        await waitUntil(() => !part(el, 'sound-button'), 'the button stayed');
        expect(audio.resumed).to.equal(1);
      });
    });

    describe('announce', () => {
      it('speaks "Order N is ready" in the board\'s language for a later ready order, never for the initial list', async () => {
        const speak = sinon.stub(window.speechSynthesis, 'speak');
        const cancel = sinon.stub(window.speechSynthesis, 'cancel');
        snapshot.body = [order('a', 'READY', '5'), order('b', 'PREPARING', '6'), order('c', 'PREPARING', '7')];
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" announce></os-venue-queue>`
        );
        expect(speak.called).to.be.false;
        await deliver(el, order('b', 'READY', '6'));
        expect(speak.callCount).to.equal(1);
        const utterance = speak.firstCall.args[0];
        expect(utterance.text).to.equal('Order 6 is ready');
        expect(utterance.lang).to.equal((el as unknown as { localize: { lang(): string } }).localize.lang());
        el.remove();
        expect(cancel.calledOnce).to.be.true; // the utterance never ended (speak is stubbed)
      });

      it('speaks Polish with locale="pl", one utterance per order', async () => {
        const speak = sinon.stub(window.speechSynthesis, 'speak');
        sinon.stub(window.speechSynthesis, 'cancel');
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" locale="pl" announce></os-venue-queue>`
        );
        await deliver(el, order('a', 'READY', '41'), order('b', 'READY', '42'));
        expect(speak.args.map(([u]) => [u.text, u.lang])).to.deep.equal([
          ['Zamówienie 41 jest gotowe', 'pl'],
          ['Zamówienie 42 jest gotowe', 'pl']
        ]);
      });

      it('speaks after the chime when sound is on too', async () => {
        fakeAudioContext('running');
        const speak = sinon.stub(window.speechSynthesis, 'speak');
        sinon.stub(window.speechSynthesis, 'cancel');
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" sound announce></os-venue-queue>`
        );
        const time = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout'] });
        await deliver(el, order('a', 'READY', '3'));
        expect(speak.called).to.be.false;
        time.tick(1_000);
        expect(speak.callCount).to.equal(1);
        expect(speak.firstCall.args[0].text).to.equal('Order 3 is ready');
        time.restore();
      });

      it('says nothing without announce', async () => {
        const speak = sinon.stub(window.speechSynthesis, 'speak');
        const el = await renderLive();
        await deliver(el, order('a', 'READY', '3'));
        expect(speak.called).to.be.false;
      });
    });

    describe('kiosk', () => {
      it('holds a screen wake lock while connected, re-acquires it when visible again, releases it on remove', async () => {
        const lock = fakeWakeLock();
        sinon.stub(document, 'visibilityState').value('visible');
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" kiosk></os-venue-queue>`
        );
        await waitUntil(() => lock.sentinels.length === 1, 'no wake lock requested');
        expect(lock.request.firstCall.args[0]).to.equal('screen');
        await Promise.resolve();
        document.dispatchEvent(new Event('visibilitychange'));
        expect(lock.request.callCount).to.equal(1); // still held: no second request
        await lock.sentinels[0].release(); // what the browser does while the page is hidden
        document.dispatchEvent(new Event('visibilitychange'));
        expect(lock.request.callCount).to.equal(2);
        await waitUntil(() => lock.sentinels.length === 2, 'not re-acquired');
        await Promise.resolve();
        el.remove();
        expect(lock.sentinels[1].released).to.be.true;
        document.dispatchEvent(new Event('visibilitychange'));
        expect(lock.request.callCount).to.equal(2);
      });

      it('requests no wake lock without kiosk, and stays quiet when the request is refused', async () => {
        const lock = fakeWakeLock(new DOMException('denied', 'NotAllowedError'));
        const debug = sinon.stub(console, 'debug');
        const error = sinon.stub(console, 'error');
        const el = await renderLive();
        expect(lock.request.called).to.be.false;
        el.kiosk = true;
        await el.updateComplete;
        await waitUntil(() => debug.called, 'no console.debug');
        expect(debug.calledOnce).to.be.true;
        expect(error.called).to.be.false;
        expect(part(el, 'banner')).to.not.exist;
      });

      it('shows a labelled fullscreen button that calls requestFullscreen, hidden while fullscreen', async () => {
        fakeWakeLock();
        sinon.stub(document, 'fullscreenEnabled').value(true);
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" kiosk></os-venue-queue>`
        );
        const requestFullscreen = sinon.stub(el, 'requestFullscreen').resolves();
        const button = part(el, 'fullscreen-button')!;
        expect(button.getAttribute('aria-label')).to.equal('Full screen');
        button.click();
        expect(requestFullscreen.calledOnce).to.be.true;
        sinon.stub(document, 'fullscreenElement').value(el);
        document.dispatchEvent(new Event('fullscreenchange'));
        await el.updateComplete;
        expect(part(el, 'fullscreen-button')).to.not.exist;
      });

      it('shows no fullscreen button without kiosk or where fullscreen is not allowed', async () => {
        fakeWakeLock();
        sinon.stub(document, 'fullscreenEnabled').value(false);
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" kiosk></os-venue-queue>`
        );
        expect(part(el, 'fullscreen-button')).to.not.exist;
        const plain = await renderLive();
        expect(part(plain, 'fullscreen-button')).to.not.exist;
      });

      it('is accessible with kiosk on', async () => {
        fakeWakeLock();
        sinon.stub(document, 'fullscreenEnabled').value(true);
        snapshot.body = [order('a', 'PREPARING', '12'), order('b', 'READY', '7')];
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" kiosk locale="pl"></os-venue-queue>`
        );
        expect(part(el, 'fullscreen-button')!.getAttribute('aria-label')).to.equal('Pełny ekran');
        await expect(el).to.be.accessible();
      });
    });

    describe('cleanup', () => {
      it('leaves no listener in the hub and no timers after el.remove()', async () => {
        const el = await renderLive(
          html`<os-venue-queue api-url=${API} tenant="demo" venue="v1" highlight-seconds="30"></os-venue-queue>`
        );
        await deliver(el, order('a', 'READY', '3'));
        const clearTimeout = sinon.spy(window, 'clearTimeout');
        el.remove();
        expect((hub as unknown as { entries: Map<string, unknown> }).entries.size).to.equal(0);
        expect(fake.unsubscribeLog).to.deep.equal([DEST]);
        expect(clearTimeout.called).to.be.true;
      });
    });
  });

  describe('against the emulator (real @stomp/stompjs client)', () => {
    const emulator = useEmulator();
    const { post } = emulator;

    beforeEach(() => {
      configure({ reconnectMinMs: 300, reconnectMaxMs: 1000 }); // anonymous tokens may read venue boards
    });

    async function renderBoard(venue: string) {
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: 1200px; height: 700px">
          <os-venue-queue api-url=${emulator.url} tenant="demo" venue=${venue}></os-venue-queue>
        </div>`
      );
      const el = box.querySelector('os-venue-queue')!;
      await post('/__emulator/wait-subscribed', { destination: `/kds/demo/${venue}` });
      await waitUntil(() => !el.shadowRoot!.querySelector('.message--loading'), 'the snapshot was not applied', {
        timeout: 5000
      });
      return el;
    }

    it('shows orders as they are paid, move to Ready and leave on close', async () => {
      const el = await renderBoard('v2');
      const created = (await post('/__emulator/orders', {
        venue: 'v2',
        status: 'COMPLETED',
        queuePos: '501'
      })) as Order;
      await waitUntil(() => numbers(el, 'preparing').includes('501'), 'the new order was not shown');
      const ready = oneEvent(el, 'os-order-ready');
      await post(`/__emulator/orders/${created.id}/status`, { status: 'READY' });
      expect((await ready).detail.id).to.equal(created.id);
      await waitUntil(() => numbers(el, 'ready').includes('501'), 'not moved to Ready');
      expect(numbers(el, 'preparing')).to.not.include('501');
      await expect(el).to.be.accessible();
      await post(`/__emulator/orders/${created.id}/status`, { status: 'CLOSED' });
      await waitUntil(() => !numbers(el, 'ready').includes('501'), 'the closed order stayed');
    });

    it('reconciles a change made while the connection was down', async () => {
      const created = (await post('/__emulator/orders', {
        venue: 'v2',
        status: 'PREPARING',
        queuePos: '502'
      })) as Order;
      const el = await renderBoard('v2');
      await waitUntil(() => numbers(el, 'preparing').includes('502'), 'the order was not in the snapshot');
      const down = connectionLeavesOpen(el);
      await post('/__emulator/faults/drop-connections');
      await down;
      await post(`/__emulator/orders/${created.id}/status`, { status: 'READY' });
      await waitUntil(() => numbers(el, 'ready').includes('502'), 'the change was not reconciled after the reconnect', {
        timeout: 8000
      });
      expect(numbers(el, 'preparing')).to.not.include('502');
      await waitUntil(() => !part(el, 'banner'), 'the banner stayed');
      await post(`/__emulator/orders/${created.id}/status`, { status: 'CLOSED' });
    });

    it('signs in with the device-code flow: shows the code, and the board once a person approves it', async () => {
      localStorage.removeItem('orderingstack_demo_refreshToken');
      const created = (await post('/__emulator/orders', { venue: 'v2', status: 'READY', queuePos: '503' })) as Order;
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: 1200px; height: 700px">
          <os-venue-queue api-url=${emulator.url} tenant="demo" venue="v2" auth="device"></os-venue-queue>
        </div>`
      );
      const el = box.querySelector('os-venue-queue')!;
      await waitUntil(() => part(el, 'device-code'), 'no device code shown', { timeout: 5000 });
      const userCode = part(el, 'device-code')!.textContent!.trim();
      expect(userCode).to.match(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(part(el, 'activation')!.textContent).to.include(`${emulator.url}/demo/activate.html`);
      await expect(el).to.be.accessible();

      await post('/__emulator/device/approve', { userCode });
      await waitUntil(() => numbers(el, 'ready').includes('503'), 'the board did not load after approval', {
        timeout: 8000
      });
      expect(part(el, 'device-code')).to.not.exist;
      expect(localStorage.getItem('orderingstack_demo_refreshToken')).to.be.a('string');
      localStorage.removeItem('orderingstack_demo_refreshToken');
      await post(`/__emulator/orders/${created.id}/status`, { status: 'CLOSED' });
    });
  });
});

/** Replaces `window.AudioContext` with a recording fake in the given state (until `sinon.restore()`). */
function fakeAudioContext(initial: AudioContextState) {
  const record = { oscillators: 0, resumed: 0 };
  const param = () => ({ setValueAtTime() {}, exponentialRampToValueAtTime() {} });
  class FakeAudioContext extends EventTarget {
    state: AudioContextState = initial;
    currentTime = 0;
    destination = {};
    createOscillator() {
      record.oscillators++;
      return { type: 'sine', frequency: param(), connect: (n: unknown) => n, start() {}, stop() {} };
    }
    createGain() {
      return { gain: param(), connect: (n: unknown) => n };
    }
    async resume() {
      record.resumed++;
      this.state = 'running';
      this.dispatchEvent(new Event('statechange'));
    }
    async close() {
      this.state = 'closed';
    }
  }
  sinon.replace(window, 'AudioContext', FakeAudioContext as unknown as typeof AudioContext); // undone by sinon.restore()
  return record;
}

/** Replaces `navigator.wakeLock` with a recording fake (until `sinon.restore()`); `refuse` makes requests reject. */
function fakeWakeLock(refuse?: Error) {
  class FakeSentinel extends EventTarget {
    released = false;
    readonly type = 'screen';
    async release() {
      if (this.released) return;
      this.released = true;
      this.dispatchEvent(new Event('release'));
    }
  }
  const sentinels: FakeSentinel[] = [];
  const request = sinon.spy(async (_type: string) => {
    if (refuse) throw refuse;
    const sentinel = new FakeSentinel();
    sentinels.push(sentinel);
    return sentinel;
  });
  sinon.stub(navigator, 'wakeLock').value({ request });
  return { request, sentinels };
}
