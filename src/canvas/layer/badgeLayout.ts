/**
 * Where the effect badges go (screen px): nowhere on a node, an edge label or another badge. A badge
 * that says what happened at a node tries the places around it in turn (above it, right- then
 * left-aligned; below it; beside it; then a row further out), and takes the first one that is free
 * and on the canvas. A connection's badge goes on its cable, in the stretch between the app and the
 * broker frame that nothing else uses: its whole text when it fits there, else its sign alone
 * (⇄ opened, ⇥ closed, ⚠ lost; the cable's head in the app says the rest), else around the cable as a
 * node's would. Pure: the renderer measures the texts and passes the obstacles of the frame.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A badge's height on screen at scale 1 (its text is 12 px). */
export const BADGE_H = 18;
/** The font badges are measured with (scale 1); painted at `badgeFont(scale)` (marks.ts). */
export const BADGE_FONT = '600 12px system-ui, sans-serif';
export const badgeFont = (scale: number) => (scale === 1 ? BADGE_FONT : `600 ${Math.round(12 * scale * 10) / 10}px system-ui, sans-serif`);
/** Room between a badge and what it belongs to, and between two badges stacked (scale 1). */
const GAP = 3;

/**
 * How big badges are drawn for a zoom: like every other text on the canvas (16 px in the flow's
 * units, canvas.css), never under 12 px on screen. So in present mode, where the picture is zoomed
 * for the room, badges grow with the names and figures; and, since everything about a badge (its
 * text, height, gaps) then scales with the nodes, the layout puts it at the same place relative to
 * its node at any zoom from the one gallery scenarios open at (0.75) upward.
 */
export function badgeScale(zoom: number): number {
  return Math.max(1, (16 * zoom) / 12);
}

export interface BadgeAsk {
  /** what it belongs to, on screen: a node's box, or a cable's stretch between its app and the frame */
  at: Rect;
  on: 'node' | 'cable';
  /** the whole text's width, padding included */
  width: number;
  /** a cable's: the sign alone's width */
  compactWidth?: number;
}

export interface BadgePlace {
  x: number;
  y: number;
  w: number;
  /** drawn with its sign alone */
  compact: boolean;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const area = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

interface Candidate extends Rect {
  compact: boolean;
}

/** The places a badge `w` wide may take around a box, best first. */
function around(a: Rect, w: number, scale: number): Candidate[] {
  const h = BADGE_H * scale;
  const GAP_S = GAP * scale;
  const step = h + GAP_S;
  const out: Candidate[] = [];
  const at = (x: number, y: number) => out.push({ x, y, w, h, compact: false });
  const right = a.x + a.w - w;
  for (let k = 0; k < 4; k++) {
    const above = a.y - h - GAP_S - k * step;
    const below = a.y + a.h + GAP_S + k * step;
    at(right, above);
    at(a.x, above);
    at(right, below);
    at(a.x, below);
    if (k === 0) {
      // beside it, from its top down
      for (let y = a.y; y + h <= a.y + a.h; y += step) {
        at(a.x + a.w + GAP_S, y);
        at(a.x - w - GAP_S, y);
      }
    }
  }
  return out;
}

function candidates(ask: BadgeAsk, scale: number): Candidate[] {
  if (ask.on === 'node') return around(ask.at, ask.width, scale);
  const a = ask.at;
  const h = BADGE_H * scale;
  const cx = a.x + a.w / 2;
  const y = a.y + a.h / 2 - h / 2;
  const out: Candidate[] = [];
  // on the cable, where it runs between the app and the frame
  if (ask.width <= a.w) out.push({ x: cx - ask.width / 2, y, w: ask.width, h, compact: false });
  const cw = ask.compactWidth ?? ask.width;
  out.push({ x: cx - cw / 2, y, w: cw, h, compact: cw < ask.width });
  return [...out, ...around(a, ask.width, scale)];
}

/**
 * Places every badge (in the order asked), each where it covers nothing in `obstacles` nor a badge
 * placed before it. `scale`: badgeScale of the zoom (the asks' widths are already at that scale).
 */
export function placeBadges(asks: readonly BadgeAsk[], obstacles: readonly Rect[], bounds: Rect, scale = 1): BadgePlace[] {
  const placed: Rect[] = [];
  const inBounds = (r: Rect) => r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;
  return asks.map((ask) => {
    const list = candidates(ask, scale);
    let best: Candidate | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const c of list) {
      if (!inBounds(c)) continue;
      let cost = 0;
      for (const o of obstacles) if (overlaps(c, o)) cost += area(c, o);
      for (const o of placed) if (overlaps(c, o)) cost += area(c, o);
      if (cost === 0) {
        best = c;
        break;
      }
      // nowhere free (a crowded corner): the place that covers least
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    const chosen = best ?? list[0]!;
    // two badges never touch either
    placed.push({ x: chosen.x - 2 * scale, y: chosen.y - 2 * scale, w: chosen.w + 4 * scale, h: chosen.h + 4 * scale });
    return { x: chosen.x, y: chosen.y, w: chosen.w, compact: chosen.compact };
  });
}
