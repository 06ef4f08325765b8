import { createContext, createElement, type ReactNode, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { EditorStore } from './editorStore';
import type { GalleryDeps } from './galleryLoad';
import { createLessonProgress, type LessonProgressStore, type ProgressState } from './lessonProgress';
import { createLessonStore, type LessonState } from './lessonStore';
import type { KeyValueStorage } from './persistence';
import type { SimController } from './simController';

/** Whether the guide (scenario explanation and lesson) is shown, and the lesson being edited. */
export interface GuideState {
  open: boolean;
  editing: boolean;
  setOpen(open: boolean): void;
  setEditing(editing: boolean): void;
}

export const createGuideStore = (open: boolean) =>
  createStore<GuideState>()((set) => ({
    open,
    editing: false,
    setOpen: (o) => set(o ? { open: true } : { open: false, editing: false }),
    setEditing: (editing) => set(editing ? { editing, open: true } : { editing }),
  }));

interface LessonContextValue extends GalleryDeps {
  progress: LessonProgressStore;
  guide: ReturnType<typeof createGuideStore>;
}

const LessonContext = createContext<LessonContextValue | null>(null);

/**
 * Creates the lesson store (autosaved next to the document), the progress that follows the
 * simulation (attached while mounted) and the guide's visibility (shown when there is something to show).
 */
export function useLessonSetup(editor: EditorStore, sim: SimController, storage: KeyValueStorage | undefined): LessonContextValue {
  const [setup] = useState(() => {
    const lessons = createLessonStore({ storage, editor });
    const progress = createLessonProgress(sim, lessons);
    const { lesson, galleryId } = lessons.getState();
    const guide = createGuideStore(lesson !== null || galleryId !== null);
    return { attach: progress.attach, value: { editor, sim, lessons, progress: progress.store, guide } };
  });
  useEffect(() => setup.attach(), [setup]);
  return setup.value;
}

export function LessonProvider({ value, children }: { value: LessonContextValue; children: ReactNode }) {
  return createElement(LessonContext.Provider, { value }, children);
}

export function useLessonContext(): LessonContextValue {
  const v = useContext(LessonContext);
  if (!v) throw new Error('lesson hooks need a <LessonProvider>');
  return v;
}

export function useLessonState<T>(selector: (s: LessonState) => T): T {
  return useStore(useLessonContext().lessons, selector);
}

export function useLessonProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(useLessonContext().progress, selector);
}

export function useGuide<T>(selector: (s: GuideState) => T): T {
  return useStore(useLessonContext().guide, selector);
}
