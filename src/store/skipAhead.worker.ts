// The fast-forward worker (see skipAhead.ts): it runs one skip and posts its progress, then its
// result. Cancelling terminates it: nothing in the page changed meanwhile.
import { type SkipRequest, type SkipResult, skipAhead } from './skipAhead';

export type FromSkipWorker = { type: 'progress'; t: number } | { type: 'done'; result: SkipResult } | { type: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<SkipRequest>) => void) | null;
  postMessage(message: FromSkipWorker): void;
}

/** Progress reports at most this often (wall ms): enough for a smooth bar, nothing for the run. */
const PROGRESS_EVERY_MS = 100;

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  let last = 0;
  try {
    const result = skipAhead(e.data, (t) => {
      const now = performance.now();
      if (now - last >= PROGRESS_EVERY_MS) {
        last = now;
        scope.postMessage({ type: 'progress', t });
      }
      return true;
    });
    if (result) scope.postMessage({ type: 'done', result });
  } catch (err) {
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
