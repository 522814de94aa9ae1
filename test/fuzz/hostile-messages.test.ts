import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import '../../src/components/connection-status/connection-status.js';
import '../../src/components/order-status/order-status.js';
import '../../src/components/user-toasts/user-toasts.js';
import '../../src/components/venue-queue/venue-queue.js';
import '../../src/components/venue-watch/venue-watch.js';
import type { FakeStompClient } from '../support/fake-stomp-client.js';
import { useFakeHub } from '../support/use-fake-hub.js';
import { resetMalformedReports } from '../../src/internal/failure-reporter.js';
import {
  knownHostile,
  mulberry32,
  mutate,
  notJson,
  toBody,
  validNotification,
  validOrder,
  validVenue,
  type FuzzTargets,
  type Json,
  type LaneName,
  type MutateOptions
} from './hostile-bodies.js';

const API = 'https://api.test';
const SEED = 20250301;
/** How many random bodies follow the known hostile ones, spread over the destinations. */
const BODIES = 4000;
const MUTATIONS: MutateOptions = { maxHuge: 1_000_000, maxDepth: 5000 };
const TARGETS: FuzzTargets = { orderId: 'o1', venue: 'v1', userId: 'u1' };

/** One destination of the page, the element that listens to it and what a valid body there looks like. */
interface Lane {
  name: LaneName;
  destination: string;
  element: () => LitElement;
  valid: (rnd: () => number) => Json;
}

const sr = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) => sr(el).querySelector(selector)?.textContent?.trim() ?? '';
const now = () => new Date().toISOString();

