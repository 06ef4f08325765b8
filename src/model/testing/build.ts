import { addNode, type PaletteKind } from '../ops/add';
import { applyConnection } from '../ops/connect';
import { checkConnection } from '../ops/connectPlan';
import { emptyScenario, type Scenario } from '../scenario';

/**
 * A tiny builder for tests: the same operations the editor uses, so fixtures are documents the editor
 * could have produced. Not imported by production code.
 */
export class Build {
  doc: Scenario = emptyScenario();
  private y = 0;

  add(kind: PaletteKind, name?: string): string {
    this.y += 120;
    const r = addNode(this.doc, kind, { x: kind === 'producer' ? -400 : kind === 'consumer' ? 800 : 200, y: this.y });
    this.doc = r.doc;
    if (name) this.rename(r.id, name);
    return r.id;
  }

  private rename(id: string, name: string) {
    const patch = <T extends { id: string; name: string }>(list: T[]) => list.map((x) => (x.id === id ? { ...x, name } : x));
    this.doc = { ...this.doc, exchanges: patch(this.doc.exchanges), queues: patch(this.doc.queues), apps: patch(this.doc.apps) };
  }

  connect(source: string, target: string, routingKey = '', sourceHandle?: string): this {
    const plan = checkConnection(this.doc, { node: source, handle: sourceHandle }, { node: target });
    if (plan.action === 'refuse') throw new Error(`refused: ${plan.reason.key}`);
    const r = applyConnection(this.doc, plan, { routingKey, arguments: {} });
    if (!r.ok) throw new Error(`failed: ${JSON.stringify(r.errors)}`);
    this.doc = r.doc;
    return this;
  }
}

/** producer "p" -> exchange "logs" (topic) -> queues "errors" (key "*.error") and "all" ("#") -> consumer "c" on "errors". */
export function logsTopology() {
  const b = new Build();
  const p = b.add('producer', 'p');
  const logs = b.add('exchange', 'logs');
  b.doc = { ...b.doc, exchanges: b.doc.exchanges.map((e) => (e.id === logs ? { ...e, type: 'topic' as const } : e)) };
  const errors = b.add('queue', 'errors');
  const all = b.add('queue', 'all');
  const c = b.add('consumer', 'c');
  b.connect(p, logs).connect(logs, errors, '*.error').connect(logs, all, '#').connect(errors, c);
  return { doc: b.doc, p, logs, errors, all, c, build: b };
}
