import type { DestinationPreset, DestinationTemplates, OsConfig } from './types.js';

/**
 * The destination forms given in the Ordering Stack documentation (`ordering-stack.md` §3, §9).
 * This is the default preset (`destinations: 'documented'`).
 */
export const DOCUMENTED_TEMPLATES: Readonly<DestinationTemplates> = Object.freeze({
  order: '/order-changes/{userId}/{orderId}',
  user: '/kds/{tenant}/{userId}',
  venueOrders: '/kds/{tenant}/{venue}',
  venue: '/venue/{tenant}/{venue}'
});

/**
 * The destination forms used by the official client `@orderingstack/ordering-core` (and pos-integrator-core,
 * websocket-receiver). Selected with `destinations: 'ordering-core'`. With this preset the order stream carries
 * every order of the user, so consumers filter by `order.id`.
 */
export const ORDERING_CORE_TEMPLATES: Readonly<DestinationTemplates> = Object.freeze({
  order: '/order-changes/{tenant}/{userId}',
  user: '/notifications/{tenant}/{userId}',
  venueOrders: '/kds/{tenant}/{venue}',
  venue: '/venues/{tenant}/{venue}'
});

/** Every named preset and its templates. */
export const DESTINATION_PRESETS: Readonly<Record<DestinationPreset, Readonly<DestinationTemplates>>> = Object.freeze({
  documented: DOCUMENTED_TEMPLATES,
  'ordering-core': ORDERING_CORE_TEMPLATES
});

/**
 * The templates a configuration selects: the preset named by `destinations` (default `'documented'`; an unknown
 * name also falls back to it), then every non-empty entry of `templates` on top.
 */
export function templatesFor(config: Pick<OsConfig, 'destinations' | 'templates'> = {}): DestinationTemplates {
  const preset = DESTINATION_PRESETS[config.destinations ?? 'documented'] ?? DOCUMENTED_TEMPLATES;
  const result: DestinationTemplates = { ...preset };
  for (const key of Object.keys(result) as (keyof DestinationTemplates)[]) {
    const override = config.templates?.[key];
    if (typeof override === 'string' && override.trim() !== '') result[key] = override.trim();
  }
  return result;
}

/** Values for the placeholders of a template; `undefined`, `null` and `''` count as "not known yet". */
export type TemplateParams = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Fills the `{name}` placeholders of `template` from `params`, each value encoded with {@link escapeId}: URL-path
 * encoding plus `.` → `%2E` and `*` → `%2A` (`#` → `%23` already), so a `/` in an id cannot change the destination's
 * shape and a `.`, `*` or `#` cannot change a RabbitMQ routing key (`/topic/kds.{tenant}.{venue}`).
 *
 * A placeholder whose value is `undefined`, `null` or `''` is left as it is, so that a later step can fill it
 * (the hub fills `{userId}` once a token tells it who the user is; see {@link hasPlaceholders}).
 *
 * @example fillTemplate('/kds/{tenant}/{venue}', { tenant: 't1', venue: 'v 1' }) // '/kds/t1/v%201'
 * @example fillTemplate('/order-changes/{userId}/{orderId}', { orderId: 'o1' }) // '/order-changes/{userId}/o1'
 * @example fillTemplate('/topic/kds.{tenant}.{venue}', { tenant: 't1', venue: 'v.1' }) // '/topic/kds.t1.v%2E1'
 */
export function fillTemplate(template: string, params: TemplateParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (value === undefined || value === null || value === '') return whole;
    return escapeId(String(value));
  });
}

/**
 * One id as it goes into a destination: `encodeURIComponent`, then `.` and `*` percent-encoded too, the characters
 * it leaves alone that mean something in a RabbitMQ topic routing key (`#` it encodes already). Ordinary ids
 * (letters, digits, `-`, `_`) are unchanged.
 */
function escapeId(value: string): string {
  return encodeURIComponent(value).replace(/[.*]/g, char => (char === '.' ? '%2E' : '%2A'));
}

/** True when `destination` still contains a `{name}` placeholder. */
export function hasPlaceholders(destination: string): boolean {
  return /\{[A-Za-z_][A-Za-z0-9_]*\}/.test(destination);
}
