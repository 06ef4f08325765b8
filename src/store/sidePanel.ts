import { createStore } from 'zustand/vanilla';
import type { EditorStore } from './editorStore';
import type { KeyValueStorage } from './persistence';

/** The two tabs of the panel beside the canvas. */
export const SIDE_TABS = ['inspector', 'guide'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** Where the person's choice of a folded or open side panel is remembered (a preference, not work). */
export const SIDE_KEY = 'warren.side';

/**
 * The panel beside the canvas: which tab is in front (the inspector or the guide), whether the
 * panel is open or folded to a narrow rail (the canvas then gets the whole width), and whether the
 * lesson is being edited in the guide.
 */
export interface SidePanelState {
  tab: SideTab;
  expanded: boolean;
  editing: boolean;
  /** Brings a tab forward and opens the panel (a gallery scenario or a lesson was loaded; a tab was clicked). */
  show(tab: SideTab): void;
  /** Brings a tab forward without opening a folded panel (something was selected on the canvas). */
  select(tab: SideTab): void;
  /** Opens or folds the panel; the choice is remembered. */
  setExpanded(expanded: boolean): void;
  /** Starts (and shows) or ends editing the lesson. */
  setEditing(editing: boolean): void;
}

export type SidePanelStore = ReturnType<typeof createSidePanelStore>;

/** The remembered choice: open unless the person folded the panel last time. */
export function readExpanded(prefs: KeyValueStorage | undefined): boolean {
  try {
    return prefs?.getItem(SIDE_KEY) !== 'folded';
  } catch {
    return true; // storage disabled
  }
}

function remember(prefs: KeyValueStorage | undefined, expanded: boolean): void {
  try {
    prefs?.setItem(SIDE_KEY, expanded ? 'open' : 'folded');
  } catch {
    // not remembered, still applied
  }
}

/** `prefs`: where the open/folded choice is kept (none in the embedded player: it writes nothing). */
export function createSidePanelStore({ tab, prefs }: { tab: SideTab; prefs?: KeyValueStorage | undefined }) {
  return createStore<SidePanelState>()((set, get) => ({
    tab,
    expanded: readExpanded(prefs),
    editing: false,
    show: (t) => {
      if (!get().expanded) remember(prefs, true);
      set({ tab: t, expanded: true });
    },
    select: (t) => set({ tab: t }),
    setExpanded: (expanded) => {
      remember(prefs, expanded);
      set({ expanded });
    },
    setEditing: (editing) => {
      if (editing) get().show('guide');
      set({ editing });
    },
  }));
}

/** Is the guide what the person sees now? (The header's Guide button shows this state.) */
export const guideVisible = (s: SidePanelState) => s.expanded && s.tab === 'guide';

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Selecting something (on the canvas, by keyboard, by pasting) brings the inspector forward: its
 * form is what the person wants next. Clearing the selection leaves the tab as it is, so clicking
 * the empty canvas while reading the guide does not take the guide away. Returns how to stop.
 */
export function followSelection(editor: EditorStore, side: SidePanelStore): () => void {
  return editor.subscribe((s, prev) => {
    const { nodes, edges } = s.selection;
    if (s.selection === prev.selection || nodes.length + edges.length === 0) return;
    if (sameIds(nodes, prev.selection.nodes) && sameIds(edges, prev.selection.edges)) return;
    side.getState().select('inspector');
  });
}
