import dagre from '@dagrejs/dagre';
import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import type { Position } from './common';
import { APP_GAP, appRect, brokerFrame, nominalExchange, nominalQueue, type Size, type SizeOf } from './geometry';
import { deriveLinks } from './links';
import { moveNodes } from './ops/move';
import type { Scenario } from './scenario';

const NODE_GAP = 36;
const RANK_GAP = 90;
/** A column of apps nothing connects holds at least this many before the next one starts (beside a short broker, more columns would make the picture wide and small). */
const COLUMN_APPS = 3;

/**
 * Room a binding's label needs between its two columns: the canvas draws labels at 16 px (about
 * 9.6 px a character in the widest common fonts), capped at 10em (a longer one is ellipsed).
 */
function labelRoom(s: Scenario): number {
  const texts = s.bindings.map((b) => {
    const type = s.exchanges.find((e) => e.id === b.source)?.type;
    if (type === 'fanout') return '(fanout)';
    if (type === 'headers') return Object.entries(b.arguments).map(([k, v]) => `${k}=${String(v)}`).join(', ') + ' all: ';
    return b.routingKey || '""';
  });
  if (s.broker.showDefaultExchange) texts.push(...s.queues.map((q) => q.name));
  return Math.max(0, ...texts.map((t) => Math.min(160, t.length * 9.6) + 12 + 28));
}

/**
 * Tidy layout, left to right: producers, exchanges, queues, consumers, following the direction messages
 * flow. dagre ranks and orders everything connected (so lines cross as little as it can manage), then
 * the apps are lined up in a column outside the broker frame: publishers (and RPC clients) on the left,
 * pure consumers on the right. Dead-letter and alternate-exchange lines count too, so a DLX sits after
 * the queue that feeds it. What nothing connects (a queue not bound yet, an app not wired) would be one
 * tall column in dagre's first rank: exchanges and queues go on a grid under the flow instead, and apps
 * fill their side's column down to the frame's height, then a further column outward.
 */
