import { ControlButton } from '@xyflow/react';
import { useT } from '../i18n/useLocale';
import { usePresent } from './present';

/** The zoom controls' Present button: enters present mode, and leaves it (also P and Esc, see usePresentKeys). */
export function PresentButton() {
  const t = useT();
  const on = usePresent((s) => s.on);
  const label = t(on ? 'chrome.leavePresent' : 'chrome.present');
  return (
    <ControlButton className="present-toggle" onClick={() => usePresent.getState().set(!on)} aria-pressed={on} aria-label={label} title={on ? label : t('chrome.presentTitle')} aria-keyshortcuts="P">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {on ? (
          <path d="M6 2v4H2M10 2v4h4M6 14v-4H2M10 14v-4h4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        ) : (
          <path d="M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        )}
      </svg>
    </ControlButton>
  );
}

/** In the header while presenting (the rest of the chrome is hidden): the way out, beside the playback bar. */
export function PresentLeave() {
  const t = useT();
  const on = usePresent((s) => s.on);
  if (!on) return null;
  return (
    <button type="button" className="present-leave" onClick={() => usePresent.getState().set(false)} aria-keyshortcuts="Escape P">
      {t('chrome.leavePresent')}
    </button>
  );
}

/** The app's root class while presenting (the shell hides its chrome with it). */
export const usePresentClass = () => (usePresent((s) => s.on) ? ' is-presenting' : '');
