import i18next, { type i18n as I18n } from 'i18next';
import { en } from './catalogues/en';
import { nl } from './catalogues/nl';

/** The languages a person reads Talentloop in; English is the fallback. */
export const languages = ['en', 'nl'] as const;
export type Language = (typeof languages)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/** Keys of the catalogue, plural forms (`_one`, `_other`) named once without their suffix. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}_${'one' | 'other'}` ? Base : K}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof en>;

/** A list of parameters rendered each and joined, e.g. the failed checks of a goal. */
export interface TextList {
  readonly items: readonly TextParam[];
  readonly separator: string;
}
export type TextParam = string | number | Text | TextList;

/**
 * A text a person reads, not yet in a language: a catalogue key and its parameters. The
 * domain says what it means; the edge renders it in the reader's language.
 */
export interface Text {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, TextParam>>;
}

export const text = (key: MessageKey, params?: Readonly<Record<string, TextParam>>): Text =>
  params === undefined ? { key } : { key, params };

export const textList = (items: readonly TextParam[], separator: string): TextList => ({
  items,
  separator,
});

export const isText = (value: unknown): value is Text =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { key?: unknown }).key === 'string' &&
  !('items' in value);

/**
 * One i18next instance per language, made once: a translation never depends on shared,
 * mutable "current language" state, so requests in different languages cannot interfere.
 */
const instanceFor = (language: Language): I18n => {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: { en: { translation: en }, nl: { translation: nl } },
    initAsync: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
};

const instances: Readonly<Record<Language, I18n>> = {
  en: instanceFor('en'),
  nl: instanceFor('nl'),
};

/** i18next's full lookup, as the reference the fast path below is held to (text.unit.spec). */
export const translateWithI18next = (
  language: Language,
  key: string,
  params: Readonly<Record<string, string | number>>,
): string => instances[language].getFixedT(language)(key, params);

/**
 * The catalogue string of a key in the language: the plural form i18next's resolver picks for
 * `count`, the language's own string, else English's. Looked up once per key and form.
 */
const templates = new Map<string, string>();
/** The part of i18next's plural resolver used here (its services are typed loosely). */
interface PluralResolver {
  getSuffix(language: string, count: number): string;
}
const templateOf = (language: Language, key: string, count: unknown): string => {
  const instance = instances[language];
  const plurals = instance.services.pluralResolver as PluralResolver;
  const form = typeof count === 'number' ? plurals.getSuffix(language, count) : '';
  const cacheKey = `${language}|${key}|${form}`;
  const known = templates.get(cacheKey);
  if (known !== undefined) return known;
  const lookup = (lng: Language): string | undefined => {
    const resource = (name: string): unknown =>
      instance.getResource(lng, 'translation', name) as unknown;
    const plural = form ? resource(key + form) : undefined;
    const found = plural ?? resource(key);
    return typeof found === 'string' ? found : undefined;
  };
  const template = lookup(language) ?? lookup(DEFAULT_LANGUAGE) ?? key;
  templates.set(cacheKey, template);
  return template;
};

const renderParam = (language: Language, param: TextParam): string | number =>
  typeof param === 'string' || typeof param === 'number'
    ? param
    : 'items' in param
      ? param.items.map((item) => renderParam(language, item)).join(param.separator)
      : render(language, param);

/**
 * The text in the language; nested texts and lists among the parameters are rendered too.
 * The catalogue string comes from i18next's store and plural rules, and i18next's interpolator
 * fills it in (formats included); the per-call option handling of `t()` is skipped, which
 * makes a text about three times cheaper. The unit spec holds it equal to `t()` for every key.
 */
export const render = (language: Language, message: Text): string => {
  const key = renderedKey(language, message);
  const known = rendered.get(key);
  if (known !== undefined) return known;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    params[name] = renderParam(language, value);
  const template = templateOf(language, message.key, params['count']);
  const result = template.includes('{{')
    ? instances[language].services.interpolator.interpolate(template, params, language, {})
    : template;
  if (rendered.size >= RENDERED_TEXTS) rendered.clear();
  rendered.set(key, result);
  return result;
};

/**
 * Texts rendered lately, by language, key and parameters: the same few texts come back many
 * times (a report withholds hundreds of figures for one reason), and i18next's interpolation
 * costs several times a lookup. A text's rendering depends on nothing else (catalogues and
 * plural rules are fixed), so an entry never goes stale; the memo is emptied when full.
 */
const RENDERED_TEXTS = 1_000;
const rendered = new Map<string, string>();
const renderedKey = (language: Language, message: Text): string =>
  message.params === undefined
    ? `${language}|${message.key}`
    : `${language}|${message.key}|${JSON.stringify(message.params)}`;

/** A renderer bound to one language, for code that writes many texts. */
export type Translate = (message: Text) => string;
export const translatorOf =
  (language: Language): Translate =>
  (message) =>
    render(language, message);

/** A catalogue text and nothing else: an object with a key and, perhaps, its parameters. */
const isBareText = (value: object): value is Text =>
  isText(value) && Object.keys(value).every((name) => name === 'key' || name === 'params');

/**
 * The value with every catalogue text in it said in the language, wherever it sits in arrays
 * and plain objects (a report whose withheld figures carry their reason as a text); anything
 * else is left as it is.
 */
export const renderTextsIn = (value: unknown, language: Language): unknown => {
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    let copy: unknown[] | undefined;
    for (let index = 0; index < items.length; index += 1) {
      const said = renderTextsIn(items[index], language);
      if (copy === undefined && said !== items[index]) copy = items.slice(0, index);
      copy?.push(said);
    }
    return copy ?? value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  if (isBareText(value)) return render(language, value);
  // Copied only where a text sits below: a report's thousands of rows without a withheld
  // figure are passed on as they are, not rebuilt.
  const fields = value as Readonly<Record<string, unknown>>;
  const names = Object.keys(fields);
  let copy: Record<string, unknown> | undefined;
  for (let index = 0; index < names.length; index += 1) {
    const name = names[index];
    const said = renderTextsIn(fields[name], language);
    if (copy === undefined && said !== fields[name]) {
      copy = {};
      for (const before of names.slice(0, index)) copy[before] = fields[before];
    }
    if (copy !== undefined) copy[name] = said;
  }
  return copy ?? value;
};

/** Whether a catalogue text sits anywhere in the value, as `renderTextsIn` finds them. */
export const containsText = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(containsText);
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  return isBareText(value) || Object.values(value).some(containsText);
};
