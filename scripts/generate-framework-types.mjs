#!/usr/bin/env node
// Writes src/internal/element-types.ts from custom-elements.json: for each tag, its class, its settable properties,
// their attribute forms and its events, as the manifest describes them. The React 19 JSX typings (src/react/jsx.ts)
// and Vue's GlobalComponents (src/vue/global-components.ts) are built from it, so they always follow the elements.
// The file is committed and compiled with the rest of src/. `--check` fails (exit 1) when it differs from what would
// be written now (npm test runs it), so a changed element cannot ship stale typings.
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

function elementTypes() {
  const entries = elements.map(e => {
    const props = e.props.map(p => `'${p.name}'`).join(' | ') || 'never';
    const attributes = e.props
      .filter(p => p.attribute && p.attribute !== p.name)
      .map(p => `'${p.attribute}': '${p.name}'`)
      .join('; ');
    const events = e.events.map(name => `'${name}'`).join(' | ') || 'never';
    return `${doc(`\`<${e.tag}>\`: ${e.summary}`, '  ')}  '${e.tag}': {
    element: ${e.className};
    props: ${props};
    attributes: { ${attributes} };
    events: ${events};
  };`;
  });
  return `${HEADER}${imports.replaceAll("'../", "'../")}

/**
 * Each element as a framework sees it: its class, the properties a template may set, the attribute form of each
 * (attribute name → property) and the events it fires (keys of \`HTMLElementEventMap\`).
 */
export interface OsElementTypes {
${entries.join('\n')}
}
`;
}

let stale = false;
for (const [file, raw] of [['src/internal/element-types.ts', elementTypes()]]) {
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
