import { EFFECT_MS, type Effect, type EffectKind } from '../../store/tokens';
import { type BadgeAsk, badgeScale, placeBadges, type Rect } from './badgeLayout';
import type { View } from './frame';
import type { MarkDraw } from './marks';
import { REJECT_COLOUR } from './vector';
import { EMPTY_KEY_COLOUR, keyColour } from './palette';

/**
 * What happened at a node, drawn on it for EFFECT_MS of virtual time: a badge per node and kind
 * ("✕ unroutable ×3", "⊘ dropped (overflow)", "⚠ channel 2 closed: …"), fading as it ages, and
 * for messages that end there (expired at a queue, unroutable at an exchange) their token fading
 * out where it stopped. Effects of one kind on one node are aggregated, so a burst of drops is
 * one badge with a count, not a thousand marks.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EffectLabels {
  kind: Record<EffectKind, string>;
  /** "dropped (overflow)": the reason of a drop, by the engine's DropReason */
  dropReason: (reason: string) => string;
  /** an error's detail in the page's language where the simulated client said it (i18n/simReason) */
  errorDetail?: (detail: string) => string;
  /** "3 lost (auto-ack)": messages lost where they were, and why */
  lost: (n: number, reason: string) => string;
}

interface Mark {
  node: string;
  kind: EffectKind;
  count: number;
  /** the youngest effect's time (the badge fades with it) */
  t: number;
  detail?: string;
  msgId?: number;
}

const GLYPH: Record<EffectKind, string> = {
  // a clock face that common fonts have (the hourglass is an emoji: a box where no emoji font is installed)
  expired: '◷',
  dropped: '⊘',
  unroutable: '✕',
  requeued: '↺',
  returned: '↩',
  'confirm-nack': '✕',
  error: '⚠',
  crashed: '✖',
  lost: '⊘',
  'connection-opened': '⇄',
  'connection-closed': '⇥',
  'connection-lost': '⚠',
};

const COLOUR: Record<EffectKind, string> = {
  expired: '#6b7a8f',
  dropped: REJECT_COLOUR,
  unroutable: REJECT_COLOUR,
  requeued: '#2471a3',
  returned: '#7f3c8d',
  'confirm-nack': REJECT_COLOUR,
  error: REJECT_COLOUR,
  crashed: REJECT_COLOUR,
  lost: REJECT_COLOUR,
  'connection-opened': '#1b6e3d',
  'connection-closed': '#4f5868',
  'connection-lost': REJECT_COLOUR,
};

/** Kinds whose message ends at the node: its token fades out there (on the side it arrived or leaves). */
const FADES: Partial<Record<EffectKind, 'in' | 'out'>> = { expired: 'out', unroutable: 'in', dropped: 'in' };

const MAX_DETAIL = 90;

/** Effects still visible at `now`, grouped by node and kind (oldest group first). */
export function aggregate(effects: readonly Effect[], now: number): Mark[] {
  const marks = new Map<string, Mark>();
  for (const e of effects) {
    if (e.t > now || now - e.t > EFFECT_MS) continue;
    const key = `${e.node}\u0000${e.kind}`;
    const m = marks.get(key);
    if (m) {
      m.count += e.count;
      if (e.t >= m.t) {
        m.t = e.t;
        m.detail = e.detail ?? m.detail;
        m.msgId = e.msgId ?? m.msgId;
      }
    } else marks.set(key, { node: e.node, kind: e.kind, count: e.count, t: e.t, detail: e.detail, msgId: e.msgId });
  }
  return [...marks.values()];
}

export type { MarkDraw };

/** Opacity of a mark of age `age` (virtual ms): full, then fading over the second half; still when motion is reduced. */
export function fade(age: number, reduced: boolean): number {
  if (reduced) return 1;
  const half = EFFECT_MS / 2;
  return age <= half ? 1 : Math.max(0, 1 - (age - half) / half);
}

