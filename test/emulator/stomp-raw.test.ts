import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import WebSocket from 'ws';
import type { Emulator } from '../../demo/emulator/index.js';
import {
  accessToken,
  FakeTimers,
  RawStomp,
  startStompServer,
  startTestEmulator,
  stompUrl,
  type TestStompServer
} from './support.js';

const PIZZA = 'Zażółć gęślą jaźń 🍕';

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

describe('STOMP heart-beats, on a fake clock', () => {
  const HEART_BEAT_MS = 40;
  const TIMED_OUT = 'ws s1 closed (heart-beat timeout); 0 open';
  let timers: FakeTimers;
  let server: TestStompServer;

  beforeEach(async () => {
    timers = new FakeTimers();
    server = await startStompServer({ heartbeatMs: HEART_BEAT_MS, timers });
  });
  afterEach(() => server.close());

  /** Sends CONNECT with this `heart-beat` header; resolves with the CONNECTED frame's. */
  async function connect(heartBeat: string): Promise<{ raw: RawStomp; agreed: string | undefined }> {
    const raw = new RawStomp(server.url);
    await raw.opened;
    raw.send(`CONNECT\naccept-version:1.2\nlogin:ok\nheart-beat:${heartBeat}\n\n\0`);
    const connected = await raw.next();
    assert.equal(connected.command, 'CONNECTED');
    return { raw, agreed: connected.headers['heart-beat'] };
  }

  /** A frame with a receipt, answered once the server has handled everything sent before it. */
  async function roundTrip(raw: RawStomp): Promise<void> {
    raw.send('ACK\nid:1\nreceipt:sync\n\n\0');
    assert.equal((await raw.next()).headers['receipt-id'], 'sync');
  }

  it('negotiates heart-beats and sends EOLs at max(client wants, server can)', async () => {
    const { raw, agreed } = await connect('0,10');
    assert.equal(agreed, '40,40');
    timers.advance(HEART_BEAT_MS - 1);
    await roundTrip(raw); // anything the server sent before the RECEIPT has arrived by now
    assert.equal(raw.heartBeats, 0, 'none after 39 ms (the client asked for 10 ms, the server can do 40 ms)');
    timers.advance(1);
    await roundTrip(raw);
    assert.equal(raw.heartBeats, 1, 'one after 40 ms');
    timers.advance(HEART_BEAT_MS * 2);
    await roundTrip(raw);
    assert.equal(raw.heartBeats, 3, 'one every 40 ms');
    await raw.close();
  });

  it('closes a connection silent for more than 2.5 times the agreed interval', async () => {
    const { raw } = await connect('20,0'); // the client can send every 20 ms; the server wants 40 ms
    timers.advance(96);
    assert.ok(!server.log.includes(TIMED_OUT), 'open after 96 ms (2.4 × 40 ms) of silence');
    timers.advance(4);
    assert.ok(!server.log.includes(TIMED_OUT), 'open after exactly 100 ms (2.5 × 40 ms) of silence');
    // Silence is checked every half interval (20 ms), so the first check that sees more than 100 ms is at 120 ms.
    timers.advance(19);
    assert.ok(!server.log.includes(TIMED_OUT), 'open after 119 ms of silence');
    timers.advance(1);
    assert.ok(server.log.includes(TIMED_OUT), 'dropped after 120 ms of silence');
    assert.equal(await raw.closed, 1006, 'terminated without a close frame');
    assert.equal(raw.heartBeats, 0, 'the client wants no heart-beats');
  });

  it('keeps a connection that sends something within every 2.5 intervals', async () => {
    const { raw } = await connect('40,0');
    for (let beat = 0; beat < 5; beat++) {
      timers.advance(100);
      assert.ok(!server.log.includes(TIMED_OUT), `open after ${beat + 1} × 100 ms`);
      await roundTrip(raw);
    }
    await raw.close();
    assert.ok(server.log.includes('ws s1 closed (code 1005); 0 open'), server.log.join('\n'));
  });
});
