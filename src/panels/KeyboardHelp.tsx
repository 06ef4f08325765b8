import { useEffect, useState } from 'react';
import { useT } from '../i18n/useLocale';
import { aDialogIsOpen } from './dialogOpen';
import { Modal } from './share/Modal';

/** Each shortcut: `keys.<name>.keys` (key names differ by language: Mayús, Supr) and `keys.<name>` (what it does). */
const KEYS = ['tab', 'enter', 'inspector', 'arrows', 'delete', 'undo', 'copy', 'selectAll', 'play', 'step', 'escape', 'help'] as const;

const isEditable = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/**
 * The keyboard shortcuts: a button under the palette and the "?" key (outside text fields) open
 * the list in a dialog.
 */
export function KeyboardHelp() {
  const t = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target) || aDialogIsOpen()) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="palette-keys" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
        {t('keys.button')}
      </button>
      {open ? (
        <Modal title={t('keys.title')} onClose={() => setOpen(false)} className="keys-dialog">
          <table className="keys-table">
            <caption className="sr-only">{t('keys.title')}</caption>
            <tbody>
              {KEYS.map((k) => (
                <tr key={k}>
                  <th scope="row">
                    <kbd>{t(`keys.${k}.keys`)}</kbd>
                  </th>
                  <td>{t(`keys.${k}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Modal>
      ) : null}
    </>
  );
}
