import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { Backoff, ReconnectPolicy } from '../../../src/connection/hub/reconnect-policy.js';

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

describe('ReconnectPolicy', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(() => clock.restore());

  const policy = () => new ReconnectPolicy({ minMs: 1000, maxMs: 30000, random: () => 0.5 });

  it('runs the first attempt from idle as connecting, every other as reconnecting', () => {
    const reconnect = policy();
    expect(reconnect.attemptState({ state: ConnectionState.Idle, attempt: 0 })).to.equal(ConnectionState.Connecting);
    expect(reconnect.attemptState({ state: ConnectionState.Connecting, attempt: 0 })).to.equal(
      ConnectionState.Connecting
    );
    expect(reconnect.attemptState({ state: ConnectionState.Offline, attempt: 0 })).to.equal(
      ConnectionState.Reconnecting
    );
    expect(reconnect.attemptState({ state: ConnectionState.Idle, attempt: 1 })).to.equal(ConnectionState.Reconnecting);
    reconnect.afterFailure();
    expect(reconnect.attemptState({ state: ConnectionState.Idle, attempt: 0 })).to.equal(ConnectionState.Reconnecting);
  });

  it('grows the delay after failures but not after a rejection', () => {
    const reconnect = policy();
    expect([reconnect.afterFailure(), reconnect.afterFailure()]).to.deep.equal([500, 1000]);
    expect([reconnect.afterRejection(), reconnect.afterRejection()]).to.deep.equal([500, 500]);
    expect(reconnect.afterFailure()).to.equal(2000);
  });

  it('runs one scheduled retry at a time, and none once cancelled', () => {
    const reconnect = policy();
    const attempts: string[] = [];
    reconnect.schedule(100, () => attempts.push('first'));
    reconnect.schedule(200, () => attempts.push('second'));
    clock.tick(1000);
    reconnect.schedule(100, () => attempts.push('third'));
    reconnect.cancel();
    clock.tick(1000);
    expect(attempts).to.deep.equal(['second']);
  });

  it('resets the backoff once a connection stays open stableAfterMs, unless it closed before', () => {
    const reconnect = policy();
    const onStable = sinon.spy();
    reconnect.afterFailure();
    reconnect.afterFailure();
    reconnect.opened(10_000, onStable);
    clock.tick(9_999);
    reconnect.closed();
    clock.tick(10_000);
    expect(onStable.callCount).to.equal(0);
    expect(reconnect.afterFailure()).to.equal(2000);
    reconnect.opened(10_000, onStable);
    clock.tick(10_000);
    expect(onStable.callCount).to.equal(1);
    expect(reconnect.afterFailure()).to.equal(500);
  });

  it('stop() cancels both the retry and the stability timer', () => {
    const reconnect = policy();
    const retry = sinon.spy();
    const onStable = sinon.spy();
    reconnect.schedule(100, retry);
    reconnect.opened(100, onStable);
    reconnect.stop();
    clock.tick(1000);
    expect(retry.callCount).to.equal(0);
    expect(onStable.callCount).to.equal(0);
  });
});
