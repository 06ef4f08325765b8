import { useState } from 'react';

const MINIMAP_KEY = 'warren.minimap';

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(MINIMAP_KEY) !== 'hidden';
  } catch {
    return true; // storage disabled
  }
}

/**
 * Whether the mini map is shown: a button in the zoom controls hides it (it can cover nodes on a
 * small canvas) and shows it again; the editor remembers the choice, the embedded player (`remember`
 * false) does not write anything.
 */
export function useMinimap(remember: boolean): [boolean, () => void] {
  const [shown, setShown] = useState(() => (remember ? read() : true));
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
