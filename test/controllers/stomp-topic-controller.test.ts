import { defineCE, expect, fixture, oneEvent } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import sinon from 'sinon';
import { ConnectionState } from '../../src/connection/connection-state.js';
import { StompTopicController } from '../../src/controllers/stomp-topic-controller.js';
import type { StompHub } from '../../src/connection/hub/stomp-hub.js';
import type { FakeStompClient } from '../support/fake-stomp-client.js';
import { useFakeHub } from '../support/use-fake-hub.js';

const API = 'https://api.test';

describe('StompTopicController', () => {
  let fake: FakeStompClient;

  /** A throwaway host with a controller on `/kds/demo/v1`. */
  function hostTag() {
    return defineCE(
      class extends LitElement {
        topic = new StompTopicController<unknown>(this, {
          config: () => ({ apiUrl: API, tenant: 'demo' }),
          destination: (templates, config) =>
            templates.venueOrders.replace('{tenant}', config.tenant).replace('{venue}', 'v1')
        });
        override render() {
          return litHtml`${this.topic.state}`;
        }
      }
    );
  }

  let hub: StompHub;
  useFakeHub(
    { config: { apiUrl: API, reconnectMinMs: 60_000, reconnectMaxMs: 60_000 }, random: () => 0.5 },
    made => ({ fake, hub } = made)
  );

  it('tells a host attached to an already open connection that it is open (os-connection-change)', async () => {
    const release = hub.subscribe('/kds/demo/v2', () => {});
    await fake.connect();
    const tag = hostTag();
    const el = document.createElement(tag);
    const change = oneEvent(el, 'os-connection-change');
    document.body.append(el);
    try {
      expect((await change).detail.state).to.equal(ConnectionState.Open);
      expect((el as HTMLElement & { topic: StompTopicController }).topic.state).to.equal(ConnectionState.Open);
    } finally {
      el.remove();
      release();
    }
  });

  it('fires os-subscription-error on the host when the server refuses its destination, and keeps the refusal until the next connection', async () => {
    sinon.stub(console, 'error');
    const tag = hostTag();
    const el = (await fixture(`<${tag}></${tag}>`)) as HTMLElement & { topic: StompTopicController };
    await fake.connect();
    const refused = oneEvent(el, 'os-subscription-error');
    fake.serverError('Unknown destination', "'/kds/demo/v1' is not a valid destination.");
    const event = await refused;
    expect(event.detail).to.deep.equal({ destination: '/kds/demo/v1', message: 'Unknown destination' });
    expect(event.bubbles && event.composed).to.be.true;
    expect(el.topic.refusal).to.equal('Unknown destination');
    fake.drop();
    expect(el.topic.refusal).to.equal(undefined);
  });

  it('keeps dataAsOf from markCurrent() while open, moves it to when the connection stopped being open, and forgets it', async () => {
    const tag = hostTag();
    const el = (await fixture(`<${tag}></${tag}>`)) as HTMLElement & { topic: StompTopicController };
    await fake.connect();
    expect(el.topic.state).to.equal(ConnectionState.Open);
    expect(el.topic.dataAsOf).to.equal(undefined);

    el.topic.markCurrent(1000);
    expect(el.topic.dataAsOf).to.equal(1000);

    const beforeDrop = Date.now();
    fake.drop();
    expect(el.topic.state).to.equal(ConnectionState.Reconnecting);
    expect(el.topic.dataAsOf).to.be.at.least(beforeDrop);

    el.topic.forgetData();
    expect(el.topic.dataAsOf).to.equal(undefined);
  });
});
