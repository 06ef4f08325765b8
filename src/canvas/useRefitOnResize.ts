import { getNodesBounds, getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { FIT_VIEW } from '../panels/fitView';
import { usePresent } from './present';
import { refitAfterResize, sameView, type SizeLike, type ViewportLike } from './refit';
import { viewDuration } from './useViewMotion';

/** How long the canvas's size must stand still before the view follows (a splitter being dragged). */
const SETTLE_MS = 140;

type Padding = Parameters<typeof getViewportForBounds>[5];

/**
 * The view follows the canvas when a panel opens or folds (refit.ts): a fitted picture is fitted
 * again (the chrome's room kept free, never below readable on its own), a view the person set
 * themselves keeps its zoom and its middle. Whether the view is fitted is noted each time it
 * stands still (after a fit, a pan, a zoom), before any resize, when the chrome's room it was
 * fitted with is still the one measured. Present mode fits its own view when it turns on or off.
 */
export function useRefitOnResize(): void {
  const api = useStoreApi();
  const { fitView, setViewport, getNodes } = useReactFlow();
  useEffect(() => {
    const viewOf = (): ViewportLike => {
      const [x, y, zoom] = api.getState().transform;
      return { x, y, zoom };
    };
    const fittedAt = (size: SizeLike): ViewportLike | null => {
      const nodes = getNodes().filter((n) => !n.hidden);
      if (nodes.length === 0 || size.width <= 0 || size.height <= 0) return null;
      const s = api.getState();
      return getViewportForBounds(getNodesBounds(nodes), size.width, size.height, s.minZoom, FIT_VIEW.maxZoom ?? s.maxZoom, FIT_VIEW.padding as Padding);
    };
    let size: SizeLike = { width: api.getState().width, height: api.getState().height };
    let fitted = false;
    // present mode as it was when the view last stood still (turning it on or off resizes the canvas, and fits by itself)
    let present = usePresent.getState().on;
    let noteTimer = 0;
    let resizeTimer = 0;
    let burst: { from: SizeLike; view: ViewportLike; fitted: boolean; present: boolean } | null = null;
    const note = () => {
      const f = fittedAt(size);
      fitted = !!f && sameView(viewOf(), f);
      present = usePresent.getState().on;
    };
    const settle = () => {
      const b = burst;
      burst = null;
      if (!b || usePresent.getState().on !== b.present) return;
      // the view moved while the canvas was resizing (the person pressed Fit view, zoomed, or a
      // scenario opened and fitted itself): that view is the one wanted, not one derived from before
      if (!sameView(viewOf(), b.view)) return;
      const r = refitAfterResize(b.from, size, b.view, b.fitted ? b.view : null);
      if (r?.kind === 'fit') void fitView({ ...FIT_VIEW, minZoom: r.minZoom, duration: viewDuration(200) });
      else if (r?.kind === 'keep') void setViewport(r.viewport);
    };
    let transform = api.getState().transform;
    const unsubscribe = api.subscribe((s) => {
      if (s.transform !== transform) {
        transform = s.transform;
        window.clearTimeout(noteTimer);
        noteTimer = window.setTimeout(note, SETTLE_MS);
      }
      if (s.width === size.width && s.height === size.height) return;
      const from = size;
      size = { width: s.width, height: s.height };
      // the first change of a burst: what the view was then is what counts
      burst ??= { from, view: viewOf(), fitted, present };
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(settle, SETTLE_MS);
    });
    note();
    return () => {
      unsubscribe();
      window.clearTimeout(noteTimer);
      window.clearTimeout(resizeTimer);
    };
  }, [api, fitView, setViewport, getNodes]);
}
