import type { FitViewOptions } from '@xyflow/react';

/**
 * How the canvas fits a topology into view (on opening, after loading a scenario or a file, after
 * tidying, and with the Fit view button): margins in pixels rather than a fraction of the view, so
 * a wide canvas is not wasted on empty border, plus the room the canvas's own chrome takes (the
 * toolbar strip at the top, the zoom controls and legend at the bottom, the mini map when shown):
 * after a fit, none of them covers a node. The canvas reports that room when it changes
 * (`setFitInsets`); the options are read when a fit happens, so every caller gets the current ones.
 * Never zoomed in beyond 100 % (a small topology stays at its natural size), except in present mode,
 * where the picture fills the screen. Here (not in canvas/) because the panels that load a document
 * fit the view too.
 */
export interface FitInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Room kept around the picture itself, in screen pixels, beyond the chrome. */
export const FIT_MARGIN = 12;

const insets: FitInsets = { top: 0, right: 0, bottom: 0, left: 0 };
let maxZoom = 1;

/** The canvas's chrome took this room (screen px from each edge of the pane). */
export function setFitInsets(next: FitInsets): void {
  Object.assign(insets, next);
}

/** Present mode lets a small picture grow past 100 % to fill the screen. */
export function setFitMaxZoom(zoom: number): void {
  maxZoom = zoom;
}

const px = (n: number) => `${Math.round(n + FIT_MARGIN)}px` as const;

export const FIT_VIEW: FitViewOptions = {
  get padding() {
    return { top: px(insets.top), right: px(insets.right), bottom: px(insets.bottom), left: px(insets.left) };
  },
  get maxZoom() {
    return maxZoom;
  },
};
