/**
 * The CDN autoloader, in the manner of Shoelace's: a page loads `cdn/autoloader.js` and pays only for the elements it
 * shows. Each os-widgets tag found in the page (now, or added later: the light DOM is watched) has its element's code
 * loaded and defined then; an element never used is never downloaded. Everything else of the public API that needs no
 * element (`configure`, `getConnection`, the token sources, `registerTranslation`, ...) is exported as from
 * `os-widgets.js`.
 *
 * ```html
 * <script type="module" src="https://cdn.example.com/os-widgets/cdn/autoloader.js"></script>
 * <os-order-status api-url="https://api.example.com" tenant="demo" order-id="1001"></os-order-status>
 * ```
 *
 * Tags inside shadow roots are not watched: call {@link discover} with the shadow root (or import the element).
 * @packageDocumentation
 */
export * from './connection/index.js';
export { registerTranslation } from './i18n/localize.js';
export type { PartialTranslation, Translation, TranslationKey } from './i18n/translation.js';

/** Each element's module, by tag. */
const elements: Record<string, () => Promise<unknown>> = {
  'os-order-status': () => import('./components/order-status/order-status.js'),
  'os-venue-queue': () => import('./components/venue-queue/venue-queue.js'),
  'os-user-toasts': () => import('./components/user-toasts/user-toasts.js'),
  'os-venue-watch': () => import('./components/venue-watch/venue-watch.js'),
  'os-connection-status': () => import('./components/connection-status/connection-status.js')
};
const selector = Object.keys(elements).join(',');
const requested = new Map<string, Promise<void>>();
let observer: MutationObserver | undefined;

function load(tag: string): Promise<void> {
  let loading = requested.get(tag);
  if (!loading) {
    loading = elements[tag]().then(
      () => undefined,
      (error: unknown) => {
        requested.delete(tag); // a later discover() tries again
        console.error(`os-widgets: the code of <${tag}> could not be loaded.`, error);
      }
    );
    requested.set(tag, loading);
    // Every element asked for: nothing left to watch for.
    if (requested.size === Object.keys(elements).length) observer?.disconnect();
  }
  return loading;
}

/**
 * Loads and defines the os-widgets elements used in `root` (the element itself and its descendants) that are not
 * loaded yet. The document is discovered on load and watched after; call this for a shadow root of your own.
 * Resolves once their code has run (an element whose code failed to load is reported in the console).
 */
export function discover(root: ParentNode = document): Promise<void> {
  const tags = new Set<string>();
  if (root instanceof Element && root.localName in elements) tags.add(root.localName);
  for (const element of root.querySelectorAll(selector)) tags.add(element.localName);
  return Promise.all([...tags].map(load)).then(() => undefined);
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  observer = new MutationObserver(records => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  void discover(document);
}
