import { useCallback, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'refused';

/**
 * Copies text with the Clipboard API. Browsers may refuse (no permission, an insecure origin, an
 * iframe without clipboard-write): then the state says 'refused' and the caller selects the text in
 * its field, so Ctrl+C / ⌘C copies it.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!globalThis.navigator?.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The state of the last copy per target ("link", "embed", a file name...). */
export function useCopy(): [Record<string, CopyState>, (target: string, text: string, field?: HTMLInputElement | HTMLTextAreaElement | null) => Promise<void>] {
  const [state, setState] = useState<Record<string, CopyState>>({});
  const copy = useCallback(async (target: string, text: string, field?: HTMLInputElement | HTMLTextAreaElement | null) => {
    const ok = await copyText(text);
    setState((s) => ({ ...s, [target]: ok ? 'copied' : 'refused' }));
    if (!ok && field) {
      field.focus();
      field.select();
    }
  }, []);
  return [state, copy];
}
