import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { LiveState, LiveStore } from './liveCounts';
import type { ConnectionLive } from './liveLanes';
import type { SimController } from './simController';

/**
 * Live figures for the canvas nodes, refreshed in a staggered way while the simulation plays.
 *
 * The live store changes every frame; a topology of 200 nodes re-rendering every node every
 * frame spends the whole frame in React, style, layout and paint. So while playing, each node
 * sees the store only every k-th frame, on its own phase (a hash of its id), with k chosen so
 * that about NODES_PER_FRAME nodes refresh per frame: a small topology (≤ NODES_PER_FRAME
 * nodes) refreshes every frame, 200 nodes about 5 times a second each — faster than figures can
 * be read, and evenly spread, so no frame pays for all of them. Paused, stepping or scrubbing,
 * every node refreshes on the next frame. Nodes off screen wait until they come into view, and
 * zoomed out, where the message layer draws the nodes' figures itself, the nodes refresh slowly
 * (the canvas tells which, through a StaggerGate). Tokens are not affected: the layer draws every frame.
 */
export const NODES_PER_FRAME = 16;
/**
 * Zoomed out, the canvas draws the figures people see, but the nodes' own figures are what
 * screen readers and tests read: they keep being refreshed, slowly (about two nodes a frame).
 */
export const FROZEN_NODES_PER_FRAME = 2;

/** What the canvas tells the stagger each frame (see canvas/layer/lod.ts). */
export interface StaggerGate {
  /** zoomed out: the canvas draws the nodes' figures; the DOM ones are refreshed slowly */
  readonly frozen: boolean;
  /** whether a node is on screen (an off-screen node is refreshed when it comes into view) */
  visible(node: string): boolean;
}

interface Sub {
  phase: number;
  node: string;
  visible: LiveState;
  notify: () => void;
}

export class LiveStagger {
  private subs = new Set<Sub>();
  private nodes = new Map<string, number>();
  private frame = 0;
  private gate: StaggerGate | null = null;
  /** the DOM figures were refreshed slowly (zoomed out): refresh every visible node at once when they show again */
  private stale = false;

  constructor(
    private readonly live: LiveStore,
    private readonly playing: () => boolean,
  ) {}

  setGate(gate: StaggerGate | null): void {
    this.gate = gate;
  }

  /** Frames between two refreshes of one node now (nodes on screen share the frames). */
  period(): number {
    if (!this.playing()) return 1;
    if (this.gate?.frozen) return Math.max(1, Math.ceil(this.nodes.size / FROZEN_NODES_PER_FRAME));
    let n = this.nodes.size;
    const gate = this.gate;
    if (gate) {
      n = 0;
      for (const node of this.nodes.keys()) if (gate.visible(node)) n++;
    }
    return Math.max(1, Math.ceil(n / NODES_PER_FRAME));
  }

  subscribe(node: string, notify: () => void): Sub {
    const sub: Sub = { phase: phaseOf(node), node, visible: this.live.getState(), notify };
    this.subs.add(sub);
    this.nodes.set(node, (this.nodes.get(node) ?? 0) + 1);
    return sub;
  }

  unsubscribe(sub: Sub): void {
    if (!this.subs.delete(sub)) return;
    const n = (this.nodes.get(sub.node) ?? 1) - 1;
    if (n <= 0) this.nodes.delete(sub.node);
    else this.nodes.set(sub.node, n);
  }

  /** Once per animation frame: the nodes whose turn it is see the current figures. */
  tick(): void {
    const gate = this.gate;
    const frozen = gate?.frozen === true;
    this.frame++;
    const state = this.live.getState();
    // back from zoomed out: every visible node catches up at once
    const k = this.stale && !frozen ? 1 : this.period();
    this.stale = frozen;
    const due = this.frame % k;
    for (const s of this.subs) {
      if (s.visible === state || (k > 1 && s.phase % k !== due)) continue;
      if (gate && !frozen && !gate.visible(s.node)) continue;
      s.visible = state;
      s.notify();
    }
  }
}

/** A stable, well-spread phase for a node id (FNV-1a). */
export function phaseOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const staggers = new WeakMap<SimController, LiveStagger>();

/** The stagger of a simulation (created on first use; it ticks in the simulation's frame listeners). */
export function liveStaggerOf(sim: SimController): LiveStagger {
  let s = staggers.get(sim);
  if (!s) {
    const created = new LiveStagger(sim.live, () => sim.ui.getState().playing);
    sim.onFrame(() => created.tick());
    staggers.set(sim, created);
    s = created;
  }
  return s;
}

/**
 * A slice of the live figures for one node, refreshed on the node's turn (see LiveStagger).
 * The selector must return stable values (the live store keeps unchanged objects).
 */
export function useNodeLive<T>(sim: SimController, node: string, selector: (s: LiveState) => T): T {
  const stagger = liveStaggerOf(sim);
  const sub = useRef<Sub | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      const s = stagger.subscribe(node, notify);
      sub.current = s;
      return () => {
        stagger.unsubscribe(s);
        if (sub.current === s) sub.current = null;
      };
    },
    [stagger, node],
  );
  const get = () => selector(sub.current?.visible ?? sim.live.getState());
  return useSyncExternalStore(subscribe, get, get);
}

/** A connection's live state (the broker's number for it, its lanes), refreshed with its app's node. */
export function useConnectionLive(sim: SimController, app: string, conn: string): ConnectionLive | undefined {
  return useNodeLive(sim, app, (s) => s.connections[conn]) as ConnectionLive | undefined;
}
