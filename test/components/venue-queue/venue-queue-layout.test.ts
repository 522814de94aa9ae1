import { expect, fixture, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/venue-queue/venue-queue.js';
import type { OsVenueQueue } from '../../../src/components/venue-queue/venue-queue.js';
import type { Order } from '../../../src/models/order.js';
import type { FakeStompClient } from '../../support/fake-stomp-client.js';
import { useFakeHub } from '../../support/use-fake-hub.js';

const API = 'https://api.test';
const T0 = Date.now() - 60_000;
let clock = 0;

/** A paid order at `venue`, ready or being prepared; each call is newer than the last. */
function order(id: string, ready: boolean, queuePos: string, extra: Partial<Order> = {}, venue = 'v1'): Order {
  return {
    id,
    tenant: 'demo',
    orderType: 'TAKE_AWAY',
    status: ready ? 'DELIVER' : 'VERIFIED',
    completed: true,
    created: new Date(T0).toISOString(),
    completedTime: new Date(T0 + (Number(queuePos) || 0) * 1000).toISOString(),
    lastChanged: new Date(T0 + ++clock * 10).toISOString(),
    buckets: [{ venue, queuePos, lines: [{ id: 'l1', status: ready ? 'PROCESSED' : 'PROCESSING', quantity: 1 }] }],
    ...extra
  };
}

/** `count` orders numbered from `from`. */
const orders = (count: number, ready: boolean, from: number, extra: (i: number) => Partial<Order> = () => ({})) =>
  Array.from({ length: count }, (_, i) => order(`${ready ? 'r' : 'p'}${from + i}`, ready, String(from + i), extra(i)));

const part = (el: OsVenueQueue, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: OsVenueQueue, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)
];
const column = (el: OsVenueQueue, name: 'preparing' | 'ready') => part(el, `column-${name}`)!;
const numbersIn = (el: OsVenueQueue, name: 'preparing' | 'ready') => [
  ...column(el, name).querySelectorAll<HTMLElement>('.list [part~="number"]')
];
const fontSize = (element: Element) => parseFloat(getComputedStyle(element).fontSize);
const frame = () => new Promise(resolve => requestAnimationFrame(resolve));

