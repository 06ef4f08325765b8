import { createContext, createElement, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import { createLiveStore, type LiveState, type QueueCounts, selectQueueCounts } from './liveCounts';
import type { EditorState, EditorStore } from './editorStore';

/**
 * The editor store reaches components through context (one per app; tests and embeds can mount
 * their own). Components read narrow slices with selectors, so a drag re-renders only what moved.
 */
const EditorContext = createContext<EditorStore | null>(null);
const LiveContext = createContext<ReturnType<typeof createLiveStore> | null>(null);

export function EditorProvider({ store, live, children }: { store: EditorStore; live?: ReturnType<typeof createLiveStore>; children: ReactNode }) {
  const liveStore = live ?? defaultLive;
  return createElement(EditorContext.Provider, { value: store }, createElement(LiveContext.Provider, { value: liveStore }, children));
}

const defaultLive = createLiveStore();

export function useEditorApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor needs an <EditorProvider>');
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}

/** Ready / unacked / consumers of a queue from the running engine (zeros until the simulation feeds them). */
export function useQueueCounts(queueName: string): QueueCounts {
  const live = useContext(LiveContext) ?? defaultLive;
  return useStore(live, (s: LiveState) => selectQueueCounts(s, queueName));
}
