import { useId } from 'react';
import { useT } from '../i18n/useLocale';
import { useEditor, useEditorApi } from '../store/useEditor';
import { useCanvasActions } from './useCanvasActions';

/** Undo / redo, tidy layout and the default-exchange toggle, above the canvas. */
export function CanvasToolbar() {
  const t = useT();
  const store = useEditorApi();
  const id = useId();
  const canUndo = useEditor((s) => s.history.past.length > 0 || s.gesture !== null);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const showDefault = useEditor((s) => s.doc.broker.showDefaultExchange);
  const { tidy } = useCanvasActions();
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} title={t('toolbar.undoTitle')}>
        {t('toolbar.undo')}
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} title={t('toolbar.redoTitle')}>
        {t('toolbar.redo')}
      </button>
      <button type="button" onClick={tidy} title={t('toolbar.tidyTitle')}>
        {t('toolbar.tidy')}
      </button>
      <span className="toolbar-toggle">
        <input id={id} type="checkbox" checked={showDefault} onChange={(e) => store.getState().setShowDefaultExchange(e.target.checked)} />
        <label htmlFor={id} title={t('toolbar.defaultExchangeTitle')}>
          {t('toolbar.defaultExchange')}
        </label>
      </span>
    </div>
  );
}
