import { Position } from '@xyflow/react';

/**
 * The picture's geometry as the routes need it, read from React Flow's internal nodes: each node's
 * box in flow coordinates and the centres of its handles (where lines attach), by handle id.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HandleAt {
  id: string | null;
  /** the handle's centre, in flow coordinates */
  x: number;
  y: number;
  /** half its width and height */
  hw: number;
  hh: number;
  position: Position;
}

export interface NodeGeom {
  id: string;
  type: string | undefined;
  box: Box;
  data: unknown;
  source: HandleAt[];
  target: HandleAt[];
}

/** What the routes read of a React Flow internal node (InternalNode has all of it). */
export interface InternalLike {
  id?: string;
  type?: string;
  data?: unknown;
  internals: {
    positionAbsolute: { x: number; y: number };
    handleBounds?: { source?: HandleLike[] | null; target?: HandleLike[] | null } | null;
  };
  measured?: { width?: number; height?: number };
  width?: number;
  height?: number;
}

export interface HandleLike {
  id?: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
  position: Position;
}

const centre = (n: InternalLike, h: HandleLike): HandleAt => ({
  id: h.id ?? null,
  x: n.internals.positionAbsolute.x + h.x + h.width / 2,
  y: n.internals.positionAbsolute.y + h.y + h.height / 2,
  hw: h.width / 2,
  hh: h.height / 2,
  position: h.position,
});

export function nodeGeom(id: string, n: InternalLike): NodeGeom {
  const p = n.internals.positionAbsolute;
  return {
    id,
    type: n.type,
    data: n.data,
    box: { x: p.x, y: p.y, width: n.measured?.width ?? n.width ?? 0, height: n.measured?.height ?? n.height ?? 0 },
    source: (n.internals.handleBounds?.source ?? []).map((h) => centre(n, h)),
    target: (n.internals.handleBounds?.target ?? []).map((h) => centre(n, h)),
  };
}

/** The handle a line attaches to: by id, else the first of its kind. */
export function handle(list: readonly HandleAt[], id: string | null | undefined): HandleAt | undefined {
  if (list.length === 0) return undefined;
  return id ? list.find((h) => h.id === id) : list[0];
}

/** The point where a line attaches to a handle: its outer side, as React Flow draws it (an arrow ends beside the dot, not under it). */
export function attach(h: HandleAt): { x: number; y: number } {
  switch (h.position) {
    case Position.Left:
      return { x: h.x - h.hw, y: h.y };
    case Position.Right:
      return { x: h.x + h.hw, y: h.y };
    case Position.Top:
      return { x: h.x, y: h.y - h.hh };
    default:
      return { x: h.x, y: h.y + h.hh };
  }
}

export const right = (b: Box) => b.x + b.width;
export const bottom = (b: Box) => b.y + b.height;
export const midY = (b: Box) => b.y + b.height / 2;
export const midX = (b: Box) => b.x + b.width / 2;

export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return a.x - pad < b.x + b.width && b.x - pad < a.x + a.width && a.y - pad < b.y + b.height && b.y - pad < a.y + a.height;
}

export { Position };
