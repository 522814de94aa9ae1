import { expect } from '@open-wc/testing';
import {
  DEFAULTS,
  configure,
  deriveSocketUrl,
  getPageConfig,
  missingConfig,
  onConfigChange,
  resetConfig,
  resolveConfig
} from '../../src/connection/config.js';

describe('config', () => {
  afterEach(() => resetConfig());

  describe('deriveSocketUrl()', () => {
    it('maps https to wss and http to ws, keeps the path and appends /websocket', () => {
      expect(deriveSocketUrl('https://ordering.3e.pl')).to.equal('wss://ordering.3e.pl/websocket');
      expect(deriveSocketUrl('http://localhost:8080/api/')).to.equal('ws://localhost:8080/api/websocket');
      expect(deriveSocketUrl('HTTPS://Host.example/a/b//')).to.equal('wss://Host.example/a/b/websocket');
    });

    it('drops query and fragment', () => {
      expect(deriveSocketUrl('https://h.example/x?y=1#z')).to.equal('wss://h.example/x/websocket');
    });

    it('resolves a path-only URL against the page location', () => {
      const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      expect(deriveSocketUrl('/os')).to.equal(`${scheme}//${location.host}/os/websocket`);
    });

    it('returns an empty string for nothing usable', () => {
      expect(deriveSocketUrl('')).to.equal('');
      expect(deriveSocketUrl('ftp://x')).to.equal('');
    });
  });

  describe('resolveConfig()', () => {
    it('fills every default', () => {
      const resolved = resolveConfig();
      expect(resolved).to.deep.include({
        apiUrl: '',
        socketUrl: '',
        tenant: '',
        destinations: 'documented',
        auth: 'anonymous',
        basicAuth: 'b3JkZXJpbmc6c2VjcmV0',
        heartbeatMs: 4000,
        reconnectMinMs: 1000,
        reconnectMaxMs: 30000,
        stableAfterMs: 1000,
        releaseGraceMs: 2000,
        connectionTimeoutMs: 8000
      });
      expect(resolved.templates.order).to.equal('/order-changes/{userId}/{orderId}');
      expect(resolved.token).to.equal(undefined);
      expect(DEFAULTS.heartbeatMs).to.equal(4000);
    });

    it('accepts the auth modes anonymous, none and device, and falls back to anonymous for anything else', () => {
      expect(resolveConfig({ auth: 'device' }).auth).to.equal('device');
      expect(resolveConfig({ auth: 'none' }).auth).to.equal('none');
      expect(resolveConfig({ auth: 'password' as 'none' }).auth).to.equal('anonymous');
    });

    it('merges page configuration and non-empty element overrides', () => {
      configure({ apiUrl: 'https://api.example.com/', tenant: 't1', heartbeatMs: 2000 });
      const resolved = resolveConfig({
        tenant: '',
        heartbeatMs: undefined,
        userId: 'u1',
        destinations: 'ordering-core'
      });
      expect(resolved.apiUrl).to.equal('https://api.example.com');
      expect(resolved.socketUrl).to.equal('wss://api.example.com/websocket');
      expect(resolved.tenant).to.equal('t1');
      expect(resolved.heartbeatMs).to.equal(2000);
      expect(resolved.userId).to.equal('u1');
      expect(resolved.templates.user).to.equal('/notifications/{tenant}/{userId}');
      expect(resolveConfig({ tenant: 't2' }).tenant).to.equal('t2');
    });

    it('prefers an explicit socketUrl and derives one from an element apiUrl', () => {
      configure({ apiUrl: 'https://a.example', socketUrl: 'wss://sockets.example/stomp' });
      expect(resolveConfig().socketUrl).to.equal('wss://sockets.example/stomp');
      expect(resolveConfig({ apiUrl: 'http://b.example' }).socketUrl).to.equal('ws://b.example/websocket');
      expect(resolveConfig({ socketUrl: 'wss://c.example/ws' }).socketUrl).to.equal('wss://c.example/ws');
    });

    it('merges template overrides per template', () => {
      configure({ templates: { venue: '/page/{venue}' } });
      configure({ templates: { order: '/page-order/{orderId}' } });
      const resolved = resolveConfig({ templates: { order: '/el/{orderId}', user: '' } });
      expect(resolved.templates).to.deep.equal({
        order: '/el/{orderId}',
        user: '/kds/{tenant}/{userId}',
        venueOrders: '/kds/{tenant}/{venue}',
        venue: '/page/{venue}'
      });
    });

    it('is idempotent', () => {
      configure({ apiUrl: 'https://api.example.com', tenant: 't1', token: 'abc' });
      const once = resolveConfig({ destinations: 'ordering-core' });
      expect(resolveConfig(once)).to.deep.equal(once);
    });

    it('keeps a token provider function and ignores a blank token', () => {
      const provider = async () => 'tok';
      expect(resolveConfig({ token: provider }).token).to.equal(provider);
      expect(resolveConfig({ token: ' ' }).token).to.equal(undefined);
    });
  });

  describe('configure()', () => {
    it('merges, removes keys set to undefined and tells listeners', () => {
      const seen: unknown[] = [];
      const stop = onConfigChange(config => seen.push(config.token));
      configure({ apiUrl: 'https://x.example', token: 'one' });
      configure({ tenant: 't1' });
      expect(getPageConfig()).to.deep.include({ apiUrl: 'https://x.example', token: 'one', tenant: 't1' });
      configure({ token: undefined });
      expect('token' in getPageConfig()).to.be.false;
      stop();
      configure({ token: 'two' });
      expect(seen).to.deep.equal(['one', 'one', undefined]);
    });
  });

  describe('missingConfig()', () => {
    it('names the required fields that are empty', () => {
      configure({ apiUrl: 'https://x.example' });
      expect(missingConfig(resolveConfig(), ['apiUrl', 'tenant', 'socketUrl'])).to.deep.equal(['tenant']);
      expect(missingConfig(resolveConfig({ tenant: 't' }), ['apiUrl', 'tenant'])).to.deep.equal([]);
    });
  });
});
