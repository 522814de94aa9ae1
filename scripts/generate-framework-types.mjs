#!/usr/bin/env node
// Writes the framework typings from custom-elements.json, so they always describe the elements as the manifest does:
//   src/react/jsx.ts              React 19 JSX: each tag's properties, attributes and `onos-*` event props
//   src/vue/global-components.ts  Vue 3 GlobalComponents: each tag's properties and `@os-*` events, for vue-tsc
// Both are committed and compiled with the rest of src/. `--check` fails (exit 1) when a file differs from what
// would be written now (npm test runs it), so a changed element cannot ship stale typings.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

const check = process.argv.includes('--check');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const HEADER = '// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit by hand.\n';

/** @typedef {{ tag: string, className: string, module: string, summary: string, props: { name: string, attribute?: string, description?: string }[], events: string[] }} ElementInfo */

/** @type {ElementInfo[]} */
const elements = manifest.modules
  .flatMap(module => (module.declarations ?? []).filter(d => d.tagName).map(d => ({ module: module.path, d })))
  .map(({ module, d }) => ({
    tag: d.tagName,
    className: d.name,
    module: module.replace(/^src\//, '../').replace(/\.ts$/, '.js'),
    summary: d.summary ?? d.description ?? '',
    props: (d.members ?? [])
      .filter(m => m.kind === 'field' && !m.privacy && !m.static && !m.readonly)
      .map(m => ({ name: m.name, attribute: m.attribute, description: m.description })),
    events: [...new Set((d.events ?? []).map(e => e.name).filter(Boolean))]
  }))
  .sort((a, b) => a.tag.localeCompare(b.tag));

const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '');
const imports = elements.map(e => `import type { ${e.className} } from '${e.module}';`).join('\n');

function react() {
  const aliases = elements.map(e => {
    const props = e.props.map(p => `'${p.name}'`).join(' | ') || 'never';
    const attributes = e.props
      .filter(p => p.attribute && p.attribute !== p.name)
      .map(p => `'${p.attribute}': '${p.name}'`)
      .join('; ');
    const events = e.events.map(name => `'${name}'`).join(' | ') || 'never';
    return `${doc(`JSX props of \`<${e.tag}>\`: ${e.summary}`, '')}export type ${e.className}JsxProps = OsJsxProps<${e.className}, ${props}, { ${attributes} }, ${events}>;`;
  });
  return `${HEADER}// React 19 sets a prop as a property when the element has it, else as an attribute, and passes \`on<event-name>\`
// props to addEventListener. React 18 does neither: use the components of \`os-widgets/react\` there.
import type { HTMLAttributes, RefAttributes } from 'react';
${imports}

/**
 * What React 19 JSX accepts on a custom element \`E\`: React's HTML attributes, the properties \`P\` (set as
 * properties), their attribute forms \`A\` (attribute name → property, e.g. \`'order-id': 'orderId'\`) and one
 * \`on<event-name>\` listener per event \`V\`, typed from \`HTMLElementEventMap\`.
 */
type OsJsxProps<E extends HTMLElement, P extends keyof E, A extends Record<string, P>, V extends keyof HTMLElementEventMap> =
  HTMLAttributes<E> &
    RefAttributes<E> &
    Partial<Pick<E, P>> & { [K in keyof A]?: E[A[K]] } & { [K in V as \`on\${K}\`]?: (event: HTMLElementEventMap[K]) => void };

${aliases.join('\n\n')}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
${elements.map(e => `      '${e.tag}': ${e.className}JsxProps;`).join('\n')}
    }
  }
}
`;
}

function vue() {
  const entries = elements.map(e => {
    const props = e.props.map(p => `'${p.name}'`).join(' | ') || 'never';
    const events = e.events.map(name => `'${name}'`).join(' | ') || 'never';
    return `${doc(`\`<${e.tag}>\`: ${e.summary}`, '    ')}    '${e.tag}': OsVueElement<${e.className}, ${props}, ${events}>;`;
  });
  return `${HEADER}// Follows Vue's guide for typing non-Vue custom elements: properties as props, \`os-*\` events as emits, so
// \`:order-id="id"\` and \`@os-order-update="onUpdate"\` are checked in templates by vue-tsc.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports}

/** A custom element as Vue's template type-checker sees it. */
type OsVueElement<E extends HTMLElement, P extends keyof E, V extends keyof HTMLElementEventMap> = new () => E & {
  $props: HTMLAttributes & Partial<Pick<E, P>> & PublicProps;
  $emit: EmitFn<{ [K in V]: (event: HTMLElementEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}

export {};
`;
}

let stale = false;
for (const [file, raw] of [
  ['src/react/jsx.ts', react()],
  ['src/vue/global-components.ts', vue()]
]) {
  // Written as Prettier writes the rest of the tree, so that the format check and this check agree.
  const text = await format(raw, { ...(await resolveConfig(file)), filepath: file });
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current === text) continue;
  if (check) {
    console.error(`${file} is out of date: run \`npm run analyze\` and commit the result.`);
    stale = true;
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
if (check && !stale) console.log('framework typings are up to date.');
process.exit(stale ? 1 : 0);
