import type { App } from '../../model';
import { FRAME_TITLE } from '../../model';
import { laneAnchor } from './anchors';
import { type Cubic, line, type Pt } from './pieces';
import { type Box, bottom, type NodeGeom, right } from './scene';

/**
 * A connection drawn as a cable from its app to the broker frame, with a lane per channel. At the
 * app, the cable spans the handles of the publishers and consumers of its channels (each lane those
 * of one channel; a channel no client uses yet has an invisible anchor in its head); it leaves the
 * side of the app that faces the broker and ends on the frame's border, straight across, or as a
 * gentle S when the app sits higher or lower than the frame allows (every lane shifted alike, so
 * lanes stay parallel and a token keeps its lane all the way).
 */
export interface Lane {
  channelId: string;
  /** at the app's edge, flow coordinates */
  top: number;
  bottom: number;
}

export interface Cable {
  connectionId: string;
  appId: string;
  /** the side of the app it leaves from (the one facing the broker) */
  side: 'left' | 'right';
  /**
   * Which border of the frame it ends on: its side (the usual case), or its top or bottom when the
   * app sits above or below the frame with no room beside it (the cable turns a quarter there).
   */
  enter: 'side' | 'top' | 'bottom';
  /** x of the app's edge and of the frame's border (top or bottom: of the cable's middle there) */
  ax: number;
  fx: number;
  /** y of the frame's border it ends on (top or bottom entry) */
  fy: number;
  /** its extent at the app's edge */
  top: number;
  bottom: number;
  /** how much lower (positive) it arrives at the frame than it leaves the app */
  shift: number;
  lanes: Lane[];
}

/** The frame's title ("RabbitMQ broker · vhost /", 16 px bold, canvas.css .broker-title) takes about this much of its top, from the left. */
export const TITLE_ROOM = 260;

/** Room around a client's line within its lane, and around the lanes within the cable. */
export const LANE_PAD = 9;
export const CABLE_PAD = 3;

/** The app a node draws (AppNode's data), if it is one. */
export function appOf(n: NodeGeom): App | null {
  const d = n.data as { app?: App } | undefined;
  return n.type === 'app' && d?.app ? d.app : null;
}

/**
 * The cable of one connection of an app, or null while the node is not measured. `aim`: the height
 * its lines want to enter the broker at, on average (the exchanges and queues they go to): the
 * cable bends there, so that the lines inside the broker run straight; within the frame's border.
 */
export function cableOf(app: NodeGeom, connectionId: string, frame: Box, aim?: number): Cable | null {
  const model = appOf(app);
  const conn = model?.connections.find((c) => c.id === connectionId);
  if (!model || !conn || app.box.width === 0) return null;
  const side = (app.data as { side?: 'left' | 'right' }).side ?? 'right';
  const ys = (ids: string[]) => {
    const out: number[] = [];
    for (const h of app.source) if (h.id !== null && ids.includes(h.id)) out.push(h.y);
    for (const h of app.target) if (h.id !== null && ids.includes(h.id)) out.push(h.y);
    return out;
  };
  const lanes: Lane[] = [];
  for (const ch of conn.channels) {
    const clients = [...model.publishers.filter((p) => p.channelId === ch.id).map((p) => p.id), ...model.consumers.filter((c) => c.channelId === ch.id).map((c) => c.id)];
    let at = ys(clients);
    if (at.length === 0) at = ys([laneAnchor(ch.id)]);
    if (at.length === 0) continue;
    lanes.push({ channelId: ch.id, top: Math.min(...at) - LANE_PAD, bottom: Math.max(...at) + LANE_PAD });
  }
  if (lanes.length === 0) return null;
  const top = Math.min(...lanes.map((l) => l.top)) - CABLE_PAD;
  const bot = Math.max(...lanes.map((l) => l.bottom)) + CABLE_PAD;
  const half = (bot - top) / 2;
  const cy = top + half;
  // within the frame's border, below its title
  const lo = frame.y + FRAME_TITLE + half + 4;
  const hi = bottom(frame) - half - 4;
  const fy = lo <= hi ? Math.min(hi, Math.max(lo, aim ?? cy)) : frame.y + frame.height / 2;
  const ax = side === 'right' ? right(app.box) : app.box.x;
  const base: Cable = { connectionId, appId: app.id, side, enter: 'side', ax, fx: side === 'right' ? frame.x : right(frame), fy: 0, top, bottom: bot, shift: 0, lanes };
  return settle(base, frame, fy - cy);
}

/**
 * The cable's way into the frame for the shift it wants (`want`: how much lower it would like to
 * arrive than it leaves). A cable bends as an S between the app and the frame's side, at most as
 * steeply as the room between them allows (a steeper S would fold back on itself: an app dragged
 * close to the frame beside an exchange higher up drew a loop); what it cannot bend there, its
 * lines bend inside the frame. When the app sits above or below the frame with no room beside it,
 * the cable leaves the app's side and turns a quarter into the frame's top or bottom border instead.
 */
