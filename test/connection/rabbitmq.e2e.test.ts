import { aTimeout, defineCE, expect, fixture, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import { configure, resolveConfig } from '../../src/connection/config.js';
import { ConnectionState } from '../../src/connection/connection-state.js';
import { fillTemplate } from '../../src/connection/destinations.js';
import { StompHub } from '../../src/connection/hub/stomp-hub.js';
import type { DestinationTemplates, HubMessage, OsConfig } from '../../src/connection/types.js';
import { StompTopicController } from '../../src/controllers/stomp-topic-controller.js';
import {
  authCalls,
  bindings,
  closeAllConnections,
  publish,
  recordingClient,
  testToken,
  useRabbitmq
} from '../support/rabbitmq.js';

/** RabbitMQ's destination forms (toolchain.md §9): topic names are routing keys, their words separated by dots. */
const RABBITMQ_TEMPLATES: DestinationTemplates = {
  order: '/topic/order-changes.{userId}.{orderId}',
  venueOrders: '/topic/kds.{tenant}.{venue}',
  user: '/topic/kds.{tenant}.{userId}',
  venue: '/topic/venue.{tenant}.{venue}'
};

/** A token scripts/rabbitmq-auth.mjs refuses (it accepts only `e2e-…`). */
const BAD_TOKEN = 'bad-token';

/**
 * End-to-end against a real RabbitMQ 3.10 with Web-STOMP and the HTTP auth backend (scripts/rabbitmq.sh, started by
 * .ci/run): the real @stomp/stompjs Client through StompHub and the elements' controller. Without a broker these
 * tests are skipped (one line says so), except in CI, where they fail.
 */
describe('the connection against RabbitMQ Web-STOMP', () => {
  const broker = useRabbitmq();
  const { Open, Reconnecting, Unauthorized } = ConnectionState;
  /** Ids unique to each test, so no routing key, login or binding is shared with another test or run. */
  let tenant: string;
  let userId: string;

  beforeEach(() => {
    const suffix = Math.random().toString(36).slice(2, 8);
    tenant = `t${suffix}`;
    userId = `u${suffix}`;
  });
  afterEach(() => sinon.restore());

  const until = (predicate: () => boolean, message: string, timeout = 5000) =>
    waitUntil(predicate, message, { timeout, interval: 10 });

  /** A hub on a recording client (to count what goes on the wire), with the RabbitMQ templates and fast retries. */
  function createHub(token: string, overrides: Partial<OsConfig> = {}) {
    const { client, sent, count } = recordingClient(broker.wsUrl);
    const config = resolveConfig({
      apiUrl: 'http://127.0.0.1:9',
      socketUrl: broker.wsUrl,
      tenant,
      userId,
      token,
      templates: RABBITMQ_TEMPLATES,
      reconnectMinMs: 50,
      reconnectMaxMs: 200,
      releaseGraceMs: 0,
      ...overrides
    });
    const hub = new StompHub(config, client);
    disposers.push(() => hub.dispose());
    return { hub, client, sent, count };
  }
  let disposers: (() => void)[] = [];
  afterEach(() => {
    for (const dispose of disposers) dispose();
    disposers = [];
  });

  /** The order template with `{orderId}` filled and `{userId}` left for the hub, as an element subscribes. */
  const orderTemplate = (orderId: string) => fillTemplate(RABBITMQ_TEMPLATES.order, { orderId });
  const venueTemplate = (venue: string) => fillTemplate(RABBITMQ_TEMPLATES.venueOrders, { venue });

  it('sends the token as the CONNECT login, which RabbitMQ checks with the auth backend once, and delivers', async () => {
    const token = testToken('login');
    const { hub, sent } = createHub(token);
    const messages: HubMessage[] = [];
    hub.subscribe(orderTemplate('o1'), message => messages.push(message));
    await until(() => hub.state === Open, 'open');

    const connects = sent.filter(frame => frame.command === 'CONNECT');
    expect(connects).to.have.length(1);
    expect(connects[0].headers.login).to.equal(token);
    expect(connects[0].headers).not.to.have.property('passcode');
    const calls = await authCalls();
    expect(calls.user.filter(call => call.username === token)).to.deep.equal([{ username: token, allowed: true }]);

    const routingKey = `order-changes.${userId}.o1`;
    expect(await bindings({ [routingKey]: 1 })).to.deep.equal({ [routingKey]: 1 });
    expect((await authCalls()).topic).to.deep.include({
      username: token,
      vhost: '/',
      resource: 'topic',
      name: 'amq.topic',
      permission: 'read',
      routingKey
    });
    await publish(`/topic/${routingKey}`, { id: 'o1', status: 'READY' });
    await until(() => messages.length === 1, 'the message');
    expect(messages[0].body).to.deep.equal({ id: 'o1', status: 'READY' });
    expect(messages[0].destination).to.equal('/topic/order-changes.{userId}.o1');
  });

  it('makes one SUBSCRIBE per destination for several listeners, and one UNSUBSCRIBE when the last leaves', async () => {
    const { hub, sent, count } = createHub(testToken('shared'));
    const orderKey = `order-changes.${userId}.o2`;
    const venueKey = `kds.${tenant}.v1`;
    const heard = { a: 0, b: 0, c: 0, v1: 0, v2: 0 };
    const releases = (['a', 'b', 'c'] as const).map(name => hub.subscribe(orderTemplate('o2'), () => heard[name]++));
    hub.subscribe(venueTemplate('v1'), () => heard.v1++);
    hub.subscribe(venueTemplate('v1'), () => heard.v2++);

    // The broker's own count: one queue bound per routing key, i.e. one SUBSCRIBE each.
    const one = { [orderKey]: 1, [venueKey]: 1 };
    expect(await bindings(one)).to.deep.equal(one);
    expect(sent.filter(frame => frame.command === 'SUBSCRIBE').map(frame => frame.headers.destination)).to.have.members(
      [`/topic/${orderKey}`, `/topic/${venueKey}`]
    );
    await publish(`/topic/${orderKey}`, { n: 1 });
    await publish(`/topic/${venueKey}`, { n: 2 });
    await until(() => Object.values(heard).every(n => n === 1), 'every listener heard its message once');

    releases[0]();
    releases[1]();
    expect(count('UNSUBSCRIBE')).to.equal(0);
    releases[2]();
    expect(count('UNSUBSCRIBE')).to.equal(1);
    const orderGone = { [orderKey]: 0, [venueKey]: 1 };
    expect(await bindings(orderGone)).to.deep.equal(orderGone);
    expect(count('SUBSCRIBE')).to.equal(2);
  });

  it('re-subscribes every destination and resyncs after the broker closes the connection', async () => {
    const token = testToken('drop');
    const { hub, count } = createHub(token);
    const orderKey = `order-changes.${userId}.o3`;
    const venueKey = `kds.${tenant}.v1`;
    const messages: unknown[] = [];
    let resyncs = 0;
    hub.subscribe(orderTemplate('o3'), message => messages.push(message.body), { onResync: () => void resyncs++ });
    hub.subscribe(venueTemplate('v1'), () => {});
    const one = { [orderKey]: 1, [venueKey]: 1 };
    expect(await bindings(one)).to.deep.equal(one);
    await until(() => resyncs === 1, 'the first resync');

    const states: ConnectionState[] = [];
    hub.onStateChange(state => states.push(state));
    await closeAllConnections();
    await until(() => states.includes(Reconnecting), 'reconnecting');
    await until(() => hub.state === Open && count('SUBSCRIBE') === 4, 'open and subscribed again');
    await until(() => resyncs === 2, 'the second resync');
    expect(count('CONNECT')).to.equal(2);
    // The old connection's queues went with it: one binding each, the new subscriptions'.
    expect(await bindings(one)).to.deep.equal(one);
    await publish(`/topic/${orderKey}`, { after: 'reconnect' });
    await until(() => messages.length === 1, 'a message on the new subscription');
    expect(messages).to.deep.equal([{ after: 'reconnect' }]);
    const logins = (await authCalls()).user.filter(call => call.username === token);
    expect(logins).to.have.length(2);
  });

  it('stops as unauthorized after RabbitMQ refuses a bad token twice, with no retry storm', async () => {
    const { hub, client, count } = createHub(BAD_TOKEN);
    const authErrors: string[] = [];
    hub.onAuthError(detail => authErrors.push(detail.message));
    hub.subscribe(orderTemplate('o4'), () => {});
    await until(() => hub.state === Unauthorized, 'unauthorized');
    // RabbitMQ answers `ERROR message:Bad CONNECT` with the login in the body; the hub shows the header only.
    expect(authErrors).to.deep.equal(['Bad CONNECT']);
    expect(hub.status.error).not.to.include(BAD_TOKEN);
    expect(client.active).to.be.false;

    // Retries would come within reconnectMaxMs (200 ms): give them twice that to show up, then count.
    await aTimeout(400);
    expect(count('CONNECT')).to.equal(2);
    const refused = (await authCalls()).user.filter(call => call.username === BAD_TOKEN);
    expect(refused).to.deep.equal([
      { username: BAD_TOKEN, allowed: false },
      { username: BAD_TOKEN, allowed: false }
    ]);
    expect(authErrors).to.have.length(1);
    expect(hub.state).to.equal(Unauthorized);
  });

  it('keeps the connection when RabbitMQ refuses an unknown destination with an ERROR, and tells its subscribers', async () => {
    // What RabbitMQ 3.10 does on SUBSCRIBE to a destination that is not one of its forms (here the documented
    // `/kds/{tenant}/{venue}`): it sends `ERROR message:Unknown destination` (body "'/kds/…' is not a valid
    // destination. Valid destination types are: …") and KEEPS the socket open; later SUBSCRIBEs on it work.
    // The hub tells that destination's subscribers (`onError`, which elements turn into `os-subscription-error`),
    // logs it once, and stays open.
    const error = sinon.stub(console, 'error');
    const { hub, client, count } = createHub(testToken('unknown'));
    const heard: unknown[] = [];
    const refused: { destination: string; message: string }[] = [];
    hub.subscribe(`/kds/{tenant}/v1`, () => heard.push('invalid'), { onError: detail => refused.push(detail) });
    hub.subscribe(venueTemplate('v1'), message => heard.push(message.body), {
      onError: () => refused.push({ destination: 'the valid one', message: 'must not be refused' })
    });
    await until(() => refused.length > 0, 'the refusal');
    expect(refused).to.deep.equal([{ destination: '/kds/{tenant}/v1', message: 'Unknown destination' }]);
    expect(error.callCount).to.equal(1);
    expect(hub.state).to.equal(Open);

    const venueKey = `kds.${tenant}.v1`;
    expect(await bindings({ [venueKey]: 1 })).to.deep.equal({ [venueKey]: 1 });
    await publish(`/topic/${venueKey}`, { still: 'open' });
    await until(() => heard.length === 1, 'a message on the valid destination');
    expect(heard).to.deep.equal([{ still: 'open' }]);
    expect(client.connected).to.be.true;
    expect(hub.state).to.equal(Open);
    expect(count('CONNECT')).to.equal(1);
  });

  it('escapes ".", "*" and "#" in ids (configure({ templates }) and an element controller), so no id changes a routing key', async () => {
    const token = testToken('escape');
    configure({
      apiUrl: 'http://127.0.0.1:9',
      socketUrl: broker.wsUrl,
      tenant,
      userId: `${userId}.x`,
      token,
      templates: RABBITMQ_TEMPLATES
    });
    type Host = HTMLElement & { topic: StompTopicController; heard: unknown[] };
    const host = (topic: keyof DestinationTemplates, params: Record<string, string>) =>
      defineCE(
        class extends LitElement {
          heard: unknown[] = [];
          topic = new StompTopicController(this, {
            config: () => ({}),
            topic,
            params: () => params,
            onMessage: value => this.heard.push(value)
          });
        }
      );
    const orderTag = host('order', { orderId: 'o.5' });
    const venueTag = host('venueOrders', { venue: '*' });
    const boardTag = host('venue', { venue: '#' });
    const order = (await fixture(`<${orderTag}></${orderTag}>`)) as Host;
    const venue = (await fixture(`<${venueTag}></${venueTag}>`)) as Host;
    const board = (await fixture(`<${boardTag}></${boardTag}>`)) as Host;

    expect(order.topic.destination).to.equal(`/topic/order-changes.${userId}%2Ex.o%2E5`);
    expect(venue.topic.destination).to.equal(`/topic/kds.${tenant}.%2A`);
    expect(board.topic.destination).to.equal(`/topic/venue.${tenant}.%23`);
    const escaped = { [`order-changes.${userId}%2Ex.o%2E5`]: 1, [`kds.${tenant}.%2A`]: 1, [`venue.${tenant}.%23`]: 1 };
    expect(await bindings(escaped)).to.deep.equal(escaped);

    // Unescaped, these would match: `order-changes.U.x.o.5` is the same five words, `*` any one word, `#` any words.
    // Published first on one connection, they would reach the queues before the escaped ones.
    await publish(`/topic/order-changes.${userId}.x.o.5`, { wrong: 'order' });
    await publish(`/topic/kds.${tenant}.v1`, { wrong: 'venue' });
    await publish(`/topic/venue.${tenant}.v1.v2`, { wrong: 'board' });
    await publish(`/topic/order-changes.${userId}%2Ex.o%2E5`, { right: 'order' });
    await publish(`/topic/kds.${tenant}.%2A`, { right: 'venue' });
    await publish(`/topic/venue.${tenant}.%23`, { right: 'board' });
    const all = [order, venue, board];
    await until(() => all.every(el => el.heard.length > 0), 'the escaped destinations');
    expect(order.heard).to.deep.equal([{ right: 'order' }]);
    expect(venue.heard).to.deep.equal([{ right: 'venue' }]);
    expect(board.heard).to.deep.equal([{ right: 'board' }]);
    expect(order.topic.state).to.equal(Open);
    const logins = (await authCalls()).user.filter(call => call.username === token);
    expect(logins, 'the elements share one connection').to.have.length(1);
  });
});
