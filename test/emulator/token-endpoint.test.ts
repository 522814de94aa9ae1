import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Emulator } from '../../demo/emulator/index.js';
import { postJson, requestToken, startTestEmulator } from './support.js';

function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

function refreshForm(refreshToken: string): Record<string, string> {
  return { grant_type: 'refresh_token', refresh_token: refreshToken };
}

describe('token endpoint', () => {
  let emulator: Emulator;
  before(async () => (emulator = await startTestEmulator()));
  after(() => emulator.close());

  it('grants guest/guest a bearer token pair with the user id and tenant', async () => {
    const { status, body, headers } = await requestToken(emulator, {
      grant_type: 'password',
      username: 'guest',
      password: 'guest',
      scope: 'read'
    });
    assert.equal(status, 200);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.deepEqual(
      { ...body, access_token: typeof body.access_token, refresh_token: typeof body.refresh_token },
      {
        access_token: 'string',
        refresh_token: 'string',
        token_type: 'bearer',
        expires_in: 3600,
        scope: 'read',
        UUID: 'guest-1',
        TENANT: 'demo',
        TRUST: 'F'
      }
    );
    const claims = jwtClaims(body.access_token);
    assert.equal(claims.sub, 'guest-1');
    assert.equal(claims.TENANT, 'demo');
    assert.equal(typeof claims.jti, 'string');
    const exp = Number(claims.exp);
    assert.ok(Math.abs(exp - (Date.now() / 1000 + 3600)) < 5, `exp ${exp}`);
  });

  it('grants staff/staff the staff user', async () => {
    const { body } = await requestToken(emulator, { grant_type: 'password', username: 'staff', password: 'staff' });
    assert.equal(body.UUID, 'staff-1');
  });

  it('gives every anonymous grant a fresh anon- user', async () => {
    const form = { grant_type: 'password', username: 'anonymous', password: '' };
    const first = await requestToken(emulator, form);
    const second = await requestToken(emulator, form);
    assert.equal(first.status, 200);
    assert.match(first.body.UUID, /^anon-[0-9a-f-]{36}$/);
    assert.notEqual(first.body.UUID, second.body.UUID);
  });

  it('rotates refresh tokens: each use returns a new one and invalidates the old', async () => {
    const login = await requestToken(emulator, { grant_type: 'password', username: 'guest', password: 'guest' });
    const refreshed = await requestToken(emulator, refreshForm(login.body.refresh_token));
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.body.UUID, 'guest-1');
    assert.notEqual(refreshed.body.refresh_token, login.body.refresh_token);
    assert.notEqual(refreshed.body.access_token, login.body.access_token);
    const reused = await requestToken(emulator, refreshForm(login.body.refresh_token));
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error, 'invalid_grant');
    const again = await requestToken(emulator, refreshForm(refreshed.body.refresh_token));
    assert.equal(again.status, 200);
  });

  it('keeps the anonymous user id across a refresh', async () => {
    const login = await requestToken(emulator, { grant_type: 'password', username: 'anonymous', password: '' });
    const refreshed = await requestToken(emulator, refreshForm(login.body.refresh_token));
    assert.equal(refreshed.body.UUID, login.body.UUID);
  });

  it('answers 401 invalid_client without the ordering:secret client', async () => {
    const form = { grant_type: 'password', username: 'guest', password: 'guest' };
    for (const authorization of ['', 'Basic ' + Buffer.from('ordering:wrong').toString('base64'), 'Bearer x']) {
      const { status, body } = await requestToken(emulator, form, { Authorization: authorization });
      assert.equal(status, 401);
      assert.equal(body.error, 'invalid_client');
    }
  });

  it('answers 400 invalid_request for a missing or wrong X-Tenant', async () => {
    const form = { grant_type: 'password', username: 'guest', password: 'guest' };
    for (const tenant of ['', 'other']) {
      const { status, body } = await requestToken(emulator, form, { 'X-Tenant': tenant });
      assert.equal(status, 400);
      assert.equal(body.error, 'invalid_request');
    }
  });

  it('answers 400 invalid_grant for bad credentials and unknown refresh tokens', async () => {
    const forms: Record<string, string>[] = [
      { grant_type: 'password', username: 'guest', password: 'nope' },
      { grant_type: 'password', username: 'nobody', password: 'x' },
      { grant_type: 'password', username: 'anonymous', password: 'x' },
      { grant_type: 'refresh_token', refresh_token: 'unknown' }
    ];
    for (const form of forms) {
      const { status, body } = await requestToken(emulator, form);
      assert.equal(status, 400);
      assert.equal(body.error, 'invalid_grant');
      assert.equal(typeof body.error_description, 'string');
    }
  });

  it('answers 400 unsupported_grant_type for other grants', async () => {
    const { status, body } = await requestToken(emulator, { grant_type: 'client_credentials' });
    assert.equal(status, 400);
    assert.equal(body.error, 'unsupported_grant_type');
  });

  it('uses the configured expires_in, changeable at run time', async () => {
    const changed = await postJson(`${emulator.url}/__emulator/config`, { tokenTtlSeconds: 2 });
    assert.equal(changed.body.tokenTtlSeconds, 2);
    const { body } = await requestToken(emulator, { grant_type: 'password', username: 'guest', password: 'guest' });
    assert.equal(body.expires_in, 2);
    const refused = await postJson(`${emulator.url}/__emulator/config`, { tokenTtlSeconds: -1 });
    assert.equal(refused.status, 400);
    emulator.tokenTtlSeconds = 3600;
  });

  it('takes tokenTtlSeconds from the start options', async () => {
    const short = await startTestEmulator({ tokenTtlSeconds: 60 });
    try {
      const { body } = await requestToken(short, { grant_type: 'password', username: 'guest', password: 'guest' });
      assert.equal(body.expires_in, 60);
    } finally {
      await short.close();
    }
  });
});
