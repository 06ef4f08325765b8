import type { MessageKey } from '../messages.en';

/**
 * The rest of the en dictionary, fetched once the first canvas is up. Empty here (the dev server and
 * unit tests get the whole dictionary in en.first.ts); the build fills it (see textSplit.ts).
 */
export const text: Partial<Record<MessageKey, string>> = {};
