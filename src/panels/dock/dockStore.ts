import { create } from 'zustand';

export const DOCK_TABS = ['log', 'message', 'charts'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

/** Which panel the dock under the canvas shows, and whether it is folded away. */
interface DockState {
  tab: DockTab;
  open: boolean;
  show: (tab: DockTab) => void;
  setOpen: (open: boolean) => void;
}

export const useDock = create<DockState>((set) => ({
  tab: 'log',
  open: true,
  show: (tab) => set({ tab, open: true }),
  setOpen: (open) => set({ open }),
}));
