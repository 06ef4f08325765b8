import { createContext, createElement, type ReactNode, useContext, useEffect } from 'react';
import { useStore } from 'zustand';
import { startDriver } from './driver';
import type { LiveState } from './liveCounts';
import type { PlaybackState, SimController } from './simController';

/** The simulation reaches components through context (tests and embeds mount their own). */
const SimContext = createContext<SimController | null>(null);

export function SimProvider({ controller, children }: { controller: SimController; children: ReactNode }) {
  return createElement(SimContext.Provider, { value: controller }, children);
}

export function useSim(): SimController {
  const c = useContext(SimContext);
  if (!c) throw new Error('useSim needs a <SimProvider>');
  return c;
}

export function usePlayback<T>(selector: (s: PlaybackState) => T): T {
  return useStore(useSim().ui, selector);
}

export function useLive<T>(selector: (s: LiveState) => T): T {
  return useStore(useSim().live, selector);
}

/** Runs the animation-frame driver while the component is mounted. */
export function useSimDriver(controller: SimController): void {
  useEffect(() => startDriver(controller), [controller]);
}
