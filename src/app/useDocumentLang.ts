import { useEffect } from 'react';
import { useLocaleStore } from '../i18n/useLocale';

/** The page's `lang` follows the chosen language (screen readers pronounce by it). */
export function useDocumentLang(): void {
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}
