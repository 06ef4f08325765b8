import { createStore, type StoreApi } from 'zustand/vanilla';
import { AUTOSAVE_KEY, type KeyValueStorage } from './persistence';

/**
 * Whether the person's work is being saved. Autosave writes to the browser's storage, which may be
 * blocked (privacy settings, a sandboxed frame), full (the quota), or throw for other reasons; the
 * stores that write swallow the error (the work still runs), so this watches the writes instead and
 * says so at once, for a persistent notice (app/StorageNotice) that offers to save a file.
 */
export type StorageProblem = 'blocked' | 'full' | 'error';

export interface StorageHealth {
  /** null while writes succeed */
  problem: StorageProblem | null;
}

export interface WatchedStorage {
  /** The storage to use: every write goes through it (undefined when there is none at all). */
  storage: KeyValueStorage | undefined;
  health: StoreApi<StorageHealth>;
}

/** The key written once at start, to find out at once whether anything can be stored. */
export const PROBE_KEY = 'warren.storageCheck';

const problemOf = (e: unknown): StorageProblem => {
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? 'full' : name === 'SecurityError' ? 'blocked' : 'error';
};

/**
 * Wraps the browser's storage so that a failed write is noticed (the caller still gets the error),
 * and a later successful write of the work (the autosave) clears it. Probes with a tiny write first.
 */
export function watchStorage(real: KeyValueStorage | undefined): WatchedStorage {
  const health = createStore<StorageHealth>()(() => ({ problem: real ? null : 'blocked' }));
  if (!real) return { storage: undefined, health };
  const storage: KeyValueStorage = {
    getItem: (key) => real.getItem(key),
    setItem: (key, value) => {
      try {
        real.setItem(key, value);
      } catch (e) {
        health.setState({ problem: problemOf(e) });
        throw e;
      }
      if (key === AUTOSAVE_KEY && health.getState().problem !== null) health.setState({ problem: null });
    },
  };
  try {
    storage.setItem(PROBE_KEY, '1');
  } catch {
    // recorded in health
  }
  return { storage, health };
}
