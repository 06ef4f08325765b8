import type { SkipRequest, SkipResult } from './skipAhead';
import { skipAhead } from './skipAhead';
import type { FromSkipWorker } from './skipAhead.worker';

/** A skip under way: its result (null if cancelled), and how to cancel it. */
export interface SkipJob {
  result: Promise<SkipResult | null>;
  cancel(): void;
}

/** Where a skip runs: a worker in the app, in-process in tests and benchmarks. */
export type SkipRunner = (req: SkipRequest, onProgress: (t: number) => void) => SkipJob;

/** In a Web Worker, so that the page stays responsive; cancelling terminates the worker at once. */
export const workerSkipRunner: SkipRunner = (req, onProgress) => {
  const worker = new Worker(new URL('./skipAhead.worker.ts', import.meta.url), { type: 'module', name: 'warren-skip-ahead' });
  let settle: (r: SkipResult | null) => void = () => {};
  const result = new Promise<SkipResult | null>((resolve, reject) => {
    settle = resolve;
    worker.onmessage = (e: MessageEvent<FromSkipWorker>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.t);
      else {
        worker.terminate();
        if (m.type === 'done') resolve(m.result);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the skip-ahead worker failed'));
    };
  });
  worker.postMessage(req);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
};

/** On this thread (tests, benchmarks): the same computation, started on the next microtask. */
export const inProcessSkipRunner: SkipRunner = (req, onProgress) => {
  let cancelled = false;
  const result = Promise.resolve().then(() =>
    skipAhead(req, (t) => {
      onProgress(t);
      return !cancelled;
    }),
  );
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
};
