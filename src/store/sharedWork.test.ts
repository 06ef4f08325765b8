import { describe, expect, it } from 'vitest';
import { emptyScenario, type Scenario } from '../model';
import { GALLERY } from '../scenarios';
import { createEditorStore } from './editorStore';
import { createLessonStore, LESSON_KEY } from './lessonStore';
import { AUTOSAVE_KEY, type KeyValueStorage } from './persistence';
import { listPreviousWork, PREVIOUS_WORK_KEPT, PREVIOUS_WORK_KEY, PREVIOUS_WORK_MAX_CHARS, pushPreviousWork, rawWork, readSavedWork, swapPreviousWork, viewStorage } from './sharedWork';

function memory(entries: Record<string, string> = {}): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const mine: Scenario = { ...GALLERY['hello-world'].scenario, title: 'My own work' };
const shared = GALLERY['work-queues-speeds'];
const myLesson = JSON.stringify({ version: 1, lesson: { title: 'Mine', steps: [{ text: 'do it' }] }, galleryId: null });

describe('the storage of a shared view', () => {
  it('presents the shared scenario and its lesson as the saved work, and keeps every write of the work in memory', async () => {
    const real = memory({ [AUTOSAVE_KEY]: JSON.stringify(mine), [LESSON_KEY]: myLesson, 'warren.locale': 'es' });
    const before = new Map(real.map);
    const view = viewStorage(real, { v: 1, scenario: shared.scenario, lesson: shared.lesson, gallery: shared.id });
    const editor = createEditorStore({ storage: view, autosaveMs: 0 });
    const lessons = createLessonStore({ storage: view, editor });
    expect(editor.getState().doc).toEqual(shared.scenario);
    expect(editor.getState().notice).toBeNull();
    expect(lessons.getState()).toMatchObject({ lesson: shared.lesson, galleryId: 'work-queues-speeds' });
    // edits and lesson changes autosave... into the view only
    editor.getState().edit((d) => ({ ...d, title: 'changed in the shared view' }));
    lessons.getState().setLesson(null);
    await new Promise((r) => setTimeout(r, 5));
    expect(JSON.parse(view.getItem(AUTOSAVE_KEY)!).title).toBe('changed in the shared view');
    expect(real.map).toEqual(before);
    // other keys are the real storage
    expect(view.getItem('warren.locale')).toBe('es');
    view.setItem('warren.locale', 'en');
    expect(real.map.get('warren.locale')).toBe('en');
  });

  it('works without any real storage (a sandboxed iframe)', () => {
    const view = viewStorage(undefined, { v: 1, scenario: shared.scenario });
    expect(createEditorStore({ storage: view }).getState().doc).toEqual(shared.scenario);
    expect(view.getItem('warren.locale')).toBeNull();
  });
});

