// React 19 JSX typings for the plain tags (`import 'os-widgets/react-jsx'`). React 19 sets a prop as a property when
// the element has it, else as an attribute, and passes `on<event-name>` props to addEventListener. React 18 does
// neither: use the components of `os-widgets/react` there. Built from the generated element-types.ts.
import type { HTMLAttributes, RefAttributes } from 'react';
import type { OsElementTypes } from '../internal/element-types.js';

/**
 * What React 19 JSX accepts on the tag `T`: React's HTML attributes, the element's settable properties (set as
 * properties), their attribute forms (`order-id` for `orderId`) and one `on<event-name>` listener per event, typed
 * from `HTMLElementEventMap`.
 */
export type OsJsxProps<T extends keyof OsElementTypes> = JsxProps<
  OsElementTypes[T]['element'],
  OsElementTypes[T]['props'],
  OsElementTypes[T]['attributes'],
  OsElementTypes[T]['events']
>;

type JsxProps<E extends HTMLElement, P, A, V extends keyof HTMLElementEventMap> = HTMLAttributes<E> &
  RefAttributes<E> &
  Partial<Pick<E, Extract<P, keyof E>>> & { [K in keyof A]?: A[K] extends keyof E ? E[A[K]] : never } & {
    [K in V as `on${K}`]?: (event: HTMLElementEventMap[K]) => void;
  };

/** Every tag of os-widgets with its JSX props. */
export type OsIntrinsicElements = { [T in keyof OsElementTypes]: OsJsxProps<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the tags come from OsIntrinsicElements
    interface IntrinsicElements extends OsIntrinsicElements {}
  }
}
