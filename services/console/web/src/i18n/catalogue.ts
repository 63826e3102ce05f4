/** A catalogue of one part of the console: English texts, and Dutch for every English key. */
export interface Catalogue<Keys extends string> {
  readonly en: Readonly<Record<Keys, string>>;
  readonly nl: Readonly<Record<Keys, string>>;
}

/** Defines a part's catalogue; the compiler insists the Dutch has every English key. */
export const catalogue = <const English extends Record<string, string>>(
  en: English,
  nl: Readonly<Record<Extract<keyof English, string>, string>>,
): Catalogue<Extract<keyof English, string>> => ({ en, nl });

/** `{name}` placeholders filled from `values`; a missing value leaves the placeholder. */
export const interpolate = (
  text: string,
  values: Readonly<Record<string, string | number>> = {},
): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
