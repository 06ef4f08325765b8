import { BROKER_NODE_ID, FRAME_PADDING, FRAME_TITLE, type LinkKind, REPLY_FLOOR } from '../../model';
import { type Cable, cableEntry, cableOf, cableRun, entryDir, entryRange, settle } from './cable';
import { type Cubic, crosses, hCurve, pointAlong, type Pt, roundedPolyline, vCurve } from './pieces';
import { attach, type Box, bottom, handle, midX, midY, type NodeGeom, Position, right } from './scene';

/**
 * Where each line of the picture runs, computed once for the edges, their labels and the tokens:
 * - a publish or a delivery runs through its channel's lane in its connection's cable, between the
 *   app and the broker frame, then inside the broker to (or from) its exchange or queue;
 * - a line inside the broker leaves from the side of its node that faces the other one: to the
 *   right in the main flow, straight down or up to a node below or above, to the left to a node
 *   beside it on the left (a dead-letter exchange under its queue and the retry queue beside it
 *   draw a loop as a ring);
 * - a line that would go backwards or through another node is routed around the nodes in its way,
 *   in horizontal and vertical runs with rounded corners (a retry loop reads as a loop, never hidden
 *   behind a node), with its label on its longest run.
 */
export interface Route {
  pieces: Cubic[];
  /** where its label goes when nothing else is in the way (the label layout may move it along the line) */
  label: Pt | null;
  /** a connection's cable */
  cable?: Cable;
}

/** What the routes read of an edge (React Flow's edges carry all of it). */
export interface EdgeRef {
  id: string;
  type?: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
  data?: unknown;
}

export function linkKind(e: EdgeRef): LinkKind | null {
  if (e.type === 'binding') return 'binding';
  if (e.type === 'connection') return 'connection';
  return (e.data as { link?: { kind: LinkKind } } | undefined)?.link?.kind ?? null;
}

const STUB = 22;
const BOTTOM_OFFSET = 30;
const GAP = 16;

/** An axis-aligned run crosses a box (inset a little: touching is fine). */
function runHits(a: Pt, b: Pt, o: Box): boolean {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return x0 < o.x + o.width - 2 && x1 > o.x + 2 && y0 < o.y + o.height - 2 && y1 > o.y + 2;
}

/**
 * Around the nodes: leaves `src` in direction `srcDir` (±1 along x), arrives at `dst` moving in
 * `dstDir`, through the horizontal corridor (above everything in the way, below it, or a gap
 * between nodes) that makes the shortest clear path. `avoid` are the boxes not to cross.
 */
export function corridor(src: Pt, srcDir: number, dst: Pt, dstDir: number, avoid: readonly Box[], dstStub = STUB): { points: Pt[]; label: Pt } {
  const a = { x: src.x + srcDir * STUB, y: src.y };
  const b = { x: dst.x - dstDir * dstStub, y: dst.y };
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const span = avoid.filter((o) => o.x < x1 + 2 && o.x + o.width > x0 - 2);
  const ys = new Set<number>([a.y, b.y]);
  if (span.length) {
    ys.add(Math.min(...span.map((o) => o.y)) - GAP);
    ys.add(Math.max(...span.map(bottom)) + GAP);
    for (const o of span) {
      ys.add(bottom(o) + GAP);
      ys.add(o.y - GAP);
    }
  }
  let best: { points: Pt[]; len: number; cy: number } | null = null;
  for (const cy of ys) {
    const pts = [src, a, { x: a.x, y: cy }, { x: b.x, y: cy }, b, dst];
    let clear = true;
    for (let i = 1; i < pts.length - 2 && clear; i++) for (const o of avoid) if (runHits(pts[i]!, pts[i + 1]!, o)) clear = false;
    if (!clear) continue;
    const len = Math.abs(cy - a.y) + Math.abs(cy - b.y) + Math.abs(b.x - a.x);
    if (!best || len < best.len - 0.5 || (Math.abs(len - best.len) <= 0.5 && cy > best.cy)) best = { points: pts, len, cy };
  }
  if (!best) {
    const cy = Math.max(a.y, b.y, ...avoid.map(bottom)) + GAP;
    best = { points: [src, a, { x: a.x, y: cy }, { x: b.x, y: cy }, b, dst], len: 0, cy };
  }
  return { points: best.points, label: { x: (a.x + b.x) / 2, y: best.cy } };
}

