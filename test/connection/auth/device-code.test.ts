import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deviceCodeSource, type DeviceCode } from '../../../src/connection/auth/device-code.js';
import type { TokenStorage } from '../../../src/connection/auth/oauth-session.js';

/** An in-memory Web Storage. */
function memoryStorage(initial: Record<string, string> = {}): TokenStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: key => data[key] ?? null,
    setItem: (key, value) => void (data[key] = value),
    removeItem: key => void delete data[key]
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('deviceCodeSource()', () => {
  describe('with a stubbed token endpoint', () => {
    it('polls through authorization_pending and slow_down, backing off, and stores the refresh token', async () => {
      const answers = ['authorization_pending', 'slow_down', 'ok'];
      const sleeps: number[] = [];
      const storage = memoryStorage();
      const codes: (DeviceCode | undefined)[] = [];
      const source = deviceCodeSource({
        apiUrl: 'https://api.example',
        tenant: 't1',
        storage,
        sleep: async ms => void sleeps.push(ms),
        fetch: async input => {
          if (String(input).endsWith('/oauth/device')) {
            return json({
              device_code: 'dc',
              user_code: 'ABCD-EFGH',
              verification_uri: 'https://x/activate',
              expires_in: 600,
              interval: 2
            });
          }
          const answer = answers.shift();
          return answer === 'ok'
            ? json({ access_token: 'at', refresh_token: 'rt-1', expires_in: 3600, UUID: 'device-1' })
            : json({ error: answer }, 400);
        }
      });
      source.onCode(code => codes.push(code));
      const info = await source({ forceRefresh: false });
      expect(info).to.deep.equal({ token: 'at', userId: 'device-1' });
      expect(sleeps).to.deep.equal([2000, 2000, 7000]);
      expect(codes.map(code => code?.userCode)).to.deep.equal(['ABCD-EFGH', undefined]);
      expect(source.code).to.equal(undefined);
      expect(storage.data).to.deep.equal({ orderingstack_t1_refreshToken: 'rt-1' });
    });

    it('signs in with a stored refresh token without showing a code', async () => {
      const storage = memoryStorage({ orderingstack_t1_refreshToken: 'rt-old' });
      const bodies: string[] = [];
      const source = deviceCodeSource({
        apiUrl: 'https://api.example',
        tenant: 't1',
        storage,
        fetch: async (input, init) => {
          bodies.push(`${String(input).split('/').pop()} ${init?.body}`);
          return json({ access_token: 'at', refresh_token: 'rt-new', expires_in: 3600, UUID: 'device-1' });
        }
      });
      expect((await source({ forceRefresh: false })).token).to.equal('at');
      expect(bodies).to.deep.equal(['token grant_type=refresh_token&refresh_token=rt-old']);
      expect(source.code).to.equal(undefined);
      expect(storage.data.orderingstack_t1_refreshToken).to.equal('rt-new');
    });
  });

  describe('against the emulator', () => {
    it('shows a user code, and signs in once a person approves it', async () => {
      const base = (await executeServerCommand<string, undefined>('emulator-url'))!;
      const storage = memoryStorage();
      const source = deviceCodeSource({ apiUrl: base, tenant: 'demo', storage });
      const token = source({ forceRefresh: false });
      await waitUntil(() => source.code, 'no user code shown');
      expect(source.code!.verificationUri).to.equal(`${base}/demo/activate.html`);
      const approve = await fetch(`${base}/__emulator/device/approve`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userCode: source.code!.userCode })
      });
      expect(approve.status).to.equal(200);
      const info = await token;
      expect(info.userId).to.match(/^device-/);
      expect(source.code).to.equal(undefined);
      expect(storage.data.orderingstack_demo_refreshToken).to.be.a('string');
    });
  });
});
