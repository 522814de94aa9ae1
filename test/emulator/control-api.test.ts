import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@stomp/stompjs';
import type { Emulator, EmulatorStats } from '../../demo/emulator/index.js';
import {
  accessToken,
  connect,
  fetchJson,
  postJson,
  RawStomp,
  requestToken,
  startTestEmulator,
  stompClient,
  stompUrl
} from './support.js';

describe('control API', () => {
  let emulator: Emulator;
  let token: string;
  const control = (path: string, body: unknown = {}) => postJson(`${emulator.url}/__emulator/${path}`, body);

  before(async () => {
    emulator = await startTestEmulator();
    token = await accessToken(emulator);
  });
  after(() => emulator.close());

  it('publishes JSON or a raw body and reports how many got it', async () => {
    const raw = await RawStomp.connect(stompUrl(emulator), token);
    raw.send('SUBSCRIBE\nid:0\ndestination:/kds/demo/v2\n\n\0');
    assert.deepEqual((await control('wait-subscribed', { destination: '/kds/demo/v2' })).body, { ok: true });
    const published = await control('publish', { destination: '/kds/demo/v2', body: { a: 1 } });
    assert.deepEqual(published.body, { delivered: 1 });
    assert.equal((await raw.next()).body.toString(), '{"a":1}');
    await control('publish', { destination: '/kds/demo/v2', raw: '{not json' });
    assert.equal((await raw.next()).body.toString(), '{not json');
    assert.deepEqual((await control('publish', { destination: '/kds/demo/nobody', body: 1 })).body, { delivered: 0 });
    await raw.close();
  });

  it('answers 400 for bad publish input', async () => {
    const bodies = [{}, { destination: 'no-slash', body: 1 }, { destination: '/a' }, { destination: '/a', raw: 5 }];
    for (const body of bodies) {
      const response = await control('publish', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof response.body.error, 'string');
    }
    assert.equal((await fetchJson(`${emulator.url}/__emulator/publish`, { method: 'POST', body: '[' })).status, 400);
    assert.equal((await fetchJson(`${emulator.url}/__emulator/publish`, { method: 'POST', body: '[]' })).status, 400);
  });

  it('waits for a subscription: 200 as soon as it exists, 408 after the timeout', async () => {
    const destination = '/venue/demo/v1';
    const waiting = control('wait-subscribed', { destination, timeoutMs: 5000 });
    const raw = await RawStomp.connect(stompUrl(emulator), token);
    raw.send(`SUBSCRIBE\nid:0\ndestination:${destination}\n\n\0`);
    assert.deepEqual(await waiting, { ...(await waiting), status: 200, body: { ok: true } });
    await raw.close();
    const timedOut = await control('wait-subscribed', { destination: '/venue/demo/v2', timeoutMs: 30 });
    assert.equal(timedOut.status, 408);
    assert.equal(timedOut.body.ok, false);
    assert.equal((await control('wait-subscribed', { destination: '/x', timeoutMs: -1 })).status, 400);
  });

  it('drops every connection abruptly', async () => {
    const clients: Client[] = [stompClient(emulator, token), stompClient(emulator, token)];
    await Promise.all(clients.map(connect));
    const closes = clients.map(
      client => new Promise<number>(resolve => (client.onWebSocketClose = event => resolve(event.code)))
    );
    assert.deepEqual((await control('faults/drop-connections')).body, { dropped: 2 });
    assert.deepEqual(await Promise.all(closes), [1006, 1006]);
    assert.equal(emulator.stats().connections.open, 0);
    await Promise.all(clients.map(client => client.deactivate({ force: true })));
  });

  it('revokes tokens of one user: new connects are refused, open connections stay', async () => {
    const staffToken = await accessToken(emulator, 'staff');
    const guestToken = await accessToken(emulator);
    const open = await RawStomp.connect(stompUrl(emulator), staffToken);
    const revoked = await control('tokens/revoke', { userId: 'staff-1' });
    assert.ok(Number(revoked.body.revoked) >= 2);
    const refused = new RawStomp(stompUrl(emulator));
    await refused.opened;
    refused.send(`CONNECT\naccept-version:1.2\nlogin:${staffToken}\n\n\0`);
    assert.equal((await refused.next()).headers.message, 'Access refused: token revoked');
    open.send('SUBSCRIBE\nid:0\ndestination:/kds/demo/v1\nreceipt:still-open\n\n\0');
    assert.equal((await open.next()).headers['receipt-id'], 'still-open');
    await open.close();
    const guest = await RawStomp.connect(stompUrl(emulator), guestToken);
    await guest.close();
  });

  it('revokes refresh tokens too, and everyone’s without a userId', async () => {
    const refreshToken = await login();
    assert.ok(Number((await control('tokens/revoke')).body.revoked) >= 2);
    assert.equal((await refresh(refreshToken)).status, 400);
    token = await accessToken(emulator);
  });

  it('expires access tokens while refresh tokens keep working', async () => {
    const refreshToken = await login();
    assert.ok(Number((await control('tokens/expire', { userId: 'guest-1' })).body.expired) >= 1);
    const refused = new RawStomp(stompUrl(emulator));
    await refused.opened;
    refused.send(`CONNECT\naccept-version:1.2\nlogin:${token}\n\n\0`);
    assert.equal((await refused.next()).headers.message, 'Access refused: token expired');
    const refreshed = await refresh(refreshToken);
    assert.equal(refreshed.status, 200);
    token = String(refreshed.body.access_token);
    await (await RawStomp.connect(stompUrl(emulator), token)).close();
  });

  it('counts connections, received frames, subscriptions and sent messages', async () => {
    assert.equal((await control('stats/reset')).status, 200);
    const raw = await RawStomp.connect(stompUrl(emulator), token);
    raw.send(
      'SUBSCRIBE\nid:0\ndestination:/kds/demo/v1\n\n\0SUBSCRIBE\nid:1\ndestination:/kds/demo/v2\nreceipt:r\n\n\0'
    );
    await raw.next();
    emulator.publish('/kds/demo/v1', {});
    await raw.next();
    raw.send('UNSUBSCRIBE\nid:1\n\n\0SEND\ndestination:/kds/demo/v1\n\nx\0');
    await raw.next();
    const stats = (await fetchJson<EmulatorStats>(`${emulator.url}/__emulator/stats`)).body;
    assert.deepEqual(stats.connections, { open: 1, total: 1 });
    assert.deepEqual(
      { ...stats.frames },
      { ...stats.frames, CONNECT: 1, STOMP: 0, SUBSCRIBE: 2, UNSUBSCRIBE: 1, SEND: 1, DISCONNECT: 0 }
    );
    assert.deepEqual(stats.subscriptions, { '/kds/demo/v1': 1 });
    assert.equal(stats.messages, 2);
    raw.send('DISCONNECT\nreceipt:bye\n\n\0');
    await raw.next();
    await raw.closed;
    const after = emulator.stats();
    assert.equal(after.frames.DISCONNECT, 1);
    assert.deepEqual(after.subscriptions, {});
    assert.equal(after.connections.open, 0);
  });

  it('lists the venues', async () => {
    type Venue = { id: string; name: string; timeZone: string };
    const venues = (await fetchJson<Venue[]>(`${emulator.url}/__emulator/venues`)).body;
    assert.deepEqual(
      venues.map(({ id, name, timeZone }) => [id, name, timeZone]),
      [
        ['v1', 'Centrum', 'Europe/Warsaw'],
        ['v2', 'Galeria', 'Europe/Warsaw']
      ]
    );
  });

  async function login(): Promise<string> {
    return (await requestToken(emulator, { grant_type: 'password', username: 'guest', password: 'guest' })).body
      .refresh_token;
  }

  function refresh(refreshToken: string) {
    return requestToken(emulator, { grant_type: 'refresh_token', refresh_token: refreshToken });
  }
});
