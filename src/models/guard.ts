/**
 * The building blocks of the message guards: what a guard answers, the checks every kind of message shares, and the
 * bounds on the texts the elements show. Bodies come from the server and may be anything JSON can say; nothing here
 * throws on any of it.
 */

/**
 * What a guard made of a body: a typed, normalised value (`ok`), or a rejection. A rejection with a `reason` is a
 * malformed body (worth a warning); one without is a body that is fine but not for this element (another order,
 * another user, a type it does not show), dropped quietly.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason?: string };

/** The longest texts the elements show, in characters; longer ones are cut (with `…`) before they are laid out. */
export const TEXT_LIMITS = {
  /** A pickup number: `queuePos`, `claimCode` (real ones have 2–8 characters). */
  number: 12,
  /** A customer's or a venue's name. */
  name: 40,
  /** A toast's or an error's message. */
  message: 500,
  /** A toast's heading. */
  title: 120,
  /** A product name inside an upsell offer. */
  product: 80,
  /** Why a venue is temporarily closed. */
  reason: 120
} as const;

/** Ids longer than this are not ids: the body is rejected. */
export const MAX_ID_LENGTH = 256;
/** Bodies nested deeper than this are rejected (real orders are about 8 levels deep). */
export const MAX_DEPTH = 64;
/** A `lastChanged` later than now plus this much (clock skew) is taken as now. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Line quantities above this are not quantities. */
export const MAX_QUANTITY = 9999;

/** The accepted value. */
export function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

/** A malformed body, with why (for the console). */
export function malformed(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** A body that is fine but not for this element: dropped without a warning. */
export const NOT_MINE: { ok: false } = Object.freeze({ ok: false });

/** True for a plain JSON object (not `null`, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a string, else `undefined`. */
export function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it is a boolean, else `undefined`. */
export function booleanOr(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The strings of an array, or `undefined` when the value is not an array. */
export function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The objects of an array, each passed through `normalise`; `undefined` when the value is not an array. */
export function recordsOf<T>(value: unknown, normalise: (record: Record<string, unknown>) => T): T[] | undefined {
  return Array.isArray(value) ? value.filter(isRecord).map(normalise) : undefined;
}

/** Copies `record` and sets each of `fields` (own properties, so a key `__proto__` stays data); `undefined` deletes. */
export function withFields<T>(record: Record<string, unknown>, fields: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy as T;
}

/** True when `value` has objects or arrays nested deeper than `max` levels (checked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** What a value is, for a warning: `missing`, `null`, `an array`, `a number`... */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** A short, quoted sample of a server string for a warning. */
export function sample(text: string, max = 40): string {
  return JSON.stringify(clip(text, max));
}

/**
 * `text` cut to at most `max` characters, the last one `…` when it was cut. Never splits a surrogate pair, so an emoji
 * is kept whole or left out.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A server time that is later than `now` plus {@link MAX_CLOCK_SKEW_MS} becomes `now` (ISO): a copy stamped in the
 * far future would otherwise make every later copy look older. Other values are returned as they are.
 */
export function notInFuture(time: string | undefined, now: number): string | undefined {
  if (time === undefined) return undefined;
  const ms = Date.parse(time);
  return ms > now + MAX_CLOCK_SKEW_MS ? new Date(now).toISOString() : time;
}
