import { useMemo } from 'react';
import { create } from 'zustand';
import { initialLocale, LOCALE_STORAGE_KEY, type Locale, loadDictionary, translator } from './translate';

export { initialLocale, LOCALE_STORAGE_KEY };

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/**
 * The chosen language: the remembered choice, else the browser's language, else English. Its
 * dictionary is loaded before the app first renders (main.tsx); switching fetches the new one
 * first, then switches (the page keeps the old language meanwhile).
 */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // not remembered, but still switched
    }
    void loadDictionary(locale).then(() => {
      if (globalThis.document) document.documentElement.lang = locale;
      set({ locale });
    });
  },
}));

/** `const t = useT(); t('app.title')` — re-renders when the language changes. */
export function useT() {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}
