import {
  appRect, BROKER_NODE_ID, brokerFrame, DEFAULT_EXCHANGE_NODE_ID, defaultExchangePosition, deriveLinks, nominalExchange, nominalQueue, type Rect, type Scenario,
} from '../../model';

/**
 * A scenario's topology as a small drawing for its gallery card, from the document alone (its
 * positions and the nominal node sizes: no React Flow, no measuring): the broker frame, the nodes
 * as boxes by kind, and the lines between them. Pure; the card draws it as SVG.
 */
export type ThumbKind = 'exchange' | 'queue' | 'app';

export interface Thumbnail {
  viewBox: { x: number; y: number; width: number; height: number };
  frame: Rect;
  nodes: (Rect & { id: string; kind: ThumbKind })[];
  /** lines between node centres' facing sides, by kind of link */
  lines: { x1: number; y1: number; x2: number; y2: number; kind: 'flow' | 'dlx' }[];
  counts: { producers: number; consumers: number; exchanges: number; queues: number };
}

const MARGIN = 24;

export function thumbnailOf(s: Scenario): Thumbnail {
  const nodes: Thumbnail['nodes'] = [
    ...s.exchanges.map((e) => ({ id: e.id, kind: 'exchange' as const, ...e.position, ...nominalExchange(e) })),
    ...s.queues.map((q) => ({ id: q.id, kind: 'queue' as const, ...q.position, ...nominalQueue(q) })),
    ...s.apps.map((a) => ({ id: a.id, kind: 'app' as const, ...appRect(a) })),
  ];
  if (s.broker.showDefaultExchange) nodes.push({ id: DEFAULT_EXCHANGE_NODE_ID, kind: 'exchange', ...defaultExchangePosition(s), ...nominalExchange(null) });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const frame = brokerFrame(s);
  const lines: Thumbnail['lines'] = [];
  for (const l of deriveLinks(s)) {
    if (l.kind === 'connection' || l.target === BROKER_NODE_ID) continue;
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    if (!a || !b) continue;
    const forward = b.x >= a.x + a.width;
    const backward = b.x + b.width <= a.x;
    const x1 = forward ? a.x + a.width : backward ? a.x : a.x + a.width / 2;
    const x2 = forward ? b.x : backward ? b.x + b.width : b.x + b.width / 2;
    const y1 = forward || backward ? a.y + a.height / 2 : b.y > a.y ? a.y + a.height : a.y;
    const y2 = forward || backward ? b.y + b.height / 2 : b.y > a.y ? b.y : b.y + b.height;
    lines.push({ x1, y1, x2, y2, kind: l.kind === 'deadLetter' || l.kind === 'alternate' ? 'dlx' : 'flow' });
  }
  const all = [frame, ...nodes];
  const x = Math.min(...all.map((r) => r.x)) - MARGIN;
  const y = Math.min(...all.map((r) => r.y)) - MARGIN;
  const width = Math.max(...all.map((r) => r.x + r.width)) + MARGIN - x;
  const height = Math.max(...all.map((r) => r.y + r.height)) + MARGIN - y;
  return {
    viewBox: { x, y, width, height },
    frame,
    nodes,
    lines,
    counts: {
      producers: s.apps.filter((a) => a.publishers.length > 0).length,
      consumers: s.apps.filter((a) => a.consumers.length > 0 && a.publishers.length === 0).length,
      exchanges: s.exchanges.length + (s.broker.showDefaultExchange ? 1 : 0),
      queues: s.queues.length,
    },
  };
}
