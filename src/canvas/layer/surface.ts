import { type DrawList, fitCanvas, type Packet, paintPacket, transferables } from './paint';
import { RasterPainter } from './raster';

/**
 * Where the message layer paints. Preferably an OffscreenCanvas in a worker: rasterising and
 * committing a full-pane canvas costs several ms per frame, which then run beside the main
 * thread (busy with the simulation, React and React Flow) instead of on it. Where
 * OffscreenCanvas or module workers are missing, it paints on the main thread, with the same code.
 */
export interface Surface {
  /** the previous frame is still being painted: skip this one (the next one will be newer) */
  readonly busy: boolean;
  /** tokens in the last frame actually painted */
  readonly painted: number;
  draw(p: Packet): void;
  dispose(): void;
}

class MainSurface implements Surface {
  readonly busy = false;
  painted = 0;
  private ctx: CanvasRenderingContext2D | null;
  private raster = new RasterPainter();

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d');
  }

  draw(p: Packet): void {
    if (!this.ctx) return;
    fitCanvas(this.canvas, p);
    paintPacket(this.ctx, this.raster, p);
    this.painted = p.list.n;
  }

  dispose(): void {}
}

/** The message the worker receives per frame: the packet with its arrays cut to n and transferred. */
export interface WorkerFrame {
  type: 'frame';
  packet: Packet;
}
export type ToWorker = { type: 'init'; canvas: OffscreenCanvas } | WorkerFrame;
export interface FromWorker {
  painted: number;
  /** the arrays, back for reuse */
  list: DrawList;
  chips: DrawList | null;
}

class WorkerSurface implements Surface {
  busy = false;
  painted = 0;
  /** the arrays of the last frame, back from the worker for reuse: tokens, chips */
  private spare: [DrawList | null, DrawList | null] = [null, null];

  constructor(private readonly worker: Worker, canvas: OffscreenCanvas) {
    worker.postMessage({ type: 'init', canvas } satisfies ToWorker, [canvas]);
    worker.onerror = (e) => console.error(`message layer: the paint worker failed (${e.message})`);
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      this.busy = false;
      this.painted = e.data.painted;
      this.spare = [e.data.list, e.data.chips];
    };
  }

  draw(p: Packet): void {
    if (this.busy) return;
    const list = copyList(p.list, this.spare[0]);
    const lod = p.lod ? { ...p.lod, chips: copyList(p.lod.chips, this.spare[1]) } : null;
    this.spare = [null, null];
    const frame: WorkerFrame = { type: 'frame', packet: { ...p, list, lod } };
    this.busy = true;
    this.worker.postMessage(frame, transferables(list, lod?.chips));
  }

  dispose(): void {
    this.worker.terminate();
  }
}

/** The list's first n tokens in arrays that can be transferred (the spare ones when big enough). */
function copyList(src: DrawList, spare: DrawList | null): DrawList {
  const n = src.n;
  const ok = spare !== null && spare.x.length >= n;
  const cap = ok ? spare.x.length : Math.max(1024, n * 2);
  const out: DrawList = ok
    ? { ...spare, n, selected: Array.from(src.selected) }
    : { n, x: new Float32Array(cap), y: new Float32Array(cap), style: new Uint16Array(cap), count: new Uint32Array(cap), selected: Array.from(src.selected) };
  out.x.set(src.x.subarray(0, n));
  out.y.set(src.y.subarray(0, n));
  out.style.set(src.style.subarray(0, n));
  out.count.set(src.count.subarray(0, n));
  return out;
}

export function createSurface(canvas: HTMLCanvasElement): Surface {
  if (typeof Worker !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function') {
    try {
      const worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module', name: 'warren-message-layer' });
      return new WorkerSurface(worker, canvas.transferControlToOffscreen());
    } catch {
      // no module workers here: paint on the main thread
    }
  }
  return new MainSurface(canvas);
}
