import { defineCE, expect, fixture, html, nextFrame, unsafeStatic, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import {
  formatRelativeTime,
  formatTime,
  LocalizeController,
  registerTranslation,
  resetTranslations,
  resolveLocale,
  loadBuiltInCatalogue
} from '../../src/i18n/localize.js';
import { plural } from '../../src/i18n/plural.js';
import en from '../../src/i18n/en.js';
import pl from '../../src/i18n/pl.js';
import type { PartialTranslation } from '../../src/i18n/translation.js';

class LocalizedHost extends LitElement {
  readonly localize = new LocalizeController(this);
  @property() locale = '';
  @property({ attribute: false }) strings: PartialTranslation | undefined;
  override render() {
    return html`<p>${this.localize.term('yourNumber')}</p>`;
  }
}
const tag = unsafeStatic(defineCE(LocalizedHost));
const text = (el: HTMLElement) => el.shadowRoot!.querySelector('p')!.textContent;

describe('i18n', () => {
  // The Polish catalogue is loaded on demand (see lazy-catalogue.test.ts); these tests read it synchronously.
  before(() => loadBuiltInCatalogue('pl'));
  let savedLang: string;
  beforeEach(() => {
    savedLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    document.documentElement.lang = savedLang;
    resetTranslations();
  });

  describe('catalogues', () => {
    it('have the same keys in English and Polish', () => {
      expect(Object.keys(pl).sort()).to.deep.equal(Object.keys(en).sort());
    });

    it('use correct Polish plurals (Intl.PluralRules)', () => {
      expect([1, 2, 4, 5, 12, 22, 25, 1.5].map(n => pl.itemCount(n))).to.deep.equal([
        '1 pozycja',
        '2 pozycje',
        '4 pozycje',
        '5 pozycji',
        '12 pozycji',
        '22 pozycje',
        '25 pozycji',
        '1.5 pozycji'
      ]);
      expect([1, 2].map(n => en.itemCount(n))).to.deep.equal(['1 item', '2 items']);
      expect(plural('pl', 0, { one: 'a', few: 'b', many: 'c', other: 'd' })).to.equal('c');
    });
  });

  describe('locale resolution', () => {
    it('prefers the locale attribute', async () => {
      const el = await fixture<LocalizedHost>(html`<div lang="en"><${tag} locale="pl"></${tag}></div>`);
      const host = el.querySelector<LocalizedHost>(':scope > *')!;
      expect(host.localize.lang()).to.equal('pl');
      expect(text(host)).to.equal('Twój numer');
    });

    it('uses the closest lang attribute, also across shadow roots', async () => {
      const outer = await fixture<HTMLDivElement>(
        html`<div lang="pl-PL">
          <section><span></span></section>
        </div>`
      );
      const shadowHost = outer.querySelector('span')!;
      const root = shadowHost.attachShadow({ mode: 'open' });
      const inner = document.createElement('div');
      root.append(inner);
      expect(resolveLocale(inner)).to.equal('pl-PL');
      inner.setAttribute('lang', 'de');
      expect(resolveLocale(inner)).to.equal('de');
    });

    it('falls back to <html lang>, then navigator.language', async () => {
      const el = document.createElement('div');
      document.body.append(el);
      document.documentElement.lang = 'pl';
      expect(resolveLocale(el)).to.equal('pl');
      document.documentElement.removeAttribute('lang');
      expect(resolveLocale(el)).to.equal(navigator.language);
      el.remove();
    });

    it('maps pl-PL to the Polish catalogue and falls back per key to English', async () => {
      registerTranslation('de', { yourNumber: 'Deine Nummer' });
      const polish = await fixture<LocalizedHost>(html`<${tag} locale="pl-PL"></${tag}>`);
      expect(text(polish)).to.equal('Twój numer');
      const german = await fixture<LocalizedHost>(html`<${tag} locale="de-AT"></${tag}>`);
      expect(text(german)).to.equal('Deine Nummer');
      expect(german.localize.term('loading')).to.equal(en.loading);
    });

    it('treats an invalid locale as English', async () => {
      const el = await fixture<LocalizedHost>(html`<${tag} locale="not a locale!"></${tag}>`);
      expect(el.localize.lang()).to.equal('en');
      expect(text(el)).to.equal('Your number');
    });
  });

  describe('overrides', () => {
    it('registerTranslation() overrides page-wide and re-renders connected elements', async () => {
      const el = await fixture<LocalizedHost>(html`<${tag}></${tag}>`);
      expect(text(el)).to.equal('Your number');
      registerTranslation('en', { yourNumber: 'Your ticket' });
      await el.updateComplete;
      expect(text(el)).to.equal('Your ticket');
    });

    it('registerTranslation() for a region wins over the language', async () => {
      registerTranslation('pl', { yourNumber: 'Numer' });
      registerTranslation('pl-PL', { yourNumber: 'Numerek' });
      const region = await fixture<LocalizedHost>(html`<${tag} locale="pl-PL"></${tag}>`);
      const language = await fixture<LocalizedHost>(html`<${tag} locale="pl"></${tag}>`);
      expect(text(region)).to.equal('Numerek');
      expect(text(language)).to.equal('Numer');
    });

    it('the strings property overrides any catalogue', async () => {
      registerTranslation('en', { yourNumber: 'Your ticket' });
      const el = await fixture<LocalizedHost>(html`<${tag} .strings=${{ yourNumber: 'Order no.' }}></${tag}>`);
      expect(text(el)).to.equal('Order no.');
    });

    it('has() knows catalogue keys and registered error codes', async () => {
      const el = await fixture<LocalizedHost>(html`<${tag}></${tag}>`);
      expect(el.localize.has('error.cannotAbandon')).to.be.true;
      expect(el.localize.has('error.somethingNew')).to.be.false;
      registerTranslation('en', { 'error.somethingNew': 'Something new' });
      expect(el.localize.has('error.somethingNew')).to.be.true;
      expect(el.localize.term('error.somethingNew')).to.equal('Something new');
    });
  });

  describe('re-rendering', () => {
    it('re-renders when <html lang> changes', async () => {
      const el = await fixture<LocalizedHost>(html`<${tag}></${tag}>`);
      expect(text(el)).to.equal('Your number');
      document.documentElement.lang = 'pl';
      await waitUntil(() => text(el) === 'Twój numer', 'did not re-render in Polish');
    });

    it('stops observing once disconnected', async () => {
      const el = await fixture<LocalizedHost>(html`<${tag}></${tag}>`);
      el.remove();
      document.documentElement.lang = 'pl';
      await nextFrame();
      expect(text(el)).to.equal('Your number');
    });
  });

  describe('formatting', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');

    it('formats relative times in English and Polish', () => {
      expect(formatRelativeTime('en', now - 2 * 60_000, now)).to.equal('2 minutes ago');
      expect(formatRelativeTime('pl', now - 2 * 60_000, now)).to.equal('2 minuty temu');
      expect(formatRelativeTime('pl', now - 5 * 60_000, now)).to.equal('5 minut temu');
      expect(formatRelativeTime('en', now - 3 * 3600_000, now)).to.equal('3 hours ago');
      expect(formatRelativeTime('en', now - 30 * 3600_000, now)).to.equal('yesterday');
      expect(formatRelativeTime('en', now - 10_000, now, 'just now')).to.equal('just now');
    });

    it('builds the "Updated … ago" strings', () => {
      expect(en.updatedRelative(formatRelativeTime('en', now - 120_000, now))).to.equal('Updated 2 minutes ago');
      expect(pl.updatedRelative(formatRelativeTime('pl', now - 120_000, now))).to.equal('Zaktualizowano 2 minuty temu');
    });

    it('formats clock times with Intl.DateTimeFormat', () => {
      const time = new Date(2025, 2, 1, 12, 41);
      expect(formatTime('pl', time)).to.equal('12:41');
      expect(formatTime('en-US', time)).to.match(/^12:41\sPM$/);
    });

    it('exposes time, relative time and numbers on the controller in the element locale', async () => {
      const el = await fixture<LocalizedHost>(html`<${tag} locale="pl"></${tag}>`);
      expect(el.localize.relativeTime(Date.now() - 5_000)).to.equal('przed chwilą');
      expect(el.localize.number(1234.5)).to.equal('1234,5');
      expect(el.localize.time(new Date(2025, 0, 1, 9, 5))).to.equal('09:05');
    });
  });
});
