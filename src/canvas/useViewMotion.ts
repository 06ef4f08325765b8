import { useReactFlow } from '@xyflow/react';
import { useReducedMotion } from 'framer-motion';
import { type MouseEvent, useMemo } from 'react';

/** True when the person asked their system for reduced motion (read at the moment of use). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How long a view pan or zoom animates: `ms`, or 0 (a jump) with reduced motion. */
export const viewDuration = (ms: number): number => (prefersReducedMotion() ? 0 : ms);

/**
 * With reduced motion, a double click on the pane zooms in at once instead of React Flow's animated
 * zoom (d3-zoom's 250 ms transition, which no React Flow option shortens): the props to spread on
 * <ReactFlow>. Wheel, pinch and the zoom buttons never animate.
 */
export function useViewMotion(maxZoom: number) {
  const reduce = useReducedMotion() ?? false;
  const { getViewport, setViewport } = useReactFlow();
  return useMemo(() => {
    if (!reduce) return {};
    const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
      if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
      const r = e.currentTarget.getBoundingClientRect();
      const { x, y, zoom } = getViewport();
      const k = Math.min(maxZoom, zoom * 2);
      const px = e.clientX - r.left;
      const py = e.clientY - r.top;
      void setViewport({ x: px - ((px - x) * k) / zoom, y: py - ((py - y) * k) / zoom, zoom: k });
    };
    return { zoomOnDoubleClick: false, onDoubleClick };
  }, [reduce, getViewport, setViewport, maxZoom]);
}
