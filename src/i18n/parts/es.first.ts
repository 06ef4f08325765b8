import type { MessageKey } from '../messages.en';
import { es } from '../messages.es';

/**
 * The part of the es dictionary the first canvas needs, fetched before it renders. Here (the dev
 * server, unit tests) it is the whole dictionary; the build replaces this module with only the keys
 * the first-load modules use (see textSplit.ts), and the rest with es.rest.ts.
 */
export const text: Partial<Record<MessageKey, string>> = es;
