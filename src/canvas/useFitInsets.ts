import { type RefObject, useLayoutEffect } from 'react';
import { setFitInsets } from '../panels/fitView';

/**
 * Reports the room the canvas's chrome takes to the fit view (panels/fitView.ts): the toolbar strip
 * over the top, the bottom strip (zoom controls, legend, the folded dock's tabs), and the mini map's
 * column on the right when it is shown. Re-measured whenever one of them changes size (a longer
 * legend, the toolbar wrapping to two rows in Spanish, the window resized).
 */
export function useFitInsets(top: RefObject<HTMLElement | null>, bottom: RefObject<HTMLElement | null>, right: number): void {
  useLayoutEffect(() => {
    const measure = () => {
      const t = top.current;
      const b = bottom.current;
      // the strips sit a margin away from the pane's edges: their far edge is what counts
      const pane = (t ?? b)?.closest('.canvas-flow')?.getBoundingClientRect();
      const tr = t?.getBoundingClientRect();
      const br = b?.getBoundingClientRect();
      setFitInsets({
        top: pane && tr ? Math.max(0, tr.bottom - pane.top) : 0,
        bottom: pane && br ? Math.max(0, pane.bottom - br.top) : 0,
        left: 0,
        right,
      });
    };
    measure();
    const ro = new ResizeObserver(measure);
    for (const el of [top.current, bottom.current]) if (el) ro.observe(el);
    return () => ro.disconnect();
  }, [top, bottom, right]);
}
