import { emptyScenario } from '../model';
import type { GalleryScenario } from '../scenarios';
import type { EditorStore } from './editorStore';
import { type LessonStore, loadWithSession } from './lessonStore';
import { startRuns } from './programRuns';
import type { SimController } from './simController';

export interface GalleryDeps {
  editor: EditorStore;
  sim: SimController;
  lessons: LessonStore;
}

/**
 * Opens a gallery scenario: its document replaces the current one (one undoable step, the lesson
 * with it), the simulation starts over from time 0 at the scenario's speed and, unless asked not
 * to, plays — a student opening the gallery came to watch it run.
 */
export function loadGalleryScenario({ editor, sim, lessons }: GalleryDeps, g: GalleryScenario, opts: { play?: boolean } = {}): void {
  loadWithSession(editor, lessons, structuredClone(g.scenario), { lesson: g.lesson ? structuredClone(g.lesson) : null, galleryId: g.id });
  // the app forwards every document change to the simulation; doing it here too keeps this usable alone
  sim.setDocument(editor.getState().doc);
  sim.reset();
  // a code scenario: its programs start at time 0, as its simulated twin's clients do
  startRuns(sim, editor.getState().doc);
  sim.setSpeed(g.speed ?? 1);
  if (opts.play ?? true) sim.play();
  else sim.pause();
}

/**
 * "New scenario": an empty canvas with no explanation and no lesson, as one undoable step (Undo
 * brings back the previous document with its explanation and lesson). The run starts over, paused.
 */
export function newScenario({ editor, sim, lessons }: GalleryDeps): void {
  loadWithSession(editor, lessons, emptyScenario(), { lesson: null, galleryId: null });
  sim.setDocument(editor.getState().doc);
  sim.reset();
  sim.pause();
}
