import { expect, waitUntil } from '@open-wc/testing';
import { emulatorPost, emulatorUrl } from '../support/emulator.js';
import { currentStep, PUBLIC_RUNTIME_NAMES } from './support.js';

interface Autoloader {
  configure(config: Record<string, unknown>): void;
  passwordGrantSource(options: Record<string, unknown>): unknown;
  discover(root?: ParentNode): Promise<void>;
}

const TAGS = ['os-order-status', 'os-venue-queue', 'os-user-toasts', 'os-venue-watch', 'os-connection-status'];
/** The element chunks the page has downloaded so far, e.g. `['order-status']`. */
const elementChunksLoaded = () =>
  performance
    .getEntriesByType('resource')
    .map(
      entry =>
        /\/dist\/cdn\/chunks\/(order-status|venue-queue|user-toasts|venue-watch|connection-status)-/.exec(
          entry.name
        )?.[1]
    )
    .filter(name => name !== undefined);

/**
 * The CDN autoloader (dist/cdn/autoloader.js) as a CMS page uses it: the page pays for the elements it shows, each
 * defined when its tag appears.
 */
describe('cdn/autoloader.js', () => {
  let base: string;
  let autoloader: Autoloader;
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const host = document.createElement('div');

  before(async () => {
    base = await emulatorUrl();
    window.addEventListener('error', onError);
    document.body.append(host);
    autoloader = (await import(/* @vite-ignore */ '/dist/cdn/autoloader.js' as string)) as Autoloader;
  });
  after(() => {
    window.removeEventListener('error', onError);
    host.remove();
  });

  it('exports the public API except the element classes, plus discover()', () => {
    const names = Object.keys(autoloader).sort();
    expect(names).to.deep.equal(
      [...PUBLIC_RUNTIME_NAMES.filter(name => !/^Os|^StompTopicController$/.test(name)), 'discover'].sort()
    );
  });

  it('loads nothing of an element until its tag is in the page', () => {
    expect(TAGS.filter(tag => customElements.get(tag))).to.deep.equal([]);
    expect(elementChunksLoaded()).to.deep.equal([]);
  });

  it('defines a tag added to the page, loading only its chunk, and the element works', async () => {
    autoloader.configure({
      apiUrl: base,
      tenant: 'demo',
      token: autoloader.passwordGrantSource({ apiUrl: base, tenant: 'demo', username: 'guest', password: 'guest' })
    });
    const order = await emulatorPost(base, '/__emulator/orders', { userId: 'guest-1', status: 'COMPLETED' });
    // Nested, added after load: found by the document's MutationObserver.
    host.innerHTML = `<section><p><os-order-status order-id="${order.id}"></os-order-status></p></section>`;
    const tracker = host.querySelector('os-order-status')!;
    await waitUntil(() => currentStep(tracker) === 'Paid', 'the tracker was not defined and live');
    expect(elementChunksLoaded()).to.deep.equal(['order-status']);
    expect(errors).to.deep.equal([]);
  });

  it('discover() defines tags inside a shadow root, which the page observer cannot see', async () => {
    const outer = document.createElement('div');
    host.append(outer);
    const root = outer.attachShadow({ mode: 'open' });
    root.innerHTML = '<os-connection-status></os-connection-status>';
    await new Promise(resolve => setTimeout(resolve, 0)); // the page observer has had its chance
    expect(customElements.get('os-connection-status')).to.equal(undefined);
    await autoloader.discover(root);
    expect(customElements.get('os-connection-status')).not.to.equal(undefined);
    expect(root.querySelector('os-connection-status')!.shadowRoot).not.to.equal(null);
    expect(elementChunksLoaded().sort()).to.deep.equal(['connection-status', 'order-status']);
  });
});
