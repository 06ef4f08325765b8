import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { type ExchangeType, NOMINAL, type PaletteKind, type Position, type Size, type SizeOf } from '../model';
import { FIT_VIEW } from '../panels/fitView';
import { useEditorApi } from '../store/useEditor';

export const CANVAS_ID = 'warren-canvas';

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

function nominalSize(kind: PaletteKind): Size {
  return kind === 'exchange' ? NOMINAL.exchange : kind === 'queue' ? NOMINAL.queue : { width: 210, height: 110 };
}

/** Canvas operations the palette and the toolbar need; must be used inside the ReactFlowProvider. */
export function useCanvasActions() {
  const store = useEditorApi();
  const { screenToFlowPosition, fitView } = useReactFlow();
  const sizeOf = useSizeOf();

  /** Adds at a flow position (the node's centre), nudged so it does not land exactly on another node. */
  const addAt = useCallback(
    (kind: PaletteKind, center: Position, exchangeType?: ExchangeType) => {
      const size = nominalSize(kind);
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

  /** Palette click / Enter: the new node lands in the middle of what the user sees. */
  const addInView = useCallback(
    (kind: PaletteKind, exchangeType?: ExchangeType) => {
      const el = document.getElementById(CANVAS_ID);
      const r = el?.getBoundingClientRect();
      const center = r ? screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      return addAt(kind, center, exchangeType);
    },
    [addAt, screenToFlowPosition],
  );

  const tidy = useCallback(() => {
    store.getState().tidy(sizeOf);
    // React Flow gets the new positions on the next render; fit after it.
    requestAnimationFrame(() => fitView({ ...FIT_VIEW, duration: 200 }));
  }, [store, sizeOf, fitView]);

  return { addAt, addInView, tidy, screenToFlowPosition, sizeOf };
}
