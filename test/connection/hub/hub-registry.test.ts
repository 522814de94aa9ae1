import { expect } from '@open-wc/testing';
import { configure, resetConfig, resolveConfig } from '../../../src/connection/config.js';
import { getStompHub, resetStompHubs, setStompHub } from '../../../src/connection/hub/hub-registry.js';
import { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import { ConnectionState } from '../../../src/connection/connection-state.js';
import { FakeEnvironment, FakeStompClient } from '../../support/fake-stomp-client.js';

describe('hub registry', () => {
  beforeEach(() => configure({ apiUrl: 'https://api.example', tenant: 't1' }));

  afterEach(() => {
    resetStompHubs();
    resetConfig();
  });

  it('returns one hub per socket URL, tenant and token source, created lazily', () => {
    const provider = async () => 'p';
    const anonymous = getStompHub();
    expect(getStompHub({})).to.equal(anonymous);
    expect(getStompHub({ tenant: 't1', destinations: 'ordering-core' })).to.equal(anonymous);
    expect(getStompHub({ tenant: 't2' })).not.to.equal(anonymous);
    expect(getStompHub({ apiUrl: 'https://other.example' })).not.to.equal(anonymous);
    expect(getStompHub({ token: 'a' })).to.equal(getStompHub({ token: 'a' }));
    expect(getStompHub({ token: 'a' })).not.to.equal(getStompHub({ token: 'b' }));
    expect(getStompHub({ token: provider })).to.equal(getStompHub({ token: provider }));
    expect(getStompHub({ token: provider })).not.to.equal(getStompHub({ token: async () => 'p' }));
    expect(getStompHub({ refreshToken: 'r1' })).to.equal(getStompHub({ refreshToken: 'r1' }));
    expect(getStompHub({ auth: 'none' })).not.to.equal(anonymous);
    expect(anonymous.state).to.equal(ConnectionState.Idle);
  });

  it('accepts a resolved configuration as overrides (as controllers pass it)', () => {
    const resolved = resolveConfig({ token: 'a' });
    expect(getStompHub(resolved)).to.equal(getStompHub({ token: 'a' }));
  });

  it('setStompHub() forces every lookup to one hub until cleared', () => {
    const forced = new StompHub(resolveConfig(), new FakeStompClient(), new FakeEnvironment());
    setStompHub(forced);
    expect(getStompHub({ tenant: 'x' })).to.equal(forced);
    setStompHub(undefined);
    expect(getStompHub()).not.to.equal(forced);
    forced.dispose();
  });

  it('resetStompHubs() disposes every hub and starts over', () => {
    const hub = getStompHub();
    const states: string[] = [];
    hub.onStatusChange(s => states.push(s.state));
    resetStompHubs();
    expect(getStompHub()).not.to.equal(hub);
    hub.subscribe('/kds/t1/v1', () => {});
    expect(hub.state).to.equal(ConnectionState.Idle);
  });

  it('hands a new page-wide token to the hub that used the old one', () => {
    configure({ token: 'old' });
    const hub = getStompHub();
    configure({ token: 'new' });
    expect(hub.config.token).to.equal('new');
    expect(getStompHub()).to.equal(hub);
    expect(getStompHub({ token: 'new' })).to.equal(hub);
  });
});

describe('StompHub.updateConfig()', () => {
  it('leaves unauthorized and reconnects when the token source changes', async () => {
    const fake = new FakeStompClient();
    const hub = new StompHub(
      resolveConfig({ apiUrl: 'https://api.example', token: 'old' }),
      fake,
      new FakeEnvironment({ random: () => 0 })
    );
    hub.subscribe('/kds/t1/v1', () => {});
    await fake.reject();
    await new Promise(resolve => setTimeout(resolve, 0));
    await fake.reject();
    expect(hub.state).to.equal(ConnectionState.Unauthorized);
    hub.updateConfig(resolveConfig({ apiUrl: 'https://api.example', token: 'old' }));
    expect(hub.state).to.equal(ConnectionState.Unauthorized);
    hub.updateConfig(resolveConfig({ apiUrl: 'https://api.example', token: 'fresh' }));
    await fake.connect();
    expect(hub.state).to.equal(ConnectionState.Open);
    expect(fake.connectHeaders).to.deep.equal({ login: 'fresh' });
    hub.dispose();
  });
});
