import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewDuration } from './useViewMotion';

describe('view motion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('animates pans and fits, except with prefers-reduced-motion: then they jump', () => {
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: false, media: q }));
    expect(viewDuration(200)).toBe(200);
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: q === '(prefers-reduced-motion: reduce)', media: q }));
    expect(viewDuration(200)).toBe(0);
  });
});
