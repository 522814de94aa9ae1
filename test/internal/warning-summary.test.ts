import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { WarningSummary } from '../../src/internal/warning-summary.js';

describe('WarningSummary', () => {
  let clock: sinon.SinonFakeTimers;
  let warn: sinon.SinonStub;
  /** What was printed so far. */
  let lines: string[];

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 1_000_000 });
    warn = sinon.stub(console, 'warn');
    lines = [];
    warn.callsFake((line: string) => lines.push(line));
  });

  afterEach(() => sinon.restore());

  const summary = () =>
    new WarningSummary({
      first: (key, reason) => `first on ${key}: ${reason}`,
      summary: (key, count, reason) => `${count} more on ${key} (last: ${reason})`
    });

  it('prints the first message per key at once, then at most one summary line a minute', () => {
    const s = summary();
    s.report('/a', 'r1');
    s.report('/a', 'r2');
    s.report('/b', 'x1');
    for (let i = 0; i < 35; i++) s.report('/a', `r${i + 3}`);
    expect(lines).to.deep.equal(['first on /a: r1', 'first on /b: x1']);
    clock.tick(59_999);
    expect(lines).to.have.length(2);
    clock.tick(1);
    expect(lines.slice(2)).to.deep.equal(['36 more on /a (last: r37)']);
    s.report('/a', 'later');
    clock.tick(59_999);
    expect(lines).to.have.length(3);
    clock.tick(1);
    expect(lines[3]).to.equal('1 more on /a (last: later)');
    clock.tick(10 * 60_000);
    expect(lines).to.have.length(4);
  });

  it('starts a new window for a message after a quiet minute, never printing sooner than a minute apart', () => {
    const s = summary();
    s.report('/a', 'r1');
    clock.tick(5 * 60_000);
    s.report('/a', 'r2');
    clock.tick(30_000);
    s.report('/a', 'r3');
    expect(lines).to.have.length(1);
    clock.tick(30_000);
    expect(lines[1]).to.equal('2 more on /a (last: r3)');
  });

  it('counts one body handed to several reporters once, and works out a reason only when it prints it', () => {
    const s = summary();
    const body = {};
    let asked = 0;
    const reason = () => `asked ${++asked}`;
    s.report('/a', reason, body);
    s.report('/a', reason, body);
    s.report('/a', reason, {});
    s.report('/a', reason, {});
    expect(asked).to.equal(1);
    clock.tick(60_000);
    expect(lines).to.deep.equal(['first on /a: asked 1', '2 more on /a (last: asked 2)']);
  });

  it('drops pending summaries on dispose, and survives a console or a reason that throws', () => {
    const s = summary();
    s.report('/a', 'r1');
    s.report('/a', 'r2');
    s.dispose();
    clock.tick(60_000);
    expect(lines).to.have.length(1);
    warn.throws(new Error('no console'));
    expect(() => s.report('/b', 'r')).not.to.throw();
    expect(() =>
      s.report('/c', () => {
        throw new Error('no reason');
      })
    ).not.to.throw();
  });
});
