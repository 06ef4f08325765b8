import { create } from 'zustand';

export const DOCK_TABS = ['log', 'message', 'charts', 'programs'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

/** Below this window height the canvas needs all the room it can get: the dock starts folded. */
export const TALL_ENOUGH_PX = 820;
const STORAGE_KEY = 'warren.dock';
const SIZE_KEY = 'warren.dock.size';
/** The dock's first height, in % of the column it shares with the canvas. */
export const DEFAULT_DOCK_SIZE = 30;
/** The heights a remembered size may have, in % of the column (the splitter itself keeps within these). */
export const DOCK_SIZE_RANGE = { min: 5, max: 70 } as const;

/** Which panel the dock under the canvas shows, whether it is folded away, and its height when open. */
interface DockState {
  tab: DockTab;
  open: boolean;
  /** height when open, in % of the column (the splitter between canvas and dock sets it) */
  size: number;
  show: (tab: DockTab) => void;
  setOpen: (open: boolean) => void;
  /** A new height from the splitter; `remember` once the drag (or key press) is over. */
  setSize: (size: number, remember?: boolean) => void;
}

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null; // storage disabled: the defaults apply
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // not remembered, still applied
  }
}

/**
 * The person's last choice (open or folded) is remembered; the first time, the dock is open on
 * screens tall enough for both the canvas and the panels, folded (tabs still visible) on
 * shorter laptop screens.
 */
function initialOpen(): boolean {
  const saved = read(STORAGE_KEY);
  if (saved === 'open' || saved === 'folded') return saved === 'open';
  return (globalThis.innerHeight ?? TALL_ENOUGH_PX) >= TALL_ENOUGH_PX;
}

export const clampDockSize = (size: number) => Math.min(DOCK_SIZE_RANGE.max, Math.max(DOCK_SIZE_RANGE.min, size));

function initialSize(): number {
  const saved = Number(read(SIZE_KEY));
  return Number.isFinite(saved) && saved > 0 ? clampDockSize(saved) : DEFAULT_DOCK_SIZE;
}

export const useDock = create<DockState>((set) => ({
  tab: 'log',
  open: initialOpen(),
  size: initialSize(),
  show: (tab) => set({ tab, open: true }),
  setOpen: (open) => {
    write(STORAGE_KEY, open ? 'open' : 'folded');
    set({ open });
  },
  setSize: (size, remember = false) => {
    const s = clampDockSize(size);
    if (remember) write(SIZE_KEY, String(Math.round(s * 10) / 10));
    set({ size: s });
  },
}));