/** WCAG contrast ratio of two opaque computed colours, `rgb(…)` or `color(srgb …)` (what `color-mix()` gives). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const scale = color.startsWith('color(srgb') ? 255 : 1;
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(v => Number(v) * scale);
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('<os-venue-queue> layout', () => {
  let fake: FakeStompClient;
  /** What the REST snapshot answers (the orders of every venue; the board keeps its own). */
  let snapshot: Order[];

  useFakeHub(
    {
      config: { apiUrl: API, reconnectMinMs: 60_000, reconnectMaxMs: 60_000 },
      random: () => 0.5,
      answer: () => ({ status: 200, body: snapshot })
    },
    made => ({ fake } = made)
  );

  beforeEach(() => {
    snapshot = [];
  });

  /** Boards (HTML) in a box of `width`×`height` px, connected, with the snapshot applied and the tiles sized. */
  async function renderBoards(width: number, height: number, boards: string) {
    const box = await fixture<HTMLDivElement>(
      `<div style="display: grid; gap: 8px; width: ${width}px; height: ${height}px">${boards}</div>`
    );
    const els = [...box.querySelectorAll('os-venue-queue')];
    await fake.connect();
    await waitUntil(() => els.every(el => part(el, 'columns')), 'the snapshot was not applied');
    await settled(els);
    return { box, els };
  }

  /** Waits until every shown list has been measured and sized, and nothing renders any more. */
  async function settled(els: OsVenueQueue[]) {
    await waitUntil(() =>
      els.every(el => parts(el, 'list').every(list => list.style.getPropertyValue('--number-size')))
    );
    for (let i = 0; i < 4; i++) {
      await frame();
      await Promise.all(els.map(el => el.updateComplete));
    }
  }

  /** One board of venue v1 with more `attributes`, in a box of `width`×`height` px. */
  async function renderBoard(width: number, height: number, attributes = '') {
    const board = `<os-venue-queue api-url="${API}" tenant="demo" venue="v1" ${attributes}></os-venue-queue>`;
    return (await renderBoards(width, height, board)).els[0];
  }

  describe('numbers that fit the screen', () => {
    it('on a 1920×1080 TV, five ready numbers are each at least 15 % of the column high', async () => {
      snapshot = orders(5, true, 101);
      const el = await renderBoard(1920, 1080);
      const ready = column(el, 'ready').getBoundingClientRect().height;
      const numbers = numbersIn(el, 'ready');
      expect(numbers).to.have.length(5);
      for (const number of numbers) {
        expect(number.getBoundingClientRect().height / ready).to.be.at.least(0.15);
      }
      expect(part(el, 'page-indicator')).to.not.exist;
    });

    it('shrinks the numbers as the column fills, down to --number-min-size, and pages only below it', async () => {
      snapshot = orders(5, true, 101);
      const el = await renderBoard(1920, 1080);
      const min = Math.max(28, 0.03 * 1920); // the default max(1.75rem, 3cqi)
      const five = fontSize(numbersIn(el, 'ready')[0]);

      for (const body of orders(35, true, 201)) fake.deliver('/kds/demo/v1', JSON.stringify(body));
      await settled([el]);
      const forty = numbersIn(el, 'ready');
      expect(forty, 'all 40 shown on one page').to.have.length(40);
      expect(part(el, 'page-indicator')).to.not.exist;
      expect(fontSize(forty[0]))
        .to.be.below(five * 0.6)
        .and.at.least(min - 0.25);
      const list = column(el, 'ready').querySelector('.list')!.getBoundingClientRect();
      for (const number of forty) expect(number.getBoundingClientRect().bottom).to.be.at.most(list.bottom + 1);

      for (const body of orders(160, true, 301)) fake.deliver('/kds/demo/v1', JSON.stringify(body));
      await settled([el]);
      expect(part(el, 'page-indicator'), 'pages with 200 orders').to.exist;
      const paged = numbersIn(el, 'ready');
      expect(paged.length).to.be.at.least(40).and.below(200);
      expect(fontSize(paged[0])).to.be.closeTo(min, 0.5);
    });

    it('follows --number-min-size and --number-max-size', async () => {
      snapshot = orders(1, true, 7);
      const el = await renderBoard(1920, 1080, 'style="--number-min-size: 80px; --number-max-size: 120px"');
      expect(fontSize(numbersIn(el, 'ready')[0])).to.equal(120);
      for (const body of orders(100, true, 101)) fake.deliver('/kds/demo/v1', JSON.stringify(body));
      await settled([el]);
      expect(part(el, 'page-indicator')).to.exist;
      expect(fontSize(numbersIn(el, 'ready')[0])).to.equal(80);
    });

    it('sizes tiles from one custom property on each list: no container queries below the element', async () => {
      snapshot = [...orders(3, false, 11), ...orders(3, true, 21)];
      const el = await renderBoard(1280, 800);
      for (const list of parts(el, 'list')) {
        expect(list.style.getPropertyValue('--number-size')).to.match(/^\d+(\.\d+)?px$/);
        const tile = list.querySelector('[part~="tile"]')!;
        expect(fontSize(tile)).to.equal(parseFloat(list.style.getPropertyValue('--number-size')));
      }
      for (const name of ['columns', 'column', 'column-header', 'list', 'tile']) {
        expect(getComputedStyle(part(el, name)!).containerType, name).to.equal('normal');
      }
    });
  });

  describe('on a 390×844 phone', () => {
    /** Every header, title, page indicator and number is as wide as its box at most. */
    function overflowing(el: OsVenueQueue): string[] {
      const names = ['column-header', 'column-title', 'page-indicator', 'number', 'fullscreen-button'];
      return names.flatMap(name =>
        parts(el, name)
          .filter(p => p.scrollWidth > p.clientWidth)
          .map(p => `${name} "${p.textContent!.trim()}": ${p.scrollWidth} > ${p.clientWidth}`)
      );
    }

    it('never wraps nor overflows a long claim code: it shrinks it', async () => {
      snapshot = [
        ...orders(3, false, 11, i => ({ claimCode: ['CY5EDH', 'Q7PLMN', 'R2D2C3'][i] })),
        ...orders(60, true, 101, i => ({ claimCode: i === 59 ? 'WWMWWMWW' : `K9XQ${i}` }))
      ];
      const el = await renderBoard(390, 844, 'number-source="claim-code"');
      expect(part(el, 'page-indicator')).to.exist;
      expect(overflowing(el)).to.deep.equal([]);
      const widest = numbersIn(el, 'ready').find(n => n.textContent === 'WWMWWMWW')!;
      expect(widest.getBoundingClientRect().height).to.be.below(fontSize(widest) * 1.2); // one line
    });

    it('fits the Polish headers and page indicators, and keeps both headers equally high', async () => {
      fakeKiosk();
      snapshot = [...orders(60, false, 11), ...orders(60, true, 101)];
      for (const width of [390, 320, 280]) {
        const el = await renderBoard(width, 844, 'locale="pl" kiosk');
        expect(part(el, 'column-title')!.textContent!.trim()).to.equal('W przygotowaniu');
        expect(parts(el, 'page-indicator')).to.have.length(2);
        expect(overflowing(el), `at ${width}px`).to.deep.equal([]);
        const [preparing, ready] = parts(el, 'column-header').map(h => h.getBoundingClientRect());
        expect(preparing.height).to.equal(ready.height);
        expect(preparing.top).to.equal(ready.top);
        el.parentElement!.remove();
      }
    });
  });

  describe('kiosk', () => {
    it('puts the fullscreen button in the Ready header, over nothing, with at least 3:1 contrast', async () => {
      fakeKiosk();
      snapshot = [...orders(40, false, 11), ...orders(60, true, 101)];
      for (const [width, height] of [
        [1920, 1080],
        [390, 844]
      ]) {
        const el = await renderBoard(width, height, 'kiosk');
        const button = part(el, 'fullscreen-button')!;
        const header = column(el, 'ready').querySelector('[part~="column-header"]')!;
        expect(header.contains(button)).to.be.true;
        const box = button.getBoundingClientRect();
        for (const other of [...parts(el, 'column-title'), ...parts(el, 'page-indicator'), ...parts(el, 'tile')]) {
          const r = other.getBoundingClientRect();
          const overlaps = r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
          expect(overlaps, `${other.getAttribute('part')} under the button at ${width}px`).to.be.false;
        }
        const behind = getComputedStyle(header).backgroundColor;
        expect(contrast(getComputedStyle(button).color, behind)).to.be.at.least(3);
        expect(getComputedStyle(button).opacity).to.equal('1');
        el.parentElement!.remove();
      }
    });
  });

  describe('colours', () => {
    it('writes Ready numbers in --on-ready-color on --ready-color, at least 4.5:1 by default', async () => {
      snapshot = orders(2, true, 7);
      const el = await renderBoard(900, 600);
      const tile = part(el, 'tile-ready')!;
      const header = column(el, 'ready').querySelector('[part~="column-header"]')!;
      expect(contrast(getComputedStyle(tile).color, getComputedStyle(tile).backgroundColor)).to.be.at.least(4.5);
      expect(contrast(getComputedStyle(header).color, getComputedStyle(header).backgroundColor)).to.be.at.least(4.5);

      el.style.setProperty('--ready-color', 'rgb(31, 92, 54)');
      el.style.setProperty('--on-ready-color', 'rgb(200, 245, 212)');
      expect(getComputedStyle(tile).backgroundColor).to.equal('rgb(31, 92, 54)');
      expect(getComputedStyle(part(el, 'number')!).color).to.equal('rgb(200, 245, 212)');
      expect(getComputedStyle(header).color).to.equal('rgb(200, 245, 212)');
    });

    it('pulses a just-ready number with opacity and transform only', async () => {
      const el = await renderBoard(900, 600);
      fake.deliver('/kds/demo/v1', JSON.stringify(order('a', false, '5')));
      fake.deliver('/kds/demo/v1', JSON.stringify(order('a', true, '5')));
      await waitUntil(() => part(el, 'tile-highlighted'), 'not highlighted');
      const ring = getComputedStyle(part(el, 'tile-highlighted')!, '::after');
      expect(ring.animationName).to.equal('os-ring');
      const keyframes = [...el.shadowRoot!.adoptedStyleSheets, ...document.styleSheets]
        .flatMap(sheet => [...sheet.cssRules])
        .filter((rule): rule is CSSKeyframesRule => rule instanceof CSSKeyframesRule && rule.name === 'os-ring');
      expect(keyframes).to.have.length.greaterThan(0);
      for (const frameRule of [...keyframes[0].cssRules] as CSSKeyframeRule[]) {
        const animated = [...frameRule.style].filter(name => !/^(opacity|transform)$/.test(name));
        expect(animated).to.deep.equal([]);
      }
      expect(getComputedStyle(part(el, 'tile-highlighted')!).boxShadow).to.equal('none');
    });
  });

  describe('busy boards', () => {
    it('keeps the "just ready" rings still, as outlines without layers, when many numbers are new at once', async () => {
      const el = await renderBoard(1200, 800);
      for (let i = 1; i <= 10; i++) fake.deliver('/kds/demo/v1', JSON.stringify(order(`n${i}`, false, String(i))));
      for (let i = 1; i <= 3; i++) fake.deliver('/kds/demo/v1', JSON.stringify(order(`n${i}`, true, String(i))));
      await waitUntil(() => parts(el, 'tile-highlighted').length === 3, 'not highlighted');
      const list = column(el, 'ready').querySelector('.list')!;
      expect(list.classList.contains('list--pulse'), 'few: they pulse').to.be.true;
      expect(getComputedStyle(parts(el, 'tile-highlighted')[0], '::after').animationName).to.equal('os-ring');

      for (let i = 4; i <= 10; i++) fake.deliver('/kds/demo/v1', JSON.stringify(order(`n${i}`, true, String(i))));
      await waitUntil(() => parts(el, 'tile-highlighted').length === 10, 'not all highlighted');
      expect(list.classList.contains('list--pulse'), 'many: they stay still').to.be.false;
      for (const tile of parts(el, 'tile-highlighted')) {
        const style = getComputedStyle(tile);
        expect(getComputedStyle(tile, '::after').animationName).to.equal('none');
        expect(style.outlineStyle).to.equal('solid');
        expect(style.outlineColor, 'in --highlight-color (#f9c74f)').to.equal('rgb(249, 199, 79)');
        expect(parseFloat(style.outlineOffset)).to.equal(-parseFloat(style.outlineWidth));
        expect(style.position, 'no paint layer per tile').to.equal('static');
      }
      for (const tile of parts(el, 'tile-preparing')) expect(getComputedStyle(tile).position).to.equal('static');
    });
  });

  describe('accessibility', () => {
    it('labels each column with its venue, so that two boards on one page have unique landmarks', async () => {
      snapshot = [order('a', true, '7'), order('b', false, '8'), order('c', true, '9', {}, 'v2')];
      const { box, els } = await renderBoards(
        1200,
        800,
        `<os-venue-queue api-url="${API}" tenant="demo" venue="v1" venue-name="Centrum"></os-venue-queue>
         <os-venue-queue api-url="${API}" tenant="demo" venue="v2"></os-venue-queue>`
      );
      const labels = els.flatMap(el => parts(el, 'column').map(c => c.getAttribute('aria-label')));
      expect(labels).to.deep.equal(['Preparing, Centrum', 'Ready, Centrum', 'Preparing, v2', 'Ready, v2']);
      expect(part(els[0], 'column-title')!.textContent!.trim()).to.equal('Preparing'); // the visible title stays
      await expect(box).to.be.accessible();
    });

    it("takes the venue's name from its orders when venue-name is not set", async () => {
      const buckets = [{ venue: 'v1', name: 'Galeria', queuePos: '7' }] as unknown as Order['buckets']; // the server's buckets have a name
      snapshot = [order('a', true, '7', { buckets })];
      const el = await renderBoard(900, 600, 'locale="pl"');
      expect(parts(el, 'column').map(c => c.getAttribute('aria-label'))).to.deep.equal([
        'W przygotowaniu, Galeria',
        'Gotowe, Galeria'
      ]);
    });
  });
});

/** Kiosk mode without a real wake lock, in a document that may go fullscreen (until `sinon.restore()`). */
function fakeKiosk() {
  const sentinel = Object.assign(new EventTarget(), { released: false, release: async () => {} });
  sinon.stub(navigator, 'wakeLock').value({ request: async () => sentinel });
  sinon.stub(document, 'fullscreenEnabled').value(true);
}
