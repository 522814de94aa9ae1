// Built-in catalogues other than English are loaded only when an element speaks their language, and the element waits
// for them: a Polish screen never shows English first. This file must be the first in its page to touch Polish.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/connection-status/connection-status.js';
import type { OsConnectionStatus } from '../../src/components/connection-status/connection-status.js';
import en from '../../src/i18n/en.js';
import { loadBuiltInCatalogue } from '../../src/i18n/localize.js';
import { useFakeHub } from '../support/use-fake-hub.js';

const polishLoaded = () =>
  performance.getEntriesByType('resource').some(entry => /\/i18n\/pl\.(ts|js)/.test(entry.name));

describe('built-in catalogues load on demand', () => {
  useFakeHub({ config: { apiUrl: 'https://api.test', reconnectMinMs: 20_000, reconnectMaxMs: 20_000 } }, () => {});

  it('an English page never loads the Polish texts', async () => {
    const el = await fixture<OsConnectionStatus>(
      html`<os-connection-status lang="en" api-url="https://api.test" tenant="demo"></os-connection-status>`
    );
    expect(el.shadowRoot!.textContent).to.contain(en.connectionIdle as string);
    expect(polishLoaded()).to.equal(false);
  });

  it('a Polish element renders Polish from its first frame, after loading the catalogue', async () => {
    const texts: string[] = [];
    const el = document.createElement('os-connection-status') as OsConnectionStatus;
    el.setAttribute('lang', 'pl');
    el.setAttribute('api-url', 'https://api.test');
    el.setAttribute('tenant', 'demo');
    document.body.append(el);
    try {
      const observer = new MutationObserver(() => texts.push(el.shadowRoot!.textContent ?? ''));
      observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
      await el.updateComplete;
      observer.disconnect();
      expect(polishLoaded()).to.equal(true);
      expect(el.shadowRoot!.textContent).to.contain('Nie połączono');
      expect(texts.join('\n')).not.to.contain(en.connectionIdle as string);
    } finally {
      el.remove();
    }
  });

  it('a language without a built-in catalogue needs no waiting', () => {
    expect(loadBuiltInCatalogue('de')).to.equal(undefined);
    expect(loadBuiltInCatalogue('en')).to.equal(undefined);
  });
});
