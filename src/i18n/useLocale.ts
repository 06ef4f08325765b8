import { useMemo } from 'react';
import { create } from 'zustand';
import { isLocale, type Locale, localeFromLanguages, translator } from './translate';

export const LOCALE_STORAGE_KEY = 'warren.locale';

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage can be disabled (private mode, sandboxed iframe): fall back to the browser language
  }
  const nav = globalThis.navigator;
  return localeFromLanguages(nav ? (nav.languages?.length ? nav.languages : [nav.language]) : []);
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The chosen language: the remembered choice, else the browser's language, else English. */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // not remembered, but still switched
    }
    if (globalThis.document) document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** `const t = useT(); t('app.title')` — re-renders when the language changes. */
export function useT() {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}
