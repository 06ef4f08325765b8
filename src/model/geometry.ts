import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import { type App, allChannels, appRole } from './app';
import type { Position } from './common';
import type { Exchange } from './exchange';
import type { Queue } from './queue';
import type { Scenario } from './scenario';

export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Position, Size {}

/** Measures a node: the canvas passes the sizes React Flow measured; tests use the nominal ones. */
export type SizeOf = (nodeId: string) => Size | undefined;

/** Lines a name takes in a node `room` px wide (the canvas draws names at 18 px bold: about 10.4 px a character). */
const nameLines = (name: string, room: number) => Math.max(1, Math.ceil((name.length * 10.4) / room));

/** An exchange as the canvas draws it: 184 px wide; the badges' row when it has badges. */
export function nominalExchange(e: Exchange | null): Size {
  const badges = e === null || e.durable || e.autoDelete || e.internal || e.alternateExchange !== undefined;
  return { width: 184, height: 58 + (badges ? 20 : 0) + 22 * (nameLines(e?.name ?? '(AMQP default)', 156) - 1) };
}

/** A queue as the canvas draws it: 204 px wide; the badges' row when it has arguments to show. */
export function nominalQueue(q: Queue): Size {
  const a = q.arguments;
  const badges = [q.exclusive, q.autoDelete, a.queueType === 'quorum', a.messageTtl, a.expires, a.deadLetterExchange, a.maxLength, a.maxLengthBytes, a.maxPriority, a.singleActiveConsumer || undefined, a.deliveryLimit].filter(
    (x) => x !== undefined && x !== false,
  ).length;
  return { width: 204, height: 102 + (badges ? 20 * Math.ceil(badges / 3) : 0) + 22 * (nameLines(q.name, 176) - 1) };
}

const KIND_WIDTH = { producer: 80, consumer: 84, both: 190, none: 34 } as const;

/**
 * An app as the canvas draws it (nodes/AppNode.tsx): 240 px wide; its name and kind (on one line
 * when they fit), then per connection a cable head, per channel a lane head, per client a row and
 * its live counts.
 */
export function nominalApp(app: App): Size {
  const lines = nameLines(app.name, 214);
  const kindFits = ((app.name.length * 10.4) % 214) + 8 + KIND_WIDTH[appRole(app)] <= 214;
  const title = 22 * lines + (kindFits ? 0 : 16);
  return { width: 240, height: 15 + title + 24 * app.connections.length + 21 * allChannels(app).length + 39 * (app.publishers.length + app.consumers.length) };
}

/** Nominal sizes, close to what the canvas draws, used until a node has been measured. */
export const NOMINAL = {
  /** a typical exchange and queue (their own sizes: nominalExchange, nominalQueue) */
  exchange: { width: 184, height: 78 },
  queue: { width: 204, height: 102 },
  app: nominalApp,
};

/** Room around the broker's contents, and the frame's title bar. */
export const FRAME_PADDING = 28;
export const FRAME_TITLE = 30;
/** Gap kept between the broker frame and the apps outside it: the connections' cables run there. */
export const APP_GAP = 76;
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
    ...s.exchanges.map((e) => ({ id: e.id, rect: { ...e.position, ...sized(sizeOf, e.id, nominalExchange(e)) } })),
    ...s.queues.map((q) => ({ id: q.id, rect: { ...q.position, ...sized(sizeOf, q.id, nominalQueue(q)) } })),
  ];
  if (s.broker.showDefaultExchange) {
    boxes.push({ id: DEFAULT_EXCHANGE_NODE_ID, rect: { ...defaultExchangePosition(s), ...sized(sizeOf, DEFAULT_EXCHANGE_NODE_ID, nominalExchange(null)) } });
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
