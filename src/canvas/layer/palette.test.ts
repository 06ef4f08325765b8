import { describe, expect, it } from 'vitest';
import { COLOURS, colourIndex, EMPTY_KEY_COLOUR, keyColour, PALETTE } from './palette';

describe('routing key colours', () => {
  it('gives a key the same colour every time (a hash, not the order keys appear in)', () => {
    const a = ['orders', 'invoice', 'audit'].map(keyColour);
    const b = ['audit', 'invoice', 'orders'].map(keyColour).reverse();
    expect(a).toEqual(b);
    expect(PALETTE).toContain(keyColour('orders') as (typeof PALETTE)[number]);
  });

  it('draws the empty key grey', () => {
    expect(keyColour('')).toBe(EMPTY_KEY_COLOUR);
  });

  it('spreads keys over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => colourIndex(`key.${i}`)));
    expect(used.size).toBe(PALETTE.length);
    expect(Math.max(...used)).toBeLessThan(COLOURS.length);
  });
});
