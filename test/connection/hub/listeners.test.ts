import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { callGuarded, ListenerSet } from '../../../src/connection/hub/listeners.js';

describe('ListenerSet', () => {
  afterEach(() => sinon.restore());

  it('calls every listener in order until it is removed', () => {
    const listeners = new ListenerSet<number>('a test listener');
    const calls: string[] = [];
    const removeA = listeners.add(value => calls.push(`a${value}`));
    listeners.add(value => calls.push(`b${value}`));
    listeners.emit(1);
    removeA();
    listeners.emit(2);
    listeners.clear();
    listeners.emit(3);
    expect(calls).to.deep.equal(['a1', 'b1', 'b2']);
  });

  it('hands each listener its own copy when given a copy function', () => {
    const listeners = new ListenerSet<{ n: number }>('a test listener', value => ({ ...value }));
    const seen: { n: number }[] = [];
    listeners.add(value => seen.push(value));
    listeners.add(value => seen.push(value));
    const value = { n: 1 };
    listeners.emit(value);
    expect(seen).to.deep.equal([{ n: 1 }, { n: 1 }]);
    expect(seen[0]).not.to.equal(value);
    expect(seen[0]).not.to.equal(seen[1]);
  });

  it('logs a throwing listener by name and still calls the others', () => {
    const error = sinon.stub(console, 'error');
    const listeners = new ListenerSet<number>('a test listener');
    const calls: number[] = [];
    listeners.add(() => {
      throw new Error('boom');
    });
    listeners.add(value => calls.push(value));
    expect(() => listeners.emit(7)).not.to.throw();
    expect(calls).to.deep.equal([7]);
    expect(error.callCount).to.equal(1);
    expect(error.firstCall.args[0]).to.equal('os-widgets: a test listener threw');
  });

  it('calls only the listeners present when emit() starts', () => {
    const listeners = new ListenerSet<number>('a test listener');
    const calls: string[] = [];
    listeners.add(() => {
      calls.push('first');
      listeners.add(() => calls.push('late'));
    });
    listeners.emit(1);
    expect(calls).to.deep.equal(['first']);
  });

  it('callGuarded() reports an error instead of throwing it', () => {
    const error = sinon.stub(console, 'error');
    expect(() =>
      callGuarded('a callback', () => {
        throw new Error('boom');
      })
    ).not.to.throw();
    expect(error.firstCall.args[0]).to.equal('os-widgets: a callback threw');
  });
});
