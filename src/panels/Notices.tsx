import { useT } from '../i18n/useLocale';
import { useEditor, useEditorApi } from '../store/useEditor';
import { rescueFocus } from './focusRescue';
import { useExplain } from './modelText';

/**
 * The editor's messages over the canvas: a refused connection and what to do instead (with a button
 * that does it), or what happened when the saved topology was restored.
 */
export function Notices() {
  const t = useT();
  const explain = useExplain();
  const store = useEditorApi();
  const notice = useEditor((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role="alert" key={notice.id}>
      <p className="notice-message">{explain(notice.message)}</p>
      {notice.details?.length ? (
        <ul className="notice-details">
          {notice.details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list shown once
            <li key={i}>{explain(d)}</li>
          ))}
        </ul>
      ) : null}
      <div className="notice-actions">
        {notice.undo ? (
          <button
            type="button"
            onClick={() => {
              store.getState().undo();
              store.getState().dismissNotice();
              rescueFocus();
            }}
          >
            {t('notice.undo')}
          </button>
        ) : null}
        {notice.fix ? (
          <button
            type="button"
            onClick={() => {
              store.getState().applyFix(notice.fix!);
              rescueFocus();
            }}
          >
            {explain(notice.fix.label)}
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => {
            store.getState().dismissNotice();
            rescueFocus();
          }}
        >
          {t('notice.dismiss')}
        </button>
      </div>
    </div>
  );
}
