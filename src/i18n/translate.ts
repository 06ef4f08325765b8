import type { MessageKey } from './messages.en';

export type { MessageKey };

/** The languages Warren speaks. Add one by adding a dictionary with every key. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** How each language names itself in the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

type Dictionary = Record<MessageKey, string>;

/**
 * The dictionaries loaded so far. Each language is its own chunk, fetched when chosen: a visit
 * downloads one language, not both (main.tsx fetches the chosen one while the app loads, and the
 * language switch fetches the other before switching).
 */
const dictionaries: Partial<Record<Locale, Dictionary>> = {};

const LOADERS: Record<Locale, () => Promise<Dictionary>> = {
  en: () => import('./messages.en').then((m) => m.en),
  es: () => import('./messages.es').then((m) => m.es),
};

const loading: Partial<Record<Locale, Promise<void>>> = {};

/** Fetches a language's dictionary (once); translator() can be used for it when this resolves. */
export function loadDictionary(locale: Locale): Promise<void> {
  if (dictionaries[locale]) return Promise.resolve();
  loading[locale] ??= LOADERS[locale]().then((d) => {
    dictionaries[locale] = d;
  });
  return loading[locale];
}

/** Makes a dictionary available at once (tests, which load both up front). */
export function registerDictionary(locale: Locale, dictionary: Dictionary): void {
  dictionaries[locale] = dictionary;
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Fills {name} placeholders; unknown placeholders are left visible so a missing value is noticed. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale] ?? dictionaries.en;
  if (!dict) throw new Error(`no dictionary loaded for '${locale}': loadDictionary('${locale}') first`);
  return (key, params) => format(dict[key] ?? dictionaries.en?.[key] ?? key, params);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const LOCALE_STORAGE_KEY = 'warren.locale';

/** The language to start in: the remembered choice, else the browser's language, else English. */
export function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage can be disabled (private mode, sandboxed iframe): fall back to the browser language
  }
  const nav = globalThis.navigator;
  return localeFromLanguages(nav ? (nav.languages?.length ? nav.languages : [nav.language]) : []);
}

/** Picks the first supported language from the browser's preference list ("es-AR" -> "es"). */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}
