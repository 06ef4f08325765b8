import {
  APP_GAP, appRect, BROKER_NODE_ID, brokerFrame, DEFAULT_EXCHANGE_NODE_ID, defaultExchangePosition, deriveLinks, nominalExchange, nominalQueue, type Rect, type Scenario,
} from '../../model';

/**
 * A scenario's topology as a small drawing for its gallery card, from the document alone (its
 * positions and the nominal node sizes: no React Flow, no measuring): the broker frame, the nodes
 * as boxes by kind, and the lines between them. Pure; the card draws it as SVG.
 */
export type ThumbKind = 'exchange' | 'queue' | 'app' | 'program';

export interface Thumbnail {
  viewBox: { x: number; y: number; width: number; height: number };
  frame: Rect;
  nodes: (Rect & { id: string; kind: ThumbKind })[];
  /** lines between node centres' facing sides, by kind of link */
  lines: { x1: number; y1: number; x2: number; y2: number; kind: 'flow' | 'dlx' }[];
  counts: { producers: number; consumers: number; exchanges: number; queues: number };
  /** the programs a code scenario runs (its document declares nothing: the programs do, when they run) */
  programs: string[];
}

/** A program run drawn as a code window left of the broker (as wide as an app). */
const PROGRAM = { width: 250, height: 96, gap: 24 };

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
    // connections are the apps' cables; a direct reply-to path runs inside the frame, under what a thumbnail shows
    if (l.kind === 'connection' || l.kind === 'directReply' || l.target === BROKER_NODE_ID) continue;
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
  // a code scenario: its programs, each a window of code with its connection to the broker
  const runs = s.programs?.runs ?? [];
  const stackHeight = runs.length * PROGRAM.height + Math.max(0, runs.length - 1) * PROGRAM.gap;
  runs.forEach((_, i) => {
    const x = frame.x - APP_GAP - PROGRAM.width;
    const y = frame.y + frame.height / 2 - stackHeight / 2 + i * (PROGRAM.height + PROGRAM.gap);
    nodes.push({ id: `program:${i}`, kind: 'program', x, y, width: PROGRAM.width, height: PROGRAM.height });
    lines.push({ x1: x + PROGRAM.width, y1: y + PROGRAM.height / 2, x2: frame.x, y2: y + PROGRAM.height / 2, kind: 'flow' });
  });
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
    programs: runs.map((r) => [r.file, r.args].filter(Boolean).join(' ')),
  };
}
