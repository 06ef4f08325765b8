import { CANVAS_ID } from './canvasId';

/** True when keyboard focus is nowhere: on <body>, or on an element that has left the page. */
export function focusIsLost(doc: Document = document): boolean {
  const a = doc.activeElement;
  return !a || a === doc.body || !a.isConnected;
}

/**
 * Puts focus somewhere sensible when the element that had it goes away (a dismissed banner, a closed
 * message, a chip whose message left): `prefer` if it is still on the page, else the canvas (the
 * person's work; it takes focus from scripts only). Runs after React has drawn the change, and only if
 * focus was really lost: a person who has already moved on keeps their place.
 */
export function rescueFocus(prefer?: () => HTMLElement | null | undefined) {
  requestAnimationFrame(() => {
    if (!focusIsLost()) return;
    const target = prefer?.() ?? null;
    (target?.isConnected ? target : document.getElementById(CANVAS_ID))?.focus();
  });
}
