import type { Connection, EdgeChange, FinalConnectionState, IsValidConnection, NodeChange, OnDelete } from '@xyflow/react';
import { type DragEvent, useCallback, useRef } from 'react';
import { BROKER_NODE_ID, brokerFrame, checkConnection, DEFAULT_EXCHANGE_NODE_ID, defaultExchangePosition, EXCHANGE_TYPES, type ExchangeType, type PaletteKind, type Position, type Size } from '../model';
import { PALETTE_MIME } from '../panels/Palette';
import { useEditorApi } from '../store/useEditor';
import type { FlowEdge } from './flowEdges';
import type { FlowNode } from './flowNodes';
import { useCanvasActions } from './useCanvasActions';


const PALETTE_KINDS: readonly PaletteKind[] = ['producer', 'exchange', 'queue', 'consumer'];

function pointOf(event: MouseEvent | TouchEvent): { x: number; y: number } | null {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : null;
  }
  return { x: event.clientX, y: event.clientY };
}

/** The canvas node under a screen point (a line dropped on a node's body rather than on a handle). */
function nodeAt(point: { x: number; y: number } | null): string | null {
  if (!point) return null;
  for (const el of document.elementsFromPoint(point.x, point.y)) {
    const node = el.closest('.react-flow__node');
    const id = node?.getAttribute('data-id');
    if (id && id !== BROKER_NODE_ID) return id;
  }
  return null;
}

/**
 * React Flow's callbacks, translated into editor operations. The document is the truth: React Flow's
 * changes are read as requests (move, select, delete, connect), never applied to a copy of its own.
 */
export function useFlowHandlers(setMeasured: (f: (m: Map<string, Size>) => Map<string, Size>) => void) {
  const store = useEditorApi();
  const { addAt, screenToFlowPosition, sizeOf, keepInView } = useCanvasActions();
  // the sizes last measured: a node measured taller than before grew (a channel added)
  const heights = useRef(new Map<string, number>());

  // The frame is derived from its contents, so dragging it means moving everything in it by as much.
  const moveBrokerContents = useCallback(
    (to: Position): Record<string, Position> => {
      const doc = store.getState().doc;
      const from = brokerFrame(doc, sizeOf);
      const dx = Math.round(to.x - from.x);
      const dy = Math.round(to.y - from.y);
      const out: Record<string, Position> = {};
      for (const n of [...doc.exchanges, ...doc.queues]) out[n.id] = { x: n.position.x + dx, y: n.position.y + dy };
      if (doc.broker.showDefaultExchange) {
        const d = defaultExchangePosition(doc);
        out[DEFAULT_EXCHANGE_NODE_ID] = { x: d.x + dx, y: d.y + dy };
      }
      return out;
    },
    [store, sizeOf],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const positions: Record<string, Position> = {};
      let moving = false;
      let final = false;
      let selection: Set<string> | null = null;
      const measured: [string, Size][] = [];
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) measured.push([c.id, c.dimensions]);
        else if (c.type === 'position') {
          if (c.position) positions[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
          if (c.dragging) moving = true;
          else final = true;
        } else if (c.type === 'select') {
          selection ??= new Set(store.getState().selection.nodes);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (measured.length) {
        const grown = measured.filter(([id, d]) => (heights.current.get(id) ?? d.height) < d.height - 0.5).map(([id]) => id);
        for (const [id, d] of measured) heights.current.set(id, d.height);
        if (grown.length) {
          // it may now cover its neighbours, or reach under the canvas's chrome: make room, keep it in view
          store.getState().makeRoom(grown, sizeOf);
          keepInView(grown);
        }
        setMeasured((m) => {
          const changed = measured.filter(([id, d]) => m.get(id)?.width !== d.width || m.get(id)?.height !== d.height);
          return changed.length ? new Map([...m, ...changed]) : m;
        });
      }
      const frameTo = positions[BROKER_NODE_ID];
      if (frameTo) Object.assign(positions, moveBrokerContents(frameTo));
      if (moving || final) store.getState().moveNodes(positions, final && !moving, sizeOf);
      if (selection) store.getState().select({ nodes: [...selection] });
    },
    [store, setMeasured, sizeOf, moveBrokerContents, keepInView],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        selection ??= new Set(store.getState().selection.edges);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
      if (selection) store.getState().select({ edges: [...selection] });
    },
    [store],
  );

  const onDelete: OnDelete<FlowNode, FlowEdge> = useCallback(
    ({ nodes, edges }) => store.getState().deleteElements(nodes.map((n) => n.id), edges.map((e) => e.id)),
    [store],
  );

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback(
    (c) =>
      checkConnection(store.getState().doc, { node: c.source, handle: c.sourceHandle }, { node: c.target, handle: c.targetHandle }).action !== 'refuse',
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => store.getState().connect({ node: c.source, handle: c.sourceHandle }, { node: c.target, handle: c.targetHandle }),
    [store],
  );

  // A drop React Flow did not accept: on a node's body, or on a handle AMQP refuses. Either do what a
  // drop on the body means, or explain why not.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const to = state.toNode?.id ?? nodeAt(pointOf(event));
      if (!to || to === state.fromNode.id) return;
      const toHandle = state.toHandle && state.toHandle.type !== state.fromHandle.type ? state.toHandle.id : null;
      const from = { node: state.fromNode.id, handle: state.fromHandle.id };
      const dropped = { node: to, handle: toHandle };
      if (state.fromHandle.type === 'source') store.getState().connect(from, dropped);
      else store.getState().connect(dropped, from);
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const [kind, type] = event.dataTransfer.getData(PALETTE_MIME).split(':');
      if (!PALETTE_KINDS.includes(kind as PaletteKind)) return;
      event.preventDefault();
      const exchangeType = (EXCHANGE_TYPES as readonly string[]).includes(type ?? '') ? (type as ExchangeType) : undefined;
      addAt(kind as PaletteKind, screenToFlowPosition({ x: event.clientX, y: event.clientY }), exchangeType);
    },
    [addAt, screenToFlowPosition],
  );

  return { onNodesChange, onEdgesChange, onDelete, isValidConnection, onConnect, onConnectEnd, onDragOver, onDrop };
}