export function tidyLayout(s: Scenario, sizeOf?: SizeOf): Scenario {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: Math.max(RANK_GAP, labelRoom(s)), marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, Size>();
  const brokerIds: string[] = [];
  const size = (id: string, nominal: Size, broker: boolean) => {
    sizes.set(id, sizeOf?.(id) ?? nominal);
    if (broker) brokerIds.push(id);
  };
  for (const e of s.exchanges) size(e.id, nominalExchange(e), true);
  if (s.broker.showDefaultExchange) size(DEFAULT_EXCHANGE_NODE_ID, nominalExchange(null), true);
  for (const q of s.queues) size(q.id, nominalQueue(q), true);
  for (const a of s.apps) size(a.id, appRect(a, sizeOf), false);
  const leftApps = new Set(s.apps.filter((a) => a.publishers.length > 0 || a.consumers.length === 0).map((a) => a.id));
  const edges: { source: string; target: string; id: string }[] = [];
  for (const link of deriveLinks(s)) {
    // connections do not rank anything, and a direct reply-to line runs back against the flow
    if (link.kind === 'connection' || link.kind === 'directReply') continue;
    // An RPC client both publishes and consumes; only its publishing ranks it, so it stays on the left.
    if (link.kind === 'subscribe' && leftApps.has(link.target)) continue;
    if (sizes.has(link.source) && sizes.has(link.target) && link.source !== link.target) edges.push(link);
  }
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  for (const id of linked) g.setNode(id, { width: sizes.get(id)!.width, height: sizes.get(id)!.height });
  for (const e of edges) g.setEdge(e.source, e.target, {}, e.id);
  // A queue a consumer reads but nothing feeds yet (the binding a lesson asks for) would rank with the
  // producers; an unseen, weightless edge from an exchange that feeds queues puts it in the queues' column.
  const queueIds = new Set(s.queues.map((q) => q.id));
  const feeder = edges.find((e) => queueIds.has(e.target) && !queueIds.has(e.source) && s.exchanges.some((x) => x.id === e.source))?.source;
  if (feeder) {
    for (const q of s.queues) {
      if (linked.has(q.id) && !edges.some((e) => e.target === q.id)) g.setEdge(feeder, q.id, { weight: 0 }, `rank:${q.id}`);
    }
  }
  if (linked.size) dagre.layout(g);

  const topLeft = (id: string): Position => {
    const n = g.node(id);
    const sz = sizes.get(id)!;
    return { x: Math.round(n.x - sz.width / 2), y: Math.round(n.y - sz.height / 2) };
  };
  const positions: Record<string, Position> = {};
  for (const id of brokerIds) if (linked.has(id)) positions[id] = topLeft(id);
  placeOnGrid(brokerIds.filter((id) => !linked.has(id)), sizes, positions);
  const brokerPlaced = moveNodes(s, positions);
  const frame = brokerFrame(brokerPlaced, sizeOf);

  // Apps: keep dagre's vertical order, stack them without overlap, just outside the frame; those
  // nothing connects after them, in further columns once a column reaches the frame's height.
  const column = (ids: string[], side: 'left' | 'right') => {
    const sorted = ids.filter((id) => linked.has(id)).map((id) => ({ id, y: topLeft(id).y, size: sizes.get(id)! })).sort((a, b) => a.y - b.y);
    const loose = ids.filter((id) => !linked.has(id)).map((id) => ({ id, y: -Infinity, size: sizes.get(id)! }));
    const out = (offset: number, width: number) => (side === 'left' ? frame.x - APP_GAP - offset - width : frame.x + frame.width + APP_GAP + offset);
    let offset = 0;
    let columnWidth = 0;
    let nextY = frame.y;
    let first = true;
    for (const item of [...sorted, ...loose]) {
      const isLoose = item.y === -Infinity;
      if (isLoose && !first && nextY + item.size.height > frame.y + Math.max(frame.height, COLUMN_APPS * (item.size.height + NODE_GAP))) {
        offset += columnWidth + NODE_GAP;
        columnWidth = 0;
        nextY = frame.y;
      }
      const y = isLoose ? nextY : Math.max(item.y, first ? -Infinity : nextY);
      columnWidth = Math.max(columnWidth, item.size.width);
      positions[item.id] = { x: 0, y };
      placedIn.set(item.id, { offset, side });
      nextY = y + item.size.height + NODE_GAP;
      first = false;
    }
    // x once each column's width is known (apps in one column line up on the frame's side)
    const widths = new Map<number, number>();
    for (const item of [...sorted, ...loose]) {
      const o = placedIn.get(item.id)!.offset;
      widths.set(o, Math.max(widths.get(o) ?? 0, item.size.width));
    }
    for (const item of [...sorted, ...loose]) {
      const o = placedIn.get(item.id)!.offset;
      const w = widths.get(o)!;
      positions[item.id] = { x: side === 'left' ? out(o, w) + (w - item.size.width) : out(o, w), y: positions[item.id]!.y };
    }
  };
  const placedIn = new Map<string, { offset: number; side: 'left' | 'right' }>();
  column(s.apps.filter((a) => leftApps.has(a.id)).map((a) => a.id), 'left');
  column(s.apps.filter((a) => !leftApps.has(a.id)).map((a) => a.id), 'right');
  return moveNodes(s, positions);
}

/**
 * Exchanges and queues nothing connects, on a grid under the connected ones (from their left edge), as
 * wide as they are or nearly square, whichever is wider: a compact block the fit view shows at a
 * readable zoom, not a column taller than the screen.
 */
function placeOnGrid(ids: string[], sizes: Map<string, Size>, positions: Record<string, Position>) {
  if (!ids.length) return;
  const placed = Object.values(positions);
  const cell = { width: Math.max(...ids.map((id) => sizes.get(id)!.width)) + NODE_GAP, height: Math.max(...ids.map((id) => sizes.get(id)!.height)) + NODE_GAP };
  let x0 = 0;
  let y0 = 0;
  let flowWidth = 0;
  if (placed.length) {
    const ids2 = Object.keys(positions);
    x0 = Math.min(...placed.map((p) => p.x));
    y0 = Math.max(...ids2.map((id) => positions[id]!.y + sizes.get(id)!.height)) + NODE_GAP;
    flowWidth = Math.max(...ids2.map((id) => positions[id]!.x + sizes.get(id)!.width)) - x0;
  }
  const columns = Math.min(ids.length, Math.max(Math.ceil(Math.sqrt(ids.length)), Math.floor((flowWidth + NODE_GAP) / cell.width)));
  ids.forEach((id, i) => {
    positions[id] = { x: x0 + (i % columns) * cell.width, y: y0 + Math.floor(i / columns) * cell.height };
  });
}
