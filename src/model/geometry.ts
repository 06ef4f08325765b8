import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import { directReplyLinks } from './directReply';
import type { App } from './app';
import { badgeRows, badgesHeight, queueBadgeTexts } from './badges';
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

/**
 * Lines a name takes in a node `room` px wide: the canvas draws names at 19 px bold, about 12.5 px a
 * character in the widest common fonts (DejaVu Sans, Chromium's default on Linux): an estimate that
 * errs on the large side.
 */
const nameLines = (name: string, room: number) => Math.max(1, Math.ceil((name.length * 12.5) / room));

/** An exchange as the canvas draws it (canvas.css): 192 px wide; the badges' rows when it has badges. */
export function nominalExchange(e: Exchange | null): Size {
  const texts = e === null ? ['implicit'] : [e.durable ? 'D' : '', e.autoDelete ? 'AD' : '', e.internal ? 'I' : '', e.alternateExchange === undefined ? '' : `AE → ${e.alternateExchange || '(AMQP default)'}`].filter(Boolean);
  return { width: 192, height: 57 + badgesHeight(badgeRows(texts, 168)) + 22 * (nameLines(e?.name ?? '(AMQP default)', 168) - 1) };
}

/** A queue as the canvas draws it: 230 px wide (its head holds the kind, the durable badge and "Consumers N" at 16 px); its badges' rows (as many as their texts take at 16 px). */
export function nominalQueue(q: Queue): Size {
  return { width: 230, height: 96 + badgesHeight(badgeRows(queueBadgeTexts(q), 206)) + 22 * (nameLines(q.name, 206) - 1) };
}

/**
 * The row under a consumer's counts where the messages it holds unacked are drawn as chips (13 px:
 * 10 px on screen at the smallest zoom a gallery scenario opens at), a row of their own so that they
 * get the node's width (nodes/AppLive.tsx, live.css).
 */
export const HOLDING_ROW = 14;

/**
 * An app as the canvas draws it (nodes/AppNode.tsx, canvas.css): 250 px wide; its kind and name,
 * then per connection a band (its head, then per channel a lane head, and per publisher or consumer
 * a row and its live counts, and a consumer's row of unacked messages).
 */
export function nominalApp(app: App): Size {
  // borders 2 + 2, padding 3 + 3, the kind's line 16, the name's lines 21 each
  let height = 26 + 21 * nameLines(app.name, 226);
  app.connections.forEach((c, ci) => {
    // the band's margin, borders and head
    height += (ci === 0 ? 2 : 6) + 2 + 16 + 2;
    c.channels.forEach((ch, i) => {
      const publishers = app.publishers.filter((p) => p.channelId === ch.id).length;
      const consumers = app.consumers.filter((x) => x.channelId === ch.id).length;
      // a lane: its head (17) and 1 px under it, a dashed line between lanes; a row (17) and its counts (18) per client
      height += 18 + (i > 0 ? 1 : 0) + 35 * publishers + (35 + HOLDING_ROW) * consumers;
    });
  });
  return { width: 250, height };
}

/** Where an app's first publisher or consumer line leaves it (its handle's centre), from the app's top. */
export function nominalFirstHandle(app: App): number {
  return 68 + 21 * nameLines(app.name, 226);
}

/** Nominal sizes, close to what the canvas draws, used until a node has been measured. */
export const NOMINAL = {
  /** a typical exchange and queue (their own sizes: nominalExchange, nominalQueue) */
  exchange: { width: 192, height: 78 },
  queue: { width: 230, height: 96 },
  app: nominalApp,
};

/** Room around the broker's contents, and the frame's title bar. */
export const FRAME_PADDING = 20;
export const FRAME_TITLE = 30;
/** Gap kept between the broker frame and the apps outside it: the connections' cables run there. */
export const APP_GAP = 56;
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
  return inner ? frameAround(inner, directReplyLinks(s).length ? REPLY_FLOOR : 0) : EMPTY_FRAME;
}

/**
 * Room kept under the exchanges and queues, inside the frame, for the direct reply-to line when there
 * is one (model/directReply.ts): replies cross the broker there, below every exchange and queue,
 * with their label, from the RPC server's cable to the client's.
 */
export const REPLY_FLOOR = 34;

/** The broker frame around exchanges and queues that take up `inner` (`floor`: extra room under them). */
export function frameAround(inner: Rect, floor = 0): Rect {
  return {
    x: inner.x - FRAME_PADDING,
    y: inner.y - FRAME_PADDING - FRAME_TITLE,
    width: Math.max(inner.width + 2 * FRAME_PADDING, 240),
    height: Math.max(inner.height + 2 * FRAME_PADDING + FRAME_TITLE + floor, 160),
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
