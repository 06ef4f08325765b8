import { create } from 'zustand';

/**
 * Present mode: the canvas fills the screen for a class (chrome reduced to the playback bar, lines
 * thicker, tokens bigger, the picture zoomed to fill the room). One per page: the editor and the
 * embedded player each mount one canvas at a time. `focus` is the node the view was zoomed to (Esc
 * goes back to the whole picture first, then out of present mode).
 */
interface PresentState {
  on: boolean;
  focus: string | null;
  set(on: boolean): void;
  setFocus(id: string | null): void;
}

export const usePresent = create<PresentState>((set) => ({
  on: false,
  focus: null,
  set: (on) => set({ on, focus: null }),
  setFocus: (focus) => set({ focus }),
}));

/** How much bigger tokens are drawn in present mode. */
export const PRESENT_TOKEN_SCALE = 1.35;
/** Present mode may zoom a small picture up to this. */
export const PRESENT_MAX_ZOOM = 1.8;
