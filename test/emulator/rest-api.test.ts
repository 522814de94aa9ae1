import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Emulator, Order } from '../../demo/emulator/index.js';
import { accessToken, fetchJson, startTestEmulator } from './support.js';

describe('Ordering API reads', () => {
  let emulator: Emulator;
  let guest: string;
  let staff: string;
  const get = <T = Order[]>(path: string, token?: string) =>
    fetchJson<T>(`${emulator.url}/ordering-api/api/orders/${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {}
    });

  before(async () => {
    emulator = await startTestEmulator();
    emulator.createOrder({ id: 'mine', userId: 'guest-1', venue: 'v1' });
    emulator.createOrder({ id: 'theirs', userId: 'someone', venue: 'v1', status: 'PREPARING' });
    emulator.createOrder({ id: 'other-venue', userId: 'guest-1', venue: 'v2' });
    emulator.createOrder({ id: 'closed', userId: 'guest-1', venue: 'v1', status: 'CLOSED' });
    guest = await accessToken(emulator);
    staff = await accessToken(emulator, 'staff');
  });
  after(() => emulator.close());

  it('answers 401 without a token, with an unknown one, and with an expired one', async () => {
    assert.equal((await get('opened')).status, 401);
    const unknown = await get('opened', 'nope');
    assert.equal(unknown.status, 401);
    assert.deepEqual(unknown.body, { error: 'invalid_token', error_description: 'invalid token' });
    const token = await accessToken(emulator, 'staff');
    emulator.expireTokens('staff-1');
    assert.equal((await get('mine', token)).status, 401);
    staff = await accessToken(emulator, 'staff');
  });

  it('returns one order to its owner and to staff, 404 to others', async () => {
    const own = await get<Order>('mine', guest);
    assert.equal(own.status, 200);
    assert.equal(own.body.id, 'mine');
    assert.equal((await get<Order>('theirs', staff)).body.id, 'theirs');
    assert.equal((await get('theirs', guest)).status, 404);
    assert.equal((await get('missing', staff)).status, 404);
  });

  it('lists the not-closed orders of a venue', async () => {
    const { status, body } = await get('venue/v1', guest);
    assert.equal(status, 200);
    assert.deepEqual(
      body.map(order => order.id),
      ['mine', 'theirs']
    );
    assert.equal((await get('venue/v9', guest)).status, 404);
  });

  it('lists the caller’s not-closed orders', async () => {
    assert.deepEqual(
      (await get('opened', guest)).body.map(order => order.id),
      ['mine', 'other-venue']
    );
    assert.deepEqual((await get('opened', staff)).body, []);
  });

  it('returns a venue configuration, with its current open / closed state', async () => {
    const venue = (path: string) =>
      fetchJson<{ id: string; active: boolean; tempDisabled?: boolean }>(
        `${emulator.url}/ordering-api/api/venues/${path}`,
        {
          headers: { Authorization: `Bearer ${guest}` }
        }
      );
    const open = await venue('v1');
    assert.equal(open.status, 200);
    assert.equal(open.body.id, 'v1');
    assert.equal(open.body.tempDisabled ?? false, false);
    emulator.updateVenue('v1', { tempDisabled: true, tempDisabledReason: 'Break' });
    assert.equal((await venue('v1')).body.tempDisabled, true);
    emulator.updateVenue('v1', { tempDisabled: false });
    assert.equal((await venue('v9')).status, 404);
    assert.equal((await fetchJson(`${emulator.url}/ordering-api/api/venues/v1`)).status, 401);
  });
});
