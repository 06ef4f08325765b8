import type { MessageKey } from '../messages.en';
import { en } from '../messages.en';

/**
 * The part of the en dictionary the first canvas needs, fetched before it renders. Here (the dev
 * server, unit tests) it is the whole dictionary; the build replaces this module with only the keys
 * the first-load modules use (see textSplit.ts), and the rest with en.rest.ts.
 */
export const text: Partial<Record<MessageKey, string>> = en;
