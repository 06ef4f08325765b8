import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { appRole, type ExchangeType, freeSpot, newNodeSize, type PaletteKind, paletteCenter, type Position, type Rect, type Scenario, type Size, type SizeOf } from '../model';
import { FIT_VIEW } from '../panels/fitView';
import { viewDuration } from './useViewMotion';
import { useEditorApi } from '../store/useEditor';

import { CANVAS_ID } from '../panels/canvasId';

export { CANVAS_ID };

/** Sizes React Flow measured, for layout (nominal sizes are used for nodes not measured yet). */
export function useSizeOf(): SizeOf {
  const { getInternalNode } = useReactFlow();
  return useCallback(
    (id: string): Size | undefined => {
      const n = getInternalNode(id);
      return n?.measured.width && n.measured.height ? { width: n.measured.width, height: n.measured.height } : undefined;
    },
    [getInternalNode],
  );
}

/**
 * The size the canvas draws a node just added from the palette (as canvas.css draws a new one: an
 * exchange with its durable badge, a queue, an app with one connection, one channel and one client),
 * so that it is placed where it will not cover anything.
 */
const DRAWN: Record<PaletteKind, Size> = {
  exchange: { width: 192, height: 78 },
  queue: { width: 230, height: 96 },
  producer: { width: 250, height: 131 },
  consumer: { width: 250, height: 131 },
};

/** The size a new node of `kind` will have: like the biggest of its kind already drawn, else the estimate. */
export function expectedSize(doc: Scenario, kind: PaletteKind, sizeOf: SizeOf): Size {
  const same = kind === 'exchange' ? doc.exchanges : kind === 'queue' ? doc.queues : doc.apps.filter((a) => appRole(a) === kind);
  const size = { ...DRAWN[kind] };
  for (const n of same) {
    const m = sizeOf(n.id);
    if (m) {
      size.width = Math.max(size.width, m.width);
      size.height = Math.max(size.height, m.height);
    }
  }
  return size;
}

/** Margin (screen pixels) kept between a node added in view and the edges of the canvas. */
const VIEW_MARGIN = 16;

