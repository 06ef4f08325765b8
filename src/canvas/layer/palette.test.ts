import { describe, expect, it } from 'vitest';
import { galleryList } from '../../scenarios';
import { assignKeyColours, COLOURS, colourIndex, EMPTY_KEY_COLOUR, KEY_PATTERNS, keyColour, keyPattern, PALETTE } from './palette';
import { scenarioKeys } from './useKeyColours';

/** WCAG relative luminance contrast of a #rrggbb colour on white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

describe('routing key colours', () => {
  it('gives a key the same colour every time (a hash, not the order keys appear in)', () => {
    const a = ['orders', 'invoice', 'audit'].map(keyColour);
    const b = ['audit', 'invoice', 'orders'].map(keyColour).reverse();
    expect(a).toEqual(b);
    expect(PALETTE).toContain(keyColour('orders') as (typeof PALETTE)[number]);
  });

  it('draws the empty key grey', () => {
    expect(keyColour('')).toBe(EMPTY_KEY_COLOUR);
    expect(keyPattern('')).toBe('none');
  });

  it('spreads keys over the palette', () => {
    assignKeyColours([]);
    const used = new Set(Array.from({ length: 200 }, (_, i) => colourIndex(`key.${i}`)));
    expect(used.size).toBe(PALETTE.length);
    expect(Math.max(...used)).toBeLessThan(COLOURS.length);
  });

  it('has every colour at 3:1 or more on the white canvas (WCAG 1.4.11), and one pattern per colour', () => {
    for (const c of COLOURS) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(3);
    expect(new Set(COLOURS).size).toBe(COLOURS.length);
    expect(new Set(KEY_PATTERNS).size).toBe(PALETTE.length);
  });

  it('gives the keys of one scenario distinct colours (Topics: auth.info and kern.info), whatever their order', () => {
    const keys = ['kern.critical', 'auth.info', 'cron.warning', 'kern.info', 'auth.critical'];
    const a = assignKeyColours(keys);
    expect(new Set(keys.map((k) => a.get(k))).size).toBe(keys.length);
    expect(new Set(keys.map(keyPattern)).size).toBe(keys.length);
    const forward = keys.map(keyColour);
    assignKeyColours([...keys].reverse());
    expect(keys.map(keyColour)).toEqual(forward);
    // a key met only while running avoids the scenario's colours while there are free ones
    expect(keys.map(colourIndex)).not.toContain(colourIndex('typed.in.the.composer'));
  });

  it('gives distinct colours to the keys of every gallery scenario', () => {
    for (const g of galleryList()) {
      const keys = [...new Set(scenarioKeys(g.scenario))].filter((k) => k !== '');
      assignKeyColours(keys);
      const colours = new Set(keys.map(colourIndex));
      expect(colours.size, `${g.id}: ${keys.join(', ')}`).toBe(Math.min(keys.length, PALETTE.length));
    }
  });
});
