import { TickerStrategy } from '@stomp/stompjs';
import { expect } from '@open-wc/testing';
import { detectTickerStrategy } from '../../src/connection/ticker.js';

describe('detectTickerStrategy()', () => {
  const blobEnv = { Blob, URL };

  it('picks the Worker ticker where blob workers run (this page has no CSP)', async () => {
    expect(await detectTickerStrategy({ ...blobEnv, Worker })).to.equal(TickerStrategy.Worker);
  });

  it('falls back to Interval without Worker support', async () => {
    expect(await detectTickerStrategy({})).to.equal(TickerStrategy.Interval);
  });

  it('falls back to Interval when constructing the worker throws (CSP SecurityError)', async () => {
    class Throwing {
      constructor() {
        throw new DOMException('blocked by CSP', 'SecurityError');
      }
    }
    const env = { ...blobEnv, Worker: Throwing as unknown as typeof Worker };
    expect(await detectTickerStrategy(env)).to.equal(TickerStrategy.Interval);
  });

  it('falls back to Interval when the worker reports an error (CSP-blocked script)', async () => {
    class Failing {
      onmessage: (() => void) | null = null;
      onerror: ((event: Event) => void) | null = null;
      constructor() {
        setTimeout(() => this.onerror?.(new Event('error')), 0);
      }
      terminate(): void {}
    }
    const env = { ...blobEnv, Worker: Failing as unknown as typeof Worker };
    expect(await detectTickerStrategy(env)).to.equal(TickerStrategy.Interval);
  });

  it('falls back to Interval when the worker never answers', async () => {
    class Silent {
      onmessage = null;
      onerror = null;
      terminate(): void {}
    }
    const env = { ...blobEnv, Worker: Silent as unknown as typeof Worker };
    expect(await detectTickerStrategy(env, 20)).to.equal(TickerStrategy.Interval);
  });

  it('probes once per environment', async () => {
    let constructed = 0;
    class Counting {
      onmessage: (() => void) | null = null;
      onerror = null;
      constructor() {
        constructed++;
        setTimeout(() => this.onmessage?.(), 0);
      }
      terminate(): void {}
    }
    const env = { ...blobEnv, Worker: Counting as unknown as typeof Worker };
    expect(await detectTickerStrategy(env)).to.equal(TickerStrategy.Worker);
    expect(await detectTickerStrategy(env)).to.equal(TickerStrategy.Worker);
    expect(constructed).to.equal(1);
  });
});
