import { describe, expect, it } from 'vitest';
import { deleteElements, emptyScenario } from '../model';
import { GALLERY } from '../scenarios';
import { createEditorStore } from './editorStore';
import { loadGalleryScenario, newScenario } from './galleryLoad';
import { gallerySessionFits } from './gallerySession';
import { createLessonStore } from './lessonStore';
import { shareSourceOf } from './shareLink';
import { SimController } from './simController';

function app() {
  const editor = createEditorStore({ initial: emptyScenario() });
  const sim = new SimController(editor.getState().doc);
  const lessons = createLessonStore({ editor });
  // as the app does: every document change reaches the simulation
  editor.subscribe((s, prev) => s.doc !== prev.doc && sim.setDocument(s.doc));
  return { editor, sim, lessons };
}

describe('New scenario', () => {
  it('empties the canvas and drops the explanation and lesson, in one undoable step', () => {
    const deps = app();
    loadGalleryScenario(deps, GALLERY['topic-logs']);
    expect(deps.lessons.getState().galleryId).toBe('topic-logs');
    newScenario(deps);
    const doc = deps.editor.getState().doc;
    expect([doc.exchanges, doc.queues, doc.bindings, doc.apps]).toEqual([[], [], [], []]);
    expect(doc.title).toBe('');
    expect(deps.lessons.getState()).toMatchObject({ galleryId: null, lesson: null });
    expect(deps.sim.world.now).toBe(0);
    expect(deps.sim.ui.getState().playing).toBe(false);
    deps.editor.getState().undo();
    expect(deps.editor.getState().doc.exchanges.map((x) => x.name)).toEqual(['topic_logs']);
    expect(deps.lessons.getState().galleryId).toBe('topic-logs');
    expect(deps.lessons.getState().lesson).toEqual(GALLERY['topic-logs'].lesson);
  });
});

describe('an explanation that no longer fits the canvas', () => {
  it('fits while most of what the gallery scenario drew is there, and no longer once it is replaced', () => {
    const g = GALLERY['publisher-confirms'];
    expect(gallerySessionFits(g.scenario, g.id)).toBe(true);
    const oneGone = deleteElements(g.scenario, [g.scenario.apps[1]!.id]);
    expect(gallerySessionFits(oneGone, g.id)).toBe(true);
    expect(gallerySessionFits(emptyScenario(), g.id)).toBe(false);
    const rebuilt = { ...emptyScenario(), queues: [{ ...g.scenario.queues[0]!, id: 'q-mine', name: 'mine' }] };
    expect(gallerySessionFits(rebuilt, g.id)).toBe(false);
  });

  it('is not carried by links, files or embeds, nor is the gallery lesson that goes with it', () => {
    const deps = app();
    loadGalleryScenario(deps, GALLERY['topic-logs']);
    expect(shareSourceOf(deps.editor.getState().doc, deps.sim, deps.lessons)).toMatchObject({ galleryId: 'topic-logs', lesson: GALLERY['topic-logs'].lesson });
    const doc = deps.editor.getState().doc;
    deps.editor.getState().deleteElements([...doc.exchanges, ...doc.queues, ...doc.apps].map((n) => n.id), []);
    expect(shareSourceOf(deps.editor.getState().doc, deps.sim, deps.lessons)).toMatchObject({ galleryId: null, lesson: null });
    // a lesson the teacher wrote stays with the document
    const mine = { title: 'Mine', steps: [{ text: 'Watch' }] };
    deps.lessons.getState().setLesson(mine);
    expect(shareSourceOf(deps.editor.getState().doc, deps.sim, deps.lessons)).toMatchObject({ galleryId: null, lesson: mine });
  });
});
