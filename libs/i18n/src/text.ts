import i18next, { type TFunction } from 'i18next';
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
const translatorFor = (language: Language): TFunction => {
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
  return instance.getFixedT(language);
};

const translators: Readonly<Record<Language, TFunction>> = {
  en: translatorFor('en'),
  nl: translatorFor('nl'),
};

const renderParam = (language: Language, param: TextParam): string | number =>
  typeof param === 'string' || typeof param === 'number'
    ? param
    : 'items' in param
      ? param.items.map((item) => renderParam(language, item)).join(param.separator)
      : render(language, param);

/** The text in the language; nested texts and lists among the parameters are rendered too. */
export const render = (language: Language, message: Text): string => {
  const params = Object.fromEntries(
    Object.entries(message.params ?? {}).map(([name, value]) => [
      name,
      renderParam(language, value),
    ]),
  );
  return translators[language](message.key, params);
};

/** A renderer bound to one language, for code that writes many texts. */
export type Translate = (message: Text) => string;
export const translatorOf =
  (language: Language): Translate =>
  (message) =>
    render(language, message);
