import { describe, expect, it } from 'vitest';
import { logsTopology } from '../model/testing/build';
import { GALLERY } from '../scenarios';
import { createEditorStore } from './editorStore';
import { createLessonStore, LESSON_KEY, loadLessonSession, loadWithSession } from './lessonStore';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

const lesson = { title: 'Mine', steps: [{ text: 'Watch', goal: { type: 'acked' as const } }] };

describe('lesson store', () => {
  it('keeps the lesson with the document: autosaved, read back, getLesson / setLesson', () => {
    const storage = new MemoryStorage();
    const a = createLessonStore({ storage });
    expect(a.getState().getLesson()).toBeNull();
    a.getState().setLesson(lesson);
    expect(a.getState().getLesson()).toEqual(lesson);
    const b = createLessonStore({ storage });
    expect(b.getState().lesson).toEqual(lesson);
    b.getState().setLesson(null);
    expect(createLessonStore({ storage }).getState().lesson).toBeNull();
  });

  it('reads a damaged save defensively, keeping the original as a backup', () => {
    const storage = new MemoryStorage();
    storage.setItem(LESSON_KEY, JSON.stringify({ lesson: { title: 'T', steps: [{ text: 'a', goal: { type: 'warp' } }] }, galleryId: 'nope' }));
    expect(loadLessonSession(storage)).toEqual({ lesson: { title: 'T', steps: [{ text: 'a' }] }, galleryId: null });
    expect(storage.getItem(`${LESSON_KEY}.backup`)).toContain('warp');
    storage.setItem(LESSON_KEY, '{not json');
    expect(loadLessonSession(storage)).toEqual({ lesson: null, galleryId: null });
  });

  it('undoing a load brings back the previous document and its lesson; redo the loaded one, with its edits', () => {
    const { doc } = logsTopology();
    const editor = createEditorStore({ initial: doc });
    const lessons = createLessonStore({ editor, initial: { lesson, galleryId: null } });
    const topics = GALLERY['topic-logs'];
    loadWithSession(editor, lessons, structuredClone(topics.scenario), { lesson: topics.lesson!, galleryId: 'topic-logs' });
    expect(editor.getState().doc.title).toBe('Topics: log facilities');
    expect(lessons.getState()).toMatchObject({ lesson: topics.lesson, galleryId: 'topic-logs' });
    editor.getState().setViewport({ x: 10, y: 20, zoom: 0.8 }); // the canvas remembers its view (no undo step)
    const edited = { ...topics.lesson!, title: 'Edited' };
    lessons.getState().setLesson(edited);
    editor.getState().undo();
    expect(editor.getState().doc).toBe(doc);
    expect(lessons.getState()).toMatchObject({ lesson, galleryId: null });
    editor.getState().redo();
    expect(lessons.getState()).toMatchObject({ lesson: edited, galleryId: 'topic-logs' });
  });

  it('leaves the lesson alone when an ordinary edit is undone', () => {
    const editor = createEditorStore();
    const lessons = createLessonStore({ editor });
    loadWithSession(editor, lessons, structuredClone(GALLERY['routing-severity'].scenario), { lesson: GALLERY['routing-severity'].lesson!, galleryId: 'routing-severity' });
    editor.getState().addFromPalette('queue', { x: 0, y: 0 });
    lessons.getState().setLesson(lesson);
    editor.getState().undo();
    expect(lessons.getState().lesson).toEqual(lesson);
  });
});
