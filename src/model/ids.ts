import { allIds, type Scenario } from './scenario';

/** Id prefixes: nodes, edges and the parts of an app share one namespace (React Flow ids, DOM ids). */
export const ID_PREFIX = {
  exchange: 'x',
  queue: 'q',
  binding: 'b',
  app: 'app',
  connection: 'conn',
  channel: 'ch',
  publisher: 'pub',
  consumer: 'sub',
} as const;
export type IdKind = keyof typeof ID_PREFIX;

/**
 * Deterministic id source: the next number after the highest used with each prefix. No randomness, so
 * the same edits give the same document (tests, shared links, replays).
 */
export class IdSource {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();

  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }

  static for(s: Scenario): IdSource {
    return new IdSource(allIds(s));
  }

  take(kind: IdKind): string {
    const prefix = ID_PREFIX[kind];
    let n = this.next.get(prefix) ?? this.highest(prefix) + 1;
    while (this.taken.has(`${prefix}${n}`)) n++;
    const id = `${prefix}${n}`;
    this.taken.add(id);
    this.next.set(prefix, n + 1);
    return id;
  }

  private highest(prefix: string): number {
    let max = 0;
    const re = new RegExp(`^${prefix}(\\d+)$`);
    for (const id of this.taken) {
      const m = re.exec(id);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return max;
  }
}
