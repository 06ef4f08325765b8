import dagre from '@dagrejs/dagre';
import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import type { Position } from './common';
import { APP_GAP, appRect, brokerFrame, nominalExchange, nominalQueue, type Size, type SizeOf } from './geometry';
import { deriveLinks } from './links';
import { moveNodes } from './ops/move';
import type { Scenario } from './scenario';

const NODE_GAP = 36;
const RANK_GAP = 90;

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
 * flow. dagre ranks and orders everything (so lines cross as little as it can manage), then the apps are
 * lined up in a column outside the broker frame: publishers (and RPC clients) on the left, pure
 * consumers on the right. Dead-letter and alternate-exchange lines count too, so a DLX sits after the
 * queue that feeds it.
 */
export function tidyLayout(s: Scenario, sizeOf?: SizeOf): Scenario {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: Math.max(RANK_GAP, labelRoom(s)), marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, Size>();
  const add = (id: string, nominal: Size) => {
    const size = sizeOf?.(id) ?? nominal;
    sizes.set(id, size);
    g.setNode(id, { width: size.width, height: size.height });
  };
  for (const e of s.exchanges) add(e.id, nominalExchange(e));
  for (const q of s.queues) add(q.id, nominalQueue(q));
  if (s.broker.showDefaultExchange) add(DEFAULT_EXCHANGE_NODE_ID, nominalExchange(null));
  for (const a of s.apps) add(a.id, appRect(a, sizeOf));
  const leftApps = new Set(s.apps.filter((a) => a.publishers.length > 0 || a.consumers.length === 0).map((a) => a.id));
  for (const link of deriveLinks(s)) {
    // connections do not rank anything, and a direct reply-to line runs back against the flow
    if (link.kind === 'connection' || link.kind === 'directReply') continue;
    // An RPC client both publishes and consumes; only its publishing ranks it, so it stays on the left.
    if (link.kind === 'subscribe' && leftApps.has(link.target)) continue;
    if (g.hasNode(link.source) && g.hasNode(link.target)) g.setEdge(link.source, link.target, {}, link.id);
  }
  dagre.layout(g);

  const topLeft = (id: string): Position => {
    const n = g.node(id);
    const size = sizes.get(id)!;
    return { x: Math.round(n.x - size.width / 2), y: Math.round(n.y - size.height / 2) };
  };
  const positions: Record<string, Position> = {};
  for (const e of s.exchanges) positions[e.id] = topLeft(e.id);
  for (const q of s.queues) positions[q.id] = topLeft(q.id);
  if (s.broker.showDefaultExchange) positions[DEFAULT_EXCHANGE_NODE_ID] = topLeft(DEFAULT_EXCHANGE_NODE_ID);
  const brokerPlaced = moveNodes(s, positions);
  const frame = brokerFrame(brokerPlaced, sizeOf);

  // Apps: keep dagre's vertical order, stack them without overlap, just outside the frame.
  const column = (ids: string[], side: 'left' | 'right') => {
    const sorted = ids.map((id) => ({ id, y: topLeft(id).y, size: sizes.get(id)! })).sort((a, b) => a.y - b.y);
    let nextY = -Infinity;
    for (const item of sorted) {
      const y = Math.max(item.y, nextY);
      const x = side === 'left' ? frame.x - APP_GAP - item.size.width : frame.x + frame.width + APP_GAP;
      positions[item.id] = { x, y };
      nextY = y + item.size.height + NODE_GAP;
    }
  };
  column(s.apps.filter((a) => leftApps.has(a.id)).map((a) => a.id), 'left');
  column(s.apps.filter((a) => !leftApps.has(a.id)).map((a) => a.id), 'right');
  return moveNodes(s, positions);
}
