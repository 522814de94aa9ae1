import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { PageLifecycle, type PageEvent } from '../../../src/connection/hub/page-lifecycle.js';
import { FakeEnvironment } from '../../support/fake-stomp-client.js';
import { noop, useHubTestContext } from '../support/hub-test-context.js';

/** The hub and its page (`page-lifecycle.ts`): online/offline, pagehide/pageshow, dispose. */
describe('StompHub', () => {
  const context = useHubTestContext();
  const setup = context.setup;
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = context.clock));

  describe('environment', () => {
    it('waits while offline and reconnects at once when online', async () => {
      const { fake, env, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      env.dispatch('offline');
      expect(hub.state).to.equal(ConnectionState.Offline);
      expect(fake.active).to.be.false;
      clock.tick(600_000);
      expect(fake.activations).to.equal(1);
      env.dispatch('online');
      await fake.connect();
      expect(fake.activations).to.equal(2);
      expect(hub.state).to.equal(ConnectionState.Open);
      expect(fake.subscriptions).to.have.length(1);
    });

    it('does not even try while navigator.onLine is false', () => {
      const env = new FakeEnvironment({ random: () => 0.5 });
      env.navigator.onLine = false;
      const { fake, hub } = setup({}, env);
      hub.subscribe('/kds/t1/v1', noop);
      expect(hub.state).to.equal(ConnectionState.Offline);
      expect(fake.activations).to.equal(0);
    });

    it('closes the socket on pagehide, keeps the subscribers and reconnects on pageshow', async () => {
      const { fake, env, hub } = setup();
      const received: unknown[] = [];
      hub.subscribe('/kds/t1/v1', m => received.push(m.body));
      await fake.connect();
      env.dispatch('pagehide');
      expect(fake.active).to.be.false;
      expect(hub.state).to.equal(ConnectionState.Idle);
      clock.tick(600_000);
      expect(fake.activations).to.equal(1);
      env.dispatch('pageshow');
      await fake.connect();
      expect(hub.state).to.equal(ConnectionState.Open);
      fake.deliver('/kds/t1/v1', '2');
      expect(received).to.deep.equal([2]);
    });

    it('removes its window listeners and closes on dispose()', async () => {
      const { fake, env, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      expect(env.listenerCount('online')).to.equal(1);
      hub.dispose();
      expect(env.listenerCount('online')).to.equal(0);
      expect(env.listenerCount('pagehide')).to.equal(0);
      expect(fake.active).to.be.false;
      clock.tick(600_000);
      expect(fake.activations).to.equal(1);
    });
  });
});

describe('PageLifecycle', () => {
  it('hands the four page events to its handler while attached, once however often attached', () => {
    const env = new FakeEnvironment();
    const events: PageEvent[] = [];
    const page = new PageLifecycle(env, event => events.push(event));
    env.dispatch('offline');
    page.attach();
    page.attach();
    for (const type of ['offline', 'online', 'pagehide', 'pageshow', 'resize']) env.dispatch(type);
    page.detach();
    env.dispatch('online');
    expect(events).to.deep.equal(['offline', 'online', 'pagehide', 'pageshow']);
    for (const type of ['online', 'offline', 'pagehide', 'pageshow']) expect(env.listenerCount(type)).to.equal(0);
  });

  it('is offline only when navigator.onLine is false', () => {
    const env = new FakeEnvironment();
    const page = new PageLifecycle(env, () => {});
    expect(page.offline).to.be.false;
    env.navigator.onLine = false;
    expect(page.offline).to.be.true;
    expect(new PageLifecycle({}, () => {}).offline).to.be.false;
  });

  it('does nothing in an environment without events', () => {
    const page = new PageLifecycle({}, () => {});
    expect(() => {
      page.attach();
      page.detach();
    }).not.to.throw();
  });
});
