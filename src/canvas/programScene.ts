import type { NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Position, Scenario } from '../model';
import { isProgramNode, withExtras } from '../store/programView';
import { useSim } from '../store/useSim';
import type { FlowNode } from './flowNodes';
import type { useFlowHandlers } from './useFlowHandlers';
import './programScene.css';

type Handlers = ReturnType<typeof useFlowHandlers>;

/**
 * Programs on the canvas: the document plus what running programs add (src/store/programView.ts),
 * drawn with the same node and edge kinds. Those nodes are not the document's: they cannot be deleted
 * or edited there, a program app carries a marker, and dragging one moves it in the view only.
 */
export function useProgramScene(own: Scenario, flow: Handlers): { doc: Scenario; mark: (nodes: FlowNode[]) => FlowNode[]; handlers: Handlers } {
  const sim = useSim();
  const extras = useStore(sim.extras, (s) => s.extras);
  const [moves, setMoves] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `moves` says when a program node was dragged
  const doc = useMemo(() => withExtras(own, extras, sim.programPositions), [own, extras, sim, moves]);
  const marked = useRef(new WeakMap<FlowNode, FlowNode>());

  const mark = useCallback(
    (nodes: FlowNode[]) =>
      nodes.map((n) => {
        if (!isProgramNode(n.id, extras)) return n;
        let m = marked.current.get(n);
        if (!m) {
          m = n.type === 'app' ? ({ ...n, deletable: false, data: { ...n.data, program: true } } as FlowNode) : ({ ...n, deletable: false } as FlowNode);
          marked.current.set(n, m);
        }
        return m;
      }),
    [extras],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const mine: NodeChange<FlowNode>[] = [];
      const theirs: NodeChange<FlowNode>[] = [];
      for (const c of changes) (c.type === 'position' && isProgramNode(c.id, extras) ? mine : theirs).push(c);
      if (theirs.length) flow.onNodesChange(theirs);
      if (!mine.length) return;
      for (const c of mine) if (c.type === 'position' && c.position) sim.programPositions.set(c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) } as Position);
      setMoves((n) => n + 1);
    },
    [flow, extras, sim],
  );

  const handlers = useMemo(() => ({ ...flow, onNodesChange }), [flow, onNodesChange]);
  return { doc, mark, handlers };
}
