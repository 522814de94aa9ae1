import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../../demo/emulator/auth/users.js';
import { canSubscribe } from '../../demo/emulator/transport/destinations.js';

const scope = { tenant: 'demo', venueIds: new Set(['v1', 'v2']) };
const guest: Principal = { userId: 'guest-1', role: 'customer' };
const staff: Principal = { userId: 'staff-1', role: 'staff' };

describe('destination authorization', () => {
  it('lets a user read their own order, user and notification destinations', () => {
    for (const destination of [
      '/order-changes/guest-1/1001',
      '/order-changes/demo/guest-1',
      '/kds/demo/guest-1',
      '/notifications/demo/guest-1'
    ]) {
      assert.equal(canSubscribe(guest, destination, scope), true, destination);
    }
  });

  it('lets anyone read the boards of known venues', () => {
    for (const destination of ['/kds/demo/v1', '/venue/demo/v2', '/venues/demo/v1']) {
      assert.equal(canSubscribe(guest, destination, scope), true, destination);
    }
  });

  it('refuses other users, other tenants, unknown venues, prefixes and odd shapes', () => {
    for (const destination of [
      '/order-changes/someone/1001',
      '/order-changes/demo/someone',
      '/notifications/demo/someone',
      '/kds/other/v1',
      '/kds/demo/v9',
      '/venue/demo',
      '/kds/demo/v1/extra',
      '/kds//v1',
      'kds/demo/v1',
      '/steering/demo/v1',
      '/order-changes/guest-1'
    ]) {
      assert.equal(canSubscribe(guest, destination, scope), false, destination);
    }
  });

  it('lets staff read anything under the tenant and any order', () => {
    for (const destination of ['/order-changes/someone/1001', '/order-changes/demo/someone', '/steering/demo/v1']) {
      assert.equal(canSubscribe(staff, destination, scope), true, destination);
    }
    for (const destination of ['/kds/other/v1', '/kds/demo', '/order-changes/a/b/c']) {
      assert.equal(canSubscribe(staff, destination, scope), false, destination);
    }
  });
});
