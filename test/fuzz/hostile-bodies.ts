/**
 * Seeded generators of hostile message bodies for the fuzz test: valid orders, notifications and venue
 * configurations (ordering-stack.md §4), then mutated (nulls, wrong types, huge strings, deep nesting, future dates,
 * other ids, arrays for objects, NaN-ish numbers, odd keys), plus bodies that are not JSON at all. The same seed gives
 * the same bodies.
 */

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const int = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

/** A value written into the JSON text as is (numbers JSON.stringify cannot produce, e.g. `1e999`). */
const RAW = '\u0000raw:';
const raw = (text: string) => `${RAW}${text}`;

/** The shape of the fuzzed page: which ids are "ours". */
export interface FuzzTargets {
  /** The order the tracker follows. */
  orderId: string;
  /** The board's and the venue watch's venue. */
  venue: string;
  /** The signed-in user. */
  userId: string;
}

const STATUSES = ['NEW', 'COMPLETED', 'VERIFIED', 'DELIVER', 'PICKED', 'CLOSED', 'CANCELLED', 'ABANDONED', 'DELIVERED'];
const LINE_STATUSES = ['NEW', 'CONFIRMED', 'PROCESSING', 'PROCESSED', 'VOID', 'WASTE', 'TECHNICAL'];
const NAMES = ['Anna Kowalska', 'Jan', 'Zoë Ångström-Łukasiewicz', 'Bob  Smith ', '李 小龍'];
const TYPES = ['OrderEventError', 'OrderUpsell', 'OrderAppliedEvents', 'OrderMessage', 'OrderEventFiscal'];
const CODES = ['cannotAbandon', 'productNotAvailable', 'venueClosed', 'paymentFailed', 'orderLocked', 'nope'];

function iso(msAgo: number): string {
  return new Date(Date.now() - msAgo).toISOString();
}

/** A valid order at `venue`, with an id from a small pool so that copies replace each other. */
export function validOrder(rnd: Random, id: string, venue: string): Json {
  const lines = Array.from({ length: int(rnd, 1, 3) }, (_, i) => ({
    id: `l${i}`,
    status: pick(rnd, LINE_STATUSES),
    quantity: int(rnd, 1, 3),
    product: { id: `p${i}`, literals: { name: pick(rnd, ['Burger', 'Fries', 'Cola']) } }
  }));
  const order: { [key: string]: Json } = {
    id,
    tenant: 'demo',
    orderType: pick(rnd, ['TAKE_AWAY', 'DINE_IN', 'DELIVERY']),
    status: pick(rnd, STATUSES),
    completed: rnd() < 0.85,
    created: iso(600_000),
    completedTime: iso(int(rnd, 60_000, 500_000)),
    lastChanged: iso(int(rnd, 0, 120_000)),
    claimCode: `C${int(rnd, 100, 999)}`,
    users: [{ userId: 'u1', name: pick(rnd, NAMES), roles: ['CUSTOMER'] }],
    extra: { 'customer-name': pick(rnd, NAMES) },
    buckets: [{ venue, name: 'Centrum', queuePos: String(int(rnd, 1, 99)), lines }]
  };
  if (rnd() < 0.3) (order.buckets as Json[]).push({ venue: 'v9', name: 'Galeria', lines: [] });
  return order;
}

/** A valid user notification of a random type. */
export function validNotification(rnd: Random, targets: FuzzTargets): Json {
  const type = pick(rnd, TYPES);
  const base: { [key: string]: Json } = {
    type,
    orderId: pick(rnd, [targets.orderId, 'o7']),
    users: [targets.userId],
    correlationId: rnd() < 0.5 ? `c${int(rnd, 1, 40)}` : null
  };
  switch (type) {
    case 'OrderEventError':
      return {
        ...base,
        message: 'Order cannot be abandoned',
        codes: [{ code: pick(rnd, CODES), message: 'Cannot', args: null }]
      };
    case 'OrderUpsell':
      return {
        ...base,
        items: ['p-fries'],
        showAs: 'POPUP',
        details: { literals: { name: 'Fries', pl: 'Frytki' }, media: [{ url: 'https://x.test/f.png', name: 'f' }] }
      };
    case 'OrderMessage':
      return { ...base, message: 'Your order was updated' };
    default:
      return { ...base, events: [`e${int(rnd, 1, 9)}`], event: { correlationId: 'x', orderId: targets.orderId } };
  }
}

/** A valid configuration of `venue`. */
export function validVenue(rnd: Random, venue: string): Json {
  const tempDisabled = rnd() < 0.3;
  return {
    id: venue,
    name: 'Centrum',
    timeZone: 'Europe/Warsaw',
    active: rnd() < 0.9,
    tempDisabled,
    tempDisabledReason: tempDisabled ? 'Kitchen break' : null,
    address: { city: 'Warszawa', street: 'Marszałkowska', number: '1' },
    device: { kiosk1: { mode: 'self' } }
  };
}

