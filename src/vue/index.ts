/**
 * `os-widgets/vue`: what a Vue 3 app needs besides the elements themselves.
 *
 * - `isCustomElement` for the Vue compiler, so it leaves `<os-*>` tags to the browser:
 *   `vue({ template: { compilerOptions: { isCustomElement } } })` in `vite.config.ts`.
 * - Importing this module (once, anywhere in the app) adds every element to Vue's `GlobalComponents`, so `vue-tsc`
 *   checks their props and `@os-*` event handlers in templates.
 * @packageDocumentation
 */

/** True for the tags os-widgets defines (`os-order-status`, …): pass it to Vue's `compilerOptions.isCustomElement`. */
export function isCustomElement(tag: string): boolean {
  return tag.startsWith('os-');
}

// Adds the elements to Vue's GlobalComponents (types only; see global-components.ts).
import './global-components.js';
