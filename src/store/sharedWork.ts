import { type Explanation, restoreScenario, type Scenario } from '../model';
import type { Lesson } from '../model/lesson';
import { restoreLesson } from '../model/schemas/lesson';
import { isScenarioId } from '../scenarios';
import type { ShareState } from '../share';
import { type LessonSession, LESSON_KEY, saveLessonSession } from './lessonStore';
import { AUTOSAVE_KEY, type KeyValueStorage, saveAutosave } from './persistence';

/**
 * A person's own work lives in storage under AUTOSAVE_KEY (the document) and LESSON_KEY (its lesson).
 * Opening somebody else's scenario (a shared link) must never overwrite it silently, and keeping the
 * shared scenario must never lose it: this module holds the two tools for that.
 *
 * - `viewStorage`: the storage of a shared view. The keys of the person's work (and their backups) live
 *   in memory, preloaded with the shared scenario; every other key (language, panel layout) is the
 *   real storage. The editor and lesson stores of a shared view autosave into it as usual, and nothing
 *   they write reaches the person's saved work.
 * - "Previous work": before a shared scenario (or a restored older work) replaces the saved work, the
 *   saved work is pushed on a short list in storage, so it can be restored later, even after a reload.
 */

/** Keys of the person's work: the document, the lesson, and the backups kept of each. */
const WORK_KEYS = [AUTOSAVE_KEY, LESSON_KEY];
const isWorkKey = (key: string) => WORK_KEYS.some((k) => key === k || key.startsWith(`${k}.`));

export function viewStorage(real: KeyValueStorage | undefined, shared: ShareState): KeyValueStorage {
  const memory = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (key) => (isWorkKey(key) ? (memory.get(key) ?? null) : (real?.getItem(key) ?? null)),
    setItem: (key, value) => {
      if (isWorkKey(key)) memory.set(key, value);
      else real?.setItem(key, value);
    },
  };
  saveAutosave(storage, shared.scenario);
  saveLessonSession(storage, sessionOf(shared));
  return storage;
}

/** The lesson and gallery origin a shared state brings (a lesson goal this Warren cannot read is left out). */
export function sessionOf(shared: Pick<ShareState, 'lesson' | 'gallery'>): LessonSession {
  return { lesson: restoreLesson(shared.lesson).lesson, galleryId: shared.gallery ?? null };
}

// ------------------------------------------------------------------ previous work

export const PREVIOUS_WORK_KEY = 'warren.previousWork';
/** Enough to go back a few times; each entry is a few kilobytes. */
export const PREVIOUS_WORK_KEPT = 10;
/**
 * The most the list may take in storage (characters): a browser gives a site about 5 million, and the
 * work being edited needs its share. Beyond it, or when the browser refuses the write, the oldest
 * entries go first (the newest is always tried), and the caller is told how many went.
 */
export const PREVIOUS_WORK_MAX_CHARS = 1_000_000;

export interface PushResult {
  status: 'saved' | 'nothing' | 'failed';
  /** older entries removed to make room */
  evicted: number;
}

/** The saved work as stored: raw text, so even a damaged save is kept exactly as it was. */
export interface RawWork {
  scenario: string;
  lesson: string | null;
}

interface StoredEntry extends RawWork {
  savedAt: number;
}

export interface PreviousWork {
  savedAt: number;
  scenario: Scenario;
  session: LessonSession;
  /** what could not be read back (a damaged save), as for any restore */
  problems: Explanation[];
}

