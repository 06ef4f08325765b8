import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, refitAfterResize } from './refit';

describe('the view when a panel opens or folds', () => {
  const before = { width: 985, height: 680 };
  const docked = { width: 985, height: 475 };
  const fitted = { x: 40, y: 120, zoom: 0.95 };

  it('a fitted picture is fitted again, never below readable on its own', () => {
    expect(refitAfterResize(before, docked, { x: 40.5, y: 119, zoom: 0.95 }, fitted)).toEqual({ kind: 'fit', minZoom: READABLE_ZOOM });
    // a big topology fitted smaller than readable before stays allowed to be as small
    expect(refitAfterResize(before, docked, { x: 10, y: 10, zoom: 0.5 }, { x: 10, y: 10, zoom: 0.5 })).toEqual({ kind: 'fit', minZoom: 0.5 });
  });

  it("the person's own zoom and pan are kept, with the same point in the middle", () => {
    const own = { x: -300, y: -100, zoom: 1.4 };
    const r = refitAfterResize(before, docked, own, fitted);
    expect(r).toEqual({ kind: 'keep', viewport: { x: -300, y: -100 - 102.5, zoom: 1.4 } });
    // the flow point in the middle before is in the middle after
    const mid = (v: { x: number; y: number; zoom: number }, s: { width: number; height: number }) => [(s.width / 2 - v.x) / v.zoom, (s.height / 2 - v.y) / v.zoom];
    expect(mid(r!.kind === 'keep' ? r!.viewport : own, docked)).toEqual(mid(own, before));
  });

  it('does nothing before the canvas has a size, or when the size did not change', () => {
    expect(refitAfterResize({ width: 0, height: 0 }, docked, fitted, fitted)).toBeNull();
    expect(refitAfterResize(before, { width: 985.4, height: 680 }, fitted, fitted)).toBeNull();
  });
});