function around(src: Pt, srcDir: number, dst: Pt, dstDir: number, avoid: readonly Box[], dstStub = STUB): Route {
  const c = corridor(src, srcDir, dst, dstDir, avoid, dstStub);
  return { pieces: roundedPolyline(c.points), label: c.label };
}

const mid = (pieces: Cubic[]): Pt => {
  const p = pointAlong(pieces, 0.5);
  return { x: p.x, y: p.y };
};

/**
 * A line between two nodes inside the broker, from the side of `s` that faces `t`. `from` and `to`
 * are the usual attachment points (the source's out handle, the target's in handle); `avoid` are
 * the other nodes.
 */
export function brokerRoute(s: Box, t: Box, from: Pt, to: Pt, avoid: readonly Box[], fromBottom = false): Route {
  const overlapX = Math.min(right(s), right(t)) - Math.max(s.x, t.x);
  const overlapY = Math.min(bottom(s), bottom(t)) - Math.max(s.y, t.y);
  const narrow = Math.min(s.width, t.width);
  const low = Math.min(s.height, t.height);
  let pieces: Cubic[] | null = null;
  if (fromBottom) {
    // an alternate exchange's line leaves from the bottom: straight down to a node below, else down and across
    if (t.y >= bottom(s) + 12) pieces = [vCurve(from, { x: midX(t), y: t.y })];
    else if (to.x >= from.x + 24) {
      const k = Math.max(24, Math.min(Math.abs(to.y - from.y), to.x - from.x) / 2);
      pieces = [[from.x, from.y, from.x, from.y + k, to.x - k, to.y, to.x, to.y]];
    }
  } else if (to.x >= from.x + 24) pieces = [hCurve(from, to)];
  // a bottom's middle is an exchange's alternate-exchange handle: lines meet bottoms a little to its left
  else if (t.y >= bottom(s) + 12 && overlapX >= narrow * 0.4) pieces = [vCurve({ x: midX(s) - BOTTOM_OFFSET, y: bottom(s) }, { x: midX(t), y: t.y })];
  else if (bottom(t) <= s.y - 12 && overlapX >= narrow * 0.4) pieces = [vCurve({ x: midX(s), y: s.y }, { x: midX(t) - BOTTOM_OFFSET, y: bottom(t) })];
  else if (right(t) <= s.x - 24 && overlapY >= low * 0.4) pieces = [hCurve({ x: s.x, y: midY(s) }, { x: right(t), y: midY(t) })];
  if (pieces && !avoid.some((o) => crosses(pieces!, o))) return { pieces, label: mid(pieces) };
  // backwards, or through another node: around the nodes in the way
  return fromBottom ? around(from, 0, to, 1, [...avoid, s, t]) : around(from, 1, to, 1, [...avoid, s, t]);
}

export interface Scene {
  nodes: ReadonlyMap<string, NodeGeom>;
  frame: Box | null;
  /** the exchanges and queues (lines inside the broker go around them) */
  broker: Box[];
}

/**
 * The cables of a scene, computed together: each aims where its lines go inside the broker (the
 * exchanges its publishers publish to, the queues its consumers consume from), and cables that
 * would meet the frame's border at the same place are spread apart (stacked around where they aim,
 * the usual 1-D placement), so that no two cross or overlap.
 */
