// The in-page half of bench/render.ts: plays the simulation, waits for a steady state, then
// records requestAnimationFrame deltas (the frame's own timestamps, so vsync-paced frames read
// 16.7 ms exactly) with the in-flight count, the tokens drawn, and for diagnosis the time of the
// simulation's tick and of the frame listeners (the message layer's draw) in each frame.
import type { Page } from 'playwright-core';

export interface FrameSample {
  deltas: number[];
  /** mean of sim.tokens.active(now).length over the window */
  inFlight: number;
  /** mean tokens the layer drew (after culling) */
  drawn: number;
  /** mean ms of SimController.tick per frame */
  tickMs: number;
  /** mean and p95 ms of the frame listeners (the message layer) per frame */
  drawMs: number;
  drawP95: number;
}

export async function measureInPage(page: Page, warmupMs: number, windowMs: number): Promise<FrameSample> {
  await page.evaluate(() => {
    const sim = window.__warren!.sim;
    sim.setSpeed(1);
    sim.play();
  });
  await page.waitForTimeout(warmupMs);
  return page.evaluate(
    (ms) =>
      new Promise<FrameSample>((resolve) => {
        const hook = window.__warren!;
        const sim = hook.sim;
        const tick = sim.tick.bind(sim);
        const frame = sim.frame.bind(sim);
        const ticks: number[] = [];
        const draws: number[] = [];
        sim.tick = (dt, over) => {
          const a = performance.now();
          tick(dt, over);
          ticks.push(performance.now() - a);
        };
        sim.frame = () => {
          const a = performance.now();
          frame();
          draws.push(performance.now() - a);
        };
        const deltas: number[] = [];
        const inFlight: number[] = [];
        const drawn: number[] = [];
        let last = 0;
        let start = 0;
        let sampled = 0;
        const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
        const loop = (ts: number) => {
          if (start === 0) start = ts;
          if (last) deltas.push(ts - last);
          last = ts;
          if (ts - sampled >= 250) {
            sampled = ts;
            inFlight.push(hook.inFlight());
            drawn.push(hook.drawnTokens());
          }
          if (ts - start < ms) {
            requestAnimationFrame(loop);
            return;
          }
          sim.tick = tick;
          sim.frame = frame;
          const sorted = [...draws].sort((a, b) => a - b);
          resolve({ deltas, inFlight: mean(inFlight), drawn: mean(drawn), tickMs: mean(ticks), drawMs: mean(draws), drawP95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 });
        };
        requestAnimationFrame(loop);
      }),
    windowMs,
  );
}
