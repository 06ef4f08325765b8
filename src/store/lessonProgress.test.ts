import { describe, expect, it } from 'vitest';
import { applyConnection, checkConnection, type Scenario } from '../model';
import { GALLERY } from '../scenarios';
import { createEditorStore } from './editorStore';
import { loadGalleryScenario } from './galleryLoad';
import { createLessonProgress } from './lessonProgress';
import { createLessonStore } from './lessonStore';
import { SimController } from './simController';

const noBudget = () => false;
const flush = () => new Promise<void>((r) => setTimeout(r, 0));

function setup(id: 'topic-logs' | 'routing-severity' | 'work-queues-speeds' = 'topic-logs') {
  const editor = createEditorStore();
  const sim = new SimController(editor.getState().doc);
  editor.subscribe((s, prev) => s.doc !== prev.doc && sim.setDocument(s.doc));
  const lessons = createLessonStore({ editor });
  const progress = createLessonProgress(sim, lessons);
  const { store } = progress;
  const detach = progress.attach();
  loadGalleryScenario({ editor, sim, lessons }, GALLERY[id]);
  /** what the driver does each animation frame */
  const frames = (ms: number, frame = 50) => {
    for (let t = 0; t < ms; t += frame) {
      sim.tick(frame, noBudget);
      sim.frame();
    }
  };
  const bind = (exchange: string, queue: string, key: string) =>
    editor.getState().edit((doc: Scenario) => {
      const plan = checkConnection(doc, { node: doc.exchanges.find((e) => e.name === exchange)!.id }, { node: doc.queues.find((q) => q.name === queue)!.id });
      if (plan.action === 'refuse') throw new Error(plan.reason.key);
      const r = applyConnection(doc, plan, { routingKey: key, arguments: {} });
      if (!r.ok) throw new Error('binding failed');
      return r.doc;
    });
  return { editor, sim, lessons, store, detach, frames, bind, progress };
}

describe('lesson progress in the app', () => {
  it('follows the running simulation frame by frame and ticks steps in order', async () => {
    const { store, frames, bind, sim } = setup('topic-logs');
    await flush();
    expect(sim.ui.getState().playing).toBe(true);
    expect(store.getState().progress).toMatchObject({ current: 0, complete: false });
    frames(8000);
    expect(store.getState().progress!.done).toEqual([true, false, false, false]);
    bind('topic_logs', 'kern', 'kern.*');
    frames(5000);
    expect(store.getState().progress!.current).toBe(2);
  });

  it('starts over on reset and rewind, without counting replayed events', async () => {
    const { store, frames, sim } = setup('topic-logs');
    await flush();
    frames(8000);
    expect(store.getState().progress!.current).toBe(1);
    sim.seek(7000);
    await flush();
    expect(store.getState().progress!.current).toBe(0);
    frames(100);
    expect(store.getState().progress!.counts[0]).toBe(0); // the replayed stretch did not count
    frames(8000);
    expect(store.getState().progress!.current).toBe(1);
    sim.reset();
    await flush();
    expect(store.getState().progress).toMatchObject({ current: 0, counts: [0, 0, 0, 0] });
  });

  it('checks state goals even while paused, and ticks reading steps by hand', async () => {
    const { store, frames, bind, lessons, sim } = setup('routing-severity');
    await flush();
    sim.pause();
    lessons.getState().setLesson({
      title: 'Mine',
      steps: [{ text: 'Read this' }, { text: 'Bind disk with warning', goal: { type: 'binding-exists', exchange: 'direct_logs', queue: 'disk', key: 'warning' } }],
    });
    frames(100);
    expect(store.getState().progress!.current).toBe(0);
    store.getState().markDone(1); // not the current step: ignored
    store.getState().markDone(0);
    expect(store.getState().progress!.current).toBe(1);
    bind('direct_logs', 'disk', 'warning');
    await flush();
    frames(100);
    expect(store.getState().progress).toMatchObject({ current: 2, complete: true });
  });

  it('follows the lesson store: another lesson, or none', async () => {
    const { store, lessons } = setup('work-queues-speeds');
    await flush();
    expect(store.getState().lesson).toBe(lessons.getState().lesson);
    lessons.getState().setLesson(null);
    expect(store.getState()).toMatchObject({ lesson: null, progress: null });
  });

  it('stops following when detached', async () => {
    const { store, frames, detach } = setup('topic-logs');
    await flush();
    detach();
    frames(8000);
    expect(store.getState().progress!.current).toBe(0);
  });

  it('can be attached again after a detach (as React effects do in strict mode)', async () => {
    const { store, frames, detach, progress } = setup('topic-logs');
    detach();
    const again = progress.attach();
    await flush();
    frames(8000);
    expect(store.getState().progress!.current).toBe(1);
    again();
  });
});
