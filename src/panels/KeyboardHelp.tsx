import { Suspense, useEffect, useState } from 'react';
import { lazyText } from '../i18n/lazyText';
import { useT } from '../i18n/useLocale';
import { aDialogIsOpen } from './dialogOpen';

const KeyboardHelpDialog = lazyText(() => import('./KeyboardHelpDialog').then((m) => ({ default: m.KeyboardHelpDialog })));

const isEditable = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/**
 * The keyboard shortcuts: a button under the palette and the "?" key (outside text fields) open
 * the list in a dialog (KeyboardHelpDialog.tsx, loaded when first opened).
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
        <Suspense fallback={null}>
          <KeyboardHelpDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
