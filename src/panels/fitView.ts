import type { FitViewOptions } from '@xyflow/react';

/**
 * How the canvas fits a topology into view (on opening, after loading a scenario or a file, after
 * tidying, and with the Fit view button): margins in pixels rather than a fraction of the view, so
 * a wide canvas is not wasted on empty border; a little more on the left, where the zoom controls
 * are. Never zoomed in beyond 100 %: a small topology stays at its natural size. Here (not in canvas/)
 * because the panels that load a document fit the view too.
 */
export const FIT_VIEW: FitViewOptions = {
  padding: { top: '28px', bottom: '28px', left: '56px', right: '32px' },
  maxZoom: 1,
};