describe('previous work', () => {
  it('keeps the saved work, newest first, and not twice in a row', () => {
    const real = memory({ [AUTOSAVE_KEY]: JSON.stringify(mine), [LESSON_KEY]: myLesson });
    expect(pushPreviousWork(real, readSavedWork(real), 1000).status).toBe('saved');
    expect(pushPreviousWork(real, readSavedWork(real), 2000).status).toBe('saved');
    const list = listPreviousWork(real);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ savedAt: 1000, scenario: mine, session: { lesson: { title: 'Mine' }, galleryId: null }, problems: [] });
  });

  it('has nothing to keep when there is no saved work or only an empty canvas', () => {
    const real = memory();
    expect(pushPreviousWork(real, readSavedWork(real), 1).status).toBe('nothing');
    real.setItem(AUTOSAVE_KEY, JSON.stringify(emptyScenario()));
    expect(pushPreviousWork(real, readSavedWork(real), 1).status).toBe('nothing');
    expect(real.map.has(PREVIOUS_WORK_KEY)).toBe(false);
  });

  it('keeps a damaged save exactly as it was, and reads back what it can', () => {
    const real = memory({ [AUTOSAVE_KEY]: '{"version":1,"queues":[{"id":"q1","name":"kept"},{"id":' });
    expect(pushPreviousWork(real, readSavedWork(real), 5).status).toBe('saved');
    expect(JSON.parse(real.map.get(PREVIOUS_WORK_KEY)!).entries[0].scenario).toBe('{"version":1,"queues":[{"id":"q1","name":"kept"},{"id":');
    expect(listPreviousWork(real)[0]!.problems.length).toBeGreaterThan(0);
  });

  it(`keeps the ${PREVIOUS_WORK_KEPT} newest`, () => {
    const real = memory();
    for (let i = 0; i < PREVIOUS_WORK_KEPT + 3; i++) pushPreviousWork(real, rawWork({ ...mine, title: `work ${i}` }, { lesson: null, galleryId: null }), i);
    const titles = listPreviousWork(real).map((w) => w.scenario.title);
    expect(titles).toHaveLength(PREVIOUS_WORK_KEPT);
    expect(titles[0]).toBe(`work ${PREVIOUS_WORK_KEPT + 2}`);
  });

  it(`is bounded in size (${PREVIOUS_WORK_MAX_CHARS} characters): the oldest go first, and the caller is told how many`, () => {
    const real = memory();
    // each work about 300,000 characters: three fit, a fourth pushes the oldest out
    const big = (i: number) => rawWork({ ...mine, title: `big ${i}`, description: 'x'.repeat(300_000) }, { lesson: null, galleryId: null });
    for (let i = 0; i < 3; i++) expect(pushPreviousWork(real, big(i), i)).toEqual({ status: 'saved', evicted: 0 });
    expect(pushPreviousWork(real, big(3), 3)).toEqual({ status: 'saved', evicted: 1 });
    expect(listPreviousWork(real).map((w) => w.scenario.title)).toEqual(['big 3', 'big 2', 'big 1']);
    expect(real.map.get(PREVIOUS_WORK_KEY)!.length).toBeLessThanOrEqual(PREVIOUS_WORK_MAX_CHARS);
  });

  it('when the browser refuses the list, drops the oldest until it accepts it', () => {
    const map = new Map<string, string>();
    // a browser with room for about 2 small works in this key
    const tight: KeyValueStorage = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => {
        if (v.length > 2.5 * JSON.stringify(mine).length) throw new DOMException('quota', 'QuotaExceededError');
        map.set(k, v);
      },
    };
    for (let i = 0; i < 2; i++) pushPreviousWork(tight, rawWork({ ...mine, title: `w${i}` }, { lesson: null, galleryId: null }), i);
    expect(pushPreviousWork(tight, rawWork({ ...mine, title: 'w2' }, { lesson: null, galleryId: null }), 2)).toEqual({ status: 'saved', evicted: 1 });
    expect(listPreviousWork(tight).map((w) => w.scenario.title)).toEqual(['w2', 'w1']);
  });

  it('restoring swaps: the restored entry leaves the list and the current work takes its place', () => {
    const real = memory();
    pushPreviousWork(real, rawWork(mine, { lesson: null, galleryId: null }), 1);
    const current = rawWork(shared.scenario, { lesson: null, galleryId: 'work-queues-speeds' });
    const back = swapPreviousWork(real, 0, current, 2);
    expect(back?.scenario).toEqual(mine);
    const list = listPreviousWork(real);
    expect(list.map((w) => w.scenario.title)).toEqual([shared.scenario.title]);
    expect(list[0]!.session.galleryId).toBe('work-queues-speeds');
    expect(swapPreviousWork(real, 5, current, 3)).toBeNull();
  });

  it('says when storage refuses, and survives garbage in its own key', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(pushPreviousWork(full, rawWork(mine, { lesson: null, galleryId: null }), 1).status).toBe('failed');
    expect(listPreviousWork(memory({ [PREVIOUS_WORK_KEY]: '{"entries":[1,{"scenario":3}]' }))).toEqual([]);
    expect(listPreviousWork(memory({ [PREVIOUS_WORK_KEY]: '{"entries":[1,{"scenario":3}]}' }))).toEqual([]);
  });
});
