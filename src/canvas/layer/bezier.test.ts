import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { bezierOf, pointAt, sampleCubic, straightCubic } from './bezier';

const at = (lut: ReturnType<typeof sampleCubic>, p: number, reverse = false) => {
  const out = new Float64Array(2);
  pointAt(lut, p, reverse, out);
  return { x: out[0]!, y: out[1]! };
};

const ends = { sourceX: 100, sourceY: 50, sourcePosition: Position.Right, targetX: 400, targetY: 250, targetPosition: Position.Left };

describe('bezierOf: the curve React Flow draws', () => {
  it('reads the control points of getBezierPath', () => {
    const [path] = getBezierPath(ends);
    const c = bezierOf(ends);
    expect(path).toBe(`M${c[0]},${c[1]} C${c[2]},${c[3]} ${c[4]},${c[5]} ${c[6]},${c[7]}`);
  });

  it('starts at the source handle and ends at the target handle', () => {
    const lut = sampleCubic(bezierOf(ends));
    expect(at(lut, 0)).toEqual({ x: 100, y: 50 });
    expect(at(lut, 1).x).toBeCloseTo(400, 3);
    expect(at(lut, 1).y).toBeCloseTo(250, 3);
  });

  it('passes halfway through React Flow label point (the curve is symmetric, so half its length is t = 0.5)', () => {
    const [, labelX, labelY] = getBezierPath(ends);
    const mid = at(sampleCubic(bezierOf(ends)), 0.5);
    expect(mid.x).toBeCloseTo(labelX, 1);
    expect(mid.y).toBeCloseTo(labelY, 1);
  });
});

describe('sampleCubic: points equally spaced along the path', () => {
  it('moves at constant speed on a straight line', () => {
    const lut = sampleCubic(straightCubic(0, 0, 200, 0));
    expect(lut.length).toBeCloseTo(200, 6);
    expect(at(lut, 0.25).x).toBeCloseTo(50, 3);
    expect(at(lut, 0.8).x).toBeCloseTo(160, 3);
  });

  it('moves at constant speed on a curve (equal steps have equal lengths)', () => {
    const lut = sampleCubic(bezierOf({ ...ends, targetY: 600 }));
    const steps: number[] = [];
    for (let k = 0; k < 20; k++) {
      const a = at(lut, k / 20);
      const b = at(lut, (k + 1) / 20);
      steps.push(Math.hypot(b.x - a.x, b.y - a.y));
    }
    const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
    for (const s of steps) expect(Math.abs(s - mean) / mean).toBeLessThan(0.02);
    expect(mean * 20).toBeCloseTo(lut.length, -1);
  });

  it('knows its bounding box', () => {
    const lut = sampleCubic(bezierOf(ends));
    expect(lut.minX).toBeCloseTo(100, 3);
    expect(lut.maxX).toBeCloseTo(400, 3);
    expect(lut.minY).toBeCloseTo(50, 3);
    expect(lut.maxY).toBeCloseTo(250, 3);
  });
});

describe('pointAt', () => {
  const lut = sampleCubic(bezierOf(ends));

  it('clamps progress to the path', () => {
    expect(at(lut, -0.5)).toEqual(at(lut, 0));
    expect(at(lut, 7)).toEqual(at(lut, 1));
  });

  it('travels a reversed segment from the end to the start', () => {
    for (const p of [0, 0.1, 0.37, 0.5, 0.9, 1]) {
      const r = at(lut, p, true);
      const f = at(lut, 1 - p);
      expect(r.x).toBeCloseTo(f.x, 6);
      expect(r.y).toBeCloseTo(f.y, 6);
    }
    expect(at(lut, 0, true).x).toBeCloseTo(400, 3);
  });
});
