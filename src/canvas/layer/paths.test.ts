import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { pointAt } from './bezier';
import { EdgePaths, type EdgeLike, handlePoint, type NodeLike } from './paths';

function node(x: number, y: number, handles: { source?: string[]; target?: string[] } = {}): NodeLike {
  return {
    internals: {
      positionAbsolute: { x, y },
      handleBounds: {
        source: (handles.source ?? []).map((id, i) => ({ id, x: 195, y: 20 + 30 * i, width: 10, height: 10, position: Position.Right })),
        target: (handles.target ?? []).map((id, i) => ({ id, x: -5, y: 20 + 30 * i, width: 10, height: 10, position: Position.Left })),
      },
    },
    measured: { width: 200, height: 100 },
  };
}

const start = (lut: { pts: Float32Array }) => ({ x: lut.pts[0], y: lut.pts[1] });
const end = (lut: { pts: Float32Array }) => ({ x: lut.pts[lut.pts.length - 2], y: lut.pts[lut.pts.length - 1] });

describe('handlePoint: where an edge attaches (as React Flow computes it)', () => {
  const n = node(100, 100);
  const h = { id: 'h', x: 10, y: 20, width: 10, height: 6 };
  it.each([
    [Position.Left, { x: 110, y: 123 }],
    [Position.Right, { x: 120, y: 123 }],
    [Position.Top, { x: 115, y: 120 }],
    [Position.Bottom, { x: 115, y: 126 }],
  ])('%s side', (position, expected) => {
    expect(handlePoint(n, { ...h, position })).toEqual(expected);
  });
});

describe('EdgePaths', () => {
  const nodes = new Map<string, NodeLike>([
    ['x', node(0, 0, { source: ['out'], target: ['in'] })],
    ['q', node(400, 200, { source: ['out'], target: ['in'] })],
    ['app', node(800, 0, { target: ['c1', 'c2'] })],
  ]);
  const edges = new Map<string, EdgeLike>([
    ['b1', { source: 'x', target: 'q', sourceHandle: 'out', targetHandle: 'in' }],
    ['subscribe:c2', { source: 'q', target: 'app', sourceHandle: 'out', targetHandle: 'c2' }],
  ]);

  it('follows the edge from its source handle to its target handle', () => {
    const paths = new EdgePaths();
    paths.begin({ nodeLookup: nodes, edgeLookup: edges });
    const lut = paths.resolve({ from: 'x', to: 'q', link: 'b1' })!;
    expect(start(lut)).toEqual({ x: 205, y: 25 }); // handle at x 195, 10 wide: its right side
    expect(end(lut).x).toBeCloseTo(395, 3);
    expect(end(lut).y).toBeCloseTo(225, 3);
  });

  it('uses the handle the edge names (one row per consumer)', () => {
    const paths = new EdgePaths();
    paths.begin({ nodeLookup: nodes, edgeLookup: edges });
    const lut = paths.resolve({ from: 'app', to: 'q', link: 'subscribe:c2' })!;
    // the edge runs queue -> consumer row 2, whatever way the token travels
    expect(start(lut)).toEqual({ x: 605, y: 225 });
    expect(end(lut).y).toBeCloseTo(55, 3);
  });

  it('keeps a path while its nodes are the same objects, and recomputes it when one is replaced (moved)', () => {
    const lookup = new Map(nodes);
    const paths = new EdgePaths();
    paths.begin({ nodeLookup: lookup, edgeLookup: edges });
    const a = paths.resolve({ from: 'x', to: 'q', link: 'b1' });
    paths.begin({ nodeLookup: lookup, edgeLookup: edges });
    expect(paths.resolve({ from: 'x', to: 'q', link: 'b1' })).toBe(a);
    lookup.set('q', node(400, 500, { source: ['out'], target: ['in'] }));
    paths.begin({ nodeLookup: lookup, edgeLookup: edges });
    const b = paths.resolve({ from: 'x', to: 'q', link: 'b1' })!;
    expect(b).not.toBe(a);
    expect(end(b).y).toBeCloseTo(525, 3);
  });

  it('goes straight from centre to centre when no drawn edge carries the move', () => {
    const paths = new EdgePaths();
    paths.begin({ nodeLookup: nodes, edgeLookup: edges });
    const lut = paths.resolve({ from: 'x', to: 'q' })!;
    expect(start(lut)).toEqual({ x: 100, y: 50 });
    const mid = new Float64Array(2);
    pointAt(lut, 0.5, false, mid);
    expect(mid[0]).toBeCloseTo(300, 3);
    expect(mid[1]).toBeCloseTo(150, 3);
  });

  it('has no path when a node is not drawn', () => {
    const paths = new EdgePaths();
    paths.begin({ nodeLookup: nodes, edgeLookup: edges });
    expect(paths.resolve({ from: 'x', to: 'gone' })).toBeNull();
    expect(paths.box('gone')).toBeNull();
    expect(paths.box('q')).toEqual({ x: 400, y: 200, width: 200, height: 100 });
  });
});

describe('EdgePaths.onScreen', () => {
  it('tells whether a node is (partly) in the view', () => {
    const paths = new EdgePaths();
    paths.begin({ nodeLookup: new Map([['a', node(100, 100)], ['b', node(2000, 100)]]), edgeLookup: new Map() });
    const view = { tx: 0, ty: 0, zoom: 1, width: 800, height: 600 };
    expect(paths.onScreen('a', view)).toBe(true);
    expect(paths.onScreen('b', view)).toBe(false);
    expect(paths.onScreen('b', { ...view, zoom: 0.3 })).toBe(true);
    expect(paths.onScreen('a', { ...view, tx: -350 })).toBe(false);
    expect(paths.onScreen('nope', view)).toBe(false);
  });
});
