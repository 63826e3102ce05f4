import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { common } from './common';
import { employee } from './employee';
import { hr } from './hr';
import { integrator } from './integrator';
import { manager } from './manager';
import { type Catalogue, interpolate } from './catalogue';

/** Every part's catalogue; a page area adds its own here. */
const parts = [common, hr, manager, employee, integrator] as const;

export type Language = 'en' | 'nl';
export const languages: readonly Language[] = ['en', 'nl'];
type KeysOf<Part> = Part extends Catalogue<infer Keys> ? Keys : never;
/** Every text's key, from every part. */
export type TextKey = KeysOf<(typeof parts)[number]>;

const texts: Record<Language, Record<string, string>> = {
  en: Object.assign({}, ...parts.map((part) => part.en)) as Record<string, string>,
  nl: Object.assign({}, ...parts.map((part) => part.nl)) as Record<string, string>,
};

export type Translate = (
  key: TextKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

interface LanguageState {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: Translate;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

const STORAGE_KEY = 'talentloop.language';

/** The stored choice, else the browser's first preference we have, else English. */
export const initialLanguage = (): Language => {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'nl') return stored;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('nl')) ? 'nl' : 'en';
};

export const LanguageProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const state = useMemo<LanguageState>(() => {
    document.documentElement.lang = language;
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        setLanguageState(next);
      },
      t: (key, values) => interpolate(texts[language][key] ?? texts.en[key] ?? key, values),
    };
  }, [language]);
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
};

export const useLanguage = (): LanguageState => {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
};

export const useT = (): Translate => useLanguage().t;
