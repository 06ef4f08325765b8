import { create } from 'zustand';

export const DOCK_TABS = ['log', 'message', 'charts'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

/** Below this window height the canvas needs all the room it can get: the dock starts folded. */
export const TALL_ENOUGH_PX = 820;
const STORAGE_KEY = 'warren.dock';

/** Which panel the dock under the canvas shows, and whether it is folded away. */
interface DockState {
  tab: DockTab;
  open: boolean;
  show: (tab: DockTab) => void;
  setOpen: (open: boolean) => void;
}

/**
 * The person's last choice (open or folded) is remembered; the first time, the dock is open on
 * screens tall enough for both the canvas and the panels, folded (tabs still visible) on
 * shorter laptop screens.
 */
function initialOpen(): boolean {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'open' || saved === 'folded') return saved === 'open';
  } catch {
    // storage disabled: fall back to the screen size
  }
  return (globalThis.innerHeight ?? TALL_ENOUGH_PX) >= TALL_ENOUGH_PX;
}

function remember(open: boolean): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, open ? 'open' : 'folded');
  } catch {
    // not remembered, still applied
  }
}

export const useDock = create<DockState>((set) => ({
  tab: 'log',
  open: initialOpen(),
  show: (tab) => set({ tab, open: true }),
  setOpen: (open) => {
    remember(open);
    set({ open });
  },
}));
