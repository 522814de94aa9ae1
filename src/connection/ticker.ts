import { TickerStrategy } from '@stomp/stompjs';

/** What {@link detectTickerStrategy} needs from the global environment. */
export interface TickerEnvironment {
  Worker?: typeof Worker;
  Blob?: typeof Blob;
  URL?: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
}

const probes = new WeakMap<object, Promise<TickerStrategy>>();

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
 * Nothing runs at import time; the hub calls this before its first connect.
 */
export function detectTickerStrategy(
  env: TickerEnvironment = globalThis as TickerEnvironment,
  timeoutMs = 2000
): Promise<TickerStrategy> {
  let probe = probes.get(env);
  if (!probe) {
    probe = runProbe(env, timeoutMs);
    probes.set(env, probe);
  }
  return probe;
}

function runProbe(env: TickerEnvironment, timeoutMs: number): Promise<TickerStrategy> {
  const { Worker: WorkerCtor, Blob: BlobCtor, URL: UrlApi } = env;
  if (
    typeof WorkerCtor !== 'function' ||
    typeof BlobCtor !== 'function' ||
    typeof UrlApi?.createObjectURL !== 'function'
  ) {
    return Promise.resolve(TickerStrategy.Interval);
  }
  return new Promise<TickerStrategy>(resolve => {
    let url: string | undefined;
    let worker: Worker | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (strategy: TickerStrategy): void => {
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
}
