import { resetConfig } from '../../src/connection/config.js';
import { resetStompHubs } from '../../src/connection/hub/hub-registry.js';
import { emulatorPost, emulatorStats, emulatorUrl, freshStats, type EmulatorStats } from './emulator.js';

/** The emulator as {@link useEmulator} hands it to the tests of a `describe` block. */
export interface EmulatorUnderTest {
  /** Its base URL, e.g. `http://127.0.0.1:PORT` (known from the block's `before` on). */
  readonly url: string;
  /** POSTs JSON to a control API path, `/__emulator/…`, and returns the answer; throws on an error status. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body?: unknown): Promise<T>;
  /** Its connection, frame, subscription and message counters. */
  stats(): Promise<EmulatorStats>;
}

/**
 * End-to-end tests against the emulator with the real `@stomp/stompjs` client (house style §6): `before` finds the
 * emulator the test run started; `afterEach` disposes every hub and forgets the page configuration, so the next test
 * starts without a socket. With `freshStats`, each test first waits until no socket of an earlier test is open and
 * zeroes the counters, so that it can count WebSockets and frames.
 *
 * @example
 * const emulator = useEmulator();
 * it('…', async () => {
 *   const el = await fixture(html`<os-venue-watch api-url=${emulator.url} tenant="demo" venue="v1"></os-venue-watch>`);
 *   await emulator.post('/__emulator/wait-subscribed', { destination: '/venue/demo/v1' });
 * });
 */
export function useEmulator({ freshStats: fresh = false }: { freshStats?: boolean } = {}): EmulatorUnderTest {
  let url = '';

  before(async () => {
    url = await emulatorUrl();
  });
  if (fresh) beforeEach(() => freshStats(url));
  afterEach(() => {
    resetStompHubs();
    resetConfig();
  });

  return {
    get url() {
      return url;
    },
    post: (path, body) => emulatorPost(url, path, body),
    stats: () => emulatorStats(url)
  };
}
