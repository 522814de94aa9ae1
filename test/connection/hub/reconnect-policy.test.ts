import { expect } from '@open-wc/testing';
import { Backoff } from '../../src/connection/backoff.js';

describe('Backoff', () => {
  it('doubles the cap per attempt up to the maximum', () => {
    const backoff = new Backoff({ minMs: 1000, maxMs: 30000, random: () => 0.999999 });
    const delays = Array.from({ length: 8 }, () => backoff.next());
    expect(delays).to.deep.equal([999, 1999, 3999, 7999, 15999, 29999, 29999, 29999]);
    expect(backoff.attempt).to.equal(8);
  });

  it('applies full jitter: random() * cap', () => {
    const values = [0, 0.5, 0.25];
    const backoff = new Backoff({ minMs: 1000, maxMs: 30000, random: () => values.shift() ?? 0 });
    expect(backoff.next()).to.equal(0);
    expect(backoff.next()).to.equal(1000);
    expect(backoff.next()).to.equal(1000);
  });

  it('stays within [0, cap) with the real Math.random', () => {
    const backoff = new Backoff({ minMs: 100, maxMs: 1000 });
    for (let attempt = 0; attempt < 50; attempt++) {
      const delay = backoff.next();
      expect(delay).to.be.at.least(0);
      expect(delay).to.be.at.most(Math.min(1000, 100 * 2 ** attempt));
    }
  });

  it('starts over after reset()', () => {
    const backoff = new Backoff({ minMs: 1000, maxMs: 30000, random: () => 0.5 });
    backoff.next();
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.attempt).to.equal(0);
    expect(backoff.next()).to.equal(500);
  });

  it('does not overflow after very many attempts', () => {
    const backoff = new Backoff({ minMs: 1000, maxMs: 30000, random: () => 0.5 });
    expect(backoff.delayFor(5000)).to.equal(15000);
  });
});
