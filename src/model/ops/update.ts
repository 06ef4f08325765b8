import type { App } from '../app';
import { type Binding, sameBinding } from '../binding';
import type { Exchange } from '../exchange';
import { checkName } from '../names';
import type { Queue, QueueArguments } from '../queue';
import { type BrokerSettings, DESCRIPTION_MAX, type Scenario, TITLE_MAX } from '../scenario';
import { appSchema } from '../schemas/app';
import { bindingSchema } from '../schemas/binding';
import { exchangeSchema } from '../schemas/exchange';
import { queueSchema } from '../schemas/queue';
import { brokerSettingsSchema, scenarioShape } from '../schemas/scenario';
import { check } from '../zodIssues';
import { compact, type OpResult, refuse, replaceById } from './result';

export type ExchangePatch = Partial<Omit<Exchange, 'id'>>;
/** `arguments` is merged into the queue's arguments; a key set to undefined is removed. */
export type QueuePatch = Partial<Omit<Queue, 'id' | 'arguments'>> & { arguments?: Partial<QueueArguments> };
export type BindingPatch = Partial<Pick<Binding, 'routingKey' | 'arguments'>>;

const notFound = (path: string) => refuse([path], { key: 'op.notFound' });

/**
 * Edits an exchange. Renaming follows the name everywhere the editor wrote it (publishers, alternate
 * exchanges, dead-letter exchanges), as a user who renames a box on the canvas expects; bindings use ids.
 */
export function updateExchange(s: Scenario, id: string, patch: ExchangePatch): OpResult {
  const old = s.exchanges.find((e) => e.id === id);
  if (!old) return notFound('id');
  const r = check(exchangeSchema, compact({ ...old, ...patch }));
  if (!r.ok) return r;
  const next = r.value;
  if (next.name !== old.name) {
    const bad = checkName(s, 'exchange', next.name, id);
    if (bad) return refuse(['name'], bad);
  }
  let doc: Scenario = { ...s, exchanges: replaceById(s.exchanges, id, next) };
  if (next.name !== old.name) doc = renameExchangeReferences(doc, old.name, next.name);
  return { ok: true, doc };
}

function renameExchangeReferences(s: Scenario, from: string, to: string): Scenario {
  return {
    ...s,
    exchanges: s.exchanges.map((e) => (e.alternateExchange === from ? { ...e, alternateExchange: to } : e)),
    queues: s.queues.map((q) =>
      q.arguments.deadLetterExchange === from ? { ...q, arguments: { ...q.arguments, deadLetterExchange: to } } : q,
    ),
    apps: s.apps.map((a) =>
      a.publishers.some((p) => p.exchange === from)
        ? { ...a, publishers: a.publishers.map((p) => (p.exchange === from ? { ...p, exchange: to } : p)) }
        : a,
    ),
  };
}

/** Edits a queue; renaming moves its consumers along (they consume by name). */
export function updateQueue(s: Scenario, id: string, patch: QueuePatch): OpResult {
  const old = s.queues.find((q) => q.id === id);
  if (!old) return notFound('id');
  const candidate = compact({ ...old, ...patch, arguments: compact({ ...old.arguments, ...(patch.arguments ?? {}) }) });
  const r = check(queueSchema, candidate);
  if (!r.ok) return r;
  const next = { ...r.value, arguments: compact(r.value.arguments) };
  if (next.name !== old.name) {
    const bad = checkName(s, 'queue', next.name, id);
    if (bad) return refuse(['name'], bad);
  }
  let doc: Scenario = { ...s, queues: replaceById(s.queues, id, next) };
  if (next.name !== old.name) {
    doc = {
      ...doc,
      apps: doc.apps.map((a) =>
        a.consumers.some((c) => c.queue === old.name)
          ? { ...a, consumers: a.consumers.map((c) => (c.queue === old.name ? { ...c, queue: next.name } : c)) }
          : a,
      ),
    };
  }
  return { ok: true, doc };
}

/** Edits a binding's key or arguments. An identical binding already existing is refused (AMQP would merge them). */
export function updateBinding(s: Scenario, id: string, patch: BindingPatch): OpResult {
  const old = s.bindings.find((b) => b.id === id);
  if (!old) return notFound('id');
  const r = check(bindingSchema, { ...old, ...patch });
  if (!r.ok) return r;
  if (s.bindings.some((b) => b.id !== id && sameBinding(b, r.value))) {
    return refuse(['routingKey'], { key: 'connect.duplicateBinding' });
  }
  return { ok: true, doc: { ...s, bindings: replaceById(s.bindings, id, r.value) } };
}

/** Renames an app (its connections, channels and clients are edited in appClients.ts). */
export function updateApp(s: Scenario, id: string, patch: { name?: string }): OpResult {
  const old = s.apps.find((a) => a.id === id);
  if (!old) return notFound('id');
  if (patch.name !== undefined && patch.name !== old.name) {
    const bad = checkName(s, 'app', patch.name, id);
    if (bad) return refuse(['name'], bad);
  }
  return replaceApp(s, { ...old, ...patch });
}

/** Validates a whole app (channel references, numbers) and puts it in place. */
export function replaceApp(s: Scenario, app: App): OpResult {
  const r = check(appSchema, app);
  if (!r.ok) return r;
  return { ok: true, doc: { ...s, apps: replaceById(s.apps, app.id, r.value) } };
}

export function updateBroker(s: Scenario, patch: Partial<BrokerSettings>): OpResult {
  const r = check(brokerSettingsSchema, { ...s.broker, ...patch });
  if (!r.ok) return r;
  return { ok: true, doc: { ...s, broker: r.value } };
}

export type ScenarioInfoPatch = Partial<Pick<Scenario, 'title' | 'description' | 'seed'>>;

/**
 * Names and describes the scenario, or changes its seed. The title is trimmed; an empty description
 * is left out. Returns the same document when nothing changes (no undo step).
 */
export function updateScenarioInfo(s: Scenario, patch: ScenarioInfoPatch): OpResult {
  const title = patch.title === undefined ? s.title : patch.title.trim();
  if (title.length > TITLE_MAX) return refuse(['title'], { key: 'validation.textTooLong', params: { max: TITLE_MAX } });
  const description = patch.description === undefined ? s.description : patch.description.trim() === '' ? undefined : patch.description;
  if (description !== undefined && description.length > DESCRIPTION_MAX) {
    return refuse(['description'], { key: 'validation.textTooLong', params: { max: DESCRIPTION_MAX } });
  }
  const seed = patch.seed ?? s.seed;
  const r = check(scenarioShape.pick({ seed: true }), { seed });
  if (!r.ok) return r;
  if (title === s.title && description === s.description && seed === s.seed) return { ok: true, doc: s };
  const { description: _old, ...rest } = s;
  return { ok: true, doc: { ...rest, title, seed, ...(description === undefined ? {} : { description }) } };
}
