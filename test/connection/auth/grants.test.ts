import { expect } from '@open-wc/testing';
import { AuthError } from '../../../src/connection/auth/errors.js';
import { passwordGrantSource, refreshTokenSource } from '../../../src/connection/auth/grants.js';

interface Call {
  url: string;
  headers: Record<string, string>;
  params: URLSearchParams;
}

/** A stubbed token endpoint: `answer` decides per request; every request is recorded. */
function tokenEndpoint(answer: (params: URLSearchParams, call: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const params = new URLSearchParams(String(init?.body ?? ''));
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, params });
    return answer(params, calls.length);
  }) as typeof fetch;
  return { calls, fetch: fetchImpl };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const grant = (n: number, extra: Record<string, unknown> = {}) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  expires_in: 100,
  UUID: 'user-1',
  ...extra
});

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('token sources', () => {
  const base = { apiUrl: 'https://api.example/', tenant: 't1', basicAuth: 'Y2xpZW50OnNlY3JldA==' };

  describe('passwordGrantSource()', () => {
    it('posts the anonymous password grant with Basic auth and X-Tenant', async () => {
      const endpoint = tokenEndpoint(() => json(grant(1)));
      const provider = passwordGrantSource({ ...base, fetch: endpoint.fetch });
      expect(await provider({ forceRefresh: false })).to.deep.equal({ token: 'access-1', userId: 'user-1' });
      const [call] = endpoint.calls;
      expect(call.url).to.equal('https://api.example/auth-oauth2/oauth/token');
      expect(call.headers).to.deep.equal({
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Authorization: 'Basic Y2xpZW50OnNlY3JldA==',
        'X-Tenant': 't1',
        Accept: 'application/json'
      });
      expect(Object.fromEntries(call.params)).to.deep.equal({
        grant_type: 'password',
        scope: 'read',
        username: 'anonymous',
        password: ''
      });
    });

    it('caches the token while enough of its lifetime is left, then refreshes with the refresh token', async () => {
      let now = 1_000_000;
      const endpoint = tokenEndpoint((_params, n) => json(grant(n)));
      const provider = passwordGrantSource({ ...base, fetch: endpoint.fetch, now: () => now });
      expect((await provider({ forceRefresh: false })).token).to.equal('access-1');
      now += 89_000; // 11 s left of 100 s: more than max(10 s, 10 %)
      expect((await provider({ forceRefresh: false })).token).to.equal('access-1');
      expect(endpoint.calls).to.have.length(1);
      now += 2_000; // 9 s left
      expect((await provider({ forceRefresh: false })).token).to.equal('access-2');
      expect(Object.fromEntries(endpoint.calls[1].params)).to.deep.equal({
        grant_type: 'refresh_token',
        refresh_token: 'refresh-1'
      });
    });

    it('uses 10 % of a long lifetime as the renewal margin', async () => {
      let now = 0;
      const endpoint = tokenEndpoint((_params, n) => json(grant(n, { expires_in: 3600 })));
      const provider = passwordGrantSource({ ...base, fetch: endpoint.fetch, now: () => now });
      await provider({ forceRefresh: false });
      now = 3_230_000; // 370 s left > 360 s
      expect((await provider({ forceRefresh: false })).token).to.equal('access-1');
      now = 3_250_000; // 350 s left
      expect((await provider({ forceRefresh: false })).token).to.equal('access-2');
    });

    it('never returns the cached token on forceRefresh', async () => {
      const endpoint = tokenEndpoint((_params, n) => json(grant(n)));
      const provider = passwordGrantSource({ ...base, fetch: endpoint.fetch });
      await provider({ forceRefresh: false });
      expect((await provider({ forceRefresh: true })).token).to.equal('access-2');
      expect(endpoint.calls).to.have.length(2);
    });

    it('shares one request between concurrent calls', async () => {
      const endpoint = tokenEndpoint((_params, n) => json(grant(n)));
      const provider = passwordGrantSource({ ...base, fetch: endpoint.fetch });
      const results = await Promise.all([
        provider({ forceRefresh: false }),
        provider({ forceRefresh: false }),
        provider({ forceRefresh: true })
      ]);
      expect(results.map(r => r.token)).to.deep.equal(['access-1', 'access-1', 'access-1']);
      expect(endpoint.calls).to.have.length(1);
    });

    it('falls back to the password grant when the refresh fails', async () => {
      const endpoint = tokenEndpoint((params, n) =>
        params.get('grant_type') === 'refresh_token' ? json({ error: 'invalid_grant' }, 400) : json(grant(n))
      );
      const provider = passwordGrantSource({ ...base, fetch: endpoint.fetch, username: 'kiosk', password: 'pw' });
      await provider({ forceRefresh: false });
      expect((await provider({ forceRefresh: true })).token).to.equal('access-3');
      expect(endpoint.calls.map(c => c.params.get('grant_type'))).to.deep.equal([
        'password',
        'refresh_token',
        'password'
      ]);
      expect(endpoint.calls[2].params.get('username')).to.equal('kiosk');
    });

    it('throws a plain Error (not AuthError) on a network failure', async () => {
      const provider = passwordGrantSource({
        ...base,
        fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch
      });
      const error = await provider({ forceRefresh: false }).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).to.be.instanceOf(TypeError);
      expect(error).not.to.be.instanceOf(AuthError);
    });
  });

  describe('refreshTokenSource()', () => {
    it('rotates the refresh token and stores each new one under storageKey', async () => {
      const storage = new MemoryStorage();
      const endpoint = tokenEndpoint((_params, n) => json(grant(n + 10)));
      const provider = refreshTokenSource({
        ...base,
        refreshToken: 'initial',
        storageKey: 'orderingstack_t1_refreshToken',
        storage,
        fetch: endpoint.fetch
      });
      expect(await provider({ forceRefresh: false })).to.deep.equal({ token: 'access-11', userId: 'user-1' });
      expect(storage.getItem('orderingstack_t1_refreshToken')).to.equal('refresh-11');
      await provider({ forceRefresh: true });
      expect(endpoint.calls.map(c => c.params.get('refresh_token'))).to.deep.equal(['initial', 'refresh-11']);
      expect(storage.getItem('orderingstack_t1_refreshToken')).to.equal('refresh-12');
    });

    it('throws AuthError on invalid_grant, forgets the refresh token and keeps throwing', async () => {
      const storage = new MemoryStorage();
      storage.setItem('k', 'old');
      const endpoint = tokenEndpoint(() => json({ error: 'invalid_grant', error_description: 'expired' }, 400));
      const provider = refreshTokenSource({
        ...base,
        refreshToken: 'rt-secret',
        storageKey: 'k',
        storage,
        fetch: endpoint.fetch
      });
      const first = await provider({ forceRefresh: false }).then(
        () => undefined,
        (e: unknown) => e as AuthError
      );
      expect(first).to.be.instanceOf(AuthError);
      expect(first?.code).to.equal('invalid_grant');
      expect(first?.status).to.equal(400);
      expect(first?.message).not.to.include('rt-secret');
      expect(storage.getItem('k')).to.equal(null);
      const second = await provider({ forceRefresh: true }).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(second).to.be.instanceOf(AuthError);
      expect(endpoint.calls).to.have.length(1);
    });

    it('throws a plain Error on a server error, and can succeed later', async () => {
      const endpoint = tokenEndpoint((_params, n) => (n === 1 ? json({}, 503) : json(grant(n))));
      const provider = refreshTokenSource({ ...base, refreshToken: 'rt', fetch: endpoint.fetch });
      const error = await provider({ forceRefresh: false }).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).to.be.instanceOf(Error);
      expect(error).not.to.be.instanceOf(AuthError);
      expect((await provider({ forceRefresh: false })).token).to.equal('access-2');
    });

    it('reads the expiry from the JWT when the response has no expires_in', async () => {
      let now = 0;
      const payload = btoa(JSON.stringify({ exp: 100 })).replace(/=+$/, '');
      const endpoint = tokenEndpoint((_params, n) =>
        json({ access_token: `eyJhbGciOiJub25lIn0.${payload}.sig${n}`, refresh_token: 'r' })
      );
      const provider = refreshTokenSource({ ...base, refreshToken: 'r', fetch: endpoint.fetch, now: () => now });
      const first = await provider({ forceRefresh: false });
      now = 50_000;
      expect((await provider({ forceRefresh: false })).token).to.equal(first.token);
      now = 95_000;
      expect((await provider({ forceRefresh: false })).token).not.to.equal(first.token);
    });

    it('never puts a token into a URL', async () => {
      const endpoint = tokenEndpoint((_params, n) => json(grant(n)));
      const provider = refreshTokenSource({ ...base, refreshToken: 'refresh-0', fetch: endpoint.fetch });
      await provider({ forceRefresh: false });
      await provider({ forceRefresh: true });
      await provider({ forceRefresh: true });
      for (const call of endpoint.calls) {
        expect(call.url).to.equal('https://api.example/auth-oauth2/oauth/token');
        expect(call.url).not.to.match(/refresh-|access-/);
      }
    });
  });
});
