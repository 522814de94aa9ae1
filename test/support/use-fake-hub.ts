import sinon from 'sinon';
import { resetConfig, resolveConfig } from '../../src/connection/config.js';
import { resetStompHubs, setStompHub } from '../../src/connection/hub/hub-registry.js';
import { StompHub } from '../../src/connection/hub/stomp-hub.js';
import type { OsConfig } from '../../src/connection/types.js';
import { resetTranslations } from '../../src/i18n/localize.js';
import { FakeEnvironment, FakeStompClient } from './fake-stomp-client.js';

/** What {@link useFakeHub} makes afresh for each test. */
export interface FakeHub {
  /** The STOMP client the hub drives; the test plays the server with `connect()`, `deliver()`, `drop()`. */
  fake: FakeStompClient;
  /** The hub's window: `dispatch('offline')`, `navigator.onLine`, and `fetch` when `answer` is given. */
  env: FakeEnvironment;
  /** The hub every element and controller on the page gets (installed with `setStompHub`). */
  hub: StompHub;
  /** The sinon stub that is `env.fetch` when `answer` is given (REST snapshot requests); unused without `answer`. */
  fetch: sinon.SinonStub;
}

/** How {@link useFakeHub} builds the hub. */
export interface FakeHubOptions {
  /** The hub's configuration on top of `{ tenant: 'demo', token: 'tok' }`: `apiUrl`, `userId`, reconnect delays… */
  config?: Partial<OsConfig>;
  /** The hub's random source (backoff jitter), e.g. `() => 0.5`; `Math.random` when missing. */
  random?: () => number;
  /** What every REST request (the snapshot) answers, asked at each request; without it the hub has no `fetch`. */
  answer?: () => { status: number; body?: unknown };
}

/**
 * Unit tests with an injected fake client (house style §6): in `beforeEach`, a new {@link FakeStompClient} and
 * {@link FakeEnvironment}, and a {@link StompHub} over them installed with `setStompHub()`, handed to `use`; in
 * `afterEach`, `sinon.restore()`, the hub disposed, every hub, the page configuration and the translations reset.
 *
 * @example
 * let fake: FakeStompClient;
 * useFakeHub({ config: { apiUrl: API, userId: 'u1' } }, made => ({ fake } = made));
 */
export function useFakeHub(options: FakeHubOptions, use: (made: FakeHub) => void): void {
  let hub: StompHub | undefined;

  beforeEach(() => {
    const { answer } = options;
    const fake = new FakeStompClient();
    const fetch = sinon.stub().callsFake(async () => {
      const { status, body } = answer!();
      return new Response(body === undefined ? '' : JSON.stringify(body), { status });
    });
    const env = new FakeEnvironment({
      fetch: answer && (fetch as unknown as typeof globalThis.fetch),
      random: options.random
    });
    hub = new StompHub(resolveConfig({ tenant: 'demo', token: 'tok', ...options.config }), fake, env);
    setStompHub(hub);
    use({ fake, env, hub, fetch });
  });

  afterEach(() => {
    sinon.restore();
    hub?.dispose();
    resetStompHubs();
    resetConfig();
    resetTranslations();
  });
}
