import type { Explanation, RestoreResult, Scenario } from '../model';
import { validators } from './validators';

/** The part of the Web Storage API the editor uses (a Map-backed fake in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const AUTOSAVE_KEY = 'warren.scenario';
/** Where an unreadable saved state is kept before it is overwritten, so nothing is lost for good. */
export const BACKUP_KEY = 'warren.scenario.backup';

export interface Loaded {
  scenario: Scenario;
  status: RestoreResult['status'] | 'empty';
  problems: Explanation[];
}

/**
 * Reads the autosaved scenario. Never throws: storage may be disabled, the value may be truncated JSON,
 * from an older or newer Warren, or tampered with. Whatever validates is kept; if anything was not, the
 * raw value is copied to BACKUP_KEY first.
 */
export function loadAutosave(storage: KeyValueStorage | undefined, key = AUTOSAVE_KEY): Loaded | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const r = validators().restoreScenario(parsed);
  if (r.status !== 'ok') {
    try {
      storage?.setItem(`${key}.backup`, raw);
    } catch {
      // no room for the backup: the message still tells the user what happened
    }
  }
  return { scenario: r.scenario, status: r.status, problems: r.problems };
}

/** Writes the scenario; false if storage refused (full, disabled). */
export function saveAutosave(storage: KeyValueStorage | undefined, scenario: Scenario, key = AUTOSAVE_KEY): boolean {
  try {
    storage?.setItem(key, JSON.stringify(scenario));
    return storage !== undefined;
  } catch {
    return false;
  }
}
