import type { SimController } from './simController';

/** What the driver needs from the browser (injected, so tests can drive frames by hand). */
export interface FrameClock {
  now(): number;
  request(cb: () => void): number;
  cancel(id: number): void;
}

const browserClock = (): FrameClock => ({
  now: () => performance.now(),
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
});

/** Longest wall gap one frame may cover (a hidden tab must not jump the simulation by minutes). */
export const MAX_FRAME_GAP_MS = 250;
/** Work budget per frame for the simulation, leaving time to draw. */
export const FRAME_BUDGET_MS = 10;

/**
 * The one animation-frame loop of the app: wall time × speed → virtual time. It is the only
 * place that reads the wall clock; everything else works on virtual time. After each tick the
 * frame listeners (the message layer) draw.
 */
export function startDriver(c: SimController, clock: FrameClock = browserClock()): () => void {
  let last = clock.now();
  let id = 0;
  const frame = () => {
    const t = clock.now();
    const dt = Math.min(Math.max(0, t - last), MAX_FRAME_GAP_MS);
    last = t;
    const deadline = t + FRAME_BUDGET_MS;
    // the budget is asked after every event; reading the clock every 8th is plenty (an event takes
    // microseconds) and keeps thousands of clock reads a frame out of a busy run's frame
    let asked = 0;
    c.tick(dt, () => (++asked & 7) === 0 && clock.now() > deadline);
    c.frame();
    id = clock.request(frame);
  };
  id = clock.request(frame);
  return () => clock.cancel(id);
}
