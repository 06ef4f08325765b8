import type { ShareError } from '../../share/errors';
import { LIMITS } from '../../share/limits';

/**
 * Saves text as a file (a download the browser offers to save). The name comes from
 * scenarioFileName (share/file.ts), already safe for every file system.
 */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has started once click() returns; the URL is not needed after this turn
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The largest file read at all: a RabbitMQ definitions file (scenario files are capped lower when read). */
export const MAX_FILE_BYTES = LIMITS.definitionsChars;

/**
 * Reads a file the person picked or dropped, refusing a huge one before reading it: only its first
 * characters are read, to say which limit it is over (a scenario file's or a definitions file's).
 * What tells the two apart is loaded then (with the file formats: not needed to draw the canvas).
 */
export async function readFileText(file: File): Promise<{ ok: true; text: string } | { ok: false; error: ShareError }> {
  try {
    if (file.size > MAX_FILE_BYTES) {
      const { fileTooLarge, SNIFF_CHARS, sniffFileKind } = await import('../../share/file');
      const kind = sniffFileKind(await file.slice(0, SNIFF_CHARS).text());
      const error = fileTooLarge(kind, file.size) ?? fileTooLarge('unknown', file.size)!;
      return { ok: false, error };
    }
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, error: { key: 'share.error.notJson' } };
  }
}
