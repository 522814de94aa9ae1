// Vue 3 GlobalComponents for the tags (`import 'os-widgets/vue'`), following Vue's guide for typing non-Vue custom
// elements: properties as props, `os-*` events as emits, so `:order-id="id"` and `@os-order-update="onUpdate"` are
// checked in templates by vue-tsc. Built from the generated element-types.ts.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { OsElementTypes } from '../internal/element-types.js';

/** The tag `T` as Vue's template type-checker sees it. */
export type OsVueElement<T extends keyof OsElementTypes> = new () => OsElementTypes[T]['element'] & {
  $props: HTMLAttributes &
    Partial<
      Pick<OsElementTypes[T]['element'], Extract<OsElementTypes[T]['props'], keyof OsElementTypes[T]['element']>>
    > &
    PublicProps;
  $emit: EmitFn<{ [K in OsElementTypes[T]['events']]: (event: HTMLElementEventMap[K]) => void }>;
};

/** Every tag of os-widgets as a Vue global component. */
export type OsGlobalComponents = { [T in keyof OsElementTypes]: OsVueElement<T> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the tags come from OsGlobalComponents
  interface GlobalComponents extends OsGlobalComponents {}
}
