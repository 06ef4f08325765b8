import type { Scenario } from '../../model';
import type { LiveState } from '../../store/liveCounts';
import type { StaggerGate } from '../../store/liveStagger';
import type { MessageRef } from '../../store/simController';
import type { Effect, Segment } from '../../store/tokens';
import { BADGE_FONT } from './badgeLayout';
import { type EffectLabels, effectMarks } from './effects';
import { keyColoured, LOOK_OF, layoutStill, layoutTokens, TokenFrame, type View } from './frame';
import { LOD_ZOOM, LodLayout, type LodIndex, lodIndex } from './lod';
import { labelHoles, tokenSize } from './paint';
import type { EdgeRef } from '../geometry/routes';
import { EdgePaths, type FlowLookups } from './paths';
import type { Surface } from './surface';

/** What the renderer reads from React Flow every frame (its store's state). */
export interface FlowState extends FlowLookups {
  transform: [number, number, number];
  width: number;
  height: number;
  nodes: unknown;
  edges: readonly EdgeRef[];
}

/** What it reads from the simulation every frame. */
export interface SimFrame {
  segments: readonly Segment[];
  effects: readonly Effect[];
  selected: MessageRef | null;
  /** the live figures and the document they belong to (zoomed out, the layer draws the nodes' figures) */
  live: LiveState;
  doc: Scenario;
}

/** Frames between two refreshes of the legend (the set of keys changes slowly; reading it costs a pass). */
export const LEGEND_EVERY = 12;

/**
 * The message layer's loop: once per animation frame, lays the tokens out from virtual time (on
 * the main thread, where React Flow's geometry is, and where clicks are hit-tested) and hands the
 * result to the surface that paints it. Skips the frame when nothing it depends on changed
 * (paused and still: no work at all). Framework-free: the React component only mounts it.
 */
export class LayerRenderer implements StaggerGate {
  reduced = false;
  /** how much bigger tokens are drawn (present mode) */
  scale = 1;
  labels: EffectLabels;
  keyOf: (msgId: number) => string | undefined = () => undefined;
  persistentOf: (msgId: number) => boolean | undefined = () => undefined;
  readonly frame = new TokenFrame();
  /** tokens laid out in the last frame (after culling) */
  drawn = 0;
  /** the size tokens were last drawn at, CSS px across */
  tokenPx = 0;
  /** routing keys of the tokens on screen, refreshed every LEGEND_EVERY frames, reported when they change */
  onLegend: ((keys: string[]) => void) | null = null;
  /** zoomed out: the canvas draws the nodes' figures (see lod.ts); reported when it changes */
  frozen = false;
  onLod: ((zoomedOut: boolean) => void) | null = null;
  private paths = new EdgePaths();
  private lod = new LodLayout();
  private index: LodIndex | null = null;
  private view: View = { tx: 0, ty: 0, zoom: 1, width: 0, height: 0 };
  private last: unknown[] = [];
  private legend = '';
  private frames = 0;
  private live: LiveState | null = null;
  private widths = new Map<string, number>();
  private measurer: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
  /** A badge text's width in the badges' font (measured here, on the main thread, once per text). */
  private readonly measure = (text: string): number => {
    let w = this.widths.get(text);
    if (w !== undefined) return w;
    if (this.measurer === undefined) {
      this.measurer = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1).getContext('2d') : typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
      if (this.measurer) this.measurer.font = BADGE_FONT;
    }
    w = this.measurer ? Math.ceil(this.measurer.measureText(text).width) : text.length * 7.2;
    if (this.widths.size > 256) this.widths.clear();
    this.widths.set(text, w);
    return w;
  };

  constructor(
    private readonly surface: Surface,
    labels: EffectLabels,
  ) {
    this.labels = labels;
  }

  /** Tokens the surface actually painted in its last frame. */
  get painted(): number {
    return this.surface.painted;
  }

  /** Forces the next draw (labels or motion preference changed). */
  invalidate(): void {
    this.last = [];
  }

  draw(now: number, flow: FlowState, sim: SimFrame): void {
    // the painter is still on the previous frame: this one would queue up; the next one is newer
    if (this.surface.busy) return;
    const [tx, ty, zoom] = flow.transform;
    const dpr = globalThis.devicePixelRatio || 1;
    const deps = [now, tx, ty, zoom, flow.width, flow.height, dpr, flow.nodes, flow.edges, sim.segments, sim.segments.length, sim.effects, sim.effects.length, sim.selected, sim.live, this.reduced, this.labels, this.scale];
    if (deps.length === this.last.length && deps.every((d, i) => Object.is(d, this.last[i]))) return;
    this.last = deps;
    const view: View = { tx, ty, zoom, width: flow.width, height: flow.height };
    this.view = view;
    this.paths.begin(flow);
    const zoomedOut = zoom < LOD_ZOOM;
    if (zoomedOut !== this.frozen) {
      this.frozen = zoomedOut;
      this.onLod?.(zoomedOut);
    }
    if (zoomedOut) {
      if (this.index?.doc !== sim.doc) this.index = lodIndex(sim.doc);
      this.lod.layout(this.index, sim.live, (id) => this.paths.box(id), view);
    }
    if (this.reduced) layoutStill(sim.segments, now, this.paths, view, this.frame, sim.selected);
    else layoutTokens(sim.segments, now, this.paths, view, this.frame, sim.selected);
    const size = tokenSize(zoom, this.scale);
    this.tokenPx = size;
    const marks = sim.effects.length
      ? effectMarks(sim.effects, now, view, (id) => this.paths.box(id), this.labels, this.keyOf, this.reduced, size, this.persistentOf, { obstacles: this.paths.obstacles(), measure: this.measure })
      : [];
    const lod = zoomedOut ? { chips: this.lod.chips, chipSize: this.lod.chipSize, texts: this.lod.texts } : null;
    this.surface.draw({ width: flow.width, height: flow.height, dpr, size, list: this.frame, marks, lod, holes: this.frame.n ? labelHoles(this.paths.labels(), view) : [] });
    this.drawn = this.frame.n;
    this.live = sim.live;
    if (this.onLegend && this.frames++ % LEGEND_EVERY === 0) this.updateLegend();
  }

  /** Whether a node is on screen in the last frame's view (the live stagger asks, see StaggerGate). */
  visible(node: string): boolean {
    // nothing drawn yet: no view to tell, so everything counts as visible
    return this.view.width === 0 || this.paths.onScreen(node, this.view);
  }

  dispose(): void {
    this.surface.dispose();
  }

  /**
   * The keys of the messages on screen, sorted; reported only when the set changed: the tokens
   * travelling, and the messages waiting in the queues' buffers or held unacked by consumers (the
   * legend stays while keyed messages sit in queues).
   */
  private updateLegend(): void {
    const keys = new Set<string>();
    const f = this.frame;
    for (let i = 0; i < f.n; i++) {
      const s = f.refs[i]!;
      if (keyColoured(LOOK_OF[s.kind])) keys.add(s.key);
    }
    const live = this.live;
    if (live) {
      for (const chips of Object.values(live.chips)) for (const c of chips) keys.add(c.key);
      for (const c of Object.values(live.consumers)) {
        for (const id of c.holding) {
          const k = this.keyOf(id);
          if (k !== undefined) keys.add(k);
        }
      }
    }
    const list = [...keys].sort();
    const sig = list.join('\u0000');
    if (sig !== this.legend) {
      this.legend = sig;
      this.onLegend?.(list);
    }
  }
}
