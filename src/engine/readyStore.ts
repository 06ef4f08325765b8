import { Deque } from './deque';
import type { QueueEntry } from './message';

/**
 * The ready (not yet delivered) messages of a queue, in delivery order. Three disciplines, one
 * per queue kind, behind one interface:
 * - classic: FIFO; a requeued message goes back to its original position (by `seq`), ahead of
 *   never-delivered ones, whatever order the requeues come in;
 * - classic with x-max-priority: one FIFO per priority level, highest level first;
 * - quorum: FIFO, but returned messages wait in a separate "returns" line served first, and a
 *   plain requeue without a delivery limit re-appends at the back (RabbitMQ 3.10's rabbit_fifo).
 */
export interface ReadyStore {
  readonly length: number;
  readonly bytes: number;
  /** A newly published message. */
  push(e: QueueEntry): void;
  /** Back to the queue after a delivery: classic = original position; quorum = front line. */
  putBack(e: QueueEntry): void;
  /** Quorum only: re-append at the very back. */
  append(e: QueueEntry): void;
  peek(): QueueEntry | undefined;
  shift(): QueueEntry | undefined;
  /** All ready messages in delivery order. */
  toArray(): QueueEntry[];
  clear(): QueueEntry[];
  /** The store's internal lines (for snapshots): quorum = [returns, messages], others = [all]. */
  lines(): QueueEntry[][];
  /** Refills an empty store from `lines()`. */
  restoreLines(lines: QueueEntry[][]): void;
}

const bySeq = (e: QueueEntry) => e.seq;

class ClassicStore implements ReadyStore {
  private q = new Deque<QueueEntry>();
  bytes = 0;
  get length() {
    return this.q.length;
  }
  push(e: QueueEntry) {
    this.q.push(e);
    this.bytes += e.msg.size;
  }
  putBack(e: QueueEntry) {
    this.q.insertSorted(e, bySeq);
    this.bytes += e.msg.size;
  }
  append(e: QueueEntry) {
    this.push(e);
  }
  peek() {
    return this.q.peek();
  }
  shift() {
    const e = this.q.shift();
    if (e) this.bytes -= e.msg.size;
    return e;
  }
  toArray() {
    return this.q.toArray();
  }
  clear() {
    this.bytes = 0;
    return this.q.clear();
  }
  lines() {
    return [this.toArray()];
  }
  restoreLines(lines: QueueEntry[][]) {
    for (const e of lines.flat()) this.push(e);
  }
}

class PriorityStore implements ReadyStore {
  private levels: Deque<QueueEntry>[];
  private top = -1;
  length = 0;
  bytes = 0;
  constructor(maxPriority: number) {
    this.levels = Array.from({ length: maxPriority + 1 }, () => new Deque<QueueEntry>(4));
  }
  push(e: QueueEntry) {
    this.levels[e.level]!.push(e);
    this.added(e);
  }
  putBack(e: QueueEntry) {
    this.levels[e.level]!.insertSorted(e, bySeq);
    this.added(e);
  }
  append(e: QueueEntry) {
    this.push(e);
  }
  private added(e: QueueEntry) {
    this.length++;
    this.bytes += e.msg.size;
    if (e.level > this.top) this.top = e.level;
  }
  peek() {
    return this.top >= 0 ? this.levels[this.top]!.peek() : undefined;
  }
  shift() {
    if (this.top < 0) return undefined;
    const e = this.levels[this.top]!.shift()!;
    this.length--;
    this.bytes -= e.msg.size;
    while (this.top >= 0 && this.levels[this.top]!.length === 0) this.top--;
    return e;
  }
  toArray() {
    const out: QueueEntry[] = [];
    for (let l = this.levels.length - 1; l >= 0; l--) out.push(...this.levels[l]!.toArray());
    return out;
  }
  clear() {
    const all = this.toArray();
    for (const d of this.levels) d.clear();
    this.length = 0;
    this.bytes = 0;
    this.top = -1;
    return all;
  }
  lines() {
    return [this.toArray()];
  }
  restoreLines(lines: QueueEntry[][]) {
    for (const e of lines.flat()) this.push(e);
  }
}

class QuorumStore implements ReadyStore {
  private returns = new Deque<QueueEntry>();
  private messages = new Deque<QueueEntry>();
  bytes = 0;
  get length() {
    return this.returns.length + this.messages.length;
  }
  push(e: QueueEntry) {
    this.messages.push(e);
    this.bytes += e.msg.size;
  }
  putBack(e: QueueEntry) {
    this.returns.push(e);
    this.bytes += e.msg.size;
  }
  append(e: QueueEntry) {
    this.push(e);
  }
  peek() {
    return this.returns.peek() ?? this.messages.peek();
  }
  shift() {
    const e = this.returns.length ? this.returns.shift() : this.messages.shift();
    if (e) this.bytes -= e.msg.size;
    return e;
  }
  toArray() {
    return [...this.returns.toArray(), ...this.messages.toArray()];
  }
  clear() {
    const all = this.toArray();
    this.returns.clear();
    this.messages.clear();
    this.bytes = 0;
    return all;
  }
  lines() {
    return [this.returns.toArray(), this.messages.toArray()];
  }
  restoreLines(lines: QueueEntry[][]) {
    for (const e of lines[0] ?? []) this.putBack(e);
    for (const e of lines[1] ?? []) this.push(e);
  }
}

export function createReadyStore(kind: 'classic' | 'quorum', maxPriority: number | undefined): ReadyStore {
  if (kind === 'quorum') return new QuorumStore();
  return maxPriority !== undefined && maxPriority > 0 ? new PriorityStore(maxPriority) : new ClassicStore();
}
