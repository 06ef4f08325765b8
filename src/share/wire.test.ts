import { describe, expect, it } from 'vitest';
import { decodeWith, encodeWith, type Shape } from './wire';
import { ALL_SHAPES_V1 } from './wireShapes';

describe('compact wire tables', () => {
  it.each(Object.entries(ALL_SHAPES_V1))('%s: short keys are unique and never equal a long name', (_, shape) => {
    const shorts = Object.values(shape).map((f) => f.k);
    expect(new Set(shorts).size).toBe(shorts.length);
    expect(shorts.filter((k) => Object.hasOwn(shape, k))).toEqual([]);
  });

  const shape: Shape = {
    name: { k: 'n' },
    durable: { k: 'D', d: true },
    keys: { k: 'k', d: [''] },
    inner: { k: 'i', shape: { flag: { k: 'f', d: false } }, fill: true },
    items: { k: 'l', list: { name: { k: 'n' } } },
    position: { k: 'p', pos: true },
  };

  it('leaves out defaults and empty lists, and fills them back', () => {
    const value = { name: 'a', durable: true, keys: [''], inner: { flag: false }, items: [], position: { x: 1.5, y: -2 } };
    const wire = encodeWith(shape, value);
    expect(wire).toEqual({ n: 'a', p: [1.5, -2] });
    expect(decodeWith(shape, wire)).toEqual(value);
  });

  it('keeps fields it has no key for under their own name', () => {
    const wire = encodeWith(shape, { name: 'a', color: 'red', items: [{ name: 'b', extra: 1 }] });
    expect(wire).toEqual({ n: 'a', color: 'red', l: [{ n: 'b', extra: 1 }] });
    expect(decodeWith(shape, wire)).toMatchObject({ name: 'a', color: 'red', items: [{ name: 'b', extra: 1 }] });
  });

  it('passes unexpected shapes through for the schemas to refuse, without throwing', () => {
    expect(decodeWith(shape, 'x')).toBe('x');
    expect(decodeWith(shape, { l: 'not a list', p: [1], i: 5 })).toMatchObject({ items: 'not a list', position: [1], inner: 5 });
  });
});
