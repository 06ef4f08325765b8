import { createStore } from 'zustand/vanilla';
import type { Lesson } from '../model/lesson';
import { type LessonProgress, LessonTracker } from '../scenarios/goals/tracker';
import type { LessonStore } from './lessonStore';
import type { SimController } from './simController';

export interface ProgressState {
  /** the lesson being followed (the lesson store's), null without one */
  lesson: Lesson | null;
  progress: LessonProgress | null;
  /** Ticks a reading step (one without a goal) when it is the current one. */
  markDone(step: number): void;
  /** Starts the lesson over (without touching the simulation). */
  restart(): void;
}

/**
 * Follows the running simulation for the lesson of the lesson store: once per animation frame it
 * reads the events the simulation logged since the last frame (sim.log) and asks the broker about
 * state goals. A reset or rewind of a run (a new epoch after time had moved) and a changed lesson
 * start the progress over; events replayed by a rewind are not counted (the progress restarts at the point
 * rewound to). attach() starts following and returns the function that stops it (React effects
 * may attach, detach and attach again).
 */
export function createLessonProgress(sim: SimController, lessons: LessonStore) {
  let tracker: LessonTracker | null = null;
  /** the log's total when the tracker last read it: entries with seq >= this are new */
  let seen = sim.log.total;

  const store = createStore<ProgressState>()((set) => ({
    lesson: null,
    progress: null,
    markDone(step) {
      if (tracker?.markDone(step)) set({ progress: tracker.progress });
    },
    restart() {
      start(lessons.getState().lesson);
    },
  }));

  const start = (lesson: Lesson | null) => {
    tracker = lesson ? new LessonTracker(lesson) : null;
    seen = sim.log.total;
    if (tracker) tracker.evaluate(sim.world.broker);
    store.setState({ lesson, progress: tracker?.progress ?? null });
  };

  const onFrame = () => {
    if (!tracker) return;
    const total = sim.log.total;
    let changed = false;
    if (total > seen) {
      const entries = sim.log.entries();
      // the log is a ring buffer: if more arrived than it keeps, the oldest new ones are gone
      const from = entries.findIndex((x) => x.seq >= seen);
      changed = tracker.ingest(from < 0 ? [] : entries.slice(from).map((x) => x.e), sim.world.broker);
      seen = total;
    } else changed = tracker.evaluate(sim.world.broker);
    if (changed) store.setState({ progress: tracker.progress });
  };

  /** Starts following (again): subscribes to the simulation and the lesson store. Returns how to stop. */
  const attach = () => {
    let epoch = sim.ui.getState().epoch;
    const unsubscribeUi = sim.ui.subscribe((s, prev) => {
      if (s.epoch === epoch) return;
      epoch = s.epoch;
      // An edit before the run has started rebuilds the world at time 0 (a new epoch too): nothing
      // happened yet, so the progress (reading steps ticked, state goals met) is kept.
      const ran = prev.time > 0 || prev.horizon > 0;
      // A rewind replays from a checkpoint up to the time sought within the same call; start over
      // once it has finished, so that the replayed events are not counted as new.
      queueMicrotask(() => {
        if (ran) start(lessons.getState().lesson);
        else seen = sim.log.total;
      });
    });
    const unsubscribeLessons = lessons.subscribe((s, prev) => {
      if (s.lesson !== prev.lesson) start(s.lesson);
    });
    const unsubscribeFrame = sim.onFrame(onFrame);
    start(lessons.getState().lesson);
    return () => {
      unsubscribeUi();
      unsubscribeLessons();
      unsubscribeFrame();
    };
  };
  return { store, attach };
}

export type LessonProgressStore = ReturnType<typeof createLessonProgress>['store'];

