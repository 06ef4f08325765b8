import { type Edge, type Node, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { BROKER_NODE_ID } from '../model';
import { aDialogIsOpen } from '../panels/dialogOpen';
import { FIT_VIEW, setFitMaxZoom } from '../panels/fitView';
import { PRESENT_MAX_ZOOM, usePresent } from './present';

/** Where a key already means something else (typing, choosing, a focused control). */
const KEEPS_KEYS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="tab"], [role="listbox"], [role="menu"]';

const afterLayout = (f: () => void) => requestAnimationFrame(() => requestAnimationFrame(f));

/**
 * Present mode's behaviour on a canvas: the P key enters and leaves it, the page goes full screen
 * (where the browser allows it; leaving full screen leaves present mode), the view fits the picture
 * again in the room it has now (up to PRESENT_MAX_ZOOM), + and - zoom, 0 fits everything; clicking
 * a node (or Enter on it) zooms to it and the nodes it is linked to, and Esc goes back to the whole
 * picture, then out of present mode. Space and → keep playing and stepping (usePlaybackKeys).
 */
export function usePresentMode(): { onNodeClick: (e: unknown, node: Node) => void } {
  const on = usePresent((s) => s.on);
  const { fitView, zoomIn, zoomOut, getEdges } = useReactFlow();

  const fitAll = useCallback(() => afterLayout(() => void fitView({ ...FIT_VIEW, duration: 250 })), [fitView]);

  /**
   * Esc: back to the whole picture when zoomed to a part, else out of present mode. In full screen
   * the browser takes Esc too (it leaves full screen, with or without telling the page the key):
   * whichever comes first does the step, the other is ignored.
   */
  const lastEsc = useRef(-Infinity);
  const onEscape = useCallback((fromKey: boolean) => {
    if (fromKey) lastEsc.current = performance.now();
    else if (performance.now() - lastEsc.current < 400) return;
    const present = usePresent.getState();
    if (present.focus) {
      present.setFocus(null);
      void fitView({ ...FIT_VIEW, duration: 250 });
    } else present.set(false);
  }, [fitView]);

  // the room changed (chrome hidden or back) and so did the zoom allowed: fit the picture again;
  // not when the canvas first appears (it opens at the view the person saved, or fits by itself)
  const wasOn = useRef(on);
  useEffect(() => {
    setFitMaxZoom(on ? PRESENT_MAX_ZOOM : 1);
    if (wasOn.current !== on) fitAll();
    wasOn.current = on;
    if (!on) return;
    const root = document.documentElement;
    let entered = false;
    if (!document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen().then(
        () => {
          entered = true;
        },
        () => {}, // not allowed here (an iframe without allowfullscreen): present mode works in the window
      );
    }
    const onChange = () => {
      if (entered && !document.fullscreenElement) {
        entered = false;
        onEscape(false);
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
    };
  }, [on, fitAll, onEscape]);

  const zoomTo = useCallback(
    (id: string) => {
      const ids = new Set([id]);
      for (const edge of getEdges() as Edge[]) {
        if (edge.type === 'connection') continue;
        if (edge.source === id) ids.add(edge.target);
        if (edge.target === id) ids.add(edge.source);
      }
      usePresent.getState().setFocus(id);
      void fitView({ ...FIT_VIEW, nodes: [...ids].map((n) => ({ id: n })), duration: 300 });
    },
    [fitView, getEdges],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || aDialogIsOpen()) return;
      if (e.target instanceof Element && e.target.closest(KEEPS_KEYS)) return;
      const present = usePresent.getState();
      const node = e.target instanceof Element ? e.target.closest('.react-flow__node')?.getAttribute('data-id') : null;
      if (e.key === 'p' || e.key === 'P') present.set(!present.on);
      else if (!present.on) return;
      else if (e.key === 'Enter' && node && node !== BROKER_NODE_ID) zoomTo(node);
      else if (e.key === 'Escape') onEscape(true);
      else if (e.key === '+' || e.key === '=') void zoomIn({ duration: 150 });
      else if (e.key === '-' || e.key === '_') void zoomOut({ duration: 150 });
      else if (e.key === '0') {
        present.setFocus(null);
        void fitView({ ...FIT_VIEW, duration: 250 });
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fitView, zoomIn, zoomOut, zoomTo, onEscape]);

  const onNodeClick = useCallback(
    (_: unknown, node: Node) => {
      if (usePresent.getState().on && node.type !== 'broker') zoomTo(node.id);
    },
    [zoomTo],
  );
  return { onNodeClick };
}
