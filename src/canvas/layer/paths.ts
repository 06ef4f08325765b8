import { BROKER_NODE_ID } from '../../model';
import { routeIndex } from '../geometry';
import type { EdgeRef } from '../geometry/routes';
import type { HandleLike } from '../geometry/scene';
import { bezierOf, type PathLut, Position, sampleCubic, straightCubic } from './bezier';

/**
 * Which line a token follows: the route the edge itself draws (geometry/: the same pieces, through
 * the channel's lane of the connection's cable, around the nodes for a loop), sampled once per line
 * into a lookup table, so a token rides on the drawn line in its own lane. The routes are computed
 * once per change of the nodes or edges (React Flow replaces an internal node object whenever it
 * moves, is resized or re-measured: the identity check is exact and costs a pass over the nodes).
 */

export interface NodeLike {
  internals: { positionAbsolute: { x: number; y: number }; handleBounds?: { source?: HandleLike[] | null; target?: HandleLike[] | null } | null };
  measured?: { width?: number; height?: number };
  width?: number;
  height?: number;
}

export interface EdgeLike {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
  type?: string;
}

export interface FlowLookups {
  nodeLookup: ReadonlyMap<string, NodeLike>;
  edgeLookup: ReadonlyMap<string, EdgeLike>;
  /** the edges as React Flow holds them (the routes are computed from them) */
  edges?: readonly EdgeRef[];
}

/** What a token needs to find its line (a Segment has these fields). */
export interface Travel {
  from: string;
  to: string;
  link?: string;
}

interface Entry {
  edge: EdgeLike | undefined;
  a: NodeLike | undefined;
  b: NodeLike | undefined;
  /** the routes it was taken from (a change of any node may change a line's route: a detour) */
  routes: ReturnType<typeof routeIndex> | null;
  lut: PathLut | null;
  /** the frame it was last checked in: checked once per frame, however many tokens use it */
  frame: number;
}

/** The point of a node's border where an edge attaches to a handle (as React Flow's getHandlePosition). */
export function handlePoint(node: NodeLike, h: HandleLike): { x: number; y: number } {
  const x = node.internals.positionAbsolute.x + h.x;
  const y = node.internals.positionAbsolute.y + h.y;
  switch (h.position) {
    case Position.Top:
      return { x: x + h.width / 2, y };
    case Position.Right:
      return { x: x + h.width, y: y + h.height / 2 };
    case Position.Bottom:
      return { x: x + h.width / 2, y: y + h.height };
    default:
      return { x, y: y + h.height / 2 };
  }
}

function findHandle(list: HandleLike[] | null | undefined, id: string | null | undefined): HandleLike | undefined {
  if (!list || list.length === 0) return undefined;
  return id ? list.find((h) => h.id === id) : list[0];
}

export function nodeSize(n: NodeLike): { width: number; height: number } {
  return { width: n.measured?.width ?? n.width ?? 0, height: n.measured?.height ?? n.height ?? 0 };
}

/** The curve of a drawn edge, or null when React Flow could not draw it either (missing handle, unmeasured node). */
export function edgePath(edge: EdgeLike, a: NodeLike | undefined, b: NodeLike | undefined): PathLut | null {
  if (!a || !b) return null;
  const sh = findHandle(a.internals.handleBounds?.source, edge.sourceHandle);
  const th = findHandle(b.internals.handleBounds?.target, edge.targetHandle);
  if (!sh || !th) return null;
  const s = handlePoint(a, sh);
  const t = handlePoint(b, th);
  return sampleCubic(bezierOf({ sourceX: s.x, sourceY: s.y, sourcePosition: sh.position, targetX: t.x, targetY: t.y, targetPosition: th.position }));
}

/** A straight line from the centre of one node to the centre of the other (for moves no edge draws). */
export function centrePath(a: NodeLike | undefined, b: NodeLike | undefined): PathLut | null {
  if (!a || !b) return null;
  const sa = nodeSize(a);
  const sb = nodeSize(b);
  const p = a.internals.positionAbsolute;
  const q = b.internals.positionAbsolute;
  return sampleCubic(straightCubic(p.x + sa.width / 2, p.y + sa.height / 2, q.x + sb.width / 2, q.y + sb.height / 2));
}

type Box = { x: number; y: number; width: number; height: number };

