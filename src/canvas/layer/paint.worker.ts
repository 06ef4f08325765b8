// The message layer's painter, in a worker: it owns the layer's OffscreenCanvas and paints each
// frame it is sent (see surface.ts), then hands the arrays back for reuse. It imports only the
// painting code (no React, no React Flow, no simulation).
import { fitCanvas, paintPacket, transferables } from './paint';
import { RasterPainter } from './raster';
import type { FromWorker, ToWorker } from './surface';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const raster = new RasterPainter();
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    canvas = msg.canvas;
    ctx = canvas.getContext('2d');
    return;
  }
  const p = msg.packet;
  if (canvas && ctx) {
    fitCanvas(canvas, p);
    paintPacket(ctx, raster, p);
  }
  const chips = p.lod?.chips ?? null;
  scope.postMessage({ painted: canvas && ctx ? p.list.n : 0, list: p.list, chips }, transferables(p.list, chips));
};