/** `length` characters of one unbroken word (or combining marks, or newlines), the worst case for line breaking. */
function hugeString(rnd: Random, length: number): string {
  switch (int(rnd, 0, 3)) {
    case 0:
      return 'W'.repeat(length);
    case 1:
      return `e${'\u0301'.repeat(length - 1)}`;
    case 2:
      return '\u{1F354}'.repeat(Math.ceil(length / 2));
    default:
      return `${'8'.repeat(length - 1)}\n`;
  }
}

function deepNest(depth: number, asArray: boolean): string {
  return asArray
    ? raw(`${'['.repeat(depth)}1${']'.repeat(depth)}`)
    : raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** Every path to a value inside `value` (objects and arrays), the root included as `[]`. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], next: Json | undefined): Json {
  if (path.length === 0) return next === undefined ? null : next;
  let parent = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string | number, Json>;
  if (!parent || typeof parent !== 'object') return root; // replaced by a mutation before
  const last = path[path.length - 1];
  if (next === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = next === undefined ? null : next;
  return root;
}

function getAt(root: Json, path: (string | number)[]): Json {
  let value = root;
  for (const key of path) value = (value as Record<string | number, Json> | null)?.[key] ?? null;
  return value;
}

/** Options of {@link mutate}. */
export interface MutateOptions {
  /** The longest "huge" string, in characters. */
  maxHuge: number;
  /** The deepest nesting. */
  maxDepth: number;
}

/** One random mutation of the value at one random path (it may replace the root). */
function mutateOnce(rnd: Random, value: Json, targets: FuzzTargets, options: MutateOptions): Json {
  const all = paths(value);
  const path = pick(rnd, all);
  const key = path[path.length - 1];
  const current = getAt(value, path);
  const huge = () =>
    hugeString(
      rnd,
      pick(
        rnd,
        [300, 5_000, 20_000, 100_000, 1_000_000].filter(n => n <= options.maxHuge)
      )
    );
  const kind = int(rnd, 0, 15);
  switch (kind) {
    case 0:
      return setAt(value, path, null);
    case 1:
      return setAt(value, path, undefined);
    case 2:
      return setAt(value, path, pick(rnd, [0, -1, 42.5, 1e308, -0, 2 ** 53 + 1, raw('1e999'), raw('-1e999')]));
    case 3:
      return setAt(value, path, pick<Json>(rnd, [true, false, '', 'x', 'NaN', 'Infinity', '12abc', '   ']));
    case 4:
      return setAt(value, path, pick<Json>(rnd, [[], [null], [1, 'a', {}], {}, { length: 3 }]));
    case 5:
      return setAt(value, path, huge());
    case 6:
      return setAt(value, path, deepNest(int(rnd, 50, options.maxDepth), rnd() < 0.5));
    case 7:
      return setAt(value, path, [current]); // an array where an object (or a string) was
    case 8:
      // Dates in the far future or past, and ones that are not dates.
      return setAt(
        value,
        [
          ...path.slice(0, -1),
          pick(rnd, ['lastChanged', 'created', 'completedTime', typeof key === 'string' ? key : 'lastChanged'])
        ],
        pick(rnd, [
          '9999-12-31T23:59:59.999Z',
          '+275760-09-13T00:00:00Z',
          '2999-01-01',
          '0000-01-01T00:00:00Z',
          'yesterday',
          ''
        ])
      );
    case 9: {
      // Someone else's: another order, venue, user or venue id.
      const field = pick(rnd, ['id', 'venue', 'orderId', 'users', 'userId']);
      const other: Json =
        field === 'users' ? ['u2'] : pick(rnd, ['other', 'o2', 'v2', 'u2', targets.orderId.toUpperCase()]);
      return setAt(value, [...path.slice(0, -1), field], other);
    }
    case 10: {
      // Keys that collide with Object.prototype.
      if (!current || typeof current !== 'object' || Array.isArray(current)) return setAt(value, path, { toString: 1 });
      const odd = pick(rnd, ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'length']);
      (current as Record<string, Json>)[odd] = pick<Json>(rnd, [{ polluted: true }, 'x', 1, null]);
      return value;
    }
    case 11:
      // The whole body replaced by something that is not an object.
      return pick<Json>(rnd, [null, [], [value], 42, 'order', true, [null, null]]);
    case 12:
      // Text with control and bidi characters, lone surrogates and markup.
      return setAt(
        value,
        path,
        pick(rnd, ['\u202eevil', '\ud800', '<img src=x onerror=alert(1)>', '\u0000\u0007', '\u200b'.repeat(2000)])
      );
    case 13:
      // Many entries where a few are expected.
      return setAt(
        value,
        path,
        Array.from({ length: int(rnd, 100, 5000) }, (_, i) =>
          rnd() < 0.5 ? null : { id: `x${i}`, status: 'PROCESSED', code: 'c', venue: targets.venue }
        )
      );
    case 14:
      return setAt(
        value,
        path,
        pick<Json>(rnd, [{ code: null, message: null }, [{ code: 5 }], { venue: null, lines: null }])
      );
    default:
      return setAt(
        value,
        path,
        typeof current === 'string' ? `${current}${current}` : (JSON.stringify(current) ?? 'x')
      );
  }
}

