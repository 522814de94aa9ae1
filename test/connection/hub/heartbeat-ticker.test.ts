import { expect } from '@open-wc/testing';
import { TickerStrategy } from '@stomp/stompjs';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { detectTickerStrategy } from '../../../src/connection/ticker.js';
import { FakeEnvironment, flushMicrotasks } from '../../support/fake-stomp-client.js';
import { noop, useHubTestContext } from '../support/hub-test-context.js';
import { installPendingTickerProbe } from '../support/ticker-probe.js';

/** The heart-beat ticker probe (a blob Worker) runs beside the first connect attempt and never delays the socket. */
describe('StompHub heart-beat ticker at start-up', () => {
  const context = useHubTestContext();

  function setupWithPendingProbe(overrides = {}) {
    const env = new FakeEnvironment({ random: () => 0.5 });
    const probe = installPendingTickerProbe(env);
    return { ...context.setup(overrides, env), probe };
  }

  it('opens the socket while the probe is pending, and uses its Worker answer from the next connection', async () => {
    const { fake, hub, probe } = setupWithPendingProbe();
    hub.subscribe('/kds/t1/v1', noop);
    expect(fake.activations).to.equal(1);
    await flushMicrotasks();
    expect(probe.started, 'not in the task that renders the elements').to.equal(0);
    context.clock.tick(0);
    expect(probe.started).to.equal(1);

    expect(probe.pending, 'the probe has not answered').to.be.true;
    expect(fake.isSocketOpen, 'the socket opened without it').to.be.true;
    expect(fake.connectHeadersSeen).to.deep.equal([{ login: 'tok-1' }]);
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Interval);
    await fake.connect();
    expect(hub.state).to.equal(ConnectionState.Open);

    probe.answer();
    await flushMicrotasks();
    expect(fake.activations, 'the live connection is kept').to.equal(1);
    expect(fake.deactivations).to.equal(0);
    expect(hub.state).to.equal(ConnectionState.Open);

    fake.drop();
    context.clock.tick(500);
    await fake.connect();
    expect(fake.activations).to.equal(2);
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Worker);
    expect(probe.started, 'probed once').to.equal(1);
  });

  it('keeps the interval ticker when the probe fails (a CSP that blocks blob workers), with no extra attempt', async () => {
    const { fake, hub, probe } = setupWithPendingProbe();
    hub.subscribe('/kds/t1/v1', noop);
    await fake.connect();
    context.clock.tick(0);
    probe.fail();
    await flushMicrotasks();
    expect(fake.activations).to.equal(1);

    fake.drop();
    context.clock.tick(500);
    await fake.connect();
    expect(fake.activations).to.equal(2);
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Interval);
    expect(probe.started).to.equal(1);
  });

  it('makes a reconnect that comes before the answer wait for it, so the next connection has the Worker', async () => {
    const { fake, hub, probe } = setupWithPendingProbe();
    hub.subscribe('/kds/t1/v1', noop);
    await fake.connect();
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Interval);

    fake.drop();
    context.clock.tick(500);
    await flushMicrotasks();
    expect(fake.activations).to.equal(2);
    expect(fake.isSocketOpen, 'the reconnect waits for the probe').to.be.false;
    probe.answer();
    await fake.connect();
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Worker);
    expect(fake.connectHeadersSeen).to.have.length(2);
  });

  it('uses an answer that arrives while the token is fetched for the socket that opens after it', async () => {
    let giveToken: (token: string) => void = noop;
    const { fake, hub, probe } = setupWithPendingProbe({
      token: () => new Promise<string>(resolve => (giveToken = resolve))
    });
    hub.subscribe('/kds/t1/v1', noop);
    context.clock.tick(0);
    probe.answer();
    giveToken('tok-slow');
    await fake.connect();
    expect(fake.connectHeadersSeen).to.deep.equal([{ login: 'tok-slow' }]);
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Worker);
  });

  it('uses an answer known before the first connect for the first socket', async () => {
    const env = new FakeEnvironment({ random: () => 0.5 });
    const probe = installPendingTickerProbe(env);
    const detected = detectTickerStrategy(probe.env);
    probe.answer();
    expect(await detected).to.equal(TickerStrategy.Worker);

    const { fake, hub } = context.setup({}, env);
    hub.subscribe('/kds/t1/v1', noop);
    await fake.connect();
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Worker);
    expect(probe.started).to.equal(1);
  });

  it('uses the interval ticker at once where there is no Worker', async () => {
    const { fake, hub } = context.setup();
    hub.subscribe('/kds/t1/v1', noop);
    await fake.connect();
    expect(fake.heartbeatStrategy).to.equal(TickerStrategy.Interval);
  });
});