export class Cables {
  private map = new Map<string, Cable | null>();
  constructor(
    private readonly scene: Scene,
    edges: readonly EdgeRef[] = [],
  ) {
    const frame = scene.frame;
    if (!frame) return;
    // where each connection's lines want to enter: the heights of what they link to
    const aims = new Map<string, number[]>();
    const connOf = (appId: string, clientId: string) => {
      const model = appModel(scene, appId);
      const channel = model?.publishers.find((p) => p.id === clientId)?.channelId ?? model?.consumers.find((c) => c.id === clientId)?.channelId;
      return model?.connections.find((c) => c.channels.some((ch) => ch.id === channel))?.id;
    };
    for (const e of edges) {
      const kind = linkKind(e);
      const link = (e.data as { link?: { publisherId?: string; consumerId?: string } } | undefined)?.link;
      const [appId, clientId, other, otherHandle] =
        kind === 'publish' || kind === 'publishViaDefault' ? [e.source, link?.publisherId, e.target, handle(scene.nodes.get(e.target)?.target ?? [], e.targetHandle)] :
        kind === 'subscribe' ? [e.target, link?.consumerId, e.source, handle(scene.nodes.get(e.source)?.source ?? [], e.sourceHandle)] : [null, null, null, null];
      if (!appId || !clientId || !other || !otherHandle) continue;
      const conn = connOf(appId, clientId);
      if (!conn) continue;
      const key = `${appId}\u0000${conn}`;
      aims.set(key, [...(aims.get(key) ?? []), otherHandle.y]);
    }
    const bySide = new Map<number, { key: string; cable: Cable; want: number }[]>();
    for (const e of edges) {
      if (linkKind(e) !== 'connection') continue;
      const connId = (e.data as { link?: { connectionId?: string } } | undefined)?.link?.connectionId;
      const app = scene.nodes.get(e.source);
      if (!connId || !app) continue;
      const key = `${e.source}\u0000${connId}`;
      const base = cableOf(app, connId, frame);
      this.map.set(key, base);
      if (base?.enter !== 'side') continue;
      const ys = aims.get(key);
      const mid = (base.top + base.bottom) / 2;
      const want = ys?.length ? ys.reduce((a, b) => a + b, 0) / ys.length : mid;
      const list = bySide.get(base.fx) ?? [];
      list.push({ key, cable: base, want });
      bySide.set(base.fx, list);
    }
    for (const list of bySide.values()) {
      const tops = spread(list.map((x) => ({ want: x.want - (x.cable.bottom - x.cable.top) / 2, height: x.cable.bottom - x.cable.top })), frame);
      list.forEach((x, i) => {
        const half = (x.cable.bottom - x.cable.top) / 2;
        const [lo, hi] = entryRange(frame, half);
        const centre = lo <= hi ? Math.min(hi, Math.max(lo, tops[i]! + half)) : frame.y + frame.height / 2;
        this.map.set(x.key, settle(x.cable, frame, centre - (x.cable.top + half)));
      });
    }
  }

  of(appId: string, connectionId: string): Cable | null {
    const key = `${appId}\u0000${connectionId}`;
    if (this.map.has(key)) return this.map.get(key)!;
    const app = this.scene.nodes.get(appId);
    const c = app && this.scene.frame ? cableOf(app, connectionId, this.scene.frame) : null;
    this.map.set(key, c);
    return c;
  }

  /** The cable a client's line runs in (by its publisher or consumer id). */
  ofClient(appId: string, clientId: string): Cable | null {
    const app = this.scene.nodes.get(appId);
    const model = (app?.data as { app?: import('../../model').App } | undefined)?.app;
    if (!model) return null;
    const channel = model.publishers.find((p) => p.id === clientId)?.channelId ?? model.consumers.find((c) => c.id === clientId)?.channelId;
    const conn = model.connections.find((c) => c.channels.some((ch) => ch.id === channel));
    return conn ? this.of(appId, conn.id) : null;
  }
}

function appModel(scene: Scene, appId: string): import('../../model').App | undefined {
  return (scene.nodes.get(appId)?.data as { app?: import('../../model').App } | undefined)?.app;
}

/** Tops for intervals that each want a place, in order, without overlaps (4 px apart), inside the frame. */
function spread(items: { want: number; height: number }[], frame: Box): number[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.want - items[b]!.want);
  const clusters: { idx: number[]; top: number; height: number }[] = [];
  for (const i of order) {
    clusters.push({ idx: [i], top: items[i]!.want, height: items[i]!.height });
    while (clusters.length > 1) {
      const cur = clusters[clusters.length - 1]!;
      const prev = clusters[clusters.length - 2]!;
      if (prev.top + prev.height + 4 <= cur.top) break;
      const idx = [...prev.idx, ...cur.idx];
      let off = 0;
      let sum = 0;
      for (const k of idx) {
        sum += items[k]!.want - off;
        off += items[k]!.height + 4;
      }
      clusters.splice(-2, 2, { idx, top: sum / idx.length, height: off - 4 });
    }
  }
  const tops = new Array<number>(items.length);
  for (const c of clusters) {
    // the whole group within the frame's border, below its title
    const lo = frame.y + FRAME_TITLE + 4;
    const hi = frame.y + frame.height - 4 - c.height;
    let y = hi >= lo ? Math.min(hi, Math.max(lo, c.top)) : c.top;
    for (const k of c.idx) {
      tops[k] = y;
      y += items[k]!.height + 4;
    }
  }
  return tops;
}

