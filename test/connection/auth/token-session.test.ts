import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { AuthError } from '../../../src/connection/auth/errors.js';
import {
  chooseTokenSource,
  createTokenSource,
  deviceCodeSourceFor,
  TokenSession,
  type TokenSourceConfig
} from '../../../src/connection/auth/token-session.js';
import type { TokenRequest } from '../../../src/connection/types.js';
import { FakeEnvironment, flushMicrotasks } from '../../support/fake-stomp-client.js';
import { countingProvider, noop, useHubTestContext } from '../support/hub-test-context.js';

/** The hub's token session (`token-session.ts`) in action: token sources, rejections, retryNow. */
describe('StompHub', () => {
  const context = useHubTestContext();
  const setup = context.setup;
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = context.clock));

  describe('tokens', () => {
    it('connects without a login header with auth: none', async () => {
      const { fake, hub } = setup({ token: undefined, auth: 'none' });
      hub.subscribe('/kds/t1/v1', noop);
      await fake.connect();
      expect(fake.connectHeadersSeen).to.deep.equal([{}]);
    });

    it('uses the anonymous password grant by default, with its UUID as the user', async () => {
      const fetchStub = sinon.stub<Parameters<typeof fetch>, ReturnType<typeof fetch>>();
      fetchStub.callsFake(
        async () =>
          new Response(JSON.stringify({ access_token: 'anon-1', expires_in: 3600, UUID: 'anon-user' }), { status: 200 })
      );
      const env = new FakeEnvironment({ random: () => 0.5, fetch: fetchStub });
      const { fake, hub } = setup({ token: undefined }, env);
      hub.subscribe('/order-changes/t1/{userId}', noop);
      await fake.connect();
      expect(String(fetchStub.firstCall.args[0])).to.equal('https://api.example/auth-oauth2/oauth/token');
      expect(String(fetchStub.firstCall.args[1]?.body)).to.include('username=anonymous');
      expect(fake.connectHeadersSeen).to.deep.equal([{ login: 'anon-1' }]);
      expect(fake.subscribeLog).to.deep.equal(['/order-changes/t1/anon-user']);
    });
  });

  describe('authentication', () => {
    it('retries a first rejection with forceRefresh, gives up on the second and resumes on setToken', async () => {
      const { provider, requests } = countingProvider();
      const { fake, hub } = setup({ token: provider });
      const authErrors: string[] = [];
      hub.onAuthError(detail => authErrors.push(detail.message));
      hub.subscribe('/kds/t1/v1', noop);

      await fake.reject('Access refused for user');
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
      expect(hub.status.nextRetryAt! - Date.now()).to.be.at.most(1000);
      clock.tick(1000);
      await fake.settled();
      expect(fake.activations).to.equal(2);
      expect(requests.map(r => r.forceRefresh)).to.deep.equal([false, true]);

      await fake.reject('Bad CONNECT');
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      expect(hub.status.error).to.equal('Bad CONNECT');
      expect(authErrors).to.deep.equal(['Bad CONNECT']);
      expect(fake.active).to.be.false;

      clock.tick(3_600_000);
      hub.subscribe('/venue/t1/v1', noop);
      await flushMicrotasks();
      expect(fake.activations).to.equal(2);
      expect(authErrors).to.have.length(1);

      hub.setToken('new-token');
      await fake.connect();
      expect(fake.activations).to.equal(3);
      expect(fake.connectHeaders).to.deep.equal({ login: 'new-token' });
      expect(hub.state).to.equal(ConnectionState.Open);
      expect(hub.status.error).to.equal(undefined);
    });

    it('counts rejections only until a successful CONNECTED', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.reject();
      clock.tick(1000);
      await fake.connect();
      fake.drop();
      clock.tick(30_000);
      await fake.reject();
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
    });

    it('treats an AuthError from the token source as a rejection', async () => {
      const authErrors: unknown[] = [];
      const { fake, hub } = setup({
        token: async () => {
          throw new AuthError('Token request (refresh_token) failed with HTTP 400 (invalid_grant)', {
            code: 'invalid_grant'
          });
        }
      });
      hub.onAuthError(detail => authErrors.push(detail));
      hub.subscribe('/kds/t1/v1', noop);
      await fake.settled();
      expect(hub.state).to.equal(ConnectionState.Reconnecting);
      clock.tick(1000);
      await fake.settled();
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      expect(authErrors).to.have.length(1);
      clock.tick(600_000);
      expect(fake.activations).to.equal(2);
    });

    it('keeps the token out of status.error', async () => {
      const { fake, hub } = setup({ token: 'secret-token-123' });
      hub.subscribe('/kds/t1/v1', noop);
      await fake.reject("Access refused for user 'secret-token-123'");
      expect(hub.status.error).not.to.include('secret-token-123');
      expect(hub.status.error).to.include('Access refused');
    });

    it('retryNow() leaves unauthorized for exactly one attempt', async () => {
      const { fake, hub } = setup();
      hub.subscribe('/kds/t1/v1', noop);
      await fake.reject();
      clock.tick(1000);
      await fake.reject();
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      hub.retryNow();
      await fake.reject();
      expect(hub.state).to.equal(ConnectionState.Unauthorized);
      expect(fake.activations).to.equal(3);
    });
  });
});

