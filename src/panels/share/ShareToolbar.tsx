import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { lazyText } from '../../i18n/lazyText';
import { useT } from '../../i18n/useLocale';
import type { KeyValueStorage } from '../../store/persistence';
import { newScenario } from '../../store/galleryLoad';
import { useLessonContext } from '../../store/useLesson';
import { FileDrop } from './FileDrop';
import { useFileImport } from './useFileImport';
import { useSaveScenarioFile } from './useSaveScenarioFile';
import './share.css';

type Dialog = 'share' | 'code' | 'export-defs' | 'previous' | null;

// Every dialog (and what it needs: links, files, code generation, definitions) is loaded when first
// opened: none is needed to start.
const ImportDialog = lazyText(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const CodeDialog = lazyText(() => import('./CodeDialog').then((m) => ({ default: m.CodeDialog })));
const ExportDefinitionsDialog = lazyText(() => import('./ExportDefinitionsDialog').then((m) => ({ default: m.ExportDefinitionsDialog })));
const ShareDialog = lazyText(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));
const PreviousWorkDialog = lazyText(() => import('./PreviousWorkDialog').then((m) => ({ default: m.PreviousWorkDialog })));

/**
 * The header's sharing tools: "Share" (a link and the embed code), "Files" (open a scenario file or
 * RabbitMQ definitions, save the scenario, export definitions, previous work) and "Show code".
 * `ownStorage`: the person's own storage, when the editor shows their own work (the list of previous
 * work lives there; a shared view offers "Back to my work" instead).
 */
export function ShareToolbar({ ownStorage }: { ownStorage?: KeyValueStorage }) {
  const t = useT();
  const importer = useFileImport();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const shareButton = useRef<HTMLButtonElement>(null);
  const filesButton = useRef<HTMLButtonElement>(null);
  const codeButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  // the menu closes on Escape (focus back on its button) and when focus or a click goes elsewhere
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      filesButton.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== filesButton.current) setMenuOpen(false);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget && !menu.current?.contains(e.relatedTarget as Node)) setMenuOpen(false);
    };
    const el = menu.current;
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    el?.addEventListener('focusout', onFocusOut);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
      el?.removeEventListener('focusout', onFocusOut);
    };
  }, [menuOpen]);

  const choose = (f: () => void) => () => {
    setMenuOpen(false);
    f();
  };
  const deps = useLessonContext();
  const saveScenario = useSaveScenarioFile();
  const close = () => setDialog(null);
  const focusBack = dialog === 'share' ? shareButton : dialog === 'code' ? codeButton : filesButton;

  return (
    <div className="share-toolbar">
      <button ref={shareButton} type="button" className="header-button" aria-haspopup="dialog" title={t('shareui.share.buttonTitle')} onClick={() => setDialog('share')}>
        {t('shareui.share.button')}
      </button>
      <div className="files-menu" ref={menu}>
        <button ref={filesButton} type="button" className="header-button" aria-expanded={menuOpen} aria-controls={menuId} onClick={() => setMenuOpen(!menuOpen)}>
          {t('shareui.files.button')} <span aria-hidden="true">▾</span>
        </button>
        <div id={menuId} className="files-menu-list" hidden={!menuOpen}>
          <button type="button" title={t('shareui.files.newTitle')} onClick={choose(() => newScenario(deps))}>
            {t('shareui.files.new')}
          </button>
          <button type="button" onClick={choose(() => fileInput.current?.click())}>
            {t('shareui.files.open')}
          </button>
          <button type="button" onClick={choose(() => void saveScenario())}>
            {t('shareui.files.save')}
          </button>
          <button type="button" onClick={choose(() => setDialog('export-defs'))}>
            {t('shareui.files.exportDefs')}
          </button>
          {ownStorage ? (
            <button type="button" onClick={choose(() => setDialog('previous'))}>
              {t('shareui.files.previous')}
            </button>
          ) : null}
        </div>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importer.openFile(file);
        }}
      />
      <button ref={codeButton} type="button" className="header-button" aria-haspopup="dialog" aria-label={t('shareui.code.button')} title={t('shareui.code.buttonTitle')} onClick={() => setDialog('code')}>
        {t('shareui.code.short')}
      </button>
      <Suspense fallback={null}>
        {dialog === 'share' ? <ShareDialog onClose={close} returnFocus={focusBack} /> : null}
        {dialog === 'code' ? <CodeDialog onClose={close} returnFocus={focusBack} /> : null}
        {dialog === 'export-defs' ? <ExportDefinitionsDialog onClose={close} returnFocus={focusBack} /> : null}
        {dialog === 'previous' ? <PreviousWorkDialog storage={ownStorage} onClose={close} returnFocus={focusBack} /> : null}
      </Suspense>
      {importer.state ? (
        <Suspense fallback={null}>
          <ImportDialog importer={importer} returnFocus={filesButton} />
        </Suspense>
      ) : null}
      <FileDrop onFile={(f) => void importer.openFile(f)} />
    </div>
  );
}
