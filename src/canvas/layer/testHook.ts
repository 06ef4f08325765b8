import type { SimController } from '../../store/simController';
import { COLOURS } from './palette';
import type { LayerRenderer } from './renderer';

/**
 * `window.__warren`: a tiny hook for the render benchmark and end-to-end tests (and curious
 * developers in the console). It exposes the simulation controller and two figures of the
 * message layer; it adds no behaviour. Documented in bench/README.md.
 *
 *   __warren.sim            the SimController (play(), pause(), setSpeed(), tokens, world…)
 *   __warren.inFlight()     segments on their way now: sim.tokens.active(now).length
 *   __warren.drawnTokens()  tokens the message layer laid out in its last frame (after culling)
 *   __warren.paintedTokens() tokens its painter (worker or main thread) last put on the canvas
 *   __warren.tokenPx()      how many CSS px across a token is drawn now (zoom and present mode)
 *   __warren.tokens()       the tokens of the last frame: screen point (CSS px, in the canvas), look
 *                           (see looks.ts) and the line they ride on (allocates: for tests only)
 */
export interface WarrenTestHook {
  sim: SimController;
  inFlight(): number;
  drawnTokens(): number;
  paintedTokens(): number;
  tokenPx(): number;
  tokens(): { x: number; y: number; look: number; link: string | undefined; kind: string }[];
}

declare global {
  interface Window {
    __warren?: WarrenTestHook;
  }
}

export function exposeTestHook(sim: SimController, layer: LayerRenderer): () => void {
  if (typeof window === 'undefined') return () => {};
  const hook: WarrenTestHook = {
    sim,
    inFlight: () => sim.tokens.active(sim.world.now).length,
    drawnTokens: () => layer.drawn,
    paintedTokens: () => layer.painted,
    tokenPx: () => layer.tokenPx,
    tokens: () => {
      const f = layer.frame;
      const out: { x: number; y: number; look: number; link: string | undefined; kind: string }[] = [];
      for (let i = 0; i < f.n; i++) out.push({ x: f.x[i]!, y: f.y[i]!, look: Math.floor(f.style[i]! / COLOURS.length), link: f.refs[i]?.link, kind: f.refs[i]?.kind ?? '' });
      return out;
    },
  };
  window.__warren = hook;
  return () => {
    if (window.__warren === hook) delete window.__warren;
  };
}
