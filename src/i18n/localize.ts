import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageShared } from '../internal/page-shared.js';
import en from './en.js';
import { plural, type PluralForms } from './plural.js';
import type { PartialTranslation, Translation, TranslationArgs, TranslationKey } from './translation.js';

/** What a {@link LocalizeController} reads from its element. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** An explicit locale (the `locale` attribute); wins over any `lang` attribute. */
  locale?: string;
  /** Per-element overrides of any string. */
  strings?: PartialTranslation;
}

/** The built-in catalogues loaded so far: English always, the others once an element speaks their language. */
const builtIn = new Map<string, PartialTranslation>([['en', en]]);
/**
 * The built-in catalogues other than English, each its own chunk: a page (or an app's bundle) loads one only when an
 * element speaks its language.
 */
const builtInLoaders: Record<string, () => Promise<{ default: PartialTranslation }>> = {
  pl: () => import('./pl.js')
};
const loading = new Map<string, Promise<void>>();

/**
 * Loads the built-in catalogue of `language` unless it is loaded (or there is none); resolves once it can be used.
 * Returns `undefined` when nothing needs waiting for. A catalogue that fails to load is reported once, and English
 * stands in.
 */
export function loadBuiltInCatalogue(language: string): Promise<void> | undefined {
  const load = builtInLoaders[language];
  if (builtIn.has(language) || !load) return undefined;
  let pending = loading.get(language);
  if (!pending) {
    pending = load().then(
      module => {
        builtIn.set(language, module.default);
        refreshAll();
      },
      (error: unknown) => {
        builtIn.set(language, {});
        console.warn(`os-widgets: the "${language}" texts could not be loaded; English is shown instead.`, error);
      }
    );
    loading.set(language, pending);
  }
  return pending;
}
/** Registered strings and the elements to refresh, shared by every copy of os-widgets on the page. */
const shared = pageShared('translations', () => ({
  registered: new Map<string, PartialTranslation>(),
  hosts: new Set<LocalizeHost>(),
  /** Watches `<html lang>` while any element is connected. */
  documentObserver: undefined as MutationObserver | undefined
}));
const { registered, hosts } = shared;

function refreshAll(): void {
  for (const host of hosts) host.requestUpdate();
}

/**
 * Adds or overrides strings page-wide for a language (`'pl'`) or a regional variant (`'pl-PL'`). Later calls merge
 * over earlier ones; every element re-renders.
 *
 * ```js
 * registerTranslation('en', { yourNumber: 'Your ticket', 'error.outOfStock': 'Sold out, sorry.' });
 * ```
 */
export function registerTranslation(lang: string, strings: PartialTranslation): void {
  const key = lang.toLowerCase();
  registered.set(key, { ...registered.get(key), ...strings });
  refreshAll();
}

/** @internal Forgets every `registerTranslation()` call (for tests). */
export function resetTranslations(): void {
  registered.clear();
  refreshAll();
}

/** A valid, canonical BCP 47 tag for `tag`, or `'en'` when it is not one. */
export function canonicalLocale(tag: string | undefined | null): string {
  if (!tag) return 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * The locale an element speaks: its `locale` argument (the attribute), else the closest non-empty `lang` attribute up
 * the tree, crossing shadow roots, else `<html lang>`, else `navigator.language`, else `en`.
 */
export function resolveLocale(element: Element, explicit?: string): string {
  if (explicit) return canonicalLocale(explicit);
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]:not([lang=""])');
    if (found) return canonicalLocale(found.getAttribute('lang'));
    const root: Node = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return canonicalLocale(document.documentElement.lang || navigator.language);
}

/** The catalogues to look in for `locale`, most specific first: `pl-PL` → `pl-pl`, `pl`, then `en`. */
function lookupChain(locale: string): string[] {
  const full = locale.toLowerCase();
  const language = full.split('-')[0];
  return [...new Set([full, language, 'en'])];
}

/** Looks `key` up for `locale` (page-wide registrations first, then the built-in catalogue, per language). */
export function lookup(
  locale: string,
  key: string,
  overrides?: PartialTranslation
): Translation[TranslationKey] | undefined {
  const own = (overrides as Record<string, unknown> | undefined)?.[key];
  if (own !== undefined) return own as Translation[TranslationKey];
  for (const lang of lookupChain(locale)) {
    const value =
      (registered.get(lang) as Record<string, unknown> | undefined)?.[key] ??
      (builtIn.get(lang) as Record<string, unknown> | undefined)?.[key];
    if (value !== undefined) return value as Translation[TranslationKey];
  }
  return undefined;
}

