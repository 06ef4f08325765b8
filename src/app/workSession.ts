import { createContext, useContext } from 'react';
import type { Scenario } from '../model';
import type { ShareError, ShareState } from '../share';
import type { LessonSession } from '../store/lessonStore';
import type { KeyValueStorage } from '../store/persistence';
import type { StorageHealth } from '../store/storageHealth';
import type { StoreApi } from 'zustand/vanilla';

/** A scenario taken from a shared view to become the person's own work. */
export interface KeptWork {
  doc: Scenario;
  session: LessonSession;
  speed: number;
  /** whether the work it replaced could be kept on the "previous work" list ('nothing': there was none) */
  previous: 'saved' | 'nothing' | 'failed';
  /** older previous work removed to make room for it */
  evicted: number;
}

/**
 * Whose work the editor shows. 'own': the person's autosaved work (real storage), maybe with a link
 * that could not be opened, or a shared scenario they just kept (loaded on top of their work, one undo
 * away). 'shared': a shared scenario in a view whose storage keeps their work untouched.
 */
export type WorkSession =
  | { kind: 'own'; storage: KeyValueStorage | undefined; linkError?: ShareError; kept?: KeptWork }
  | { kind: 'shared'; storage: KeyValueStorage; state: ShareState };

export interface WorkSessionApi {
  session: WorkSession;
  /** The person's own storage (for the list of previous work); undefined when storage is disabled. */
  realStorage: KeyValueStorage | undefined;
  /** Whether writes to it succeed (a blocked or full storage means the work is not being saved). */
  storageHealth: StoreApi<StorageHealth>;
  /** Makes the shared scenario (as it is now, edits included) the person's work. */
  keep(work: Omit<KeptWork, 'previous' | 'evicted'>): void;
  /** Leaves the shared view: the person's own work, as they left it. */
  back(): void;
  /** Hides the message about a link or a kept scenario. */
  dismiss(): void;
}

export const WorkSessionContext = createContext<WorkSessionApi | null>(null);

export function useWorkSession(): WorkSessionApi | null {
  return useContext(WorkSessionContext);
}
