import { getBezierPath, Position } from '@xyflow/react';

/**
 * The geometry tokens travel on: the very curve React Flow draws for an edge, sampled once into a
 * lookup table of points equally spaced along its length, so that a token moves at constant speed
 * and finding its point at progress p costs two reads and a lerp (no allocation per token).
 */
export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  sourcePosition: Position;
  targetX: number;
  targetY: number;
  targetPosition: Position;
}

/** The cubic of an edge as React Flow draws it: [sx, sy, c1x, c1y, c2x, c2y, tx, ty]. */
export type Cubic = readonly [number, number, number, number, number, number, number, number];

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;

/** Reads the control points from React Flow's own path string: the tokens follow the drawn line exactly. */
export function bezierOf(ends: EdgeEnds): Cubic {
  const [path] = getBezierPath(ends);
  const n = path.match(NUMBER)?.map(Number) ?? [];
  if (n.length !== 8) return straightCubic(ends.sourceX, ends.sourceY, ends.targetX, ends.targetY);
  return n as unknown as Cubic;
}

/** A straight line written as a cubic (for segments that follow no drawn edge). */
export function straightCubic(x0: number, y0: number, x1: number, y1: number): Cubic {
  return [x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3, x0 + ((x1 - x0) * 2) / 3, y0 + ((y1 - y0) * 2) / 3, x1, y1];
}

function cubicAt(c: Cubic, t: number, out: Float64Array, i: number): void {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  out[i] = a * c[0] + b * c[2] + d * c[4] + e * c[6];
  out[i + 1] = a * c[1] + b * c[3] + d * c[5] + e * c[7];
}

/** Points per path: enough for a smooth curve at any zoom React Flow allows (2×). */
export const LUT_STEPS = 64;
const FINE = 256;

/**
 * A path sampled by arc length: `pts` holds LUT_STEPS + 1 points (x, y interleaved) at equal
 * distances from the start; `box` is its bounding box (to skip paths that are off screen).
 */
export interface PathLut {
  pts: Float32Array;
  length: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function sampleCubic(c: Cubic, steps = LUT_STEPS): PathLut {
  // fine uniform-in-t samples with their cumulative length, then resampled at equal lengths
  const xs = new Float64Array(FINE + 1);
  const ys = new Float64Array(FINE + 1);
  const acc = new Float64Array(FINE + 1);
  const p = new Float64Array(2);
  for (let i = 0; i <= FINE; i++) {
    cubicAt(c, i / FINE, p, 0);
    xs[i] = p[0]!;
    ys[i] = p[1]!;
    if (i > 0) acc[i] = acc[i - 1]! + Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
  }
  return resampleByLength(xs, ys, acc, steps);
}

/**
 * A polyline (its points and their cumulative length along it) resampled at `steps` equal lengths:
 * the lookup table a token rides on, so equal progress means equal distance on screen.
 */
export function resampleByLength(xs: ArrayLike<number>, ys: ArrayLike<number>, acc: ArrayLike<number>, steps: number): PathLut {
  const length = acc[acc.length - 1] ?? 0;
  const pts = new Float32Array((steps + 1) * 2);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let j = 0;
  for (let k = 0; k <= steps; k++) {
    const want = (length * k) / steps;
    while (j < acc.length - 2 && acc[j + 1]! < want) j++;
    const span = (acc[j + 1] ?? 0) - (acc[j] ?? 0);
    const f = span > 0 ? Math.min(1, Math.max(0, (want - acc[j]!) / span)) : 0;
    const x = (xs[j] ?? 0) + ((xs[j + 1] ?? xs[j] ?? 0) - (xs[j] ?? 0)) * f;
    const y = (ys[j] ?? 0) + ((ys[j + 1] ?? ys[j] ?? 0) - (ys[j] ?? 0)) * f;
    pts[k * 2] = x;
    pts[k * 2 + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { pts, length, minX, minY, maxX, maxY };
}

/**
 * The point at progress `p` (0 = start, 1 = end; clamped) written into out[0], out[1]. With
 * `reverse` the path is travelled from its end to its start (acks, returns, confirms).
 */
export function pointAt(lut: PathLut, p: number, reverse: boolean, out: Float64Array): void {
  let q = Math.min(1, Math.max(0, p));
  if (reverse) q = 1 - q;
  const pts = lut.pts;
  const steps = (pts.length >> 1) - 1;
  const f = q * steps;
  let i = f | 0;
  if (i >= steps) i = steps - 1;
  const r = f - i;
  const a = i * 2;
  out[0] = pts[a]! + (pts[a + 2]! - pts[a]!) * r;
  out[1] = pts[a + 1]! + (pts[a + 3]! - pts[a + 1]!) * r;
}

export { Position };