export function settle(c: Cable, frame: Box, want: number): Cable {
  const half = (c.bottom - c.top) / 2;
  const cy = c.top + half;
  const fx = c.side === 'right' ? frame.x : right(frame);
  const gap = c.side === 'right' ? fx - c.ax : c.ax - fx;
  const [lo, hi] = entryRange(frame, half);
  // how far it may bend across `gap`: freely with room for an S (a steep one still reads as a
  // cable), less and less as the app comes close, nothing when it touches the frame
  const room = gap <= 2 ? 0 : ((gap - 2) * (gap - 2)) / 8;
  const shift = Math.max(-room, Math.min(room, want));
  const arrive = cy + shift;
  if ((arrive >= lo - 0.5 && arrive <= hi + 0.5) || lo > hi) return { ...c, enter: 'side', fx, fy: 0, shift };
  // above or below the frame, too close to its side for an S: in through its top or bottom border
  const enter = arrive < lo ? 'top' : 'bottom';
  const dir = c.side === 'right' ? 1 : -1;
  // through the top, past the frame's title (its lines would run down through its words); through the bottom, anywhere
  const title = enter === 'top' && right(frame) - TITLE_ROOM - half - 8 >= frame.x + half + 8 ? TITLE_ROOM : 0;
  const minX = frame.x + title + half + 8;
  const maxX = right(frame) - half - 8;
  const ex = Math.min(maxX, Math.max(minX, c.ax + dir * (half + 24)));
  return { ...c, enter, fx: ex, fy: enter === 'top' ? frame.y : bottom(frame), shift: 0 };
}

/** The frame's border a cable ends on: its lowest and highest centre there, for a cable `half` high. */
export function entryRange(frame: Box, half: number): [number, number] {
  return [frame.y + FRAME_TITLE + half + 4, bottom(frame) - half - 4];
}

/**
 * The cable's run for a line at height `y` at the app, from the app's edge (or `appX`, a handle's
 * outer side) to the frame's border. Through the side: straight, or an S whose handles reach half
 * way (never past the other end: no fold). Through the top or bottom: a quarter turn, each lane
 * keeping its side of the cable (the lanes stay parallel, so a token keeps its lane).
 */
export function cableRun(c: Cable, y: number, appX = c.ax): Cubic {
  const b = cableEntry(c, y);
  const out = c.side === 'right' ? 1 : -1;
  // a handle sticking out past the frame's border (an app touching the frame) starts on the border: no step back
  const a: Pt = { x: c.enter === 'side' && (b.x - appX) * out < 0 ? b.x : appX, y };
  if (c.enter === 'side') {
    if (Math.abs(c.shift) < 0.5) return line(a, b);
    const k = Math.abs(b.x - a.x) / 2;
    const dir = b.x >= a.x ? 1 : -1;
    return [a.x, a.y, a.x + dir * k, a.y, b.x - dir * k, b.y, b.x, b.y];
  }
  const down = c.enter === 'top' ? 1 : -1;
  const kx = Math.max(8, (b.x - a.x) * out) * 0.55;
  const ky = Math.max(8, (b.y - a.y) * down) * 0.55;
  return [a.x, a.y, a.x + out * kx, a.y, b.x, b.y - down * ky, b.x, b.y];
}

/** Where a line at height `y` at the app enters the broker frame. */
export function cableEntry(c: Cable, y: number): Pt {
  if (c.enter === 'side') return { x: c.fx, y: y + c.shift };
  // a quarter turn: what is on the left of the cable going out stays on its left going in
  const d = y - (c.top + c.bottom) / 2;
  const s = (c.enter === 'top' ? -1 : 1) * (c.side === 'right' ? 1 : -1);
  return { x: c.fx + s * d, y: c.fy };
}

/** The direction a line moves in as it enters the frame through the cable: along x (±1) through a side, 0 through the top or bottom. */
export const entryDir = (c: Cable): number => (c.enter !== 'side' ? 0 : c.side === 'right' ? 1 : -1);

/** The cable's bounding box (effects on the connection are drawn on it). */
export function cableBox(c: Cable): Box {
  const a = cableEntry(c, c.top);
  const b = cableEntry(c, c.bottom);
  const x0 = Math.min(c.ax, a.x, b.x);
  const x1 = Math.max(c.ax, a.x, b.x);
  const top = Math.min(c.top, a.y, b.y);
  const bot = Math.max(c.bottom, a.y, b.y);
  return { x: x0, y: top, width: x1 - x0, height: bot - top };
}
