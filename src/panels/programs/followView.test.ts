import { describe, expect, it } from 'vitest';
import { FOLLOW_MAX_MS, followView } from './followView';

/** A hand-driven world: changes, scheduled fits and the timer run when the test says so. */
function harness() {
  const fits: number[] = [];
  let listener: (() => void) | null = null;
  let pending: (() => void) | null = null;
  let timeout: (() => void) | null = null;
  let timeoutMs = 0;
  const canvas = new EventTarget() as unknown as HTMLElement;
  const stop = followView({
    fitNow: () => fits.push(fits.length),
    onChange: (changed) => {
      listener = changed;
      return () => (listener = null);
    },
    canvas,
    schedule: (run) => {
      pending = run;
      return () => (pending = null);
    },
    setTimer: (run, ms) => {
      timeout = run;
      timeoutMs = ms;
      return () => (timeout = null);
    },
  });
  return {
    fits,
    canvas,
    stop,
    change: () => listener?.(),
    frame: () => pending?.(),
    expire: () => timeout?.(),
    get subscribed() {
      return listener !== null;
    },
    get timeoutMs() {
      return timeoutMs;
    },
  };
}

describe('the view follows what programs draw until the person takes it over', () => {
  it('fits once per burst of changes, after the frames that draw them', () => {
    const h = harness();
    h.change();
    h.change();
    h.change();
    expect(h.fits).toHaveLength(0);
    h.frame();
    expect(h.fits).toHaveLength(1);
    // a program that starts late (a busy machine) still gets its nodes into view
    h.change();
    h.frame();
    expect(h.fits).toHaveLength(2);
  });

  it('stops when the person touches the canvas: a pointer, the wheel or a key', () => {
    for (const type of ['pointerdown', 'wheel', 'keydown']) {
      const h = harness();
      h.change();
      h.canvas.dispatchEvent(new Event(type));
      h.frame();
      expect(h.fits, type).toHaveLength(0);
      expect(h.subscribed, type).toBe(false);
      h.change();
      h.frame();
      expect(h.fits, type).toHaveLength(0);
    }
  });

  it('stops by itself after a while, and the stop can be called more than once', () => {
    const h = harness();
    expect(h.timeoutMs).toBe(FOLLOW_MAX_MS);
    h.expire();
    expect(h.subscribed).toBe(false);
    h.change();
    h.frame();
    expect(h.fits).toHaveLength(0);
    expect(() => h.stop()).not.toThrow();
  });
});