/**
 * A publish's line from where it enters the frame to its exchange's (or queue's) in handle: an S
 * when it comes in through the side with room before the handle, else around the nodes in its way
 * (through the top or bottom border it first runs straight down or up).
 */
function intoBroker(cable: Cable, entry: Pt, to: Pt, broker: readonly Box[]): Cubic[] {
  const dir = entryDir(cable);
  if (dir === 1 && to.x - entry.x >= 24) return [hCurve(entry, to)];
  // in through the top or bottom: a short last run into the handle, which keeps it inside the frame's padding
  return around(entry, dir, to, 1, broker, dir === 0 ? 8 : STUB).pieces;
}

const others = (scene: Scene, ...ids: string[]) => scene.broker.filter((b) => !ids.some((id) => scene.nodes.get(id)?.box === b));

/**
 * A publish no edge draws: an RPC server replying on its consumer's channel (the reply goes to the
 * default exchange): from the consumer's handle, through its cable, into `target`.
 */
export function replyRoute(scene: Scene, cables: Cables, appId: string, clientId: string, targetId: string): Route | null {
  const app = scene.nodes.get(appId);
  const t = scene.nodes.get(targetId);
  const h = app ? handle(app.target, clientId) ?? handle(app.source, clientId) : undefined;
  const cable = cables.ofClient(appId, clientId);
  const th = t ? handle(t.target, 'in') : undefined;
  if (!app || !t || !h || !cable || !th) return null;
  const to = attach(th);
  const entry = cableEntry(cable, h.y);
  return { pieces: [cableRun(cable, h.y, attach(h).x), ...intoBroker(cable, entry, to, scene.broker)], label: null };
}

/**
 * The direct reply-to line: a reply is a publish by the RPC server on its consumer's channel, and the
 * broker hands it straight to the client channel that consumes amq.rabbitmq.reply-to, through no
 * exchange line and no queue. So the line leaves the server through that channel's lane in its
 * cable, crosses the broker in the room kept for it under every exchange and queue (REPLY_FLOOR,
 * inside the frame: it covers no node and stays within the frame's border), and arrives through the
 * client's cable, in the lane of the channel that consumes the replies. Its label sits on the floor.
 */
export function directReplyRoute(scene: Scene, cables: Cables, serverAppId: string, serverConsumerId: string, clientAppId: string, consumerId: string): Route | null {
  const frame = scene.frame;
  const server = scene.nodes.get(serverAppId);
  const client = scene.nodes.get(clientAppId);
  if (!frame || !server || !client) return null;
  const sh = handle(server.target, serverConsumerId);
  const ch = handle(client.target, consumerId);
  const sc = cables.ofClient(serverAppId, serverConsumerId);
  const cc = cables.ofClient(clientAppId, consumerId);
  if (!sh || !ch || !sc || !cc) return null;
  const out = cableRun(sc, sh.y, attach(sh).x);
  const run = cableRun(cc, ch.y, attach(ch).x);
  const back: Cubic = [run[6], run[7], run[4], run[5], run[2], run[3], run[0], run[1]];
  const a = cableEntry(sc, sh.y);
  const b = cableEntry(cc, ch.y);
  // half-way into the frame's padding: clear of the exchanges and queues, which keep FRAME_PADDING from its border
  const inset = FRAME_PADDING / 2;
  const xa = a.x + (sc.side === 'right' ? inset : -inset);
  let xb = b.x + (cc.side === 'right' ? inset : -inset);
  // both apps on one side of the broker: the two vertical runs side by side, not on top of each other
  if (Math.abs(xa - xb) < 1) xb += cc.side === 'right' ? 16 : -16;
  const floor = bottom(frame) - (FRAME_PADDING + REPLY_FLOOR) / 2;
  const inner = roundedPolyline([a, { x: xa, y: a.y }, { x: xa, y: floor }, { x: xb, y: floor }, { x: xb, y: b.y }, b], 10);
  return { pieces: [out, ...inner, back], label: { x: (xa + xb) / 2, y: floor } };
}

