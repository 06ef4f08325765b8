import { type Cubic, LUT_STEPS, type PathLut, resampleByLength, straightCubic } from '../layer/bezier';

/**
 * Paths as lists of cubic pieces (a straight piece is a cubic too): what an edge draws as SVG and
 * what a token travels on (sampled once per line into a lookup table), from one computation, so
 * the token is always on the drawn line. Pure: no DOM, no React.
 */
export type { Cubic };

export interface Pt {
  x: number;
  y: number;
}

export const line = (a: Pt, b: Pt): Cubic => straightCubic(a.x, a.y, b.x, b.y);

/** A cubic leaving `a` and arriving at `b` horizontally (an S when they are at different heights). */
export function hCurve(a: Pt, b: Pt): Cubic {
  const k = Math.max(12, Math.abs(b.x - a.x) / 2);
  const dir = b.x >= a.x ? 1 : -1;
  return [a.x, a.y, a.x + dir * k, a.y, b.x - dir * k, b.y, b.x, b.y];
}

/** A cubic leaving `a` and arriving at `b` vertically. */
export function vCurve(a: Pt, b: Pt): Cubic {
  const k = Math.max(12, Math.abs(b.y - a.y) / 2);
  const dir = b.y >= a.y ? 1 : -1;
  return [a.x, a.y, a.x, a.y + dir * k, b.x, b.y - dir * k, b.x, b.y];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The SVG path of pieces that follow each other. */
export function svgOf(pieces: readonly Cubic[]): string {
  if (pieces.length === 0) return '';
  const [x0, y0] = pieces[0]!;
  let d = `M ${r1(x0)},${r1(y0)}`;
  for (const c of pieces) d += ` C ${r1(c[2])},${r1(c[3])} ${r1(c[4])},${r1(c[5])} ${r1(c[6])},${r1(c[7])}`;
  return d;
}

/** A cubic's point at parameter t. */
function at(c: Cubic, t: number): Pt {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c[0] + b * c[2] + d * c[4] + e * c[6], y: a * c[1] + b * c[3] + d * c[5] + e * c[7] };
}

const FINE = 48;

/** Points along the pieces, close together, with the length run so far at each. */
function fine(pieces: readonly Cubic[]): { xs: number[]; ys: number[]; acc: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  const acc: number[] = [];
  let run = 0;
  for (const c of pieces) {
    const straight = c[2] === c[0] + (c[6] - c[0]) / 3 && c[3] === c[1] + (c[7] - c[1]) / 3;
    const n = straight ? 1 : FINE;
    for (let i = xs.length === 0 ? 0 : 1; i <= n; i++) {
      const p = at(c, i / n);
      if (xs.length) run += Math.hypot(p.x - xs[xs.length - 1]!, p.y - ys[ys.length - 1]!);
      xs.push(p.x);
      ys.push(p.y);
      acc.push(run);
    }
  }
  return { xs, ys, acc };
}

/** The point at a fraction of the path's length (0..1), and the direction there (a unit vector). */
export function pointAlong(pieces: readonly Cubic[], f: number): Pt & { dx: number; dy: number } {
  const { xs, ys, acc } = fine(pieces);
  const total = acc[acc.length - 1] ?? 0;
  const want = Math.min(1, Math.max(0, f)) * total;
  let j = 0;
  while (j < acc.length - 2 && acc[j + 1]! < want) j++;
  const span = (acc[j + 1] ?? 0) - (acc[j] ?? 0);
  const k = span > 0 ? (want - acc[j]!) / span : 0;
  const x0 = xs[j] ?? 0;
  const y0 = ys[j] ?? 0;
  const x1 = xs[j + 1] ?? x0;
  const y1 = ys[j + 1] ?? y0;
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  return { x: x0 + (x1 - x0) * k, y: y0 + (y1 - y0) * k, dx: (x1 - x0) / len, dy: (y1 - y0) / len };
}

/** The pieces sampled by length into a token lookup table (more points on long, winding paths). */
export function samplePieces(pieces: readonly Cubic[]): PathLut {
  const { xs, ys, acc } = fine(pieces);
  const length = acc[acc.length - 1] ?? 0;
  return resampleByLength(xs, ys, acc, Math.min(256, Math.max(LUT_STEPS, Math.ceil(length / 10))));
}

const KAPPA = 0.5523;

/**
 * A polyline of horizontal and vertical runs with rounded corners (radius `r`, less where a run is
 * short), as pieces: how loops and detours around nodes are drawn.
 */
export function roundedPolyline(points: readonly Pt[], r = 14): Cubic[] {
  const pts = points.filter((p, i) => i === 0 || Math.abs(p.x - points[i - 1]!.x) + Math.abs(p.y - points[i - 1]!.y) > 0.5);
  if (pts.length < 2) return [];
  const out: Cubic[] = [];
  let from = pts[0]!;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i]!;
    const prev = pts[i - 1]!;
    const next = pts[i + 1]!;
    const lin = Math.hypot(p.x - prev.x, p.y - prev.y);
    const lout = Math.hypot(next.x - p.x, next.y - p.y);
    const rr = Math.min(r, lin / 2, lout / 2);
    const ux = (p.x - prev.x) / (lin || 1);
    const uy = (p.y - prev.y) / (lin || 1);
    const vx = (next.x - p.x) / (lout || 1);
    const vy = (next.y - p.y) / (lout || 1);
    const a = { x: p.x - ux * rr, y: p.y - uy * rr };
    const b = { x: p.x + vx * rr, y: p.y + vy * rr };
    if (Math.abs(a.x - from.x) + Math.abs(a.y - from.y) > 0.5) out.push(line(from, a));
    out.push([a.x, a.y, a.x + ux * rr * KAPPA, a.y + uy * rr * KAPPA, b.x - vx * rr * KAPPA, b.y - vy * rr * KAPPA, b.x, b.y]);
    from = b;
  }
  const last = pts[pts.length - 1]!;
  if (Math.abs(last.x - from.x) + Math.abs(last.y - from.y) > 0.5) out.push(line(from, last));
  return out;
}

/** Whether any piece of a path passes through a box (sampled; the path's own ends excluded). */
export function crosses(pieces: readonly Cubic[], box: { x: number; y: number; width: number; height: number }, inset = 2): boolean {
  const x0 = box.x + inset;
  const y0 = box.y + inset;
  const x1 = box.x + box.width - inset;
  const y1 = box.y + box.height - inset;
  for (const c of pieces) {
    if (Math.max(c[0], c[2], c[4], c[6]) < x0 || Math.min(c[0], c[2], c[4], c[6]) > x1) continue;
    if (Math.max(c[1], c[3], c[5], c[7]) < y0 || Math.min(c[1], c[3], c[5], c[7]) > y1) continue;
    for (let i = 0; i <= 16; i++) {
      const p = at(c, i / 16);
      if (p.x > x0 && p.x < x1 && p.y > y0 && p.y < y1) return true;
    }
  }
  return false;
}
