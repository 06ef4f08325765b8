import { useEffect } from 'react';
import { aDialogIsOpen } from '../panels/dialogOpen';
import { useEditorApi } from '../store/useEditor';
import { CANVAS_ID } from './useCanvasActions';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function hasTextSelection(): boolean {
  const sel = window.getSelection();
  return sel !== null && !sel.isCollapsed && sel.toString().trim() !== '';
}

/**
 * Undo (Ctrl+Z), redo (Ctrl+Shift+Z, Ctrl+Y), copy and paste (Ctrl+C / Ctrl+V), select all nodes
 * (Ctrl+A, on the canvas), with Cmd on macOS.
 * Inside a text field, with text selected (copy) or while a dialog is open, these keys keep their usual
 * meaning. (Delete/Backspace is React Flow's; CanvasArea refuses it while a dialog is open.)
 */
export function useShortcuts() {
  const store = useEditorApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isEditable(e.target) || aDialogIsOpen()) return;
      const key = e.key.toLowerCase();
      // text the person selected (generated code, a log line) is copied as text, as anywhere else
      if (key === 'c' && hasTextSelection()) return;
      const s = store.getState();
      if (key === 'a') {
        // on the canvas, "select all" means its nodes, not the page's text
        if (!(e.target instanceof Element && e.target.closest(`#${CANVAS_ID}`))) return;
        const { doc } = s;
        s.select({ nodes: [...doc.exchanges, ...doc.queues, ...doc.apps].map((n) => n.id), edges: [] });
        e.preventDefault();
        return;
      }
      if (key === 'z' && !e.shiftKey) s.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') s.redo();
      else if (key === 'c') {
        if (!s.copySelection()) return;
      } else if (key === 'v') {
        if (s.paste().length === 0) return;
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