export class EdgePaths {
  private cache = new Map<string, Entry>();
  private frame = 0;
  private flow: FlowLookups = { nodeLookup: new Map(), edgeLookup: new Map() };
  private index: ReturnType<typeof routeIndex> | null | undefined;
  private blocked: { routes: unknown; boxes: Box[] } | null = null;

  /** Starts a frame with React Flow's current lookups (entries are re-validated lazily). */
  begin(flow: FlowLookups): void {
    this.flow = flow;
    this.index = undefined;
    this.frame++;
    // forget lines that are gone (a few entries at most: cheap, and keeps the cache bounded)
    if (this.cache.size > 4 * (flow.edgeLookup.size + 64)) this.cache.clear();
  }

  /** The path a token of this travel follows (in flow coordinates), or null if its nodes are not drawn. */
  resolve(t: Travel): PathLut | null {
    // the common case first: a line already checked this frame (one map lookup per token)
    const key = t.link ?? `${t.from}>${t.to}`;
    let e = this.cache.get(key);
    if (e !== undefined && e.frame === this.frame) return e.lut;
    const edge = t.link === undefined ? undefined : this.flow.edgeLookup.get(t.link);
    const a = this.flow.nodeLookup.get(edge ? edge.source : t.from);
    const b = this.flow.nodeLookup.get(edge ? edge.target : t.to);
    const routes = this.routes();
    if (e !== undefined && e.edge === edge && e.a === a && e.b === b && e.routes === routes) {
      e.frame = this.frame;
      return e.lut;
    }
    const lut =
      (edge && t.link !== undefined ? (routes?.lut(t.link) ?? edgePath(edge, a, b)) : null) ??
      (t.link !== undefined && routes ? routes.replyLut(t.link, t.from, t.to) : null) ??
      centrePath(a, b);
    e = { edge, a, b, lut, frame: this.frame, routes };
    this.cache.set(key, e);
    return lut;
  }

  /** Whether a node is drawn and (partly) on screen in a view (without allocating: asked for every node, every frame). */
  onScreen(id: string, view: { tx: number; ty: number; zoom: number; width: number; height: number }): boolean {
    const n = this.flow.nodeLookup.get(id);
    if (!n) return false;
    const { x, y } = n.internals.positionAbsolute;
    const w = n.measured?.width ?? n.width ?? 0;
    const h = n.measured?.height ?? n.height ?? 0;
    const sx = x * view.zoom + view.tx;
    const sy = y * view.zoom + view.ty;
    return sx + w * view.zoom >= 0 && sy + h * view.zoom >= 0 && sx <= view.width && sy <= view.height;
  }

  /** The routes of this frame's flow (computed when first needed, at most once per frame). */
  private routes(): ReturnType<typeof routeIndex> | null {
    if (this.index === undefined) this.index = this.flow.edges ? routeIndex({ nodeLookup: this.flow.nodeLookup, edges: this.flow.edges }) : null;
    return this.index;
  }

  /**
   * What an effect badge must not cover, in flow coordinates: every node but the broker's frame, and
   * the edge labels (recomputed when the nodes or the routes change, not every frame).
   */
  obstacles(): Box[] {
    const routes = this.routes();
    // the route index is rebuilt whenever a node moves or is measured, or an edge changes
    const b = this.blocked;
    if (b && routes && b.routes === routes) return b.boxes;
    const boxes: Box[] = [];
    for (const [id, n] of this.flow.nodeLookup) if (id !== BROKER_NODE_ID) boxes.push({ ...n.internals.positionAbsolute, ...nodeSize(n) });
    if (routes) boxes.push(...routes.labelBoxes);
    this.blocked = { routes, boxes };
    return boxes;
  }

  /** The edge labels' boxes in flow coordinates (tokens pass under them). */
  labels(): readonly Box[] {
    return this.routes()?.labelBoxes ?? [];
  }

  /** A node's box in flow coordinates (effects are drawn on it), or a connection cable's (by its line's id). */
  box(id: string): { x: number; y: number; width: number; height: number } | null {
    const n = this.flow.nodeLookup.get(id);
    if (!n) return this.routes()?.cableBox(id) ?? null;
    return { ...n.internals.positionAbsolute, ...nodeSize(n) };
  }
}
