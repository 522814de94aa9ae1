import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { MessageWarnings } from '../../../src/connection/hub/message-warnings.js';

describe('MessageWarnings', () => {
  let clock: sinon.SinonFakeTimers;
  let warn: sinon.SinonStub;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 0 });
    warn = sinon.stub(console, 'warn');
  });

  afterEach(() => sinon.restore());

  it('warns about the first body that is not JSON per destination, with a redacted preview', () => {
    const warnings = new MessageWarnings(text => text.replaceAll('tok-1', '***'));
    warnings.notJson('/kds/t1/v1', `tok-1 not\njson ${'x'.repeat(500)}`);
    warnings.notJson('/kds/t1/u1', '');
    expect(warn.callCount).to.equal(2);
    const first = String(warn.firstCall.args[0]);
    expect(first).to.match(
      /^os-widgets: skipped a message on \/kds\/t1\/v1 that is not JSON \(515 chars: "\*\*\* not json x+…"\)$/
    );
    expect(first.length).to.be.below(250);
    expect(String(warn.secondCall.args[0])).to.equal(
      'os-widgets: skipped a message on /kds/t1/u1 that is not JSON (0 chars: "")'
    );
  });

  it('then says at most once a minute how many more it skipped', () => {
    const warnings = new MessageWarnings(text => text);
    for (let i = 0; i < 1000; i++) warnings.notJson('/kds/t1/v1', `garbage ${i}`);
    clock.tick(60_000);
    expect(warn.callCount).to.equal(2);
    expect(String(warn.secondCall.args[0])).to.equal(
      'os-widgets: skipped 999 more messages that are not JSON on /kds/t1/v1 in the last minute ' +
        '(the last: (11 chars: "garbage 999"))'
    );
    warnings.notJson('/kds/t1/v1', 'one');
    clock.tick(60_000);
    expect(String(warn.thirdCall.args[0])).to.include('skipped 1 more message that is not JSON');
    warnings.notJson('/kds/t1/v1', 'two');
    warnings.dispose();
    clock.tick(60_000);
    expect(warn.callCount).to.equal(3);
  });
});
