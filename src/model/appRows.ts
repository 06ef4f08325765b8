import type { App } from './app';

type Consumer = App['consumers'][number];
type Publisher = App['publishers'][number];

/**
 * The rows of an app's publishers and consumers wrap instead of ending in "…" (a teacher must read
 * "← task_queue · manual ack" whole, in present mode too): the canvas draws a row as its parts, each
 * kept whole on a line (nodes/AppNode.tsx), and breaks between parts where the row is too narrow.
 * Here, how many lines a row takes, for the nominal size of an app (layouts place nodes with it
 * before the canvas has measured them): an estimate that errs on the large side, with the longest
 * wording of each part among the languages (English, Spanish).
 */

/** Room for a row's text: the app is 250 px wide, its border 2 px and the row's padding 14 px each side. */
export const ROW_ROOM = 218;
/** A row's line height (canvas.css .app-row). */
export const ROW_LINE = 17;
/** 16 px text, about 9.6 px a character in the widest common fonts (DejaVu Sans): errs on the large side. */
const CHAR = 10;
const SPACE = 5;

/** Lines a row of parts takes `room` px wide: each part whole on a line (a part wider than a line breaks inside, where it must). */
export function rowLines(parts: readonly string[], room = ROW_ROOM): number {
  let lines = 0;
  let used = 0;
  for (const p of parts) {
    const w = p.length * CHAR;
    if (lines > 0 && used + SPACE + w <= room) {
      used += SPACE + w;
      continue;
    }
    lines += Math.max(1, Math.ceil(w / room));
    used = w > room ? w - Math.floor(w / room) * room : w;
  }
  return Math.max(1, lines);
}

/** The longest wording, among the languages, of each word a row may show. */
const LONGEST = { notSubscribed: 'sin suscripción', manualAck: 'manual ack', autoAck: 'auto-ack', stopped: 'detenido', manual: 'manual', burst: 'ráfaga de ' };

/** The routing keys as a row shows them: at most three, then "…" (canvas/flowEdges.ts keysLabel). */
export function keysShown(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map((k) => (k === '' ? '""' : k));
  return keys.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** A consumer's row, as the parts the canvas keeps whole (with its longest wording). */
export function consumerRowParts(c: Pick<Consumer, 'queue' | 'noAck' | 'running'>): string[] {
  const ack = c.noAck ? LONGEST.autoAck : LONGEST.manualAck;
  return [`${c.queue ? `← ${c.queue}` : LONGEST.notSubscribed} ·`, c.running ? ack : `${ack} ·`, ...(c.running ? [] : [LONGEST.stopped])];
}

/** A publisher's row, as the parts the canvas keeps whole (with its longest wording); a program's has no schedule. */
export function publisherRowParts(p: Pick<Publisher, 'routingKeys' | 'mode' | 'ratePerSec' | 'burstCount'>, program = false): string[] {
  const keys = `→ ${keysShown(p.routingKeys)}`;
  if (program) return [keys];
  const mode = p.mode === 'rate' ? `${p.ratePerSec}/s` : p.mode === 'burst' ? `${LONGEST.burst}${p.burstCount}` : LONGEST.manual;
  return [`${keys} ·`, mode];
}
