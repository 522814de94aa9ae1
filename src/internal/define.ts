/**
 * Defines `tagName` as `constructor` unless the page already has an element of that name: loading os-widgets twice
 * (a CMS script tag and an app's import, or two versions) keeps the first definition instead of throwing. Does
 * nothing where there is no custom element registry. In Node, Lit's server build provides one.
 * @internal
 */
export function defineElement(tagName: string, constructor: CustomElementConstructor): void {
  const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
  if (!registry || registry.get(tagName)) return;
  registry.define(tagName, constructor);
}

/**
 * Class decorator: `@customElement('os-order-status')` defines the element once the class is complete, through
 * {@link defineElement} (so a second copy of os-widgets on the page does not throw). Same name and use as Lit's.
 * @internal
 */
export function customElement(tagName: string) {
  return <C extends CustomElementConstructor>(target: C): void => {
    defineElement(tagName, target);
  };
}
