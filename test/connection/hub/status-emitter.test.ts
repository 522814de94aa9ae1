import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { StatusEmitter } from '../../../src/connection/hub/status-emitter.js';
import type { HubStatus } from '../../../src/connection/types.js';

describe('StatusEmitter', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
  });

  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  it('starts idle with no attempts, since its creation', () => {
    const emitter = new StatusEmitter();
    expect(emitter.current).to.deep.equal({ state: ConnectionState.Idle, since: 1_000_000, attempt: 0 });
  });

  it('tells status listeners about every change, and state listeners only about state changes', () => {
    const emitter = new StatusEmitter();
    const statuses: HubStatus[] = [];
    const states: string[] = [];
    emitter.status.add(status => statuses.push(status));
    emitter.state.add(state => states.push(state));
    clock.tick(10);
    emitter.update({ state: ConnectionState.Connecting });
    emitter.update({ error: 'x' });
    emitter.update({ error: 'x' }); // no change: nobody is told
    expect(statuses.map(s => [s.state, s.since, s.error])).to.deep.equal([
      ['connecting', 1_000_010, undefined],
      ['connecting', 1_000_010, 'x']
    ]);
    expect(states).to.deep.equal(['connecting']);
    expect(statuses[0]).not.to.equal(emitter.current);
  });

  it('keeps lastMessageAt current without telling anyone', () => {
    const emitter = new StatusEmitter();
    const listener = sinon.spy();
    emitter.status.add(listener);
    emitter.messageArrived(42);
    emitter.update({ lastMessageAt: 43 });
    expect(listener.callCount).to.equal(0);
    expect(emitter.current.lastMessageAt).to.equal(42);
  });

  it('gives every auth-error listener its own detail, and clear() removes every listener', () => {
    const emitter = new StatusEmitter();
    const details: unknown[] = [];
    emitter.authError.add(detail => details.push(detail));
    emitter.authError.add(detail => details.push(detail));
    emitter.authError.emit({ message: 'refused' });
    expect(details).to.deep.equal([{ message: 'refused' }, { message: 'refused' }]);
    expect(details[0]).not.to.equal(details[1]);
    emitter.clear();
    emitter.authError.emit({ message: 'again' });
    emitter.update({ state: ConnectionState.Open });
    expect(details).to.have.length(2);
  });
});
