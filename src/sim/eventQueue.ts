/**
 * The clients' schedule on the virtual clock: the engine's deterministic timed heap (ties in
 * insertion order), holding plain-data items so that it serialises into world snapshots.
 */
export { type Timed as Scheduled, TimedHeap as EventQueue } from '../engine';
