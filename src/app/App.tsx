import { useEffect } from 'react';
import { CanvasArea } from '../canvas/CanvasArea';
import { useLocaleStore, useT } from '../i18n/useLocale';
import { LanguageSwitch } from './LanguageSwitch';

export function App() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <p className="app-tagline">{t('app.tagline')}</p>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <CanvasArea />
      </main>
    </div>
  );
}
