import type { TickerEnvironment } from '../../../src/connection/ticker.js';

/** One blob worker the heart-beat ticker probe started. */
class ProbeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;

  terminate(): void {
    this.terminated = true;
  }
}

/**
 * A `Worker` (with `Blob` and `URL`) for a hub's environment whose heart-beat ticker probe answers only when the test
 * says so, so a test can act while the probe is pending. (A `FakeEnvironment` has no `Worker`: there the probe
 * answers `Interval` at once.)
 *
 * ```ts
 * const env = new FakeEnvironment();
 * const probe = installPendingTickerProbe(env);
 * // … the hub connects while the probe is pending …
 * probe.answer();            // the blob worker posts its message: TickerStrategy.Worker
 * ```
 */
export interface PendingTickerProbe {
  /** The environment it was installed in, typed for `detectTickerStrategy()`. */
  readonly env: TickerEnvironment;
  /** Workers constructed so far (the probe runs once per environment, so at most 1). */
  readonly started: number;
  /** True once a worker was constructed and has neither answered nor failed. */
  readonly pending: boolean;
  /** The worker posts its message: the probe answers `Worker`. */
  answer(): void;
  /** The worker reports an error (a CSP-blocked script): the probe answers `Interval`. */
  fail(): void;
}

/** Adds a controllable `Worker`, `Blob` and `URL` to `env` (see {@link PendingTickerProbe}). */
export function installPendingTickerProbe(env: object): PendingTickerProbe {
  const workers: ProbeWorker[] = [];
  const WorkerCtor = class extends ProbeWorker {
    constructor() {
      super();
      workers.push(this);
    }
  };
  const urlApi = { createObjectURL: () => 'blob:probe', revokeObjectURL: () => {} };
  Object.assign(env, {
    Worker: WorkerCtor as unknown as typeof Worker,
    Blob,
    URL: urlApi as unknown as TickerEnvironment['URL']
  } satisfies TickerEnvironment);
  const live = () => workers.filter(worker => !worker.terminated);
  return {
    env: env as TickerEnvironment,
    get started() {
      return workers.length;
    },
    get pending() {
      return live().length > 0;
    },
    answer() {
      for (const worker of live()) worker.onmessage?.(new MessageEvent('message', { data: 1 }));
    },
    fail() {
      for (const worker of live()) worker.onerror?.(new Event('error'));
    }
  };
}
