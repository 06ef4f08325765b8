import type { Scenario } from '../../model';
import type { LiveState } from '../../store/liveCounts';
import type { Box } from './effects';
import { TokenFrame, type View } from './frame';
import { LOOK } from './looks';
import { COLOURS, colourIndex } from './palette';

/**
 * Zoomed out (below LOD_ZOOM), the nodes' own live figures are a few pixels high: unreadable, and
 * re-rendering them costs the browser more than everything else in a frame (React, layout, paint,
 * layerization of the whole pane). So the DOM figures are hidden and frozen, and the message layer
 * draws each node's state itself, big enough to read: a queue's depth and the first messages of its
 * buffer as chips in key colour, what each app sent and received, a failed consumer in red.
 */
export const LOD_ZOOM = 0.45;

/** A text the painter draws centred on (x, y), in CSS px. */
export interface TextDraw {
  x: number;
  y: number;
  text: string;
  colour: string;
  px: number;
}

interface QueueRef {
  node: string;
  name: string;
}
interface AppRef {
  node: string;
  consumers: string[];
  publishers: string[];
}
export interface LodIndex {
  doc: Scenario;
  queues: QueueRef[];
  apps: AppRef[];
}

/** Which nodes show which live figures (rebuilt when the simulated document changes). */
export function lodIndex(doc: Scenario): LodIndex {
  return {
    doc,
    queues: doc.queues.map((q) => ({ node: q.id, name: q.name })),
    apps: doc.apps.map((a) => ({ node: a.id, consumers: a.consumers.map((c) => c.id), publishers: a.publishers.map((p) => p.id) })),
  };
}

const CHIP_ROWS = 2;
const MAX_CHIPS = 20;
const INK = '#1d2330';
const BAD = '#b03a2e';
const C = COLOURS.length;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export class LodLayout {
  readonly chips = new TokenFrame();
  chipSize = 3;
  texts: TextDraw[] = [];

  /** Lays out the zoomed-out figures of the nodes on screen. */
  layout(index: LodIndex, live: LiveState, box: (id: string) => Box | null, view: View): void {
    this.chips.clear();
    this.texts = [];
    const { tx, ty, zoom, width, height } = view;
    this.chipSize = clamp(Math.round(zoom * 9), 3, 6);
    const screen = (id: string) => {
      const b = box(id);
      if (!b) return null;
      const r = { x: b.x * zoom + tx, y: b.y * zoom + ty, w: b.width * zoom, h: b.height * zoom };
      return r.x + r.w < 0 || r.y + r.h < 0 || r.x > width || r.y > height ? null : r;
    };
    for (const q of index.queues) {
      const r = screen(q.node);
      if (!r) continue;
      const px = clamp(Math.round(r.h * 0.3), 9, 18);
      if (live.declared[q.name] !== true) {
        this.texts.push({ x: r.x + r.w / 2, y: r.y + r.h * 0.45, text: '✕', colour: BAD, px });
        continue;
      }
      this.texts.push({ x: r.x + r.w / 2, y: r.y + r.h * 0.42, text: String(live.queues[q.name]?.ready ?? 0), colour: INK, px });
      const chips = live.chips[q.name];
      if (!chips || chips.length === 0) continue;
      const size = this.chipSize;
      const step = size + 2;
      const perRow = Math.max(1, Math.floor((r.w - 6) / step));
      const n = Math.min(chips.length, MAX_CHIPS, perRow * CHIP_ROWS);
      const top = r.y + r.h - 4 - CHIP_ROWS * step + step / 2;
      for (let i = 0; i < n; i++) {
        const c = chips[i]!;
        this.chips.put(r.x + 3 + step / 2 + (i % perRow) * step, top + Math.floor(i / perRow) * step, (c.persistent ? LOOK.chip : LOOK.chipTransient) * C + colourIndex(c.key));
      }
    }
    for (const a of index.apps) {
      const r = screen(a.node);
      if (!r) continue;
      const px = clamp(Math.round(r.h * 0.22), 9, 16);
      const parts: string[] = [];
      let failed = false;
      if (a.publishers.length) parts.push(`↑${a.publishers.reduce((n, id) => n + (live.publishers[id]?.sent ?? 0), 0)}`);
      if (a.consumers.length) {
        let received = 0;
        for (const id of a.consumers) {
          const c = live.consumers[id];
          received += c?.received ?? 0;
          failed ||= c?.state === 'crashed' || c?.state === 'error';
        }
        parts.push(`↓${received}`);
      }
      if (parts.length) this.texts.push({ x: r.x + r.w / 2, y: r.y + r.h * 0.62, text: `${failed ? '✖ ' : ''}${parts.join(' ')}`, colour: failed ? BAD : INK, px });
    }
  }
}
