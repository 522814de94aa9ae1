import sinon from 'sinon';
import { resolveConfig } from '../../../src/connection/config.js';
import { StompHub } from '../../../src/connection/hub/stomp-hub.js';
import type { OsConfig, TokenRequest } from '../../../src/connection/types.js';
import { FakeEnvironment, FakeStompClient } from '../../support/fake-stomp-client.js';

/** The API base URL the hub tests configure. */
export const API = 'https://api.example';

/** A listener that does nothing. */
export const noop = () => {};

/** What {@link useHubTestContext} gives a suite. */
export interface HubTestContext {
  /** The fake clock of the running test (installed before each test, restored after it). */
  readonly clock: sinon.SinonFakeTimers;
  /**
   * A hub on a {@link FakeStompClient} with `{ apiUrl: API, tenant: 't1', token: 'tok-1', ...overrides }` and an
   * environment whose `random()` is 0.5; disposed after the test.
   */
  setup(
    overrides?: Partial<OsConfig>,
    env?: FakeEnvironment
  ): { fake: FakeStompClient; env: FakeEnvironment; hub: StompHub };
  /** Disposes `hub`, made by the test itself, after the test too. */
  disposeAfterTest(hub: StompHub): void;
}

/**
 * Installs fake timers (`now` = 1 000 000) before each test of the calling suite, and disposes the hubs it made and
 * restores the clock and every sinon stub after each.
 */
export function useHubTestContext(): HubTestContext {
  let clock: sinon.SinonFakeTimers | undefined;
  let hubs: StompHub[] = [];

  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: 1_000_000,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']
    });
    hubs = [];
  });

  afterEach(() => {
    for (const hub of hubs) hub.dispose();
    clock?.restore();
    sinon.restore();
  });

  return {
    get clock() {
      if (!clock) throw new Error('the clock exists only while a test runs');
      return clock;
    },
    setup(overrides: Partial<OsConfig> = {}, env = new FakeEnvironment({ random: () => 0.5 })) {
      const fake = new FakeStompClient();
      const config = resolveConfig({ apiUrl: API, tenant: 't1', token: 'tok-1', ...overrides });
      const hub = new StompHub(config, fake, env);
      hubs.push(hub);
      return { fake, env, hub };
    },
    disposeAfterTest(hub: StompHub) {
      hubs.push(hub);
    }
  };
}

/** A provider returning tok-1, tok-2, … and recording its requests. */
export function countingProvider(userId?: string) {
  const requests: TokenRequest[] = [];
  const provider = async (request: TokenRequest) => {
    requests.push(request);
    return userId ? { token: `tok-${requests.length}`, userId } : `tok-${requests.length}`;
  };
  return { provider, requests };
}
