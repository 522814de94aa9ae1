// Benchmark of the pickup-board model (src/models/order-board.ts).
//
//   node --import tsx scripts/bench-order-board.mjs [--orders 1000] [--rate 200] [--seconds 30]
//
// Loads `--orders` orders with a snapshot, then replays `--rate` live updates a second for `--seconds` seconds of
// simulated time (orders move paid → preparing → ready → picked up, each replaced by a new order; 5 % of messages
// are duplicates, 2 % stale copies), reading `columns()` once per 16 ms frame and calling `tick()` when
// `nextDeadline()` is due. Prints the cost of one update, of one `columns()` after a change, and the sustained throughput.
import { performance } from 'node:perf_hooks';
import { OrderBoard } from '../src/models/order-board.ts';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map(a => a.trim().split(/\s+/))
);
const ORDERS = Number(args.orders ?? 1000);
const RATE = Number(args.rate ?? 200);
const SECONDS = Number(args.seconds ?? 30);
const FRAME_MS = 16;
const VENUE = 'venue-1';
const T0 = Date.parse('2025-01-01T12:00:00Z');

// Deterministic PRNG (mulberry32), so runs are comparable.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = items => items[Math.floor(random() * items.length)];

const NAMES = ['Anna Kowalska', 'Jan Nowak', 'Piotr Zieliński', 'Ola', 'Marta Wójcik', 'Tomasz Lewandowski'];
const PRODUCTS = ['Burger', 'Fries', 'Cola', 'Salad', 'Wrap', 'Shake', 'Nuggets'];
const STAGES = ['paid', 'preparing', 'ready', 'picked'];

let serial = 0;
/** A realistic order (3–5 lines, users, extra) at `stage`, `lastChanged` at `at`. */
function makeOrder(id, stage, at, queuePos) {
  const lineStatus = stage === 'ready' ? 'PROCESSED' : stage === 'preparing' ? 'PROCESSING' : 'CONFIRMED';
  const lines = Array.from({ length: 3 + Math.floor(random() * 3) }, (_, i) => ({
    id: `${id}-l${i}`,
    status: lineStatus,
    quantity: 1 + Math.floor(random() * 2),
    product: { literals: { name: pick(PRODUCTS) } }
  }));
  return {
    id,
    tenant: 'tenant-1',
    status: stage === 'picked' ? 'PICKED' : 'COMPLETED',
    orderType: 'TAKE_AWAY',
    created: new Date(at - 60_000).toISOString(),
    completedTime: new Date(at - 50_000).toISOString(),
    lastChanged: new Date(at).toISOString(),
    completed: true,
    claimCode: id.slice(-6).toUpperCase(),
    users: [{ userId: `u-${id}`, name: pick(NAMES), roles: ['CUSTOMER'] }],
    extra: { 'x-source': 'KIOSK' },
    buckets: [{ venue: VENUE, queuePos: String(queuePos), lines }]
  };
}

