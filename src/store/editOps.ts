/**
 * The edits that check what they write with the model's zod schemas, for the parts of the editor the
 * first canvas draws (a line drawn between two nodes, its one-click fix, a binding's key edited on the
 * canvas, the broker's settings). zod and the schemas are a chunk of their own that drawing the first
 * canvas does not need, so these operations load on first use, and in the background soon after the
 * first canvas (src/app/main.tsx): an edit normally finds them loaded and runs at once, as with a
 * static import. One made before they arrive waits for them (once, a moment), and edits keep the
 * order they were made in. The inspector's forms and the dialogs import the operations themselves:
 * they load with them.
 */
export interface EditOps {
  applyConnection: typeof import('../model/ops/connect').applyConnection;
  applyFix: typeof import('../model/ops/connect').applyFix;
  updateBinding: typeof import('../model/ops/update').updateBinding;
  updateBroker: typeof import('../model/ops/update').updateBroker;
}

let loaded: EditOps | null = null;

/** The operations if they have loaded, else null. */
export function editOpsLoaded(): EditOps | null {
  return loaded;
}
let loading: Promise<EditOps> | null = null;

/** Fetches the operations (once); resolves with them. */
export function loadEditOps(): Promise<EditOps> {
  loading ??= Promise.all([import('../model/ops/connect'), import('../model/ops/update')]).then(([connect, update]) => {
    loaded = { applyConnection: connect.applyConnection, applyFix: connect.applyFix, updateBinding: update.updateBinding, updateBroker: update.updateBroker };
    return loaded;
  });
  // a failed fetch (the network went away) is tried again by the next edit
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * Runs `f` with the operations: at once when they are loaded, else when they arrive (after the
 * edits asked for before it). Resolves with what `f` returns.
 */
export function withEditOps<R>(f: (ops: EditOps) => R): Promise<R> {
  if (loaded) return Promise.resolve(f(loaded));
  return loadEditOps().then(f);
}
