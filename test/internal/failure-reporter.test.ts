import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { HubMessage } from '../../src/connection/types.js';
import { FailureReporter, resetMalformedReports } from '../../src/internal/failure-reporter.js';
import { accept, malformed, NOT_MINE } from '../../src/models/guard.js';

const message = (body: unknown, destination = '/kds/t1/v1'): HubMessage => ({
  destination,
  body,
  headers: {},
  receivedAt: 0
});

describe('FailureReporter', () => {
  let error: sinon.SinonStub;
  let warn: sinon.SinonStub;
  const host = document.createElement('os-venue-queue');

  beforeEach(() => {
    resetMalformedReports();
    error = sinon.stub(console, 'error');
    warn = sinon.stub(console, 'warn');
  });

  afterEach(() => sinon.restore());

  it('returns the fallback for what throws, reporting each kind of failure once', () => {
    const failures = new FailureReporter(host);
    const boom = () => {
      throw new Error('boom');
    };
    expect(failures.run('render a tile', boom, 'fallback')).to.equal('fallback');
    expect(failures.run('render a tile', boom, 'fallback')).to.equal('fallback');
    expect(failures.run('render a tile', () => 'fine', 'fallback')).to.equal('fine');
    failures.run('take in an order', boom, undefined);
    expect(error.callCount).to.equal(2);
    expect(error.firstCall.args[0]).to.equal(
      'os-widgets: <os-venue-queue> could not render a tile; skipped it (reported once)'
    );
    expect((error.firstCall.args[1] as Error).message).to.equal('boom');
  });

  it('parses with a guard: values through, foreign bodies quietly out, malformed ones warned about once', () => {
    const failures = new FailureReporter(host);
    const parse = failures.parser(body =>
      body === 'ok' ? accept(1) : body === 'foreign' ? NOT_MINE : malformed(`bad ${String(body)}`)
    );
    expect(parse('ok', message('ok'))).to.equal(1);
    expect(parse('foreign', message('foreign'))).to.be.undefined;
    expect(warn.callCount).to.equal(0);
    expect(parse('x', message('x'))).to.be.undefined;
    expect(parse('y', message('y'))).to.be.undefined;
    expect(parse('z', message('z', '/other'))).to.be.undefined;
    expect(warn.args.map(a => a[0])).to.deep.equal([
      'os-widgets: skipped a malformed message on /kds/t1/v1: bad x (<os-venue-queue>)',
      'os-widgets: skipped a malformed message on /other: bad z (<os-venue-queue>)'
    ]);
  });

  it('shares the warnings between elements, counting a body several elements reject once', () => {
    const clock = sinon.useFakeTimers({ now: 0 });
    const board = new FailureReporter(host).parser(() => malformed('bad'));
    const tracker = new FailureReporter(document.createElement('os-order-status')).parser(() => malformed('bad'));
    const first = message({ a: 1 });
    board(first.body, first);
    tracker(first.body, first);
    for (let i = 0; i < 5; i++) {
      const next = message({ i });
      board(next.body, next);
      tracker(next.body, next);
    }
    clock.tick(60_000);
    expect(warn.args.map(a => a[0])).to.deep.equal([
      'os-widgets: skipped a malformed message on /kds/t1/v1: bad (<os-venue-queue>)',
      'os-widgets: skipped 5 more malformed messages on /kds/t1/v1 in the last minute (the last: bad (<os-venue-queue>))'
    ]);
    clock.restore();
  });

  it('treats a guard that throws as a failure, once', () => {
    const parse = new FailureReporter(host).parser(() => {
      throw new Error('guard bug');
    });
    expect(parse({}, message({}))).to.be.undefined;
    expect(parse({}, message({}))).to.be.undefined;
    expect(error.callCount).to.equal(1);
    expect(error.firstCall.args[0]).to.include('could not check a message');
  });
});
