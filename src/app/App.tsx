import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useLocaleStore, useT } from '../i18n/useLocale';
import { BindingDialog } from '../panels/BindingDialog';
import { Inspector } from '../panels/inspector/Inspector';
import { createEditorStore } from '../store/editorStore';
import { EditorProvider } from '../store/useEditor';
import { LanguageSwitch } from './LanguageSwitch';
import { Workspace } from './Workspace';

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled (sandboxed iframe, privacy settings): work without autosave
  }
}

/** The shell: header, then palette | canvas | inspector. */
export function App() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [store] = useState(() => createEditorStore({ storage: browserStorage() }));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <div className="app">
          <header className="app-header">
            <h1 className="app-title">{t('app.title')}</h1>
            <p className="app-tagline">{t('app.tagline')}</p>
            <LanguageSwitch />
          </header>
          <main className="app-main">
            <Workspace />
            <Inspector />
          </main>
          <BindingDialog />
        </div>
      </ReactFlowProvider>
    </EditorProvider>
  );
}
