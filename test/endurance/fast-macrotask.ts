// Imported by board-page.ts before sinon. sinon's fake clock, in `tickAsync()`, waits one real macrotask after every
// timer it fires, with `setImmediate` where there is one and `setTimeout(fn)` otherwise. Browsers have no
// `setImmediate`, and they clamp nested `setTimeout(fn, 0)` calls to 4 ms: a page period of the endurance run fires
// about ten fake timers, so 24 simulated hours spent most of their time asleep in those clamps (~40 ms a period, 7
// minutes in all). A MessageChannel message is a macrotask too (promises settle before it, as they do before a
// timeout), but it is never clamped.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const global = globalThis as { setImmediate?: (callback: () => void) => void };
global.setImmediate ??= (callback: () => void) => {
  queue.push(callback);
  channel.port2.postMessage(undefined);
};

export {};
