import type { Position } from './common';
import { directReplyLinks } from './directReply';
import { appRect, brokerBoxes, brokerFrame, frameAround, intersects, NOMINAL, REPLY_FLOOR, type Rect, type Size, type SizeOf, union } from './geometry';
import { addNode, type PaletteKind } from './ops/add';
import { emptyScenario, type Scenario } from './scenario';

/** Room kept free around a placed node, so that it does not touch (or hide) a neighbour. */
export const PLACEMENT_GAP = 24;
/** Distance between two positions tried on the grid around the centre. */
const STEP = 20;

/** The size a node added from the palette has before the canvas has measured it. */
export function newNodeSize(kind: PaletteKind): Size {
  if (kind === 'exchange') return NOMINAL.exchange;
  if (kind === 'queue') return NOMINAL.queue;
  const { doc } = addNode(emptyScenario(), kind, { x: 0, y: 0 });
  return NOMINAL.app(doc.apps[0]!);
}

const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });
const inside = (r: Rect, outer: Rect) => r.x >= outer.x && r.y >= outer.y && r.x + r.width <= outer.x + outer.width && r.y + r.height <= outer.y + outer.height;

/** Rectangles bucketed in square cells, so that a test looks only at those near it. */
class RectIndex {
  private readonly cells = new Map<string, Rect[]>();
  constructor(
    private readonly all: readonly Rect[],
    private readonly cell = 256,
  ) {
    for (const r of all) this.keys(r, (key) => this.cells.get(key)?.push(r) ?? this.cells.set(key, [r]));
  }
  private span(r: Rect) {
    const c = this.cell;
    return { i0: Math.floor(r.x / c), i1: Math.floor((r.x + r.width) / c), j0: Math.floor(r.y / c), j1: Math.floor((r.y + r.height) / c) };
  }
  private keys(r: Rect, f: (key: string) => unknown) {
    const { i0, i1, j0, j1 } = this.span(r);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) f(`${i},${j}`);
  }
  hits(r: Rect): boolean {
    const { i0, i1, j0, j1 } = this.span(r);
    // a rectangle over many cells (the broker frame): looking at every one is quicker
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > this.all.length) return this.all.some((o) => intersects(r, o));
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) if (this.cells.get(`${i},${j}`)?.some((o) => intersects(r, o))) return true;
    return false;
  }
}

/**
 * The rules for a node of `kind` at a rectangle: it overlaps no node (with a gap around each); an app
 * stays clear of the broker frame (it would be pushed aside, onto its neighbours); an exchange or queue
 * does not grow the frame over an app. `taken` holds the nodes (with the gap); `edges` are the
 * rectangles to try placing the node against.
 */
function rulesFor(s: Scenario, kind: PaletteKind, sizeOf?: SizeOf): { fits: (r: Rect) => boolean; taken: RectIndex; edges: Rect[] } {
  const broker = brokerBoxes(s, sizeOf).map((b) => b.rect);
  const apps = s.apps.map((a) => appRect(a, sizeOf));
  const obstacles = [...broker, ...apps].map((r) => grow(r, PLACEMENT_GAP));
  const taken = new RectIndex(obstacles);
  if (kind === 'producer' || kind === 'consumer') {
    const frame = broker.length ? grow(brokerFrame(s, sizeOf), PLACEMENT_GAP) : null;
    return { fits: (r) => !(frame && intersects(r, frame)) && !taken.hits(r), taken, edges: frame ? [...obstacles, frame] : obstacles };
  }
  const inner = union(broker);
  const floor = directReplyLinks(s).length ? REPLY_FLOOR : 0;
  // apps already over the frame (an old document) cannot be helped: only the others count
  const clear = new RectIndex(inner ? apps.filter((a) => !intersects(a, frameAround(inner, floor))) : apps);
  const fits = (r: Rect) => {
    if (taken.hits(r)) return false;
    // inside the exchanges' and queues' extent the frame does not grow
    if (inner && inside(r, inner)) return true;
    return !clear.hits(frameAround(inner ? union([inner, r])! : r, floor));
  };
  return { fits, taken, edges: obstacles };
}

export interface PlacementOptions {
  /** The part of the canvas the person sees (flow coordinates). */
  view?: Rect;
  /** Sizes of the nodes already drawn. */
  sizeOf?: SizeOf;
  /** The new node's size, if the canvas knows better than `newNodeSize`. */
  size?: Size;
}