/** The route of one edge in a scene; null when its nodes are not drawn (or not measured) yet. */
export function routeOf(e: EdgeRef, scene: Scene, cables: Cables): Route | null {
  const kind = linkKind(e);
  const s = scene.nodes.get(e.source);
  const t = scene.nodes.get(e.target);
  if (!kind || !s || !t || s.box.width === 0 || t.box.width === 0) return null;
  const link = (e.data as { link?: { connectionId?: string; appId?: string; publisherId?: string; consumerId?: string } } | undefined)?.link;
  switch (kind) {
    case 'connection': {
      const cable = link?.connectionId ? cables.of(e.source, link.connectionId) : null;
      if (!cable) return null;
      const y = (cable.top + cable.bottom) / 2;
      return { pieces: [cableRun(cable, y)], label: null, cable };
    }
    case 'publish':
    case 'publishViaDefault': {
      const h = handle(s.source, e.sourceHandle);
      const th = handle(t.target, e.targetHandle);
      const cable = link?.publisherId ? cables.ofClient(e.source, link.publisherId) : null;
      if (!h || !th) return null;
      const to = attach(th);
      if (!cable || !scene.frame) return { pieces: [hCurve(attach(h), to)], label: null };
      const run = cableRun(cable, h.y, attach(h).x);
      const entry = cableEntry(cable, h.y);
      return { pieces: [run, ...intoBroker(cable, entry, to, scene.broker)], label: null };
    }
    case 'subscribe': {
      const sh = handle(s.source, e.sourceHandle);
      const h = handle(t.target, e.targetHandle);
      const cable = link?.consumerId ? cables.ofClient(e.target, link.consumerId) : null;
      if (!sh || !h) return null;
      const from = attach(sh);
      if (!cable || !scene.frame) return { pieces: [hCurve(from, attach(h))], label: null };
      const entry = cableEntry(cable, h.y);
      const run = cableRun(cable, h.y, attach(h).x);
      // the run goes app → frame: travelled backwards here (frame → app)
      const back: Cubic = [run[6], run[7], run[4], run[5], run[2], run[3], run[0], run[1]];
      // arriving at the frame's border moving right (an app on the right) or left (an app on the left), or up or down (0)
      const dir = -entryDir(cable);
      let inner: Cubic[] | null = null;
      if (dir === 1 && entry.x - from.x >= 24) inner = [hCurve(from, entry)];
      else if (dir === -1 && entry.x <= s.box.x - 12) {
        // an app on the left consuming (an RPC client's replies): from the queue's left side, below its in handle
        const leave = { x: s.box.x, y: Math.min(s.box.y + s.box.height - 10, midY(s.box) + 18) };
        const curve = [hCurve(leave, entry)];
        if (!scene.broker.some((o) => o !== s.box && crosses(curve, o))) inner = curve;
      }
      return { pieces: [...(inner ?? around(from, 1, entry, dir, scene.broker).pieces), back], label: null };
    }
    case 'directReply': {
      const l = link as { serverConsumerId?: string; consumerId?: string } | undefined;
      return l?.serverConsumerId && l.consumerId ? directReplyRoute(scene, cables, e.source, l.serverConsumerId, e.target, l.consumerId) : null;
    }
    default: {
      // inside the broker: bindings, the default exchange's bindings, dead-lettering, alternate exchanges
      const sh = handle(s.source, e.sourceHandle);
      const th = handle(t.target, e.targetHandle);
      if (!sh || !th) return null;
      const fromBottom = sh.position === Position.Bottom;
      return brokerRoute(s.box, t.box, attach(sh), attach(th), others(scene, e.source, e.target), fromBottom);
    }
  }
}

export { BROKER_NODE_ID };
