import { deflateToBase64url, inflateFromBase64url } from './compress';
import { fail, type Result } from './errors';
import { LIMITS } from './limits';
import { restoreShareState, type ShareState } from './restore';
import { parseUntrustedJson } from './safeJson';
import { decodeRun, encodeRun } from './run';
import { decodeWith, encodeWith } from './wire';
import { SHARE_SHAPE_V1 } from './wireShapes';

/** The link format this Warren writes. Readers refuse higher versions instead of guessing. */
export const SHARE_FORMAT_VERSION = 1;

/**
 * Link data: `<version>.<base64url(deflate(compact JSON))>`, e.g. `1.rVNNb9sw...`. The version sits
 * outside the compressed part so a future format may change the compression, and an old Warren can
 * still say "this link was made by a newer version" instead of "this link is damaged".
 *
 * @example
 *   const data = encode({ v: 1, scenario, speed: 2 });
 *   const back = decode(data); // { ok: true, value: { v: 1, scenario, speed: 2 } }
 */
export function encode(state: ShareState): string {
  const { scenario, speed, lesson, mode, gallery, run } = state;
  const wire = encodeWith(SHARE_SHAPE_V1, { scenario, speed, lesson, mode, gallery, run: run && encodeRun(run) });
  return `${SHARE_FORMAT_VERSION}.${deflateToBase64url(JSON.stringify(wire))}`;
}

/**
 * Reads link data. Never throws and never evaluates anything: every step is capped (length before
 * inflating, inflated size while inflating, depth before parsing) and the result is validated in full.
 */
export function decode(data: unknown): Result<ShareState> {
  if (typeof data !== 'string') return fail('share.link.malformed');
  const text = data.trim();
  if (text === '') return fail('share.error.empty');
  if (text.length > LIMITS.linkChars) return fail('share.link.tooLarge', { max: LIMITS.linkChars, size: text.length });
  const m = /^(\d{1,9})\.([A-Za-z0-9_-]*)$/.exec(text);
  if (!m) return fail('share.link.malformed');
  const version = Number(m[1]);
  if (version > SHARE_FORMAT_VERSION) return fail('share.error.newerVersion', { version });
  if (version < SHARE_FORMAT_VERSION) return fail('share.error.unsupportedVersion', { version });
  const json = inflateFromBase64url(m[2]!, LIMITS.linkInflatedBytes);
  if (!json.ok) return json;
  const parsed = parseUntrustedJson(json.value, { maxChars: LIMITS.linkInflatedBytes, maxDepth: LIMITS.jsonDepth, tooLarge: 'share.link.decompressedTooLarge' });
  if (!parsed.ok) return parsed;
  const raw = decodeWith(SHARE_SHAPE_V1, parsed.value);
  if (raw && typeof raw === 'object' && 'run' in raw) (raw as { run: unknown }).run = decodeRun(raw.run);
  return restoreShareState(raw);
}
