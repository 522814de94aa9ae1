// The build minifies the CSS of every css`` template (scripts/lib/css-templates.mjs) without changing what it means.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { minifyCssPart } from '../../scripts/lib/css-templates.mjs';

test('comments and layout whitespace go, meaning stays', () => {
  assert.equal(
    minifyCssPart(`
      /* the host */
      :host {
        display: block;
        margin: 0 auto ;
      }
      .a > .b, .c :is(.d) { color: red; }
    `),
    ':host{display:block;margin:0 auto}.a>.b,.c :is(.d){color:red}'
  );
});

test('quoted strings and calc() are left as written', () => {
  assert.equal(
    minifyCssPart(`.x::after { content: 'a: b;  c { }'; width: calc(100% - 2px); }`),
    `.x::after{content:'a: b;  c { }';width:calc(100% - 2px)}`
  );
});

test('a part next to an interpolation keeps the space that separates it', () => {
  assert.equal(minifyCssPart(' margin: 0 ', { first: false, last: false }), ' margin:0 ');
  assert.equal(minifyCssPart('color: ', { last: false }), 'color:');
});

test('the shipped styles carry no comments and no indentation', () => {
  const shipped = readFileSync('dist/components/order-status/order-status.styles.js', 'utf8');
  const templates = [...shipped.matchAll(/css `([^`]*)`/g)].map(match => match[1]);
  assert.ok(templates.length > 0, 'found the css`` templates');
  for (const template of templates) {
    assert.doesNotMatch(template, /\/\*|\n| {2}/);
  }
});
