/**
 * The clients' schedule on the virtual clock: the engine's deterministic timed heap (ties in
 * insertion order), holding plain-data items so that it serialises into world snapshots.
 */
import { type Timed, TimedHeap } from '../engine';
import type { SimItem } from './runtime';

export { type Timed as Scheduled, TimedHeap as EventQueue } from '../engine';

/**
 * The schedule as plain data for a world snapshot, or a snapshot's schedule for a restored world:
 * the items are shared, not copied (the clients never change a scheduled item: a delivery being
 * processed is a copy, see startNext), except a program's (few, and holding its requests), so that
 * a checkpoint of a world with tens of thousands of messages on the wire costs a frame, not several.
 */
export function snapshotQueue(q: TimedHeap<SimItem> | { seq: number; items: Timed<SimItem>[] }): { seq: number; items: Timed<SimItem>[] } {
  const data = q instanceof TimedHeap ? q.toJSON() : { seq: q.seq, items: q.items.map((s) => ({ ...s })) };
  for (let i = 0; i < data.items.length; i++) {
    const s = data.items[i]!;
    if (s.item.kind === 'program') data.items[i] = structuredClone(s);
  }
  return data;
}
