import { useEffect, useState } from 'react';
import { type EditOps, editOpsLoaded, loadEditOps } from './editOps';

/** The operations for a component: null until they have loaded (asking for them if nobody has yet). */
export function useEditOps(): EditOps | null {
  const [ops, setOps] = useState(editOpsLoaded);
  useEffect(() => {
    if (ops) return;
    let live = true;
    void loadEditOps().then((o) => live && setOps(o));
    return () => {
      live = false;
    };
  }, [ops]);
  return ops;
}