function readList(storage: KeyValueStorage | undefined): StoredEntry[] {
  try {
    const raw = storage?.getItem(PREVIOUS_WORK_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    const list = parsed && typeof parsed === 'object' && Array.isArray((parsed as { entries?: unknown }).entries) ? (parsed as { entries: unknown[] }).entries : [];
    return list.filter(
      (e): e is StoredEntry =>
        !!e && typeof e === 'object' && typeof (e as StoredEntry).scenario === 'string' && typeof (e as StoredEntry).savedAt === 'number' && ((e as StoredEntry).lesson === null || typeof (e as StoredEntry).lesson === 'string'),
    );
  } catch {
    return [];
  }
}

const listText = (entries: StoredEntry[]) => JSON.stringify({ version: 1, entries });

/**
 * Writes the list, newest first, within PREVIOUS_WORK_KEPT entries and PREVIOUS_WORK_MAX_CHARS: the
 * oldest entries are dropped until it fits and the browser accepts it. `evicted` counts what went
 * beyond what was asked to be written (so the caller can say so).
 */
function writeList(storage: KeyValueStorage | undefined, wanted: StoredEntry[]): { ok: boolean; evicted: number } {
  if (!storage) return { ok: false, evicted: 0 };
  const entries = wanted.slice(0, PREVIOUS_WORK_KEPT);
  let evicted = 0;
  while (entries.length > 1 && listText(entries).length > PREVIOUS_WORK_MAX_CHARS) {
    entries.pop();
    evicted++;
  }
  for (;;) {
    try {
      storage.setItem(PREVIOUS_WORK_KEY, listText(entries));
      return { ok: true, evicted };
    } catch {
      if (entries.length <= 1) return { ok: false, evicted };
      entries.pop();
      evicted++;
    }
  }
}

/** The work saved in storage now (null when there is none). */
export function readSavedWork(storage: KeyValueStorage | undefined): RawWork | null {
  try {
    const scenario = storage?.getItem(AUTOSAVE_KEY) ?? null;
    return scenario === null ? null : { scenario, lesson: storage?.getItem(LESSON_KEY) ?? null };
  } catch {
    return null;
  }
}

/** The work of a document and its lesson, as the autosave writes it. */
export function rawWork(doc: Scenario, session: LessonSession): RawWork {
  return { scenario: JSON.stringify(doc), lesson: JSON.stringify({ version: 1, lesson: session.lesson, galleryId: session.galleryId }) };
}

/** An empty canvas is not work anybody needs back. */
function isEmptyWork(w: RawWork): boolean {
  const r = restoreScenario(safeParse(w.scenario));
  const s = r.scenario;
  return r.status === 'ok' && s.exchanges.length + s.queues.length + s.apps.length === 0;
}

const safeParse = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Puts `work` first on the list of previous work (unless it is empty, or the same as the newest entry).
 * 'failed' when storage refused (full, disabled): the caller says so, and the work is still one undo
 * away. `evicted`: older entries removed to make room (beyond the usual PREVIOUS_WORK_KEPT).
 */
export function pushPreviousWork(storage: KeyValueStorage | undefined, work: RawWork | null, now: number): PushResult {
  if (!work || isEmptyWork(work)) return { status: 'nothing', evicted: 0 };
  const list = readList(storage);
  const newest = list[0];
  if (newest && newest.scenario === work.scenario && newest.lesson === work.lesson) return { status: 'saved', evicted: 0 };
  const wanted = [{ savedAt: now, ...work }, ...list].slice(0, PREVIOUS_WORK_KEPT);
  const r = writeList(storage, wanted);
  return { status: r.ok ? 'saved' : 'failed', evicted: r.evicted };
}

/** The previous works, newest first, read back as they would be restored. */
export function listPreviousWork(storage: KeyValueStorage | undefined): PreviousWork[] {
  return readList(storage).map(readEntry);
}

function readEntry(e: StoredEntry): PreviousWork {
  const r = restoreScenario(safeParse(e.scenario));
  const lessonRaw = safeParse(e.lesson) as { lesson?: unknown; galleryId?: unknown } | undefined;
  const lesson: Lesson | null = restoreLesson(lessonRaw?.lesson).lesson;
  const galleryId = isScenarioId(lessonRaw?.galleryId) ? lessonRaw.galleryId : null;
  return { savedAt: e.savedAt, scenario: r.scenario, session: { lesson, galleryId }, problems: r.problems };
}

/**
 * Restores entry `index`: it leaves the list, and `current` (the work it replaces) takes its place at the
 * front, so restoring is itself reversible. Null when there is no such entry.
 */
export function swapPreviousWork(storage: KeyValueStorage | undefined, index: number, current: RawWork | null, now: number): PreviousWork | null {
  const list = readList(storage);
  const entry = list[index];
  if (!entry) return null;
  const rest = list.filter((_, i) => i !== index);
  const keep = current && !isEmptyWork(current) && !(current.scenario === entry.scenario && current.lesson === entry.lesson);
  writeList(storage, keep ? [{ savedAt: now, ...current }, ...rest] : rest);
  return readEntry(entry);
}
