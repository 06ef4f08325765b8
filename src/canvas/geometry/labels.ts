import { type Cubic, pointAlong, type Pt } from './pieces';
import { type Box, boxesOverlap } from './scene';

/**
 * Where the edge labels go: on their line, at the first place along it (the middle first, then
 * further out both ways) where the label covers no node and no label already placed. Labels of
 * bindings between the same two nodes (one queue bound with several keys) start stacked around
 * the middle. If no place is free, the one that covers least. Pure.
 */
export interface LabelItem {
  id: string;
  pieces: Cubic[];
  /** the route's preferred place (a loop's longest run); the middle of the line otherwise */
  preferred: Pt | null;
  width: number;
  height: number;
  /** the binding's place among the bindings with the same two ends */
  lane?: { index: number; count: number };
}

const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85];

function area(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function layoutLabels(items: readonly LabelItem[], nodes: readonly Box[]): Map<string, Pt> {
  const out = new Map<string, Pt>();
  const placed: Box[] = [];
  for (const it of items) {
    const stack = it.lane && it.lane.count > 1 ? (it.lane.index - (it.lane.count - 1) / 2) * (it.height + 3) : 0;
    const candidates: Pt[] = [];
    if (it.preferred) candidates.push({ x: it.preferred.x, y: it.preferred.y + stack });
    for (const f of ALONG) {
      const p = pointAlong(it.pieces, f);
      candidates.push({ x: p.x, y: p.y + stack });
    }
    let best: { p: Pt; score: number } | null = null;
    for (const p of candidates) {
      const box = { x: p.x - it.width / 2, y: p.y - it.height / 2, width: it.width, height: it.height };
      let score = 0;
      for (const n of nodes) if (boxesOverlap(box, n, 2)) score += area(box, { x: n.x - 2, y: n.y - 2, width: n.width + 4, height: n.height + 4 }) + 1;
      for (const l of placed) if (boxesOverlap(box, l, 2)) score += area(box, { x: l.x - 2, y: l.y - 2, width: l.width + 4, height: l.height + 4 }) + 1;
      if (!best || score < best.score) best = { p, score };
      if (score === 0) break;
    }
    const p = best!.p;
    out.set(it.id, p);
    placed.push({ x: p.x - it.width / 2, y: p.y - it.height / 2, width: it.width, height: it.height });
  }
  return out;
}

/** Edge labels are 16 px text in a 1 px border with 5 px padding (canvas.css .edge-label). */
export const LABEL_FONT = '16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LABEL_HEIGHT = 21;

let measureCtx: { measureText(s: string): { width: number } } | null | undefined;

/** A label's width: measured with the label's font where a canvas exists, estimated elsewhere. */
export function labelWidth(text: string): number {
  if (measureCtx === undefined) {
    try {
      const c = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1).getContext('2d') : typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
      if (c) c.font = LABEL_FONT;
      measureCtx = c;
    } catch {
      measureCtx = null;
    }
  }
  const w = measureCtx ? measureCtx.measureText(text).width : text.length * 8.6;
  // the CSS caps a binding's label at 10em (a long headers match or queue name is ellipsed)
  return Math.min(w, 160) + 12;
}
