import { ProgramRuntime } from '../runtime/runtime';
import type { FromProgramWorker, ToProgramWorker } from './workerProtocol';

/**
 * One program's Web Worker. Before any program code exists, it keeps what it needs (postMessage to
 * answer the page, a MessageChannel to know when the program has nothing left to run) and removes
 * from the worker's global scope everything that would let a program reach past the simulated broker
 * or run outside its turns: the network (fetch, XMLHttpRequest, WebSocket…), importScripts, other
 * workers and channels, real timers, storage, the wall clock. A program touching them gets Node's
 * ReferenceError, or the runtime's error for fetch.
 */

interface WorkerScope {
  postMessage(message: FromProgramWorker): void;
  addEventListener(type: 'message', l: (e: MessageEvent<ToProgramWorker>) => void): void;
  addEventListener(type: 'unhandledrejection', l: (e: PromiseRejectionEvent) => void): void;
  addEventListener(type: 'error', l: (e: ErrorEvent) => void): void;
}

const scope = self as unknown as WorkerScope & Record<string, unknown>;
const post = scope.postMessage.bind(scope) as (m: FromProgramWorker) => void;

// two hops of a private MessageChannel: every microtask has run, and every unhandled rejection of the
// turn has been reported, by the time the second message arrives
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const hop = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
const settle = async () => {
  await hop();
  await hop();
};

const DENY = [
  'postMessage', 'importScripts', 'fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'Worker', 'SharedWorker',
  'BroadcastChannel', 'MessageChannel', 'MessagePort', 'indexedDB', 'caches', 'cookieStore', 'localStorage', 'sessionStorage',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame', 'scheduler',
  'performance', 'crypto', 'navigator', 'location', 'close', 'Atomics', 'SharedArrayBuffer', 'WebAssembly', 'FileReader',
  'FileReaderSync', 'createImageBitmap', 'OffscreenCanvas', 'Notification', 'RTCPeerConnection', 'FontFace', 'fonts',
  'onmessage', 'onmessageerror', 'Response', 'Request', 'Headers', 'reportError', 'structuredClone',
];
for (const name of DENY) {
  for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (!d) continue;
    try {
      if (d.configurable) delete (o as Record<string, unknown>)[name];
      else if (d.writable) (o as Record<string, unknown>)[name] = undefined;
    } catch {
      // a property the engine will not let go of: the program runs with it (no way out of the worker anyway)
    }
  }
}

let runtime: ProgramRuntime | null = null;

scope.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  e.preventDefault();
  runtime?.unhandledRejection(e.reason);
});
scope.addEventListener('error', (e: ErrorEvent) => {
  e.preventDefault();
  runtime?.uncaught(e.error ?? new Error(e.message));
});

scope.addEventListener('message', (e: MessageEvent<ToProgramWorker>) => {
  const m = e.data;
  if (m.kind === 'init') {
    runtime = new ProgramRuntime(m.spec, { settle }, m.clientName);
    const { random, ...globals } = runtime.sandboxGlobals();
    Object.assign(scope, globals, { global: scope });
    Math.random = random as () => number;
    return;
  }
  if (m.kind !== 'turn' || !runtime) return;
  runtime.turn(m.input).then(
    (output) => post({ kind: 'done', id: m.id, output }),
    (err: unknown) => post({ kind: 'fatal', message: err instanceof Error ? err.message : String(err) }),
  );
});
