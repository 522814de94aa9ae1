import { expect } from '@open-wc/testing';
import {
  clip,
  kindOf,
  MAX_CLOCK_SKEW_MS,
  nestedDeeperThan,
  notInFuture,
  recordsOf,
  withFields
} from '../../src/models/guard.js';

describe('models/guard', () => {
  describe('clip()', () => {
    it('keeps short texts and cuts long ones to the limit, ending in an ellipsis', () => {
      expect(clip('12345', 5)).to.equal('12345');
      expect(clip('123456', 5)).to.equal('1234…');
      expect(clip('W'.repeat(1_000_000), 500)).to.have.length(500);
    });

    it('never splits a surrogate pair', () => {
      const cut = clip('ab\u{1F354}\u{1F354}', 4);
      expect(cut).to.equal('ab…');
      expect(clip('a\u{1F354}bc', 4)).to.equal('a\u{1F354}…');
    });
  });

  describe('nestedDeeperThan()', () => {
    it('measures objects and arrays without recursion', () => {
      const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`) as unknown;
      expect(nestedDeeperThan(deep, 64)).to.be.true;
      expect(nestedDeeperThan({ a: [{ b: { c: 1 } }] }, 4)).to.be.false;
      expect(nestedDeeperThan({ a: [{ b: { c: {} } }] }, 4)).to.be.true;
      expect(nestedDeeperThan('text', 0)).to.be.false;
    });
  });

  describe('notInFuture()', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');

    it('takes a time beyond the clock skew as now, and leaves others as they are', () => {
      expect(notInFuture('9999-12-31T23:59:59.999Z', now)).to.equal('2025-03-01T12:00:00.000Z');
      const withinSkew = new Date(now + MAX_CLOCK_SKEW_MS).toISOString();
      expect(notInFuture(withinSkew, now)).to.equal(withinSkew);
      expect(notInFuture('2025-03-01T11:00:00Z', now)).to.equal('2025-03-01T11:00:00Z');
      expect(notInFuture('yesterday', now)).to.equal('yesterday');
      expect(notInFuture(undefined, now)).to.be.undefined;
    });
  });

  describe('helpers', () => {
    it('names what a value is', () => {
      expect([undefined, null, [], {}, 1, 'x', true].map(kindOf)).to.deep.equal([
        'missing',
        'null',
        'an array',
        'an object',
        'a number',
        'a string',
        'a boolean'
      ]);
    });

    it('keeps the objects of a list, and copies records with fields set or removed', () => {
      expect(recordsOf([null, 1, { a: 1 }, [2]], r => r)).to.deep.equal([{ a: 1 }]);
      expect(recordsOf({ 0: { a: 1 } }, r => r)).to.be.undefined;
      const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1, "b": 2}') as Record<string, unknown>;
      const copy = withFields<Record<string, unknown>>(source, { a: undefined, c: 3 });
      expect(Object.keys(copy)).to.deep.equal(['__proto__', 'b', 'c']);
      expect(({} as { polluted?: boolean }).polluted).to.be.undefined;
      expect(source.a).to.equal(1);
    });
  });
});
