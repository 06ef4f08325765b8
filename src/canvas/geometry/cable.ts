import type { App } from '../../model';
import { FRAME_TITLE } from '../../model';
import { laneAnchor } from './anchors';
import { type Cubic, hCurve, line, type Pt } from './pieces';
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
  /** x of the app's edge and of the frame's border */
  ax: number;
  fx: number;
  /** its extent at the app's edge */
  top: number;
  bottom: number;
  /** how much lower (positive) it arrives at the frame than it leaves the app */
  shift: number;
  lanes: Lane[];
}

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
  return {
    connectionId,
    appId: app.id,
    side,
    ax: side === 'right' ? right(app.box) : app.box.x,
    fx: side === 'right' ? frame.x : right(frame),
    top,
    bottom: bot,
    shift: fy - cy,
    lanes,
  };
}

/** The frame's border a cable ends on: its lowest and highest centre there, for a cable `half` high. */
export function entryRange(frame: Box, half: number): [number, number] {
  return [frame.y + FRAME_TITLE + half + 4, bottom(frame) - half - 4];
}

/** The cable's run for a line at height `y` at the app, from the app's edge (or `appX`, a handle's outer side) to the frame's border. */
export function cableRun(c: Cable, y: number, appX = c.ax): Cubic {
  const a: Pt = { x: appX, y };
  const b: Pt = { x: c.fx, y: y + c.shift };
  return Math.abs(c.shift) < 0.5 ? line(a, b) : hCurve(a, b);
}

/** Where a line at height `y` at the app enters the broker frame. */
export const cableEntry = (c: Cable, y: number): Pt => ({ x: c.fx, y: y + c.shift });

/** The cable's bounding box (effects on the connection are drawn on it). */
export function cableBox(c: Cable): Box {
  const x = Math.min(c.ax, c.fx);
  const top = Math.min(c.top, c.top + c.shift);
  const bot = Math.max(c.bottom, c.bottom + c.shift);
  return { x, y: top, width: Math.abs(c.fx - c.ax), height: bot - top };
}