/** `value` with 1 to 4 random mutations. */
export function mutate(rnd: Random, value: Json, targets: FuzzTargets, options: MutateOptions): Json {
  let result: Json = structuredClone(value);
  const count = int(rnd, 1, 4);
  for (let i = 0; i < count; i++) result = mutateOnce(rnd, result, targets, options);
  return result;
}

/** JSON text for `value`, with {@link raw} values written as is. */
export function toBody(value: Json): string {
  return JSON.stringify(value).replace(
    /"\\u0000raw:((?:[^"\\]|\\.)*)"/g,
    (_, text: string) => JSON.parse(`"${text}"`) as string
  );
}

/** Bodies that are not JSON, or barely. */
export function notJson(rnd: Random, maxHuge: number): string {
  return pick(rnd, [
    '',
    'not json',
    '{',
    '{"id":',
    '{"id":"o1",}',
    "{'id':'o1'}",
    '\u0000\u0001',
    'NaN',
    'undefined',
    '<html>',
    `{"id":"o1","x":"${'y'.repeat(Math.min(maxHuge, 20_000))}`,
    'null',
    '[]',
    '"o1"',
    '1e999'
  ]);
}

/** Which element's destination a corpus body goes to. */
export type LaneName = 'order' | 'board' | 'user' | 'venue';

/**
 * The bodies that broke an element for good before (the issue "Nothing a server sends can break a screen"), sent
 * before the random stream: each of them once froze an element, threw on every render or flooded a queue.
 */
export function knownHostile(targets: FuzzTargets, maxHuge: number): [LaneName, string][] {
  const { orderId, venue, userId } = targets;
  const line = { id: 'l1', status: 'PROCESSED', quantity: 1 };
  const order = (id: string, extra: Record<string, unknown>) =>
    JSON.stringify({ id, status: 'DELIVER', completed: true, lastChanged: iso(0), ...extra });
  const long = [10_000, 40_000, 1_000_000].filter(n => n <= maxHuge);
  const bodies: [LaneName, string][] = [
    // Adopted as the venue, after which every real configuration was ignored.
    ['venue', JSON.stringify({ id: 'other', active: false })],
    ['board', order('k1', { buckets: [{ venue, queuePos: '1', lines: [line] }, null] })],
    ['order', JSON.stringify({ type: 'OrderEventError', orderId, codes: [null] })],
    ['order', JSON.stringify({ type: 'OrderEventError', orderId, codes: 5 })],
    ['order', order(orderId, { buckets: [{ venue, lines: null }] })],
    ['order', order(orderId, { buckets: [null] })],
    ['order', order(orderId, { buckets: { 0: { venue } } })],
    ['board', order('k2', { buckets: [{ venue, lines: [null] }] })],
    // Locked the order: every later copy was "older".
    ['order', order(orderId, { lastChanged: '9999-12-31T23:59:59.999Z', buckets: [{ venue, lines: [line] }] })],
    ['board', order('k3', { lastChanged: '9999-12-31T23:59:59.999Z', buckets: [{ venue, lines: [line] }] })]
  ];
  // A queue that grew without bound, and sticky errors that kept everything else out.
  for (let i = 0; i < 300; i++) {
    bodies.push([
      'user',
      JSON.stringify({ type: 'OrderEventError', orderId: `e${i}`, users: [userId], message: `Error ${i}` })
    ]);
    if (i % 3 === 0)
      bodies.push(['user', JSON.stringify({ type: 'OrderMessage', correlationId: `m${i}`, message: `Info ${i}` })]);
  }
  // One long unbroken string: in a toast, as the tracker's number, as a board tile, as a venue's reason.
  for (const n of long) {
    const word = 'W'.repeat(n);
    bodies.push(['user', JSON.stringify({ type: 'OrderMessage', correlationId: `long${n}`, message: word })]);
    bodies.push(['order', order(orderId, { buckets: [{ venue, queuePos: word, lines: [line] }] })]);
    bodies.push(['board', order(`long${n}`, { buckets: [{ venue, queuePos: word, lines: [line] }] })]);
    bodies.push([
      'board',
      order(`name${n}`, { extra: { 'customer-name': word }, buckets: [{ venue, lines: [line] }] })
    ]);
    bodies.push(['venue', JSON.stringify({ id: venue, tempDisabled: true, tempDisabledReason: word, name: word })]);
  }
  return bodies;
}
