import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../model';
import type { Lesson } from '../model/lesson';
import { isScenarioId, type ScenarioId } from '../scenarios/types';
import type { EditorStore } from './editorStore';
import type { KeyValueStorage } from './persistence';
import { validators } from './validators';

/** What travels with the document besides the topology: its lesson, and which gallery scenario it came from. */
export interface LessonSession {
  lesson: Lesson | null;
  /** the gallery scenario loaded (its explanation is shown), if the document came from the gallery */
  galleryId: ScenarioId | null;
}

export interface LessonState extends LessonSession {
  getLesson(): Lesson | null;
  /** The lesson kept with the document (a teacher's edit, a link, a file); null removes it. */
  setLesson(lesson: Lesson | null): void;
  /** Replaces lesson and gallery origin together (see loadWithSession for a whole document). */
  setSession(session: LessonSession): void;
}

export const LESSON_KEY = 'warren.lesson';
const EMPTY: LessonSession = { lesson: null, galleryId: null };

/** Reads the saved session; what cannot be read is dropped (and the raw text kept in `<key>.backup`). */
export function loadLessonSession(storage: KeyValueStorage | undefined, key = LESSON_KEY): LessonSession {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return EMPTY;
  }
  if (raw === null) return EMPTY;
  let parsed: Record<string, unknown> | null = null;
  try {
    const v: unknown = JSON.parse(raw);
    parsed = v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    parsed = null;
  }
  const r = validators().restoreLesson(parsed?.lesson);
  const galleryId = isScenarioId(parsed?.galleryId) ? parsed.galleryId : null;
  if (!parsed || r.problems.length) {
    try {
      storage?.setItem(`${key}.backup`, raw);
    } catch {
      // no room for the backup
    }
  }
  return { lesson: r.lesson, galleryId };
}

export function saveLessonSession(storage: KeyValueStorage | undefined, s: LessonSession, key = LESSON_KEY): void {
  try {
    storage?.setItem(key, JSON.stringify({ version: 1, lesson: s.lesson, galleryId: s.galleryId }));
  } catch {
    // storage full or disabled: the lesson still works for this visit
  }
}

export interface LessonStoreOptions {
  storage?: KeyValueStorage;
  storageKey?: string;
  /** the editor whose document the lesson goes with (undoing a load brings the previous lesson back) */
  editor?: EditorStore;
  initial?: LessonSession;
}

/**
 * The lesson kept with the document, autosaved next to it, for the lesson panel, the gallery and the
 * share links (getLesson / setLesson). A document loaded with its lesson (gallery, link) is one
 * undoable step in the editor: undoing it brings back the previous document AND its lesson.
 */
export function createLessonStore(options: LessonStoreOptions = {}) {
  const { storage, storageKey = LESSON_KEY } = options;
  const store = createStore<LessonState>()((set, get) => ({
    ...(options.initial ?? (storage ? loadLessonSession(storage, storageKey) : EMPTY)),
    getLesson: () => get().lesson,
    setLesson: (lesson) => set({ lesson }),
    setSession: (session) => set({ lesson: session.lesson, galleryId: session.galleryId }),
  }));
  if (storage) {
    store.subscribe((s, prev) => {
      if (s.lesson !== prev.lesson || s.galleryId !== prev.galleryId) saveLessonSession(storage, s, storageKey);
    });
  }
  if (options.editor) followUndo(store, options.editor);
  return store;
}

export type LessonStore = ReturnType<typeof createLessonStore>;

interface Boundary {
  before: Scenario;
  after: Scenario;
  sessionBefore: LessonSession;
  sessionAfter: LessonSession;
  side: 'before' | 'after';
}

const boundaries = new WeakMap<LessonStore, Boundary[]>();
const BOUNDARIES_KEPT = 50;

function session(s: LessonState): LessonSession {
  return { lesson: s.lesson, galleryId: s.galleryId };
}

/**
 * Loads a document with its lesson as one undoable step: editor.load(doc) and the session, remembered
 * together so that undo and redo across this load swap the lesson too (lesson edits made on either
 * side are kept).
 */
export function loadWithSession(editor: EditorStore, lessons: LessonStore, doc: Scenario, next: LessonSession): void {
  const before = editor.getState().doc;
  const list = boundaries.get(lessons) ?? [];
  const b: Boundary = { before, after: doc, sessionBefore: session(lessons.getState()), sessionAfter: next, side: 'after' };
  boundaries.set(lessons, [...list.slice(-(BOUNDARIES_KEPT - 1)), b]);
  editor.getState().load(doc);
  // after the document: whoever follows the lesson checks it against the new topology
  lessons.getState().setSession(next);
}

function followUndo(lessons: LessonStore, editor: EditorStore): void {
  editor.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    const list = boundaries.get(lessons) ?? [];
    // The view the user last had is remembered in the document without an undo step: the document
    // the history will return is then the one with the new view.
    if (s.history === prev.history && s.gesture === null && prev.gesture === null) {
      for (const b of list) {
        if (b.before === prev.doc) b.before = s.doc;
        if (b.after === prev.doc) b.after = s.doc;
      }
      return;
    }
    for (const b of [...list].reverse()) {
      if (s.doc === b.before && b.side === 'after') {
        b.sessionAfter = session(lessons.getState());
        b.side = 'before';
        lessons.getState().setSession(b.sessionBefore);
        return;
      }
      if (s.doc === b.after && b.side === 'before') {
        b.sessionBefore = session(lessons.getState());
        b.side = 'after';
        lessons.getState().setSession(b.sessionAfter);
        return;
      }
    }
  });
}