function newId() {
  serial++;
  return `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
}

// Initial snapshot: ORDERS orders spread over the first three stages.
const live = new Map(); // id -> { stage index, queuePos, last copy }
const snapshot = [];
for (let i = 0; i < ORDERS; i++) {
  const id = newId();
  const stage = Math.floor(random() * 3);
  const order = makeOrder(id, STAGES[stage], T0 - Math.floor(random() * 300_000), serial);
  live.set(id, { stage, queuePos: serial, order });
  snapshot.push(order);
}

// Pre-generate the live messages (not timed): RATE a second, evenly spaced.
const ids = [...live.keys()];
const messages = [];
const total = RATE * SECONDS;
for (let n = 0; n < total; n++) {
  const at = T0 + Math.floor((n * 1000) / RATE);
  const r = random();
  const slot = Math.floor(random() * ids.length);
  const held = live.get(ids[slot]);
  if (r < 0.05) {
    messages.push({ at, order: structuredClone(held.order) }); // duplicate
  } else if (r < 0.07) {
    const stale = new Date(at - 3_600_000).toISOString();
    messages.push({ at, order: { ...structuredClone(held.order), lastChanged: stale } }); // stale copy
  } else if (held.stage === 2) {
    // Picked up (leaves the board); the next message is a new order taking its slot.
    messages.push({ at, order: makeOrder(held.order.id, 'picked', at, held.queuePos) });
    const id = newId();
    const order = makeOrder(id, 'paid', at, serial);
    live.set(id, { stage: 0, queuePos: serial, order });
    live.delete(ids[slot]);
    ids[slot] = id;
    if (++n < total) messages.push({ at: T0 + Math.floor((n * 1000) / RATE), order });
  } else {
    held.stage++;
    held.order = makeOrder(held.order.id, STAGES[held.stage], at, held.queuePos);
    messages.push({ at, order: held.order });
  }
}

const options = { venue: VENUE, readyTimeoutMs: 10 * 60_000, highlightMs: 15_000, showNames: true };

/** 1. apply() alone. */
function benchApply() {
  const board = new OrderBoard(options);
  board.reconcile(snapshot, T0);
  // warm-up on a throwaway board
  const warm = new OrderBoard(options);
  warm.reconcile(snapshot, T0);
  for (const m of messages.slice(0, 2000)) warm.apply(m.order, m.at);
  const start = performance.now();
  for (const m of messages) board.apply(m.order, m.at);
  return ((performance.now() - start) * 1000) / messages.length;
}

/** 2. columns() after one change, on a full board; then a cached read. */
function benchColumns() {
  const board = new OrderBoard(options);
  board.reconcile(snapshot, T0);
  board.columns();
  const rounds = 300;
  let spent = 0;
  let size = 0;
  for (let i = 0; i < rounds; i++) {
    // A changed copy that keeps the order in its column, so the board keeps all its orders.
    const base = snapshot[i % ORDERS];
    board.apply({ ...base, claimCode: `C${i}`, lastChanged: new Date(T0 + 1000 + i).toISOString() }, T0 + i);
    const start = performance.now();
    const cols = board.columns();
    spent += performance.now() - start;
    size = cols.preparing.length + cols.ready.length;
  }
  const start = performance.now();
  for (let i = 0; i < 10_000; i++) board.columns();
  return { ms: spent / rounds, size, cachedMicros: ((performance.now() - start) * 1000) / 10_000 };
}

/** 3. Sustained: frames of 16 ms of simulated time, columns() once per frame, tick() when due. */
function benchSustained() {
  const board = new OrderBoard(options);
  const loadStart = performance.now();
  board.reconcile(snapshot, T0);
  const loadMs = performance.now() - loadStart;
  let next = 0;
  let newlyReady = 0;
  const frameCosts = [];
  const start = performance.now();
  for (let frameEnd = T0 + FRAME_MS; next < messages.length; frameEnd += FRAME_MS) {
    const frameStart = performance.now();
    while (next < messages.length && messages[next].at < frameEnd) {
      const m = messages[next++];
      newlyReady += board.apply(m.order, m.at).newlyReady.length;
    }
    const deadline = board.nextDeadline();
    if (deadline !== undefined && deadline <= frameEnd) board.tick(frameEnd);
    board.columns();
    frameCosts.push(performance.now() - frameStart);
  }
  const elapsed = performance.now() - start;
  frameCosts.sort((a, b) => a - b);
  const frames = frameCosts.length;
  return {
    loadMs,
    perSecond: (messages.length / elapsed) * 1000,
    frames,
    avg: frameCosts.reduce((a, b) => a + b, 0) / frames,
    p99: frameCosts[Math.floor(frames * 0.99)],
    max: frameCosts[frames - 1],
    size: board.size,
    newlyReady
  };
}

const applyMicros = benchApply();
const columns = benchColumns();
const sustained = benchSustained();
const f = (n, d = 2) => n.toFixed(d);
console.log(`orders: ${ORDERS}, messages: ${messages.length} (${RATE}/s × ${SECONDS} s), node ${process.version}`);
console.log(`initial reconcile(): ${f(sustained.loadMs)} ms for ${ORDERS} orders`);
console.log(`apply: ${f(applyMicros)} µs/update`);
console.log(
  `columns(): ${f(columns.ms)} ms for ${columns.size} orders (after a change); ${f(columns.cachedMicros, 3)} µs cached`
);
console.log(
  `sustained: ${Math.round(sustained.perSecond).toLocaleString('en')} updates/s with columns() every ${FRAME_MS} ms ` +
    `frame (${sustained.frames} frames: avg ${f(sustained.avg, 3)} ms, p99 ${f(sustained.p99, 3)} ms, ` +
    `max ${f(sustained.max, 3)} ms; ${sustained.newlyReady} newly ready, ${sustained.size} on the board at the end)`
);
