/**
 * Undo/redo as two stacks of whole documents. Documents are immutable and share unchanged parts, so a
 * step costs only what changed. Every edit is one step; a drag is one step (see editorStore's gesture).
 */
export interface History<T> {
  past: T[];
  future: T[];
}

export const HISTORY_LIMIT = 200;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Records `previous` as the state before an edit; a new edit forgets what was undone. */
export function record<T>(h: History<T>, previous: T): History<T> {
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1) : h.past.slice();
  past.push(previous);
  return { past, future: [] };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; state: T } | null {
  const state = h.past.at(-1);
  if (state === undefined) return null;
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, state };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; state: T } | null {
  const [state, ...future] = h.future;
  if (state === undefined) return null;
  return { history: { past: [...h.past, current], future }, state };
}
