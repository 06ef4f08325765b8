import type { MessageKey } from './messages.en';

export type { MessageKey };

/** The languages Warren speaks. Add one by adding a dictionary with every key. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** How each language names itself in the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

type Dictionary = Record<MessageKey, string>;

/**
 * The dictionaries loaded so far. Each language is two chunks (parts/): the keys the first canvas
 * needs, fetched while the app loads (main.tsx), and the rest, fetched right after the first canvas
 * and awaited by everything loaded later (lazyText.ts). A visit downloads one language, not both: the
 * language switch fetches the whole other one before switching.
 */
const dictionaries: Partial<Record<Locale, Partial<Dictionary>>> = {};

type Part = Promise<Partial<Dictionary>>;
const LOADERS: Record<Locale, { first: () => Part; rest: () => Part }> = {
  en: { first: () => import('./parts/en.first').then((m) => m.text), rest: () => import('./parts/en.rest').then((m) => m.text) },
  es: { first: () => import('./parts/es.first').then((m) => m.text), rest: () => import('./parts/es.rest').then((m) => m.text) },
};

const loading: Partial<Record<Locale, Promise<void>>> = {};
const loadingRest: Partial<Record<Locale, Promise<void>>> = {};
let restWanted = false;

/** Fetches the first part of a language's dictionary (once); translator() can be used for it when this resolves. */
export function loadDictionary(locale: Locale): Promise<void> {
  loading[locale] ??= dictionaries[locale]
    ? Promise.resolve()
    : LOADERS[locale].first().then((d) => {
        dictionaries[locale] = { ...d, ...dictionaries[locale] };
      });
  // once the rest is wanted (the app is up), a language loaded later comes whole
  return restWanted ? loadWholeDictionary(locale) : loading[locale];
}

function loadWholeDictionary(locale: Locale): Promise<void> {
  loadingRest[locale] ??= Promise.all([loading[locale], LOADERS[locale].rest()]).then(([, rest]) => {
    dictionaries[locale] = { ...dictionaries[locale], ...rest };
  });
  return loadingRest[locale];
}

/**
 * Fetches the rest of every dictionary loaded so far (once): what is loaded after the first canvas
 * (dialogs, the inspector, the dock's panels, the validating edits) waits for this before it shows.
 */
export function loadRestOfText(): Promise<void> {
  restWanted = true;
  return Promise.all(LOCALES.filter((l) => loading[l]).map(loadWholeDictionary)).then(() => undefined);
}

/** Makes a dictionary available at once (tests, which load both up front). */
export function registerDictionary(locale: Locale, dictionary: Dictionary): void {
  dictionaries[locale] = dictionary;
  loading[locale] = loadingRest[locale] = Promise.resolve();
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
