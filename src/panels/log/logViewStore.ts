import { create } from 'zustand';
import { type LogFilter, NO_FILTER } from './filter';

/** The event log's filters, kept while the panel is hidden behind another tab. */
interface LogViewState {
  filter: LogFilter;
  setFilter: (patch: Partial<LogFilter>) => void;
  clear: () => void;
}

export const useLogView = create<LogViewState>((set) => ({
  filter: NO_FILTER,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clear: () => set({ filter: NO_FILTER }),
}));
