import { useEffect } from 'react';
import { aDialogIsOpen } from '../panels/dialogOpen';
import { useEditorApi } from '../store/useEditor';
import { useLessonContext } from '../store/useLesson';
import { CANVAS_ID } from './useCanvasActions';

/** The key that jumps from the canvas to the inspector's fields (documented in the keyboard help). */
export const INSPECTOR_KEY = 'i';

const FIELDS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The inspector's first visible field (its name, for a node), else the inspector itself. */
export function focusInspector(): boolean {
  const aside = document.querySelector<HTMLElement>('aside.inspector');
  if (!aside) return false;
  const field = [...aside.querySelectorAll<HTMLElement>(FIELDS)].find((el) => el.checkVisibility?.() ?? el.offsetParent !== null);
  const target = field ?? aside;
  if (!field) target.tabIndex = -1;
  target.focus();
  return true;
}

/**
 * "I" on the canvas (a focused node or line, or the canvas itself) selects what has focus and puts
 * focus on its first field in the inspector, bringing the inspector forward: a node's settings are
 * one key away instead of some thirty Tab presses. Not while typing or behind a dialog.
 */
export function useInspectorKey(enabled: boolean) {
  const store = useEditorApi();
  const { side } = useLessonContext();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== INSPECTOR_KEY || e.ctrlKey || e.metaKey || e.altKey || aDialogIsOpen()) return;
      const target = e.target instanceof Element ? e.target : null;
      if (!target?.closest(`#${CANVAS_ID}`) || target.closest('input, select, textarea, [contenteditable="true"]')) return;
      const s = store.getState();
      const node = target.closest('.react-flow__node')?.getAttribute('data-id');
      const edge = target.closest('.react-flow__edge')?.getAttribute('data-id');
      if (node && !(s.selection.nodes.length === 1 && s.selection.nodes[0] === node && s.selection.edges.length === 0)) s.select({ nodes: [node], edges: [] });
      else if (!node && edge && !(s.selection.edges.length === 1 && s.selection.edges[0] === edge && s.selection.nodes.length === 0)) s.select({ nodes: [], edges: [edge] });
      e.preventDefault();
      side.getState().setExpanded(true);
      side.getState().show('inspector');
      // after React has drawn the selected node's form
      requestAnimationFrame(() => requestAnimationFrame(focusInspector));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, store, side]);
}
