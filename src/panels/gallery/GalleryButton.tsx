import { useRef, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { GalleryDialog } from './GalleryDialog';

/** The header's "Gallery" button and the dialog it opens (focus returns to the button when it closes). */
export function GalleryButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="header-button" aria-haspopup="dialog" title={t('gallery.openTitle')} onClick={() => setOpen(true)}>
        {t('gallery.open')}
      </button>
      {open ? (
        <GalleryDialog
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
