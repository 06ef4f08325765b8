import { BROKER_NODE_ID } from '../../model';
import type { PathLut } from '../layer/bezier';
import { cableBox } from './cable';
import { LABEL_HEIGHT, type LabelItem, labelWidth, layoutLabels } from './labels';
import { type Cubic, type Pt, samplePieces, svgOf } from './pieces';
import { Cables, type EdgeRef, type Route, replyRoute, routeOf, type Scene } from './routes';
import { type Box, type InternalLike, type NodeGeom, nodeGeom } from './scene';

/**
 * The picture's lines, computed once per change of the nodes or edges and shared by everyone who
 * draws them: the edge components (their SVG path and label place), the message layer (the lookup
 * table a token rides on) and the effects (a cable's box). A change is seen by identity: React Flow
 * replaces an internal node object when it moves, is measured or re-rendered with new data, and
 * the edges array when an edge changes; the check is a pass over the nodes, no allocation.
 */
export interface RouteEntry extends Route {
  svg: string;
  /** the label's centre after the label layout, when the edge has a label */
  labelAt: Pt | null;
}

export interface FlowLike {
  nodeLookup: ReadonlyMap<string, InternalLike>;
  edges: readonly EdgeRef[];
}

export class RouteIndex {
  readonly routes = new Map<string, RouteEntry>();
  private luts = new Map<string, PathLut>();
  private boxes = new Map<string, Box>();
  /** where the edge labels are (flow coordinates): effect badges keep off them */
  readonly labelBoxes: Box[] = [];
  private readonly cables: Cables;

  constructor(
    readonly scene: Scene,
    edges: readonly EdgeRef[],
  ) {
    const cables = new Cables(scene, edges);
    this.cables = cables;
    const labels: LabelItem[] = [];
    for (const e of edges) {
      const r = routeOf(e, scene, cables);
      if (!r) continue;
      this.routes.set(e.id, { ...r, svg: svgOf(r.pieces), labelAt: null });
      if (r.cable) this.boxes.set(e.id, cableBox(r.cable));
      const text = (e.data as { label?: string } | undefined)?.label;
      if (text) {
        const lane = (e.data as { lane?: { index: number; count: number } }).lane;
        labels.push({ id: e.id, pieces: r.pieces, preferred: r.label, width: labelWidth(text), height: LABEL_HEIGHT, ...(lane ? { lane } : {}) });
      }
    }
    const nodes = [...scene.nodes.values()].filter((n) => n.id !== BROKER_NODE_ID).map((n) => n.box);
    const widths = new Map(labels.map((l) => [l.id, l.width]));
    for (const [id, p] of layoutLabels(labels, nodes)) {
      this.routes.get(id)!.labelAt = p;
      const w = widths.get(id) ?? 0;
      this.labelBoxes.push({ x: p.x - w / 2, y: p.y - LABEL_HEIGHT / 2, width: w, height: LABEL_HEIGHT });
    }
  }

  /** The lookup table a token on this edge rides on (sampled the first time it is asked for). */
  lut(edgeId: string): PathLut | null {
    let l = this.luts.get(edgeId);
    if (l) return l;
    const r = this.routes.get(edgeId);
    if (!r || r.pieces.length === 0) return null;
    l = samplePieces(r.pieces);
    this.luts.set(edgeId, l);
    return l;
  }

  /**
   * The table for a publish no edge draws (an RPC server's reply, `publish:<consumer id>`): through
   * the consumer's cable into the node it goes to. Null when there is no such client.
   */
  replyLut(link: string, appId: string, targetId: string): PathLut | null {
    const key = `${link}>${targetId}`;
    let l = this.luts.get(key);
    if (l) return l;
    const r = link.startsWith('publish:') ? replyRoute(this.scene, this.cables, appId, link.slice('publish:'.length), targetId) : null;
    if (!r) return null;
    l = samplePieces(r.pieces);
    this.luts.set(key, l);
    return l;
  }

  /** A connection cable's box (by its edge id), for effects drawn on it. */
  cableBox(edgeId: string): Box | null {
    return this.boxes.get(edgeId) ?? null;
  }
}

interface Cached {
  refs: unknown[];
  edges: readonly EdgeRef[];
  index: RouteIndex;
}

const cache = new WeakMap<object, Cached>();

function unchanged(c: Cached, flow: FlowLike): boolean {
  if (c.edges !== flow.edges || c.refs.length !== flow.nodeLookup.size) return false;
  let i = 0;
  for (const n of flow.nodeLookup.values()) if (c.refs[i++] !== n) return false;
  return true;
}

/** The routes of a React Flow instance's current state (recomputed only when a node or edge changed). */
export function routeIndex(flow: FlowLike): RouteIndex {
  const c = cache.get(flow.nodeLookup);
  if (c && unchanged(c, flow)) return c.index;
  const nodes = new Map<string, NodeGeom>();
  const broker: Box[] = [];
  for (const [id, n] of flow.nodeLookup) {
    const g = nodeGeom(id, n);
    nodes.set(id, g);
    if ((g.type === 'exchange' || g.type === 'queue') && g.box.width > 0) broker.push(g.box);
  }
  const frame = nodes.get(BROKER_NODE_ID)?.box ?? null;
  const index = new RouteIndex({ nodes, frame, broker }, flow.edges);
  cache.set(flow.nodeLookup, { refs: [...flow.nodeLookup.values()], edges: flow.edges, index });
  return index;
}

export type { Cubic, Pt };