describe('hostile messages (seeded fuzz)', () => {
  let fake: FakeStompClient;
  useFakeHub(
    {
      config: { apiUrl: API, userId: TARGETS.userId, reconnectMinMs: 60_000, reconnectMaxMs: 60_000 },
      random: () => 0.5,
      answer: () => ({ status: 503 })
    },
    made => ({ fake } = made)
  );

  it(`keeps every element working through ${BODIES} hostile bodies, then shows a valid message`, async function () {
    this.timeout(120_000);
    resetMalformedReports();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <os-order-status api-url=${API} tenant="demo" user-id="u1" order-id="o1"></os-order-status>
        <os-order-status
          id="core"
          api-url=${API}
          tenant="demo"
          user-id="u1"
          order-id="o1"
          destinations="ordering-core"
        ></os-order-status>
        <div style="width: 900px; height: 600px">
          <os-venue-queue api-url=${API} tenant="demo" venue="v1" show-names page-seconds="100000"></os-venue-queue>
        </div>
        <os-user-toasts api-url=${API} tenant="demo" user-id="u1"></os-user-toasts>
        <os-venue-watch api-url=${API} tenant="demo" venue="v1" display></os-venue-watch>
        <os-connection-status api-url=${API} tenant="demo"></os-connection-status>
      </div>`
    );
    const tracker = page.querySelector('os-order-status')!;
    const coreTracker = page.querySelector<LitElement>('#core')!;
    const board = page.querySelector('os-venue-queue')!;
    const toasts = page.querySelector('os-user-toasts')!;
    const watch = page.querySelector('os-venue-watch')!;
    const status = page.querySelector('os-connection-status')!;
    const elements: LitElement[] = [tracker, coreTracker, board, toasts, watch, status];
    await fake.connect();
    await waitUntil(() => !sr(board).querySelector('.message--loading'), 'the board did not load');

    let boardIds = 0;
    const lanes: Lane[] = [
      {
        name: 'order',
        destination: '/order-changes/u1/o1',
        element: () => tracker,
        valid: rnd => (rnd() < 0.2 ? validNotification(rnd, TARGETS) : validOrder(rnd, 'o1', 'v1'))
      },
      {
        name: 'order',
        destination: '/order-changes/demo/u1',
        element: () => coreTracker,
        valid: rnd => validOrder(rnd, rnd() < 0.5 ? 'o1' : 'o2', 'v1')
      },
      {
        name: 'board',
        destination: '/kds/demo/v1',
        element: () => board,
        valid: rnd => validOrder(rnd, `b${boardIds++ % 40}`, 'v1')
      },
      {
        name: 'user',
        destination: '/kds/demo/u1',
        element: () => toasts,
        valid: rnd => validNotification(rnd, TARGETS)
      },
      {
        name: 'venue',
        destination: '/venue/demo/v1',
        element: () => watch,
        valid: rnd => validVenue(rnd, 'v1')
      }
    ];

    const warn = sinon.stub(console, 'warn');
    const error = sinon.stub(console, 'error');
    const uncaught: unknown[] = [];
    let renderErrors = 0;
    const onError = (event: ErrorEvent) => {
      uncaught.push(event.error ?? event.message);
      event.preventDefault();
    };
    const onRejection = (event: PromiseRejectionEvent) => {
      uncaught.push(event.reason);
      event.preventDefault();
    };
    // Mocha's own handler would end the test at the first uncaught error; this test counts them instead.
    const mochaOnError = window.onerror;
    window.onerror = null;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const rnd = mulberry32(SEED);
    const started = performance.now();
    let slowest = 0;
    const send = async (lane: Lane, body: string) => {
      const t0 = performance.now();
      fake.deliver(lane.destination, body);
      try {
        await lane.element().updateComplete;
      } catch {
        renderErrors++;
      }
      void document.body.offsetHeight; // lay the page out now, so that a slow layout counts for this body
      slowest = Math.max(slowest, performance.now() - t0);
    };
    const corpus = knownHostile(TARGETS, MUTATIONS.maxHuge);
    const laneOf = (name: LaneName): Lane => lanes.find(l => l.name === name)!;
    try {
      for (const [name, body] of corpus) await send(laneOf(name), body);
      // 6% not JSON, 14% valid, 80% valid with 1 to 4 mutations.
      for (let i = 0; i < BODIES; i++) {
        const lane = lanes[i % lanes.length];
        const roll = rnd();
        if (roll < 0.06) await send(lane, notJson(rnd, MUTATIONS.maxHuge));
        else if (roll < 0.2) await send(lane, toBody(lane.valid(rnd)));
        else await send(lane, toBody(mutate(rnd, lane.valid(rnd), TARGETS, MUTATIONS)));
      }
      for (const el of elements) await el.updateComplete.catch(() => renderErrors++);
      await new Promise(resolve => setTimeout(resolve));
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      window.onerror = mochaOnError;
    }
    const elapsed = performance.now() - started;
    const listenerErrors = error.getCalls().filter(c => String(c.args[0]).includes('threw')).length;
    const summary =
      `${corpus.length} + ${BODIES} bodies in ${(elapsed / 1000).toFixed(1)} s (slowest ${slowest.toFixed(0)} ms): ` +
      `${renderErrors} failed renders, ${uncaught.length} uncaught errors, ${listenerErrors} listener errors, ` +
      `${warn.callCount} console.warn + ${error.callCount} console.error`;
    expect(renderErrors, summary).to.equal(0);
    expect(uncaught, summary).to.have.length(0);
    expect(listenerErrors, summary).to.equal(0);
    // The first bad message per destination from the hub (not JSON) and from the elements (a guard), nothing more.
    expect(warn.callCount + error.callCount, summary).to.be.at.most(2 * lanes.length);
    // Not a benchmark: a coarse guard against a frozen tab (a 1 MB string took minutes before the text bounds).
    expect(slowest, summary).to.be.below(5000);

    // Then a valid message to each element is shown as it should be.
    let finalErrors = 0;
    const deliver = async (destination: string, body: unknown, el: LitElement) => {
      fake.deliver(destination, JSON.stringify(body));
      await el.updateComplete.catch(() => finalErrors++);
    };
    const ready = (id: string, queuePos: string) => ({
      id,
      status: 'DELIVER',
      completed: true,
      lastChanged: now(),
      buckets: [{ venue: 'v1', queuePos, lines: [{ id: 'l1', status: 'PROCESSED', quantity: 1 }] }]
    });
    await deliver('/order-changes/u1/o1', ready('o1', 'F1'), tracker);
    await deliver('/order-changes/demo/u1', ready('o1', 'F2'), coreTracker);
    await deliver(
      '/order-changes/u1/o1',
      { type: 'OrderEventError', orderId: 'o1', message: 'Final problem' },
      tracker
    );
    await deliver('/kds/demo/v1', ready('final-1', 'Z9'), board);
    await deliver('/venue/demo/v1', { id: 'v1', active: true, tempDisabled: true, tempDisabledReason: 'Final' }, watch);
    await deliver('/kds/demo/u1', { type: 'OrderMessage', correlationId: 'final-c', message: 'Final toast' }, toasts);
    // The toast waits behind the errors that stay until dismissed: at most 3 visible and 10 waiting.
    let dismissals = 0;
    const toastTexts = () => [...sr(toasts).querySelectorAll('[part="message"]')].map(m => m.textContent?.trim());
    while (!toastTexts().includes('Final toast') && dismissals < 13) {
      toasts.dismiss(sr(toasts).querySelector<HTMLElement>('[part~="toast"]')!.id);
      dismissals++;
      await toasts.updateComplete;
    }

    expect(finalErrors).to.equal(0);
    expect(text(tracker, '[part="number"]')).to.equal('F1');
    expect(text(tracker, '[aria-current="step"] [part="step-label"]')).to.equal('Ready for pickup');
    expect(text(tracker, '[part="error-message"]')).to.equal('Final problem');
    expect(text(coreTracker, '[part="number"]')).to.equal('F2');
    expect(text(board, '.column--ready .list [part~="number"]')).to.equal('Z9');
    expect(text(watch, '[part="label"]')).to.equal('Temporarily closed: Final');
    expect(toastTexts()).to.include('Final toast');
    expect(text(status, '[part="label"]')).to.equal('Live');
  });
});
