import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/useLocale';

/**
 * A modal dialog on the native <dialog> (showModal): the browser keeps focus inside and the page
 * behind inert; Escape closes it; focus goes back to `returnFocus` (or to what had it before) when it
 * closes. Named by its title.
 */
export function Modal({ title, onClose, children, className = '', returnFocus }: { title: string; onClose: () => void; children: ReactNode; className?: string; returnFocus?: RefObject<HTMLElement | null> }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      const back = returnFocus?.current ?? opener;
      if (back?.isConnected) back.focus();
    };
  }, [returnFocus]);
  return (
    <dialog
      ref={ref}
      className={`share-dialog ${className}`}
      aria-labelledby={titleId}
      // biome-ignore lint/a11y/noRedundantRoles: the playback keys (usePlaybackKeys) leave the keyboard to [role="dialog"][aria-modal="true"]
      role="dialog"
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="share-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose}>
          {t('shareui.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
