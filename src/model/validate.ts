import { appSchema } from './schemas/app';
import { bindingSchema } from './schemas/binding';
import { exchangeSchema } from './schemas/exchange';
import { checkName } from './names';
import { queueSchema } from './schemas/queue';
import type { Scenario } from './scenario';
import { type DocIssue, type EntityKind, runtimeWarnings } from './warnings';
import { check, type FieldIssue } from './zodIssues';

/**
 * Everything wrong with a document: errors (it breaks a rule RabbitMQ or the editor enforces; the
 * editor's operations never produce them, but imported or restored documents can) and warnings (AMQP
 * accepts it, but the run will show a failure the user may not expect).
 */
export function validateScenario(s: Scenario): DocIssue[] {
  return [...structuralErrors(s), ...runtimeWarnings(s)];
}

function structuralErrors(s: Scenario): DocIssue[] {
  const out: DocIssue[] = [];
  const add = (kind: EntityKind, id: string, issues: FieldIssue[]) => {
    for (const i of issues) out.push({ severity: 'error', kind, id, path: i.path, explanation: i.explanation });
  };
  const seen = new Set<string>();
  const dup = (kind: EntityKind, id: string) => {
    if (seen.has(id)) out.push({ severity: 'error', kind, id, path: ['id'], explanation: { key: 'validation.duplicateId', params: { id } } });
    seen.add(id);
  };
  for (const e of s.exchanges) {
    dup('exchange', e.id);
    const r = check(exchangeSchema, e);
    if (!r.ok) add('exchange', e.id, r.errors);
    const n = checkName(s, 'exchange', e.name, e.id);
    if (n) add('exchange', e.id, [{ path: ['name'], explanation: n }]);
  }
  for (const q of s.queues) {
    dup('queue', q.id);
    const r = check(queueSchema, q);
    if (!r.ok) add('queue', q.id, r.errors);
    const n = checkName(s, 'queue', q.name, q.id);
    if (n) add('queue', q.id, [{ path: ['name'], explanation: n }]);
  }
  for (const a of s.apps) {
    dup('app', a.id);
    const r = check(appSchema, a);
    if (!r.ok) add('app', a.id, r.errors);
    const n = checkName(s, 'app', a.name, a.id);
    if (n) add('app', a.id, [{ path: ['name'], explanation: n }]);
  }
  for (const b of s.bindings) {
    dup('binding', b.id);
    const r = check(bindingSchema, b);
    if (!r.ok) add('binding', b.id, r.errors);
    if (!s.exchanges.some((e) => e.id === b.source)) add('binding', b.id, [{ path: ['source'], explanation: { key: 'op.notFound' } }]);
    const dest = b.destinationType === 'queue' ? s.queues : s.exchanges;
    if (!dest.some((d) => d.id === b.destination)) add('binding', b.id, [{ path: ['destination'], explanation: { key: 'op.notFound' } }]);
  }
  return out;
}
