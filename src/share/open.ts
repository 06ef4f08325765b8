import { decode } from './codec';
import type { Result } from './errors';
import type { ShareState } from './restore';
import { browserLocation, type LocationLike, readShareHash } from './url';

// Apart from url.ts, which the editor loads at once (writing the link), so that the decoder (inflate,
// validation, zod) is only fetched when the page was opened with a link.

/**
 * Reads and decodes the shared state the page was opened with: null when there is none, otherwise the
 * decoded state (or why it could not be read) and whether to open as the player.
 */
export function loadSharedState(loc: LocationLike | undefined = browserLocation()): { result: Result<ShareState>; embed: boolean } | null {
  const h = readShareHash(loc);
  if (h.data === null) return null;
  const result = decode(h.data);
  const embed = h.embed || (result.ok && result.value.mode === 'embed');
  return { result, embed };
}