export function markText(m: Mark, labels: EffectLabels): string {
  // "⊘ 3 lost (transient queue, broker restart)": how many first, and why
  if (m.kind === 'lost') return `${GLYPH.lost} ${labels.lost(m.count, m.detail ?? '')}`;
  let text = `${GLYPH[m.kind]} ${labels.kind[m.kind]}`;
  if (m.kind === 'dropped' && m.detail) text += ` (${labels.dropReason(m.detail)})`;
  if ((m.kind === 'error' || m.kind === 'returned' || m.kind === 'connection-lost') && m.detail) {
    const detail = labels.errorDetail ? labels.errorDetail(m.detail) : m.detail;
    text += `: ${detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail}`;
  }
  if (m.count > 1) text += ` ×${m.count}`;
  return text;
}

/** What the layout of the badges needs from the frame: what they must not cover, and how wide a text is. */
export interface BadgeRoom {
  /** nodes and edge labels, in flow coordinates */
  obstacles: readonly Box[];
  /** a text's width on screen in the badges' font (marks.ts) */
  measure: (text: string) => number;
}

/** A width that errs on the large side where nothing can measure (tests): 12 px semibold. */
const estimate = (text: string) => text.length * 7.2;

/** Badge padding: 5 px each side of the text. */
const PAD = 10;

const onCable = (node: string) => node.startsWith('connection:');

/**
 * Where and how each visible effect is drawn: one badge per node and kind, placed where it covers no
 * node, edge label or other badge (badgeLayout.ts); a connection's on its cable.
 */
export function effectMarks(
  effects: readonly Effect[], now: number, view: View, box: (id: string) => Box | null,
  labels: EffectLabels, keyOf: (msgId: number) => string | undefined, reduced: boolean, tokenPx: number,
  persistentOf: (msgId: number) => boolean | undefined = () => undefined,
  room: BadgeRoom = { obstacles: [], measure: estimate },
): MarkDraw[] {
  if (effects.length === 0) return [];
  const { tx, ty, zoom } = view;
  const screen = (b: Box): Rect => ({ x: b.x * zoom + tx, y: b.y * zoom + ty, w: b.width * zoom, h: b.height * zoom });
  const shown: { m: Mark; b: Box; alpha: number; text: string; sign: string }[] = [];
  for (const m of aggregate(effects, now)) {
    const b = box(m.node);
    if (!b) continue;
    const alpha = fade(now - m.t, reduced);
    if (alpha <= 0) continue;
    shown.push({ m, b, alpha, text: markText(m, labels), sign: m.count > 1 ? `${GLYPH[m.kind]} ×${m.count}` : GLYPH[m.kind] });
  }
  if (shown.length === 0) return [];
  // cables first: their place on the cable is nearly always free, and nodes' badges then go around them
  shown.sort((a, b) => Number(onCable(b.m.node)) - Number(onCable(a.m.node)));
  // badges grow with the zoom like the canvas's other texts (present mode), and keep their place
  const scale = badgeScale(zoom);
  const asks: BadgeAsk[] = shown.map(({ m, b, text, sign }) =>
    onCable(m.node)
      ? { at: screen(b), on: 'cable', width: (room.measure(text) + PAD) * scale, compactWidth: (room.measure(sign) + PAD) * scale }
      : { at: screen(b), on: 'node', width: (room.measure(text) + PAD) * scale },
  );
  const places = placeBadges(asks, room.obstacles.map(screen), { x: 0, y: 0, w: view.width, h: view.height }, scale);
  return shown.map(({ m, b, alpha, text, sign }, i) => {
    const p = places[i]!;
    const draw: MarkDraw = { right: p.x + p.w, top: p.y, width: p.w, text: p.compact ? sign : text, colour: COLOUR[m.kind], alpha, ...(scale === 1 ? {} : { scale }) };
    // drop-head (max-length) drops the oldest message, at the head of the queue; other drops refuse it on arrival
    const side = m.kind === 'dropped' && m.detail === 'maxlen' ? 'out' : FADES[m.kind];
    if (side) {
      const key = m.msgId === undefined ? undefined : keyOf(m.msgId);
      draw.dot = {
        x: (side === 'in' ? b.x : b.x + b.width) * zoom + tx,
        y: (b.y + b.height / 2) * zoom + ty,
        r: tokenPx / 2 + 1,
        colour: key === undefined ? EMPTY_KEY_COLOUR : keyColour(key),
        square: m.msgId === undefined ? false : persistentOf(m.msgId) === true,
      };
    }
    return draw;
  });
}
