import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import { type App, allChannels } from './app';
import type { Position } from './common';
import type { Scenario } from './scenario';

export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Position, Size {}

/** Measures a node: the canvas passes the sizes React Flow measured; tests use the nominal ones. */
export type SizeOf = (nodeId: string) => Size | undefined;

/** Nominal sizes, close to what the canvas draws, used until a node has been measured. */
export const NOMINAL = {
  exchange: { width: 180, height: 72 },
  queue: { width: 200, height: 100 },
  app: (app: App): Size => ({ width: 210, height: 64 + 22 * (allChannels(app).length + app.publishers.length + app.consumers.length) }),
};

/** Room around the broker's contents, and the frame's title bar. */
export const FRAME_PADDING = 40;
export const FRAME_TITLE = 28;
/** Gap kept between the broker frame and the apps outside it. */
export const APP_GAP = 60;
/** Size of an empty broker, so there is somewhere to drop the first exchange. */
const EMPTY_FRAME: Rect = { x: 0, y: 0, width: 420, height: 300 };

interface Box {
  id: string;
  rect: Rect;
}

function sized(sizeOf: SizeOf | undefined, id: string, nominal: Size): Size {
  return sizeOf?.(id) ?? nominal;
}

/** Exchanges and queues (and the default exchange when shown) with their rectangles. */
export function brokerBoxes(s: Scenario, sizeOf?: SizeOf): Box[] {
  const boxes: Box[] = [
    ...s.exchanges.map((e) => ({ id: e.id, rect: { ...e.position, ...sized(sizeOf, e.id, NOMINAL.exchange) } })),
    ...s.queues.map((q) => ({ id: q.id, rect: { ...q.position, ...sized(sizeOf, q.id, NOMINAL.queue) } })),
  ];
  if (s.broker.showDefaultExchange) {
    boxes.push({ id: DEFAULT_EXCHANGE_NODE_ID, rect: { ...defaultExchangePosition(s), ...sized(sizeOf, DEFAULT_EXCHANGE_NODE_ID, NOMINAL.exchange) } });
  }
  return boxes;
}

export function appRect(app: App, sizeOf?: SizeOf): Rect {
  return { ...app.position, ...sized(sizeOf, app.id, NOMINAL.app(app)) };
}

/** Where the default exchange is drawn: where the user put it, else above the other exchanges. */
export function defaultExchangePosition(s: Scenario): Position {
  if (s.layout?.defaultExchange) return s.layout.defaultExchange;
  const xs = [...s.exchanges, ...s.queues].map((n) => n.position);
  if (xs.length === 0) return { x: FRAME_PADDING, y: FRAME_PADDING + FRAME_TITLE };
  return { x: Math.min(...xs.map((p) => p.x)), y: Math.min(...xs.map((p) => p.y)) - NOMINAL.exchange.height - 40 };
}

export function union(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The broker frame: always exactly around the exchanges and queues, plus padding. It is derived, never
 * stored, so it cannot disagree with what it contains: a node dragged outward grows the broker.
 */
export function brokerFrame(s: Scenario, sizeOf?: SizeOf): Rect {
  const inner = union(brokerBoxes(s, sizeOf).map((b) => b.rect));
  return inner ? frameAround(inner) : EMPTY_FRAME;
}

/** The broker frame around exchanges and queues that take up `inner`. */
export function frameAround(inner: Rect): Rect {
  return {
    x: inner.x - FRAME_PADDING,
    y: inner.y - FRAME_PADDING - FRAME_TITLE,
    width: Math.max(inner.width + 2 * FRAME_PADDING, 240),
    height: Math.max(inner.height + 2 * FRAME_PADDING + FRAME_TITLE, 160),
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Apps are clients outside the broker: an app that overlaps the frame is moved out to the nearer side
 * (left or right), keeping its height. Returns the same document if nothing had to move.
 */
export function keepAppsOutsideBroker(s: Scenario, sizeOf?: SizeOf): Scenario {
  if (s.exchanges.length + s.queues.length === 0 && !s.broker.showDefaultExchange) return s;
  const frame = brokerFrame(s, sizeOf);
  let changed = false;
  const apps = s.apps.map((a) => {
    const r = appRect(a, sizeOf);
    if (!intersects(r, frame)) return a;
    changed = true;
    const toLeft = r.x + r.width / 2 < frame.x + frame.width / 2;
    const x = toLeft ? frame.x - APP_GAP - r.width : frame.x + frame.width + APP_GAP;
    return { ...a, position: { x, y: a.position.y } };
  });
  return changed ? { ...s, apps } : s;
}
