import type { Segment } from '../../store/tokens';
import type { MessageRef } from '../../store/simController';
import { type PathLut, pointAt } from './bezier';
import { keyColoured, LOOK_OF, persistentLook } from './looks';
import { COLOURS, colourIndex } from './palette';
import type { Travel } from './paths';

export { keyColoured, LOOK, LOOK_OF, LOOKS, STYLES } from './looks';

/**
 * One frame of tokens, laid out in screen pixels: flat typed arrays reused from frame to frame
 * (no object per token), each token with a style = look × colours + colour, so that the painter
 * can draw all tokens of one style with one fillStyle. Pure: no DOM, unit-tested.
 */
/** The viewport: screen = flow × zoom + (tx, ty); width × height in CSS pixels. */
export interface View {
  tx: number;
  ty: number;
  zoom: number;
  width: number;
  height: number;
}

export interface PathSource {
  resolve(t: Travel): PathLut | null;
}

export class TokenFrame {
  n = 0;
  x = new Float32Array(1024);
  y = new Float32Array(1024);
  style = new Uint16Array(1024);
  /** tokens standing for several messages (reduced motion: one per line); 1 otherwise */
  count = new Uint32Array(1024);
  /** the segment of each token (hit-testing and the legend) */
  refs: Segment[] = [];
  /** indices of the tokens of the selected message */
  selected: number[] = [];

  clear(): void {
    this.n = 0;
    this.selected.length = 0;
  }

  push(x: number, y: number, style: number, s: Segment, count = 1): number {
    if (this.n === this.x.length) this.grow();
    const i = this.n++;
    this.x[i] = x;
    this.y[i] = y;
    this.style[i] = style;
    this.count[i] = count;
    this.refs[i] = s;
    return i;
  }

  /** A mark that stands for no segment (a zoomed-out queue's chip): painted, never hit-tested. */
  put(x: number, y: number, style: number): void {
    if (this.n === this.x.length) this.grow();
    const i = this.n++;
    this.x[i] = x;
    this.y[i] = y;
    this.style[i] = style;
    this.count[i] = 1;
  }

  private grow(): void {
    const size = this.x.length * 2;
    const x = new Float32Array(size);
    const y = new Float32Array(size);
    const st = new Uint16Array(size);
    const c = new Uint32Array(size);
    x.set(this.x);
    y.set(this.y);
    st.set(this.style);
    c.set(this.count);
    this.x = x;
    this.y = y;
    this.style = st;
    this.count = c;
  }
}

export function styleOf(s: Segment): number {
  const look = s.persistent ? persistentLook(LOOK_OF[s.kind]) : LOOK_OF[s.kind];
  return look * COLOURS.length + (keyColoured(look) ? colourIndex(s.key) : 0);
}

export function isSelected(s: Segment, ref: MessageRef | null): boolean {
  if (!ref) return false;
  if ('msgId' in ref) return s.msgId === ref.msgId;
  return s.publisher === ref.publisher && s.seq === ref.seq;
}

/** Progress of a segment at `now`, 0..1 (a zero-length segment has arrived). */
export function progress(s: Pick<Segment, 't0' | 't1'>, now: number): number {
  return s.t1 > s.t0 ? (now - s.t0) / (s.t1 - s.t0) : 1;
}

const pt = new Float64Array(2);

/**
 * Lays out the tokens travelling at `now`: their point on their line, culled to the view (a line
 * whose box is off screen is skipped before any point is computed). `margin` is in screen px.
 */
export function layoutTokens(segments: readonly Segment[], now: number, paths: PathSource, view: View, out: TokenFrame, selected: MessageRef | null, margin = 8): void {
  out.clear();
  const { tx, ty, zoom, width, height } = view;
  const m = margin / zoom;
  const vx0 = -tx / zoom - m;
  const vy0 = -ty / zoom - m;
  const vx1 = (width - tx) / zoom + m;
  const vy1 = (height - ty) / zoom + m;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k]!;
    if (s.t0 > now || s.t1 < now) continue;
    const lut = paths.resolve(s);
    if (lut === null || lut.maxX < vx0 || lut.minX > vx1 || lut.maxY < vy0 || lut.minY > vy1) continue;
    pointAt(lut, progress(s, now), s.reverse === true, pt);
    const fx = pt[0]!;
    const fy = pt[1]!;
    if (fx < vx0 || fx > vx1 || fy < vy0 || fy > vy1) continue;
    const i = out.push(fx * zoom + tx, fy * zoom + ty, styleOf(s), s);
    if (selected !== null && isSelected(s, selected)) out.selected.push(i);
  }
}

/**
 * Reduced motion: nothing moves. Each line with messages on their way shows one still token at its
 * middle with how many are travelling on it; arrivals show as the nodes' own state changes.
 */
export function layoutStill(segments: readonly Segment[], now: number, paths: PathSource, view: View, out: TokenFrame, selected: MessageRef | null): void {
  out.clear();
  const first = new Map<PathLut, number>();
  const { tx, ty, zoom } = view;
  for (const s of segments) {
    if (s.t0 > now || s.t1 < now) continue;
    const lut = paths.resolve(s);
    if (lut === null) continue;
    const at = first.get(lut);
    if (at !== undefined) {
      out.count[at]!++;
      if (isSelected(s, selected)) {
        out.refs[at] = s;
        if (!out.selected.includes(at)) out.selected.push(at);
      }
      continue;
    }
    pointAt(lut, 0.5, false, pt);
    const i = out.push(pt[0]! * zoom + tx, pt[1]! * zoom + ty, styleOf(s), s);
    first.set(lut, i);
    if (isSelected(s, selected)) out.selected.push(i);
  }
}

/** The token nearest to a screen point, within `radius` px (on a tie, the later one: it is drawn on top). */
export function hitTest(f: TokenFrame, x: number, y: number, radius: number): Segment | null {
  let best = -1;
  let bestD = radius * radius;
  for (let i = f.n - 1; i >= 0; i--) {
    const dx = f.x[i]! - x;
    const dy = f.y[i]! - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best < 0 ? null : f.refs[best]!;
}

/** The message a token stands for, as the inspector takes it. */
export function refOf(s: Segment): MessageRef | null {
  if (s.msgId !== undefined) return { msgId: s.msgId };
  if (s.publisher !== undefined && s.seq !== undefined) return { publisher: s.publisher, seq: s.seq };
  return null;
}
