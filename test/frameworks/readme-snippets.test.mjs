// @ts-check
// The README's framework snippets are excerpts of the framework apps, which test/frameworks/*.test.mjs build and run:
// every line of a snippet marked `<!-- snippet-of: FILE -->` must stand in FILE, in the same order, so the README
// cannot drift from code that is tested.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const readme = readFileSync('README.md', 'utf8');
const snippets = [...readme.matchAll(/<!-- snippet-of: (\S+) -->\s*\n```\w*\n([\s\S]*?)```/g)].map(
  ([, file, code]) => ({
    file,
    lines: code
      .split('\n')
      .map(line => line.trim())
      .filter(Boolean)
  })
);

describe("the README's framework snippets", () => {
  it('are there', () => assert.ok(snippets.length >= 6, `found ${snippets.length} snippets`));

  for (const { file, lines } of snippets) {
    it(`are taken from ${file}`, () => {
      const source = readFileSync(file, 'utf8')
        .split('\n')
        .map(line => line.trim());
      let at = 0;
      for (const line of lines) {
        const found = source.indexOf(line, at);
        assert.notEqual(found, -1, `"${line}" is not in ${file} (after line ${at})`);
        at = found + 1;
      }
    });
  }
});
