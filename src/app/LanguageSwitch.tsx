import { useId } from 'react';
import { LOCALE_NAMES, LOCALES } from '../i18n/translate';
import { useLocaleStore, useT } from '../i18n/useLocale';

/** The language switch: remembered in localStorage; the browser's language is the default. */
export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(e) => setLocale(e.target.value as (typeof LOCALES)[number])}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
