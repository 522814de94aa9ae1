import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import type { Emulator } from '../../demo/emulator/index.js';
import { accessToken, RawStomp, startTestEmulator, stompUrl } from './support.js';

const PIZZA = 'Zażółć gęślą jaźń 🍕';

/** Resolves once `raw` has received `count` heart-beats. */
async function heartBeats(raw: RawStomp, count: number): Promise<void> {
  while (raw.heartBeats < count) await once(raw.socket, 'message');
}

describe('STOMP on a raw WebSocket', () => {
  let emulator: Emulator;
  let token: string;
  let url: string;

  before(async () => {
    emulator = await startTestEmulator({ heartbeatMs: 40 });
    token = await accessToken(emulator);
    url = stompUrl(emulator);
  });
  after(() => emulator.close());

  it('answers a malformed frame with ERROR and closes, and keeps serving other connections', async () => {
    const bystander = await RawStomp.connect(url, token, { 'heart-beat': '0,0' });
    bystander.send('SUBSCRIBE\nid:0\ndestination:/kds/demo/v1\n\n\0');
    await emulator.waitForSubscription('/kds/demo/v1');
    const broken = await RawStomp.connect(url, token, { 'heart-beat': '0,0' });
    broken.send('SEND\ndestination:/kds/demo/v1\nbad\\tescape:x\n\n\0');
    const error = await broken.next();
    assert.equal(error.command, 'ERROR');
    assert.match(error.headers.message ?? '', /^Malformed frame: undefined escape sequence/);
    assert.equal(await broken.closed, 1002);
    assert.equal(emulator.publish('/kds/demo/v1', { still: 'alive' }), 1);
    assert.deepEqual(JSON.parse((await bystander.next()).body.toString()), { still: 'alive' });
    await bystander.close();
  });

  it('refuses a frame before CONNECT', async () => {
    const raw = new RawStomp(url);
    await raw.opened;
    raw.send('SUBSCRIBE\nid:0\ndestination:/kds/demo/v1\n\n\0');
    assert.equal((await raw.next()).headers.message, 'Expected CONNECT or STOMP, got SUBSCRIBE');
    await raw.closed;
  });

  it('sends the ERROR for a refused CONNECT with unescaped headers', async () => {
    const raw = new RawStomp(url);
    await raw.opened;
    raw.send('STOMP\naccept-version:1.2\nlogin:nope\n\n\0');
    assert.equal((await raw.next()).command, 'ERROR');
    assert.match(raw.received.join(''), /\nmessage:Access refused: invalid token\n/);
    assert.equal(await raw.closed, 1008);
  });

  it('puts receipt-id on the ERROR for a frame with a receipt', async () => {
    const raw = await RawStomp.connect(url, token, { 'heart-beat': '0,0' });
    raw.send('SUBSCRIBE\nid:0\nreceipt:r-9\n\n\0');
    const error = await raw.next();
    assert.equal(error.headers.message, 'Missing header destination');
    assert.equal(error.headers['receipt-id'], 'r-9');
    await raw.closed;
  });

  it('reassembles a CONNECT split over several WebSocket messages', async () => {
    const raw = new RawStomp(url);
    await raw.opened;
    const bytes = Buffer.from(`CONNECT\naccept-version:1.2\nlogin:${token}\nheart-beat:0,0\n\n\0`);
    for (let start = 0; start < bytes.length; start += 7) raw.send(bytes.subarray(start, start + 7));
    assert.equal((await raw.next()).command, 'CONNECTED');
    await raw.close();
  });

  it('handles several frames in one WebSocket message, with heart-beats between them', async () => {
    const raw = await RawStomp.connect(url, token, { 'heart-beat': '0,0' });
    raw.send(
      'SUBSCRIBE\nid:a\ndestination:/kds/demo/v2\nreceipt:1\n\n\0\n\r\n' +
        'SUBSCRIBE\nid:b\ndestination:/venue/demo/v2\nreceipt:2\n\n\0'
    );
    assert.deepEqual([(await raw.next()).headers['receipt-id'], (await raw.next()).headers['receipt-id']], ['1', '2']);
    assert.equal(emulator.stats().subscriptions['/venue/demo/v2'], 1);
    raw.send('UNSUBSCRIBE\nid:b\nreceipt:3\n\n\0');
    assert.equal((await raw.next()).headers['receipt-id'], '3');
    assert.equal(emulator.stats().subscriptions['/venue/demo/v2'], undefined);
    await raw.close();
  });

  it('counts MESSAGE content-length in bytes', async () => {
    const raw = await RawStomp.connect(url, token, { 'heart-beat': '0,0' });
    raw.send('SUBSCRIBE\nid:0\ndestination:/notifications/demo/guest-1\n\n\0');
    await emulator.waitForSubscription('/notifications/demo/guest-1');
    emulator.publishRaw('/notifications/demo/guest-1', PIZZA);
    const message = await raw.next();
    assert.equal(message.headers['content-length'], String(Buffer.byteLength(PIZZA)));
    assert.equal(message.headers['content-type'], undefined);
    assert.equal(message.body.toString('utf8'), PIZZA);
    await raw.close();
  });

  it('negotiates heart-beats and sends EOLs at max(client wants, server can)', async () => {
    const raw = new RawStomp(url);
    await raw.opened;
    raw.send(`CONNECT\naccept-version:1.2\nlogin:${token}\nheart-beat:0,10\n\n\0`);
    assert.equal((await raw.next()).headers['heart-beat'], '40,40');
    const started = Date.now();
    await heartBeats(raw, 2);
    assert.ok(Date.now() - started >= 60, 'heart-beats come every 40 ms, not 10 ms');
    await raw.close();
  });

  it('closes a connection silent for more than 2.5 times the agreed interval', async () => {
    const raw = new RawStomp(url);
    await raw.opened;
    raw.send(`CONNECT\naccept-version:1.2\nlogin:${token}\nheart-beat:20,0\n\n\0`);
    await raw.next();
    const connectedAt = Date.now();
    await raw.closed;
    assert.ok(Date.now() - connectedAt >= 100, 'not before 2.5 × 40 ms');
  });

  it('sends no heart-beats to a client that wants none', async () => {
    const raw = await RawStomp.connect(url, token, { 'heart-beat': '0,0' });
    raw.send('SUBSCRIBE\nid:0\ndestination:/kds/demo/v1\nreceipt:r\n\n\0');
    await raw.next();
    assert.equal(raw.heartBeats, 0);
    await raw.close();
  });

  it('negotiates the STOMP version and subprotocol offered', async () => {
    const raw = new RawStomp(url, ['v11.stomp']);
    await raw.opened;
    assert.equal(raw.socket.protocol, 'v11.stomp');
    raw.send(`CONNECT\naccept-version:1.0,1.1\nlogin:${token}\n\n\0`);
    assert.equal((await raw.next()).headers.version, '1.1');
    await raw.close();
    const none = new RawStomp(url, []);
    await none.opened;
    assert.equal(none.socket.protocol, '');
    none.send(`CONNECT\naccept-version:2.0\nlogin:${token}\n\n\0`);
    assert.match((await none.next()).headers.message ?? '', /^Supported protocol versions/);
    await none.closed;
  });

  it('accepts ACK and NACK, and refuses unknown commands', async () => {
    const raw = await RawStomp.connect(url, token, { 'heart-beat': '0,0' });
    raw.send('ACK\nid:1\nreceipt:a\n\n\0NACK\nid:2\nreceipt:n\n\n\0');
    assert.equal((await raw.next()).headers['receipt-id'], 'a');
    assert.equal((await raw.next()).headers['receipt-id'], 'n');
    raw.send('BEGIN\ntransaction:t\n\n\0');
    assert.equal((await raw.next()).headers.message, 'Unsupported command BEGIN');
    await raw.closed;
  });

  it('answers 404 to WebSocket upgrades on other paths', async () => {
    const socket = new WebSocket(stompUrl(emulator, '/stomp'));
    socket.on('error', () => {}); // terminating a socket that never opened reports an error
    const [, response] = (await once(socket, 'unexpected-response')) as [unknown, { statusCode: number }];
    assert.equal(response.statusCode, 404);
    socket.terminate();
  });
});
