import { createContext, createElement, type ReactNode, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { EditorStore } from './editorStore';
import type { GalleryDeps } from './galleryLoad';
import { createLessonProgress, type LessonProgressStore, type ProgressState } from './lessonProgress';
import { createLessonStore, type LessonState } from './lessonStore';
import type { KeyValueStorage } from './persistence';
import { createSidePanelStore, followSelection, type SidePanelState, type SidePanelStore } from './sidePanel';
import type { SimController } from './simController';

interface LessonContextValue extends GalleryDeps {
  progress: LessonProgressStore;
  /** the panel beside the canvas: the inspector and the guide (scenario explanation and lesson) as tabs */
  side: SidePanelStore;
}

const LessonContext = createContext<LessonContextValue | null>(null);

/**
 * Creates the lesson store (autosaved next to the document), the progress that follows the
 * simulation (attached while mounted) and the side panel (the guide in front when there is something
 * to show, the inspector in front once something is selected). `prefs`: where the person's choice of
 * an open or folded side panel is remembered.
 */
export function useLessonSetup(editor: EditorStore, sim: SimController, storage: KeyValueStorage | undefined, prefs?: KeyValueStorage): LessonContextValue {
  const [setup] = useState(() => {
    const lessons = createLessonStore({ storage, editor });
    const progress = createLessonProgress(sim, lessons);
    const { lesson, galleryId } = lessons.getState();
    const side = createSidePanelStore({ tab: lesson !== null || galleryId !== null ? 'guide' : 'inspector', prefs });
    const attach = () => {
      const detach = progress.attach();
      const unfollow = followSelection(editor, side);
      return () => {
        detach();
        unfollow();
      };
    };
    return { attach, value: { editor, sim, lessons, progress: progress.store, side } };
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

export function useSidePanel<T>(selector: (s: SidePanelState) => T): T {
  return useStore(useLessonContext().side, selector);
}
