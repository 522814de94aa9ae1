import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Client, IFrame, IMessage } from '@stomp/stompjs';
import WebSocket from 'ws';
import type { Emulator, Order } from '../../demo/emulator/index.js';
import { accessToken, connect, startTestEmulator, STOMP_PROTOCOLS, stompClient, stompUrl } from './support.js';

const PIZZA = 'Zażółć gęślą jaźń 🍕';

/** Subscribes and resolves with the first message. */
function firstMessage(client: Client, destination: string): Promise<IMessage> {
  return new Promise(resolve => {
    const subscription = client.subscribe(destination, message => {
      subscription.unsubscribe();
      resolve(message);
    });
  });
}

/** Resolves with the ERROR frame once the socket has closed after it. */
function refusal(client: Client): Promise<IFrame> {
  return new Promise((resolve, reject) => {
    let error: IFrame | undefined;
    client.onConnect = () => reject(new Error('connected'));
    client.onStompError = frame => (error = frame);
    client.onWebSocketClose = () => (error ? resolve(error) : reject(new Error('closed without an ERROR frame')));
    client.activate();
  });
}

describe('STOMP with @stomp/stompjs', () => {
  let emulator: Emulator;
  let guestToken: string;
  const clients: Client[] = [];
  const client = (token: string | undefined, options = {}) => {
    const created = stompClient(emulator, token, options);
    clients.push(created);
    return created;
  };

  before(async () => {
    emulator = await startTestEmulator();
    guestToken = await accessToken(emulator);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map(created => created.deactivate({ force: true })));
  });
  after(() => emulator.close());

  it('connects with a valid token and negotiates STOMP 1.2 over v12.stomp', async () => {
    const guest = client(guestToken, { heartbeatIncoming: 5000, heartbeatOutgoing: 6000 });
    const connected = await connect(guest);
    assert.equal(connected.headers.version, '1.2');
    assert.equal(connected.headers['heart-beat'], '4000,4000');
    assert.equal(connected.headers['user-name'], 'guest-1');
    assert.equal((guest.webSocket as WebSocket | undefined)?.protocol, 'v12.stomp');
  });

  it('receives a published order with the full MESSAGE headers', async () => {
    const guest = client(guestToken);
    await connect(guest);
    const destination = '/order-changes/guest-1/o1';
    const received = firstMessage(guest, destination);
    assert.equal(await emulator.waitForSubscription(destination), true);
    const created = emulator.createOrder({ id: 'o1', customerName: 'Anna' });
    const message = await received;
    assert.deepEqual(JSON.parse(message.body) as Order, created);
    assert.equal(message.headers.destination, destination);
    assert.equal(message.headers['content-type'], 'application/json');
    assert.equal(message.headers['content-length'], String(message.binaryBody.length));
    assert.ok(message.headers['message-id']);
    assert.ok(message.headers.subscription);
  });

  it('delivers UTF-8 bodies byte-exact', async () => {
    const guest = client(guestToken);
    await connect(guest);
    const destination = '/notifications/demo/guest-1';
    const received = firstMessage(guest, destination);
    await emulator.waitForSubscription(destination);
    assert.equal(emulator.publish(destination, { message: PIZZA }), 1);
    const message = await received;
    assert.equal(JSON.parse(message.body).message, PIZZA);
    assert.equal(Number(message.headers['content-length']), Buffer.byteLength(JSON.stringify({ message: PIZZA })));
  });

  it('sends a RECEIPT for a SUBSCRIBE with a receipt header', async () => {
    const guest = client(guestToken);
    await connect(guest);
    const receipt = new Promise<IFrame>(resolve => guest.watchForReceipt('sub-1', resolve));
    guest.subscribe('/kds/demo/v1', () => {}, { receipt: 'sub-1' });
    assert.equal((await receipt).headers['receipt-id'], 'sub-1');
    assert.equal(emulator.stats().subscriptions['/kds/demo/v1'], 1);
  });

  it('relays a SEND to subscribers of the same destination, sender included, body intact', async () => {
    const guest = client(guestToken);
    await connect(guest);
    const destination = '/order-changes/guest-1/o2';
    const received = firstMessage(guest, destination);
    await emulator.waitForSubscription(destination);
    const headers = { 'content-type': 'text/plain', 'x-custom': 'yes' };
    guest.publish({ destination, body: `a\n\nb ${PIZZA}`, headers });
    const message = await received;
    assert.equal(message.body, `a\n\nb ${PIZZA}`);
    assert.equal(message.headers['content-type'], 'text/plain');
    assert.equal(message.headers['x-custom'], 'yes');
  });

  it('also speaks STOMP on /ws', async () => {
    const webSocketFactory = () => new WebSocket(stompUrl(emulator, '/ws'), STOMP_PROTOCOLS);
    const guest = client(guestToken, { webSocketFactory });
    assert.equal((await connect(guest)).headers.version, '1.2');
  });

  it('answers DISCONNECT with its receipt, so deactivate() resolves', async () => {
    const guest = client(guestToken);
    await connect(guest);
    await guest.deactivate();
    assert.equal(guest.connected, false);
  });

  for (const [name, token, reason] of [
    ['a missing token', undefined, 'no access token'],
    ['an unknown token', 'not-a-token', 'invalid token']
  ] as const) {
    it(`refuses ${name} with an ERROR frame and closes`, async () => {
      const error = await refusal(client(token));
      assert.equal(error.headers.message, `Access refused: ${reason}`);
    });
  }

  it('refuses an expired token', async () => {
    const token = await accessToken(emulator);
    emulator.expireTokens('guest-1');
    const error = await refusal(client(token));
    assert.equal(error.headers.message, 'Access refused: token expired');
    guestToken = await accessToken(emulator);
  });

  it('refuses a revoked token', async () => {
    const token = await accessToken(emulator, 'staff');
    emulator.revokeTokens('staff-1');
    assert.equal((await refusal(client(token))).headers.message, 'Access refused: token revoked');
  });

  it('refuses a subscription to another user’s destination with an ERROR frame and closes', async () => {
    const guest = client(guestToken);
    await connect(guest);
    const error = new Promise<IFrame>(resolve => (guest.onStompError = resolve));
    const closed = new Promise<void>(resolve => (guest.onWebSocketClose = () => resolve()));
    guest.subscribe('/order-changes/demo/someone-else', () => {});
    assert.equal(
      (await error).headers.message,
      'Access refused: not allowed to subscribe to /order-changes/demo/someone-else'
    );
    await closed;
  });
});
