import { TickerStrategy } from '@stomp/stompjs';

/** What {@link detectTickerStrategy} needs from the global environment. */
export interface TickerEnvironment {
  Worker?: typeof Worker;
  Blob?: typeof Blob;
  URL?: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
}

const probes = new WeakMap<object, Promise<TickerStrategy>>();
const answers = new WeakMap<object, TickerStrategy>();

/**
 * Chooses the heart-beat ticker for `@stomp/stompjs`: `TickerStrategy.Worker` (a blob Web Worker, whose timers
 * background tabs do not throttle) when this page can run one, else `TickerStrategy.Interval`.
 *
 * The probe runs once per environment (the result is cached) and starts a tiny blob worker that posts one message:
 * - `Worker`, `Blob` or `URL.createObjectURL` missing → `Interval`;
 * - the constructor throws (older Chromium and Safari throw a `SecurityError` when the page's
 *   Content-Security-Policy (`worker-src` / `script-src`) does not allow `blob:` workers) → `Interval`;
 * - the worker fires `error` (current browsers report a CSP-blocked worker script this way) → `Interval`;
 * - no message within `timeoutMs` (default 2000) → `Interval`;
 * - the worker's message arrives → `Worker`.
 *
 * Nothing runs at import time. The hub starts the probe with its first connect attempt and does not wait for it
 * there: that socket takes {@link knownTickerStrategy}, or `Interval` while the probe runs; later attempts take the
 * answer (see `ConnectAttempts`).
 */
export function detectTickerStrategy(
  env: TickerEnvironment = globalThis as TickerEnvironment,
  timeoutMs = 2000
): Promise<TickerStrategy> {
  let probe = probes.get(env);
  if (!probe) {
    probe = runProbe(env, timeoutMs, strategy => answers.set(env, strategy));
    probes.set(env, probe);
  }
  return probe;
}

/**
 * The probe's answer for `env` once it is in (see {@link detectTickerStrategy}), else `undefined` (never probed, or
 * still running). Known at once where `Worker`, `Blob` or `URL.createObjectURL` is missing.
 */
export function knownTickerStrategy(
  env: TickerEnvironment = globalThis as TickerEnvironment
): TickerStrategy | undefined {
  return answers.get(env);
}

function runProbe(
  env: TickerEnvironment,
  timeoutMs: number,
  answered: (strategy: TickerStrategy) => void
): Promise<TickerStrategy> {
  const { Worker: WorkerCtor, Blob: BlobCtor, URL: UrlApi } = env;
  if (
    typeof WorkerCtor !== 'function' ||
    typeof BlobCtor !== 'function' ||
    typeof UrlApi?.createObjectURL !== 'function'
  ) {
    answered(TickerStrategy.Interval);
    return Promise.resolve(TickerStrategy.Interval);
  }
  return new Promise<TickerStrategy>(resolve => {
    let url: string | undefined;
    let worker: Worker | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = (strategy: TickerStrategy): void => {
      if (done) return; // the first answer stands
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      try {
        worker?.terminate();
        if (url) UrlApi.revokeObjectURL?.(url);
      } catch {
        // nothing to clean up
      }
      worker = undefined;
      url = undefined;
      answered(strategy);
      resolve(strategy);
    };
    try {
      url = UrlApi.createObjectURL(new BlobCtor(['self.postMessage(1);'], { type: 'text/javascript' }));
      worker = new WorkerCtor(url);
      worker.onmessage = () => finish(TickerStrategy.Worker);
      worker.onerror = event => {
        event.preventDefault?.();
        finish(TickerStrategy.Interval);
      };
      timer = setTimeout(() => finish(TickerStrategy.Interval), timeoutMs);
    } catch {
      finish(TickerStrategy.Interval);
    }
  });
}

/** @internal Forgets cached probe results (tests). */
export function resetTickerProbe(env: object = globalThis): void {
  probes.delete(env);
  answers.delete(env);
}
