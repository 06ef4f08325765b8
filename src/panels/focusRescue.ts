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
  // the change may be drawn a few frames later (a panel loaded on first use keeps the old one on
  // screen meanwhile): watch for about a second, and act only once focus is really lost
  let frames = 0;
  const look = () => {
    frames++;
    if (focusIsLost()) {
      const target = prefer?.() ?? null;
      if (target?.isConnected) return target.focus();
      if (frames >= RESCUE_FRAMES) return document.getElementById(CANVAS_ID)?.focus();
    } else if (frames >= RESCUE_FRAMES) return;
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** How long (animation frames, about a second) a rescue waits for the place it prefers to appear. */
const RESCUE_FRAMES = 60;
