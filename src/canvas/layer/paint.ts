import { type MarkDraw, paintMarks } from './marks';
import { LOOK, LOOKS, STYLES } from './looks';
import { COLOURS } from './palette';

/**
 * Draws a laid-out frame of tokens on a 2D canvas, batched: tokens are bucketed by style with a
 * counting sort (typed arrays kept between frames), then each style is drawn with one fillStyle
 * (message dots as pixel-aligned squares, or one path of arcs when there are few) or one stroked
 * path (ticks and crosses). No allocation per token.
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
}

export const TICK_COLOUR = '#1f9d55';
export const NACK_COLOUR = '#e67e22';
export const REJECT_COLOUR = '#c0392b';
const RING_COLOUR = '#1d2330';
/** Below this many tokens they are drawn round; above, as squares (much cheaper to fill). */
export const ROUND_LIMIT = 1500;

/** Token size in CSS px for a zoom: it grows with the zoom, within limits that stay visible and light. */
export function tokenSize(zoom: number): number {
  return Math.max(4, Math.min(11, Math.round(8 * zoom)));
}

export class Painter {
  private starts = new Uint32Array(STYLES + 1);
  private next = new Uint32Array(STYLES);
  private order = new Uint32Array(1024);

  paint(ctx: Ctx2D, f: DrawList, size: number): void {
    const n = f.n;
    if (n === 0) return;
    if (this.order.length < n) this.order = new Uint32Array(Math.max(n, this.order.length * 2));
    const starts = this.starts;
    const order = this.order;
    const style = f.style;
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[style[i]! + 1]!++;
    for (let s = 1; s <= STYLES; s++) starts[s]! += starts[s - 1]!;
    const next = this.next;
    next.set(starts.subarray(0, STYLES));
    for (let i = 0; i < n; i++) order[next[style[i]!]!++] = i;
    const round = n <= ROUND_LIMIT;
    const C = COLOURS.length;
    for (let look = 0; look < LOOKS; look++) {
      for (let c = 0; c < C; c++) {
        const st = look * C + c;
        const a = starts[st]!;
        const b = starts[st + 1]!;
        if (a === b) continue;
        this.drawRun(ctx, f, look, COLOURS[c]!, a, b, size, round);
      }
    }
  }

  private drawRun(ctx: Ctx2D, f: DrawList, look: number, colour: string, a: number, b: number, size: number, round: boolean): void {
    const { x, y } = f;
    const order = this.order;
    const h = size / 2;
    switch (look) {
      case LOOK.message:
      case LOOK.deadLetter:
      case LOOK.returned: {
        if (look !== LOOK.message) {
          // an outline: dark for a dead-lettered message, its own colour for one bouncing back
          ctx.fillStyle = look === LOOK.deadLetter ? RING_COLOUR : colour;
          dots(ctx, x, y, order, a, b, size + 3, round);
          ctx.fillStyle = look === LOOK.deadLetter ? colour : '#ffffff';
          dots(ctx, x, y, order, a, b, look === LOOK.deadLetter ? size - 1 : size - 2, round);
          return;
        }
        ctx.fillStyle = colour;
        dots(ctx, x, y, order, a, b, size, round);
        return;
      }
      case LOOK.ack:
      case LOOK.confirm: {
        const k = look === LOOK.confirm ? h * 0.75 : h;
        ctx.strokeStyle = TICK_COLOUR;
        ctx.lineWidth = Math.max(1.5, size / 4);
        ctx.beginPath();
        for (let j = a; j < b; j++) {
          const i = order[j]!;
          const px = x[i]!;
          const py = y[i]!;
          ctx.moveTo(px - k, py);
          ctx.lineTo(px - k / 3, py + k * 0.7);
          ctx.lineTo(px + k, py - k * 0.8);
        }
        ctx.stroke();
        return;
      }
      default: {
        const k = look === LOOK.confirmNack ? h * 0.75 : h * 0.9;
        ctx.strokeStyle = look === LOOK.nack ? NACK_COLOUR : REJECT_COLOUR;
        ctx.lineWidth = Math.max(1.5, size / 4);
        ctx.beginPath();
        for (let j = a; j < b; j++) {
          const i = order[j]!;
          const px = x[i]!;
          const py = y[i]!;
          ctx.moveTo(px - k, py - k);
          ctx.lineTo(px + k, py + k);
          ctx.moveTo(px + k, py - k);
          ctx.lineTo(px - k, py + k);
        }
        ctx.stroke();
      }
    }
  }

  /** Rings around the tokens of the selected message, and the counts of still tokens. */
  overlay(ctx: Ctx2D, f: DrawList, size: number): void {
    if (f.selected.length) {
      ctx.strokeStyle = RING_COLOUR;
      ctx.lineWidth = 2;
      ctx.beginPath();
      for (let k = 0; k < f.selected.length; k++) {
        const i = f.selected[k]!;
        ctx.moveTo(f.x[i]! + size, f.y[i]!);
        ctx.arc(f.x[i]!, f.y[i]!, size, 0, Math.PI * 2);
      }
      ctx.stroke();
    }
    let labelled = false;
    for (let i = 0; i < f.n; i++) {
      if (f.count[i]! <= 1) continue;
      if (!labelled) {
        ctx.font = '600 11px system-ui, sans-serif';
        ctx.textBaseline = 'middle';
        ctx.fillStyle = RING_COLOUR;
        labelled = true;
      }
      ctx.fillText(`×${f.count[i]}`, f.x[i]! + size, f.y[i]! - size);
    }
  }
}

function dots(ctx: Ctx2D, x: Float32Array, y: Float32Array, order: Uint32Array, a: number, b: number, size: number, round: boolean): void {
  if (size <= 0) return;
  if (round) {
    const r = size / 2;
    ctx.beginPath();
    for (let j = a; j < b; j++) {
      const i = order[j]!;
      ctx.moveTo(x[i]! + r, y[i]!);
      ctx.arc(x[i]!, y[i]!, r, 0, Math.PI * 2);
    }
    ctx.fill();
    return;
  }
  // pixel-aligned squares: no anti-aliasing, the cheapest thing a software rasteriser fills
  const o = size >> 1;
  for (let j = a; j < b; j++) {
    const i = order[j]!;
    ctx.fillRect(Math.round(x[i]!) - o, Math.round(y[i]!) - o, size, size);
  }
}

/** Paints a whole frame on a canvas whose size is already width × height × dpr. */
export function paintPacket(ctx: Ctx2D, painter: Painter, p: Packet): void {
  ctx.setTransform(p.dpr, 0, 0, p.dpr, 0, 0);
  ctx.clearRect(0, 0, p.width, p.height);
  painter.paint(ctx, p.list, p.size);
  painter.overlay(ctx, p.list, p.size);
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