/** Canvas operations the palette and the toolbar need; must be used inside the ReactFlowProvider. */
export function useCanvasActions() {
  const store = useEditorApi();
  const { screenToFlowPosition, fitView, setCenter, getZoom, getInternalNode, flowToScreenPosition } = useReactFlow();
  const sizeOf = useSizeOf();

  /** Adds at a flow position (the node's centre, where it was dropped), nudged so it does not land exactly on another node. */
  const addAt = useCallback(
    (kind: PaletteKind, center: Position, exchangeType?: ExchangeType) => {
      const size = newNodeSize(kind);
      const doc = store.getState().doc;
      const taken = [...doc.exchanges, ...doc.queues, ...doc.apps].map((n) => n.position);
      const pos = { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) };
      while (taken.some((p) => Math.abs(p.x - pos.x) < 20 && Math.abs(p.y - pos.y) < 20)) {
        pos.x += 30;
        pos.y += 30;
      }
      return store.getState().addFromPalette(kind, pos, sizeOf, exchangeType);
    },
    [store, sizeOf],
  );

  /**
   * Palette click / Enter: the new node lands at the free spot nearest the middle of what the user
   * sees (over no other node), inside the view when there is room.
   */
  const addInView = useCallback(
    (kind: PaletteKind, exchangeType?: ExchangeType) => {
      const r = document.getElementById(CANVAS_ID)?.getBoundingClientRect();
      // the part of the canvas the person sees: not under the palette and toolbar strip at the top, nor
      // under the zoom controls and legend at the bottom (the room the fit view keeps free too)
      const pad = FIT_VIEW.padding as { top: string; bottom: string; left: string; right: string };
      const inset = (v: string) => Number.parseFloat(v) || 0;
      const m = r ? Math.min(VIEW_MARGIN, r.width / 4, r.height / 4) : 0;
      const top = r ? Math.min(Math.max(m, inset(pad.top)), r.height / 3) : 0;
      const bottom = r ? Math.min(Math.max(m, inset(pad.bottom)), r.height / 3) : 0;
      const corner = r ? screenToFlowPosition({ x: r.left + m, y: r.top + top }) : null;
      const far = r ? screenToFlowPosition({ x: r.right - m, y: r.bottom - bottom }) : null;
      const view: Rect | undefined = corner && far ? { ...corner, width: far.x - corner.x, height: far.y - corner.y } : undefined;
      // each kind aims at its own part of the view (producers left ... consumers right), so that nodes
      // added one after another spread out in the order messages flow
      const center = view ? paletteCenter(kind, view) : { x: 0, y: 0 };
      const doc = store.getState().doc;
      const size = expectedSize(doc, kind, sizeOf);
      const pos = freeSpot(doc, kind, center, { view, sizeOf, size });
      const id = store.getState().addFromPalette(kind, pos, sizeOf, exchangeType);
      // no free room in view: the node went beside it, and the view follows it (a node added out of sight
      // would be selected, and invisible)
      const placed = nodePosition(store.getState().doc, id) ?? pos;
      const inView = view && placed.x >= view.x && placed.y >= view.y && placed.x + size.width <= view.x + view.width && placed.y + size.height <= view.y + view.height;
      if (view && !inView) void setCenter(placed.x + size.width / 2, placed.y + size.height / 2, { zoom: getZoom(), duration: viewDuration(200) });
      return id;
    },
    [store, sizeOf, screenToFlowPosition, setCenter, getZoom],
  );

  const tidy = useCallback(() => {
    // once the layout is committed (its engine may still be loading), React Flow gets the new
    // positions when it next renders, which on a busy machine can be several frames later: fit once
    // its nodes are where the document now says (a second at most), not to the old positions
    const fitWhenDrawn = (doc: Scenario, frames: number) => {
      const drawn = [...doc.exchanges, ...doc.queues, ...doc.apps].every((n) => {
        const i = getInternalNode(n.id);
        return !i || (i.position.x === n.position.x && i.position.y === n.position.y);
      });
      if (drawn || frames === 0) requestAnimationFrame(() => fitView({ ...FIT_VIEW, duration: viewDuration(200) }));
      else requestAnimationFrame(() => fitWhenDrawn(doc, frames - 1));
    };
    void store
      .getState()
      .tidy(sizeOf)
      .then(() => fitWhenDrawn(store.getState().doc, 60));
  }, [store, sizeOf, fitView, getInternalNode]);

  /**
   * Nodes that grew (or were pushed) must not end up under the canvas's chrome or out of view: when
   * one of them does, the view fits the picture again (the fit keeps the chrome's room free).
   */
  const keepInView = useCallback(
    (ids: string[]) => {
      requestAnimationFrame(() => {
        const pane = document.getElementById(CANVAS_ID)?.getBoundingClientRect();
        if (!pane) return;
        const pad = FIT_VIEW.padding as { top: string; bottom: string; left: string; right: string };
        const inset = (v: string) => Number.parseFloat(v) || 0;
        for (const id of ids) {
          const n = getInternalNode(id);
          if (!n?.measured.width || !n.measured.height) continue;
          const a = flowToScreenPosition(n.internals.positionAbsolute);
          const b = flowToScreenPosition({ x: n.internals.positionAbsolute.x + n.measured.width, y: n.internals.positionAbsolute.y + n.measured.height });
          const covered = a.y < pane.top + inset(pad.top) - 12 || b.y > pane.bottom - inset(pad.bottom) + 12 || a.x < pane.left || b.x > pane.right - inset(pad.right) + 12;
          const wasInView = a.x < pane.right && b.x > pane.left && a.y < pane.bottom && b.y > pane.top;
          if (covered && wasInView) {
            void fitView({ ...FIT_VIEW, duration: 200 });
            return;
          }
        }
      });
    },
    [getInternalNode, flowToScreenPosition, fitView],
  );

  return { addAt, addInView, tidy, keepInView, screenToFlowPosition, sizeOf };
}

function nodePosition(doc: Scenario, id: string): Position | undefined {
  return (doc.exchanges.find((x) => x.id === id) ?? doc.queues.find((x) => x.id === id) ?? doc.apps.find((x) => x.id === id))?.position;
}
