import type { MessageRef } from '../../store/simController';
import type { Effect, Segment } from '../../store/tokens';
import { type EffectLabels, paintEffects } from './effects';
import { keyColoured, LOOK_OF, layoutStill, layoutTokens, TokenFrame, type View } from './frame';
import { Painter, tokenSize } from './paint';
import { EdgePaths, type FlowLookups } from './paths';

/** What the renderer reads from React Flow every frame (its store's state). */
export interface FlowState extends FlowLookups {
  transform: [number, number, number];
  width: number;
  height: number;
  nodes: unknown;
  edges: unknown;
}

/** What it reads from the simulation every frame. */
export interface SimFrame {
  segments: readonly Segment[];
  effects: readonly Effect[];
  selected: MessageRef | null;
}

/**
 * The message layer's painter loop: one <canvas> over the React Flow pane, drawn once per
 * animation frame from virtual time (tokens on their lines, effects on their nodes) in the
 * viewport's transform. Skips the frame when nothing it depends on changed (paused and still:
 * no work at all). Framework-free: the React component only mounts it.
 */
export class LayerRenderer {
  reduced = false;
  labels: EffectLabels;
  keyOf: (msgId: number) => string | undefined = () => undefined;
  readonly frame = new TokenFrame();
  /** tokens drawn in the last frame (the test hook reports it) */
  drawn = 0;
  /** routing keys of the tokens on screen, refreshed every LEGEND_EVERY frames */
  onLegend: ((keys: string[]) => void) | null = null;
  private painter = new Painter();
  private paths = new EdgePaths();
  private ctx: CanvasRenderingContext2D | null;
  private last: unknown[] = [];
  private legend = '';
  private frames = 0;

  constructor(private readonly canvas: HTMLCanvasElement, labels: EffectLabels) {
    this.labels = labels;
    this.ctx = canvas.getContext('2d', { alpha: true });
  }

  /** Forces the next draw (labels or language changed). */
  invalidate(): void {
    this.last = [];
  }

  draw(now: number, flow: FlowState, sim: SimFrame): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const [tx, ty, zoom] = flow.transform;
    const dpr = globalThis.devicePixelRatio || 1;
    const deps = [now, tx, ty, zoom, flow.width, flow.height, dpr, flow.nodes, flow.edges, sim.segments, sim.segments.length, sim.effects, sim.effects.length, sim.selected, this.reduced, this.labels];
    if (deps.length === this.last.length && deps.every((d, i) => Object.is(d, this.last[i]))) return;
    this.last = deps;
    this.resize(flow.width, flow.height, dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, flow.width, flow.height);
    const view: View = { tx, ty, zoom, width: flow.width, height: flow.height };
    this.paths.begin(flow);
    if (this.reduced) layoutStill(sim.segments, now, this.paths, view, this.frame, sim.selected);
    else layoutTokens(sim.segments, now, this.paths, view, this.frame, sim.selected);
    const size = tokenSize(zoom);
    this.painter.paint(ctx, this.frame, size);
    this.painter.overlay(ctx, this.frame, size);
    paintEffects(ctx, sim.effects, now, view, (id) => this.paths.box(id), this.labels, this.keyOf, this.reduced, size);
    this.drawn = this.frame.n;
    if (this.onLegend && this.frames++ % LEGEND_EVERY === 0) this.updateLegend();
  }

  private resize(width: number, height: number, dpr: number): void {
    const w = Math.max(1, Math.round(width * dpr));
    const h = Math.max(1, Math.round(height * dpr));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
  }

  /** The keys of the message tokens on screen, sorted; reported only when the set changed. */
  private updateLegend(): void {
    const keys = new Set<string>();
    const f = this.frame;
    for (let i = 0; i < f.n; i++) {
      const s = f.refs[i]!;
      if (keyColoured(LOOK_OF[s.kind])) keys.add(s.key);
    }
    const list = [...keys].sort();
    const sig = list.join('\u0000');
    if (sig !== this.legend) {
      this.legend = sig;
      this.onLegend?.(list);
    }
  }
}

export const LEGEND_EVERY = 12;
