import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Emulator } from '../../demo/emulator/index.js';
import { BASIC_AUTH, postJson, requestToken, startTestEmulator } from './support.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

interface DeviceStart {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

describe('device-code flow', () => {
  let emulator: Emulator;
  before(async () => (emulator = await startTestEmulator({ seed: false })));
  after(() => emulator.close());

  async function startDevice(headers: Record<string, string> = {}) {
    const response = await fetch(`${emulator.url}/auth-oauth2/oauth/device`, {
      method: 'POST',
      headers: {
        Authorization: BASIC_AUTH,
        'X-Tenant': 'demo',
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        ...headers
      },
      body: 'module=board-1'
    });
    return { status: response.status, body: (await response.json()) as DeviceStart };
  }

  it('issues a device code and a readable user code with a verification page', async () => {
    const { status, body } = await startDevice();
    assert.equal(status, 200);
    assert.match(body.user_code, /^[B-Z2-9]{4}-[B-Z2-9]{4}$/);
    assert.equal(body.verification_uri, `${emulator.url}/demo/activate.html`);
    assert.equal(body.verification_uri_complete, `${body.verification_uri}?code=${body.user_code}`);
    assert.ok(body.expires_in > 500 && body.interval >= 1);
    assert.deepEqual(
      emulator.pendingDevices().map(device => device.userCode),
      [body.user_code]
    );
  });

  it('refuses bad client credentials and a wrong tenant', async () => {
    assert.equal((await startDevice({ Authorization: 'Basic eDp5' })).status, 401);
    assert.equal((await startDevice({ 'X-Tenant': 'other' })).status, 400);
  });

  it('answers authorization_pending until approved, then a token pair, then invalid_grant', async () => {
    const { body: device } = await startDevice();
    const poll = () => requestToken(emulator, { grant_type: DEVICE_GRANT, device_code: device.device_code });
    const pending = await poll();
    assert.equal(pending.status, 400);
    assert.equal(pending.body.error, 'authorization_pending');

    const approve = await postJson(`${emulator.url}/__emulator/device/approve`, {
      userCode: device.user_code.toLowerCase().replace('-', '')
    });
    assert.equal(approve.status, 200);
    const granted = await poll();
    assert.equal(granted.status, 200);
    assert.equal(typeof granted.body.access_token, 'string');
    assert.equal(typeof granted.body.refresh_token, 'string');
    assert.match(String(granted.body.UUID), /^device-/);

    const reused = await poll();
    assert.equal(reused.body.error, 'invalid_grant');
  });

  it('says slow_down to a device that polls faster than the interval', async () => {
    const { body: device } = await startDevice();
    const poll = () => requestToken(emulator, { grant_type: DEVICE_GRANT, device_code: device.device_code });
    assert.equal((await poll()).body.error, 'authorization_pending');
    assert.equal((await poll()).body.error, 'slow_down');
  });

  it('answers 404 to the approval of an unknown code', async () => {
    const approve = await postJson(`${emulator.url}/__emulator/device/approve`, { userCode: 'ZZZZ-ZZZZ' });
    assert.equal(approve.status, 404);
  });
});
