import { useState } from 'react';

const MINIMAP_KEY = 'warren.minimap';

/** Below this window width the mini map starts hidden: on a laptop or a projector the canvas needs the room. */
export const MINIMAP_MIN_WIDTH = 1440;

const wideEnough = () => (globalThis.innerWidth ?? MINIMAP_MIN_WIDTH) >= MINIMAP_MIN_WIDTH;

function read(): boolean {
  try {
    const saved = globalThis.localStorage?.getItem(MINIMAP_KEY);
    return saved === 'shown' || saved === 'hidden' ? saved === 'shown' : wideEnough();
  } catch {
    return wideEnough(); // storage disabled
  }
}

/**
 * Whether the mini map is shown: a button in the zoom controls hides it and shows it again; the
 * editor remembers the choice, the embedded player (`remember` false) does not write anything. The
 * first time, it is shown on wide windows only (at 1440 px and more).
 */
export function useMinimap(remember: boolean): [boolean, () => void] {
  const [shown, setShown] = useState(() => (remember ? read() : wideEnough()));
  const toggle = () =>
    setShown((s) => {
      if (remember) {
        try {
          globalThis.localStorage?.setItem(MINIMAP_KEY, s ? 'hidden' : 'shown');
        } catch {
          // not remembered, still applied
        }
      }
      return !s;
    });
  return [shown, toggle];
}