describe('token-session', () => {
  const config = (overrides: Partial<TokenSourceConfig> = {}): TokenSourceConfig => ({
    apiUrl: 'https://api.example',
    tenant: 't1',
    basicAuth: 'b3JkZXJpbmc6c2VjcmV0',
    auth: 'anonymous',
    ...overrides
  });
  const provider = async () => 'from-provider';

  describe('chooseTokenSource()', () => {
    it('prefers a token string, then a provider, a refresh token, auth none, device, and else anonymous', () => {
      expect(chooseTokenSource(config({ token: 'tok', refreshToken: 'r', auth: 'device' }))).to.deep.equal({
        kind: 'token',
        token: 'tok'
      });
      expect(chooseTokenSource(config({ token: provider, refreshToken: 'r' }))).to.deep.equal({
        kind: 'provider',
        provider
      });
      expect(chooseTokenSource(config({ refreshToken: 'r', auth: 'none' }))).to.deep.equal({
        kind: 'refresh-token',
        refreshToken: 'r'
      });
      expect(chooseTokenSource(config({ auth: 'none' }))).to.deep.equal({ kind: 'none' });
      expect(chooseTokenSource(config({ auth: 'device' }))).to.deep.equal({ kind: 'device' });
      expect(chooseTokenSource(config())).to.deep.equal({ kind: 'anonymous' });
    });
  });

  describe('createTokenSource()', () => {
    it('returns the provider itself, a fixed token, or none', async () => {
      expect(createTokenSource(config({ token: provider }))).to.equal(provider);
      expect(await createTokenSource(config({ token: 'tok' }))!({ forceRefresh: true })).to.equal('tok');
      expect(createTokenSource(config({ auth: 'none' }))).to.equal(undefined);
    });

    it('builds the anonymous password grant with the given fetch', async () => {
      const bodies: string[] = [];
      const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
        bodies.push(String(init?.body));
        return new Response(JSON.stringify({ access_token: 'anon', expires_in: 60 }), { status: 200 });
      }) as typeof fetch;
      const source = createTokenSource(config(), fetchImpl)!;
      expect(await source({ forceRefresh: false })).to.deep.equal({ token: 'anon' });
      expect(bodies[0]).to.include('grant_type=password');
    });
  });

  describe('deviceCodeSourceFor()', () => {
    it("is the page's shared device-code source for auth: device, the one the hub uses", () => {
      const device = deviceCodeSourceFor(config({ auth: 'device', tenant: 'device-test' }));
      expect(device).to.be.a('function');
      expect(deviceCodeSourceFor(config({ auth: 'device', tenant: 'device-test' }))).to.equal(device);
      expect(createTokenSource(config({ auth: 'device', tenant: 'device-test' }))).to.equal(device);
    });

    it('is undefined whenever a token, a provider or a refresh token wins, or auth is not device', () => {
      expect(deviceCodeSourceFor(config({ auth: 'device', token: 'tok' }))).to.equal(undefined);
      expect(deviceCodeSourceFor(config({ auth: 'device', token: provider }))).to.equal(undefined);
      expect(deviceCodeSourceFor(config({ auth: 'device', refreshToken: 'r' }))).to.equal(undefined);
      expect(deviceCodeSourceFor(config())).to.equal(undefined);
      expect(deviceCodeSourceFor(config({ auth: 'none' }))).to.equal(undefined);
    });
  });

  describe('TokenSession', () => {
    const unusedFetch = (() => Promise.reject(new Error('no fetch expected'))) as typeof fetch;

    /** A session on a provider answering tok-1, tok-2, … and recording its requests. */
    function countingSession(overrides: Partial<TokenSourceConfig> = {}) {
      const requests: TokenRequest[] = [];
      const token = async (request: TokenRequest) => {
        requests.push(request);
        return { token: `tok-${requests.length}`, userId: 'u1' };
      };
      return { session: new TokenSession(config({ token, ...overrides }), unusedFetch), requests, token };
    }

    it('forces a refresh for the connect after a first rejection, and gives up on the second', async () => {
      const { session, requests } = countingSession();
      expect(await session.nextConnectToken()).to.deep.equal({ token: 'tok-1', userId: 'u1' });
      expect(session.userId).to.equal('u1');
      expect(session.rejected()).to.be.false;
      await session.nextConnectToken();
      session.connectTokenUsed();
      await session.nextConnectToken();
      expect(requests.map(r => r.forceRefresh)).to.deep.equal([false, true, false]);
      expect(session.rejected()).to.be.true;
    });

    it('starts counting over after CONNECTED, and retryOnce() allows one more rejection-free try', async () => {
      const { session, requests } = countingSession();
      session.rejected();
      session.accepted();
      expect(session.rejected()).to.be.false;
      expect(session.rejected()).to.be.true;
      session.retryOnce();
      await session.nextConnectToken();
      expect(requests.map(r => r.forceRefresh)).to.deep.equal([true]);
      expect(session.rejected()).to.be.true;
    });

    it('update() reports a new source and forgets the rejections of the old one', async () => {
      const { session, token } = countingSession();
      session.rejected();
      expect(session.update(config({ token }))).to.be.false;
      expect(session.update(config({ token: 'fixed' }))).to.be.true;
      expect(session.rejected()).to.be.false;
      expect(await session.nextConnectToken()).to.deep.equal({ token: 'fixed' });
    });

    it('connects without a token when the source is none, and fails on an empty token', async () => {
      const none = new TokenSession(config({ auth: 'none' }), unusedFetch);
      expect(await none.nextConnectToken()).to.deep.equal({ token: '' });
      const empty = new TokenSession(config({ token: async () => '' }), unusedFetch);
      let error: unknown;
      await empty.nextConnectToken().catch(e => (error = e));
      expect(String(error)).to.include('no token');
    });

    it('authorized() repeats a request refused as unauthorized once, with a forced refresh', async () => {
      const { session, requests } = countingSession();
      const sent: (string | undefined)[] = [];
      const result = await session.authorized(
        async token => {
          sent.push(token);
          if (token === 'tok-1') throw new Error('401');
          return 'ok';
        },
        error => String(error).includes('401')
      );
      expect(result).to.equal('ok');
      expect(sent).to.deep.equal(['tok-1', 'tok-2']);
      expect(requests.map(r => r.forceRefresh)).to.deep.equal([false, true]);
    });

    it('authorized() does not repeat with a fixed token or for other errors', async () => {
      const fixed = new TokenSession(config({ token: 'fixed-token' }), unusedFetch);
      let calls = 0;
      const refuse = async () => {
        calls++;
        throw new Error('401');
      };
      await fixed.authorized(refuse, () => true).catch(() => {});
      expect(calls).to.equal(1);
      const { session } = countingSession();
      await session.authorized(refuse, () => false).catch(() => {});
      expect(calls).to.equal(2);
    });

    it('redact() hides the current token, a fixed token and anything shaped like a JWT', async () => {
      const fixed = new TokenSession(config({ token: 'fixed-secret' }), unusedFetch);
      await fixed.nextConnectToken();
      expect(fixed.redact('a fixed-secret b eyJhbGciOi.eyJzdWIi.sig c')).to.equal('a *** b *** c');
      expect(fixed.redact('short tok')).to.equal('short tok');
    });
  });
});