/**
 * A relative time such as "2 minutes ago" / "2 minuty temu" via `Intl.RelativeTimeFormat`. Under 45 seconds it
 * returns `justNow` when given (else "now"); then minutes, hours (under 22 h) and days.
 */
export function formatRelativeTime(locale: string, time: number, now: number = Date.now(), justNow?: string): string {
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45 && justNow) return justNow;
  const format = new Intl.RelativeTimeFormat(canonicalLocale(locale), { numeric: 'auto' });
  if (abs < 45) return format.format(0, 'second');
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}

/** A clock time such as "12:41" / "12:41 PM" via `Intl.DateTimeFormat`. */
export function formatTime(
  locale: string,
  time: number | Date,
  options: Intl.DateTimeFormatOptions = { timeStyle: 'short' }
): string {
  return new Intl.DateTimeFormat(canonicalLocale(locale), options).format(time);
}

/**
 * Translates an element's strings, in the spirit of Shoelace's `LocalizeController`.
 *
 * Typical lifecycle:
 * - the element creates it in a field initialiser: `private readonly localize = new LocalizeController(this)`;
 * - `render()` calls `this.localize.term('yourNumber')`, `this.localize.time(date)`, ...;
 * - while connected, the element re-renders when `<html lang>` changes (one shared `MutationObserver` for all
 *   elements) and when `registerTranslation()` is called;
 * - the element waits for `catalogueLoaded()` before each update (`OsConnectedElement.scheduleUpdate()` does), which
 *   also starts loading a built-in catalogue other than English the first time its language is spoken.
 *
 * Lookup per key: the element's `strings` → page-wide `registerTranslation()` for the exact locale, then its
 * language → the built-in catalogue → English.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: LocalizeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (!shared.documentObserver && typeof MutationObserver !== 'undefined') {
      shared.documentObserver = new MutationObserver(refreshAll);
      shared.documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0) {
      shared.documentObserver?.disconnect();
      shared.documentObserver = undefined;
    }
  }

  /** The element's resolved locale, e.g. `pl-PL`. */
  lang(): string {
    return resolveLocale(this.host, this.host.locale);
  }

  /** The primary language of the resolved locale, e.g. `pl`. */
  language(): string {
    return this.lang().split('-')[0].toLowerCase();
  }

  /**
   * Starts loading the built-in catalogue of the element's language when it is not loaded yet; the promise resolves
   * once it is (`undefined`: nothing to wait for). Elements wait for it before rendering, so a Polish screen never
   * shows English first.
   */
  catalogueLoaded(): Promise<void> | undefined {
    return loadBuiltInCatalogue(this.language());
  }

  /** True when some catalogue (or the element's `strings`) has `key`. */
  has(key: string): boolean {
    return lookup(this.lang(), key, this.host.strings) !== undefined;
  }

  /** The text for a server error code (`error.<code>` in the catalogues), or `undefined` when none has it. */
  errorForCode(code: string): string | undefined {
    const key = `error.${code}` as const;
    return this.has(key) ? this.term(key) : undefined;
  }

  /** The string for `key`, calling it with `args` when it is a function; `''` when no catalogue has it. */
  term<K extends TranslationKey>(key: K, ...args: TranslationArgs<K>): string {
    const value = lookup(this.lang(), key, this.host.strings);
    if (typeof value === 'function') return (value as (...a: unknown[]) => string)(...args);
    return typeof value === 'string' ? value : '';
  }

  /** A clock time in the element's locale (default: short time style, e.g. "12:41"). */
  time(time: number | Date, options?: Intl.DateTimeFormatOptions): string {
    return formatTime(this.lang(), time, options);
  }

  /** A relative time in the element's locale, e.g. "2 minutes ago" (under a minute: the `justNow` string). */
  relativeTime(time: number, now: number = Date.now()): string {
    return formatRelativeTime(this.lang(), time, now, this.term('justNow') || undefined);
  }

  /** A number in the element's locale. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(canonicalLocale(this.lang()), options).format(value);
  }

  /** The plural form of `count` in the element's locale. */
  plural(count: number, forms: PluralForms): string {
    return plural(canonicalLocale(this.lang()), count, forms);
  }
}
