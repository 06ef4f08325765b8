import { type MarkDraw, paintMarks } from './marks';
import type { TextDraw } from './lod';
import type { RasterLayer, RasterPainter } from './raster';
import { drawOverlay, drawTexts } from './vector';

/**
 * A frame as the painter receives it (in the worker or on the main thread): tokens in screen
 * pixels with their style, the selection, and the effect badges. Painting it: tokens through the
 * raster painter (one putImageData), then rings, counts and badges with the canvas API.
 */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Tokens to paint, in screen px (a TokenFrame is one; the worker receives copies of its arrays). */
export interface DrawList {
  n: number;
  x: Float32Array;
  y: Float32Array;
  style: Uint16Array;
  count: Uint32Array;
  selected: ArrayLike<number>;
}

/** Everything one frame paints. */
export interface Packet {
  width: number;
  height: number;
  dpr: number;
  /** token size in CSS px */
  size: number;
  list: DrawList;
  marks: MarkDraw[];
  /** zoomed out: the nodes' figures, drawn by the layer (see lod.ts) */
  lod: { chips: DrawList; chipSize: number; texts: TextDraw[] } | null;
  /** the edge labels on screen (x, y, width, height in CSS px, flat): tokens pass under them */
  holes?: number[];
}

/**
 * The edge labels' boxes on screen, flat (x, y, width, height in CSS px), for the painter to leave
 * clear: the labels are DOM under the canvas, with their own background, so a token passing a
 * label goes under it and its text stays whole. Labels off screen are left out.
 */
export function labelHoles(boxes: readonly { x: number; y: number; width: number; height: number }[], view: { tx: number; ty: number; zoom: number; width: number; height: number }): number[] {
  const out: number[] = [];
  for (const b of boxes) {
    const x = b.x * view.zoom + view.tx;
    const y = b.y * view.zoom + view.ty;
    const w = b.width * view.zoom;
    const h = b.height * view.zoom;
    if (x + w < 0 || y + h < 0 || x > view.width || y > view.height) continue;
    out.push(x, y, w, h);
  }
  return out;
}

/**
 * Token size in CSS px for a zoom: it grows with the zoom, within limits that stay visible and light
 * (9 px across at the smallest zoom a gallery scenario opens at, 0.75); present mode draws them
 * `scale` times bigger.
 */
export function tokenSize(zoom: number, scale = 1): number {
  return Math.max(5, Math.min(Math.round(16 * scale), Math.round(12 * zoom * scale)));
}

/** Paints a whole frame on a canvas whose size is already width × height × dpr. */
export function paintPacket(ctx: Ctx2D, raster: RasterPainter, p: Packet): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const layers: RasterLayer[] = p.lod ? [{ list: p.lod.chips, size: p.lod.chipSize }, { list: p.list, size: p.size }] : [{ list: p.list, size: p.size }];
  raster.paint(ctx, layers, p.dpr, ctx.canvas.width, ctx.canvas.height, p.holes);
  ctx.setTransform(p.dpr, 0, 0, p.dpr, 0, 0);
  if (p.lod) drawTexts(ctx, p.lod.texts);
  drawOverlay(ctx, p.list, p.size);
  paintMarks(ctx, p.marks);
}

/** Sizes a canvas's backing store to the pane in device pixels. */
export function fitCanvas(canvas: HTMLCanvasElement | OffscreenCanvas, p: Pick<Packet, 'width' | 'height' | 'dpr'>): void {
  const w = Math.max(1, Math.round(p.width * p.dpr));
  const h = Math.max(1, Math.round(p.height * p.dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
}

/** The buffers of the lists a frame carries (moved to the other thread, not copied). */
export function transferables(...lists: (DrawList | null | undefined)[]): Transferable[] {
  return lists.flatMap((l) => (l ? [l.x.buffer, l.y.buffer, l.style.buffer, l.count.buffer] : [])) as Transferable[];
}
