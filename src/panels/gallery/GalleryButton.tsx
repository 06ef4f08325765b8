import { Suspense, useEffect, useRef, useState } from 'react';
import { lazyText } from '../../i18n/lazyText';
import { useT } from '../../i18n/useLocale';
import { CANVAS_ID } from '../canvasId';

// the gallery dialog loads when first opened
const GalleryDialog = lazyText(() => import('./GalleryDialog').then((m) => ({ default: m.GalleryDialog })));

/** The header's "Gallery" button and the dialog it opens (focus returns to the button when it closes). */
export function GalleryButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const loaded = useRef(false);
  useEffect(() => {
    // after the dialog has left the page (focusing earlier would be undone by its removal). A scenario
    // just loaded plays: the keyboard goes to the canvas, where Space pauses it (on the button it would
    // open the gallery again)
    if (wasOpen.current && !open) {
      const canvas = loaded.current ? document.getElementById(CANVAS_ID) : null;
      (canvas ?? button.current)?.focus();
    }
    loaded.current = false;
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button ref={button} type="button" className="header-button" aria-haspopup="dialog" title={t('gallery.openTitle')} onClick={() => setOpen(true)}>
        {t('gallery.open')}
      </button>
      <Suspense fallback={null}>{open ? <GalleryDialog
            onClose={(didLoad) => {
              loaded.current = didLoad === true;
              setOpen(false);
            }}
          /> : null}</Suspense>
    </>
  );
}