/** Where across the view each kind is aimed (a fraction of its width), in the order messages flow. */
const AIM: Record<PaletteKind, number> = { producer: 0.15, exchange: 0.45, queue: 0.55, consumer: 0.85 };

/**
 * The point a node added from the palette aims for in the view the person sees: producers towards the
 * left, then exchanges, queues, and consumers towards the right, at mid height. Nodes added one after
 * another then spread out in the order messages flow, instead of all crowding the middle.
 */
export function paletteCenter(kind: PaletteKind, view: Rect): Position {
  return { x: Math.round(view.x + view.width * AIM[kind]), y: Math.round(view.y + view.height / 2) };
}

/** How far the search goes outside the view (or without one), in grid steps. */
const MAX_RINGS = 100;

/**
 * Where a node added from the palette goes (its top-left corner): as near as possible to having its
 * centre at `center`, on a spot where it covers nothing (see `rulesFor`), inside the view when there is
 * such a spot. In the view, the spots tried are a grid around `center` and the places right next to each
 * node and to the view's edges (so that a gap just wide enough is found); the nearest that fits wins.
 * When the view is full, the nearest free spot outside it on the grid; when there is none, the nearest
 * spot that covers no node; `center` as a last resort.
 */
export function freeSpot(s: Scenario, kind: PaletteKind, center: Position, options: PlacementOptions = {}): Position {
  const { view, sizeOf, size = newNodeSize(kind) } = options;
  const origin = { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) };
  const { fits, taken, edges } = rulesFor(s, kind, sizeOf);
  if (view) {
    const xs = within(view.x, view.x + view.width - size.width, origin.x, [
      ...edges.flatMap((e) => [Math.ceil(e.x + e.width), Math.floor(e.x - size.width)]),
      Math.ceil(view.x),
      Math.floor(view.x + view.width - size.width),
    ]);
    const ys = within(view.y, view.y + view.height - size.height, origin.y, [
      ...edges.flatMap((e) => [Math.ceil(e.y + e.height), Math.floor(e.y - size.height)]),
      Math.ceil(view.y),
      Math.floor(view.y + view.height - size.height),
    ]);
    const spots = xs.flatMap((x) => ys.map((y) => ({ x, y, d: (x - origin.x) ** 2 + (y - origin.y) ** 2 }))).sort((a, b) => a.d - b.d);
    for (const { x, y } of spots) if (fits({ x, y, ...size })) return { x, y };
  }
  // out of the view: square rings of the grid, outward; the nearest free spot of the first ring with one.
  // If the rules leave no room at all, at least cover no node.
  return nearestOnGrid(origin, size, fits) ?? nearestOnGrid(origin, size, (r) => !taken.hits(r)) ?? origin;
}

function nearestOnGrid(origin: Position, size: Size, fits: (r: Rect) => boolean): Position | null {
  for (let k = 0; k <= MAX_RINGS; k++) {
    let best: { p: Position; d: number } | null = null;
    for (const p of ringAround(origin, k)) {
      const d = (p.x - origin.x) ** 2 + (p.y - origin.y) ** 2;
      if ((!best || d < best.d) && fits({ ...p, ...size })) best = { p, d };
    }
    if (best) return best.p;
  }
  return null;
}

/** The whole values from `lo` to `hi` to try on one axis: a grid through `from`, and the given ones. */
function within(lo: number, hi: number, from: number, extra: number[]): number[] {
  const out = new Set<number>();
  const first = from - Math.floor((from - lo) / STEP) * STEP;
  for (let v = first; v <= hi; v += STEP) out.add(v);
  for (const v of extra) if (v >= lo && v <= hi) out.add(v);
  return [...out];
}

/** The positions k steps away from `o` (the square ring of side 2k+1; just `o` for k = 0). */
function* ringAround(o: Position, k: number): Generator<Position> {
  if (k === 0) {
    yield o;
    return;
  }
  const d = k * STEP;
  for (let i = -k; i <= k; i++) {
    yield { x: o.x + i * STEP, y: o.y - d };
    yield { x: o.x + i * STEP, y: o.y + d };
  }
  for (let i = -k + 1; i <= k - 1; i++) {
    yield { x: o.x - d, y: o.y + i * STEP };
    yield { x: o.x + d, y: o.y + i * STEP };
  }
}
