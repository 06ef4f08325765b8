/**
 * What the view does when the canvas changes size because the person opened or folded a panel (the
 * dock under the canvas, the side panel, the window itself). React Flow keeps the viewport's
 * top-left corner where it was, so a dock opening over the bottom of the picture would leave the
 * nodes there under the legend and the zoom controls, or out of the canvas. A teacher expects:
 * - a picture that was fitted (as every scenario opens, and after Fit view or Tidy layout) stays
 *   fitted: it is fitted again to the new size, with the chrome's room kept free, but never smaller
 *   than readable (names 14 px, figures 12 px on screen: READABLE_ZOOM), unless it was already
 *   smaller before;
 * - a view the person zoomed or panned themselves (a part of the picture they are explaining) is
 *   theirs: the zoom stays, and what was in the middle of the canvas stays in the middle.
 * Whether the view was fitted is seen by comparing it with the fit of the old size: no flag to
 * keep in step with every way the view can move. Pure.
 */
export interface ViewportLike {
  x: number;
  y: number;
  zoom: number;
}

export interface SizeLike {
  width: number;
  height: number;
}

/** The smallest zoom a refit goes down to on its own: names (19 px) at 14 px, other texts (16 px) at 12 px. */
export const READABLE_ZOOM = 0.75;

export type Refit = { kind: 'fit'; minZoom: number } | { kind: 'keep'; viewport: ViewportLike } | null;

/** Whether two viewports are the same view (a fit animates to whole pixels and back: a little slack). */
export function sameView(a: ViewportLike, b: ViewportLike): boolean {
  return Math.abs(a.x - b.x) <= 2 && Math.abs(a.y - b.y) <= 2 && Math.abs(a.zoom - b.zoom) <= 0.01 * b.zoom;
}

/**
 * The view after the canvas went from `before` to `after`: `view` is the viewport now, `fitted` the
 * viewport a fit gave at the old size (null when there is nothing to fit).
 */
export function refitAfterResize(before: SizeLike, after: SizeLike, view: ViewportLike, fitted: ViewportLike | null): Refit {
  if (before.width <= 0 || before.height <= 0 || after.width <= 0 || after.height <= 0) return null;
  if (Math.abs(before.width - after.width) < 1 && Math.abs(before.height - after.height) < 1) return null;
  if (fitted && sameView(view, fitted)) return { kind: 'fit', minZoom: Math.min(READABLE_ZOOM, view.zoom) };
  // the person's own view: the same zoom, the same point in the middle
  return { kind: 'keep', viewport: { x: view.x + (after.width - before.width) / 2, y: view.y + (after.height - before.height) / 2, zoom: view.zoom } };
}
