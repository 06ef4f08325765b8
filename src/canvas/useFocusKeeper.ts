import { useEffect } from 'react';
import type { Position, Scenario } from '../model';
import { useEditorApi } from '../store/useEditor';
import { CANVAS_ID } from './useCanvasActions';

/** The canvas element of a node (exchange, queue or app), if it is drawn. */
export function nodeElement(id: string): HTMLElement | null {
  return document.getElementById(CANVAS_ID)?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null;
}

/** Focuses a node, else the canvas itself (it takes focus from scripts only: tabIndex -1). */
export function focusNodeOrCanvas(id: string | null | undefined): HTMLElement | null {
  const el = (id ? nodeElement(id) : null) ?? document.getElementById(CANVAS_ID);
  el?.focus();
  return el;
}

function nodePositions(doc: Scenario): Map<string, Position> {
  return new Map([...doc.exchanges, ...doc.queues, ...doc.apps].map((n) => [n.id, n.position]));
}

/**
 * Which node should have focus after an edit removed what had it: the node nearest to the nodes that
 * were removed; if only lines were removed, the source of a removed binding (or the app of a removed
 * line); null when no node is left.
 */
export function neighbourAfterRemoval(before: Scenario, after: Scenario): string | null {
  const was = nodePositions(before);
  const now = nodePositions(after);
  if (now.size === 0) return null;
  const removed = [...was].filter(([id]) => !now.has(id)).map(([, p]) => p);
  if (removed.length) {
    const cx = removed.reduce((s, p) => s + p.x, 0) / removed.length;
    const cy = removed.reduce((s, p) => s + p.y, 0) / removed.length;
    let best: [string, number] | null = null;
    for (const [id, p] of now) {
      const d = Math.hypot(p.x - cx, p.y - cy);
      if (!best || d < best[1]) best = [id, d];
    }
    return best![0];
  }
  const binding = before.bindings.find((b) => !after.bindings.some((x) => x.id === b.id));
  if (binding && now.has(binding.source)) return binding.source;
  return now.keys().next().value ?? null;
}

/**
 * Whether the edit from `before` to `after` could have removed what had focus: a node or a binding
 * went, or an app changed (its publish and consume lines live inside it).
 */
export function removedSomething(before: Scenario, after: Scenario): boolean {
  const now = nodePositions(after);
  if ([...nodePositions(before).keys()].some((id) => !now.has(id))) return true;
  const bindings = new Set(after.bindings.map((b) => b.id));
  if (before.bindings.some((b) => !bindings.has(b.id))) return true;
  return before.apps.length !== after.apps.length || before.apps.some((a, i) => a !== after.apps[i]);
}

/**
 * Keeps keyboard focus in the canvas when an edit removes the element that had it (Delete on a focused
 * node or line, an inspector's Delete button, an undo that takes a node away). Without this, focus falls
 * to <body> and the next Tab starts again from the top of the page. Focus goes to the neighbouring node
 * (see `neighbourAfterRemoval`), else to the canvas; an undo that brings back the node that had focus
 * gives it focus again.
 */
export function useFocusKeeper(enabled: boolean) {
  const store = useEditorApi();
  useEffect(() => {
    if (!enabled) return;
    let last: Element | null = document.activeElement;
    /** The node whose removal took focus, and where focus was put instead. */
    let lost: { nodeId: string; stand: HTMLElement | null } | null = null;
    let before: Scenario | null = null;
    let frame = 0;

    const onFocusIn = (e: FocusEvent) => {
      last = e.target instanceof Element ? e.target : null;
      if (lost && e.target !== lost.stand) lost = null;
    };
    const settle = () => {
      frame = 0;
      const prev = before!;
      before = null;
      const doc = store.getState().doc;
      const active = document.activeElement;
      if (lost && active === lost.stand && nodeElement(lost.nodeId)) {
        // an undo brought it back
        nodeElement(lost.nodeId)!.focus();
        lost = null;
        return;
      }
      if ((active && active !== document.body) || !last || last.isConnected) return;
      // only an edit that took something away took focus with it: any other change of the document
      // (a banner dismissed as a key is filled in, a layout) leaves focus to whoever placed it
      if (!removedSomething(prev, doc)) return;
      const lostNode = last.classList.contains('react-flow__node') ? last.getAttribute('data-id') : null;
      const stand = focusNodeOrCanvas(neighbourAfterRemoval(prev, doc));
      lost = lostNode ? { nodeId: lostNode, stand } : null;
    };
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.doc === prev.doc) return;
      before ??= prev.doc;
      // after React has drawn the change (and components have placed focus themselves)
      if (!frame) frame = requestAnimationFrame(settle);
    });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      unsubscribe();
      document.removeEventListener('focusin', onFocusIn);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [store, enabled]);
}
