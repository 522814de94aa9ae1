/** The forms of a word for each CLDR plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesCache = new Map<string, Intl.PluralRules>();

/**
 * Picks the plural form of `count` for `locale` with `Intl.PluralRules`, e.g. Polish `1 pozycja`, `3 pozycje`,
 * `5 pozycji`, `22 pozycje`, `1,5 pozycji`.
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rules = rulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}
