import {
  amqpToQueueArguments,
  type Binding,
  bindingArgumentsSchema,
  SHORTSTR_MAX_BYTES,
  EXCHANGE_TYPES,
  type Exchange,
  emptyScenario,
  exchangeSchema,
  IdSource,
  isReservedName,
  predeclaredExchange,
  type Queue,
  queueSchema,
  type Scenario,
  toFieldIssues,
  utf8Length,
  validateScenario,
} from '../../model';
import { fail, type MessageParams, ok, type Result, type ShareMessageKey, type ShareProblem } from '../errors';
import { LIMITS } from '../limits';
import { formatPath } from '../safeJson';
import type { DefBinding, DefExchange, DefQueue, Definitions } from './parse';
import { applyQueuePolicy, type CompiledPolicy, choosePolicy, compilePolicies, MODELLED_QUEUE_POLICY_KEYS, mergePolicies, type PolicyChoice, type PolicyTarget, type QueueKind } from './policies';
import { layoutImported } from './layout';
import { brokerRefusal, policyRefused } from './refusal';
import { fileLevelEntries, type ImportReport, type ReportEntry, type ReportSection, showValue } from './report';
import { defaultVhost, listVhosts, vhostOf } from './vhosts';

export interface DefinitionsImport {
  scenario: Scenario;
  report: ImportReport;
}

const isPredeclared = (name: string) => name === '' || isReservedName(name);
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const problemsOf = (error: Parameters<typeof toFieldIssues>[0]): ShareProblem[] =>
  toFieldIssues(error).map((i) => ({ ...i.explanation, path: formatPath(i.path) }));

/**
 * Turns one vhost of a validated definitions file into a scenario: its exchanges, queues (with the
 * effective policies folded into their arguments, as RabbitMQ computes them) and bindings, laid out
 * tidily. Whatever cannot be carried over is listed in the report, never dropped silently. Returns an
 * error only for a vhost the file does not have.
 */
export function importDefinitions(d: Definitions, opts: { vhost?: string } = {}): Result<DefinitionsImport> {
  const vhost = opts.vhost ?? defaultVhost(d);
  if (!listVhosts(d).some((v) => v.name === vhost)) return fail('share.defs.error.unknownVhost', { vhost });
  const entries: ReportEntry[] = fileLevelEntries(d, vhost);
  const add = (section: ReportSection, key: ShareMessageKey, params: MessageParams, problems?: ShareProblem[]) =>
    entries.push(problems?.length ? { section, key, params, problems } : { section, key, params });
  const mine = <T extends { vhost?: string }>(list: T[]) => list.filter((e) => vhostOf(d, e) === vhost);
  const ids = new IdSource([]);
  // Bounded like any scenario (see LIMITS): what a teaching canvas can hold, and cheap to validate.
  const nodes = mine(d.exchanges).length + mine(d.queues).length;
  if (nodes > LIMITS.scenarioNodes) return fail('share.error.tooManyNodes', { count: nodes, max: LIMITS.scenarioNodes });
  if (mine(d.bindings).length > LIMITS.scenarioBindings) return fail('share.error.tooManyBindings', { count: mine(d.bindings).length, max: LIMITS.scenarioBindings });

  // What RabbitMQ itself would refuse comes first: the whole file, and where its import would stop.
  const refusal = brokerRefusal(d);
  if (refusal) entries.unshift({ section: 'file', ...refusal });
  // Policies: patterns compiled once; keys Warren cannot simulate listed once per policy. A policy
  // RabbitMQ refuses is not applied (it would never exist on the broker).
  const refused = mine(d.policies).filter(policyRefused);
  for (const p of refused) add('policy', 'share.defs.report.policyRefused', { policy: p.name });
  const { usable, unusable } = compilePolicies(mine(d.policies).filter((p) => !policyRefused(p)));
  for (const { policy: p } of unusable) add('policy', 'share.defs.report.policyUnsupportedPattern', { policy: p.name, pattern: p.pattern });
  for (const p of mine(d.policies).filter((x) => !policyRefused(x))) {
    const keys = Object.keys(p.definition).filter((k) => !MODELLED_QUEUE_POLICY_KEYS.has(k) && k !== 'alternate-exchange');
    if (keys.length) add('notModelled', 'share.defs.report.policyNotModelled', { policy: p.name, keys: keys.join(', ') });
  }
  const choose = (target: PolicyTarget, operator: boolean): PolicyChoice => {
    const c = choosePolicy(usable, target, operator);
    for (const { policy, keys } of c.disqualified) add('policy', 'share.defs.report.policyDisqualified', { policy: policy.name, target: target.name, keys: keys.join(', ') });
    if (c.policy && c.tie.length) add('policy', 'share.defs.report.policyTie', { target: target.name, chosen: c.policy.name, others: c.tie.map((p) => p.name).join(', ') });
    return c;
  };

  /** Entities seen by name: the first one is kept; a different second one is a conflict. */
  const firstSeen = <T extends { name: string }>(list: T[], conflictKey: ShareMessageKey): T[] => {
    const seen = new Map<string, T>();
    for (const e of list) {
      const prev = seen.get(e.name);
      if (!prev) seen.set(e.name, e);
      else if (!sameJson(prev, e)) add('conflict', conflictKey, { name: e.name });
    }
    return [...seen.values()];
  };

  const skipped = new Set<string>(); // "exchange:name" / "queue:name" of entities in the file but not imported
  const exchanges: Exchange[] = [];
  for (const e of firstSeen(mine(d.exchanges), 'share.defs.report.duplicateExchange')) {
    const ex = importExchange(e, ids, choose, add);
    if (ex) exchanges.push(ex);
    else skipped.add(`exchange:${e.name}`);
  }
  const queues: Queue[] = [];
  const defaultType = defaultQueueTypeRule(d, vhost, mine(d.queues), add);
  for (const q of firstSeen(mine(d.queues), 'share.defs.report.duplicateQueue')) {
    const queue = importQueue(q, defaultType, ids, choose, add);
    if (queue) queues.push(queue);
    else skipped.add(`queue:${q.name}`);
  }
  const bindings: Binding[] = [];
  const seenBindings = new Set<string>(); // identical bindings are one binding in AMQP
  const context: BindingContext = { exchanges, queues, skipped, ids, add, fromRabbit: d.version !== undefined || d.product !== undefined };
  for (const b of mine(d.bindings)) {
    const binding = importBinding(b, context);
    const key = binding && JSON.stringify([binding.source, binding.destination, binding.destinationType, binding.routingKey, Object.entries(binding.arguments).sort()]);
    if (binding && key && !seenBindings.has(key)) {
      seenBindings.add(key);
      bindings.push(binding);
    }
  }

  const scenario = layoutImported({ ...emptyScenario(), exchanges, queues, bindings });
  // Every piece was validated on its own; this proves the whole is a document the editor accepts.
  const errors = validateScenario(scenario).filter((i) => i.severity === 'error');
  if (errors.length) return fail('share.error.invalidScenario', { count: errors.length }, errors.map((i) => ({ ...i.explanation, path: formatPath([i.kind, i.id, ...i.path]) })));
  const imported = { exchanges: exchanges.length, queues: queues.length, bindings: bindings.length };
  return ok({ scenario, report: { vhost, imported, entries, ...(refusal ? { refusal } : {}) } });
}

type Add = (section: ReportSection, key: ShareMessageKey, params: MessageParams, problems?: ShareProblem[]) => void;

/** The major version the file says it came from (`product_version`, `rabbitmq_version`...), if any. */
function majorVersion(d: Definitions): number | undefined {
  const m = d.version === undefined ? null : /^(\d+)\./.exec(d.version);
  return m ? Number(m[1]) : undefined;
}

/**
 * The type of a queue declared without one. A vhost's default queue type (`default_queue_type` in its
 * metadata) is ignored by RabbitMQ 3.10 for such a queue, which is classic (checked on 3.10.8), and
 * applied by 4.x. Warren follows the version the file says it came from (4.x when it says none) and
 * reports which rule it used, when a queue without a type is concerned.
 */
function defaultQueueTypeRule(d: Definitions, vhost: string, queues: DefQueue[], add: Add): string | undefined {
  const type = d.vhosts.find((v) => v.name === vhost)?.defaultQueueType;
  const count = queues.filter((q) => q.type === undefined).length;
  if (type === undefined || count === 0) return undefined;
  const major = majorVersion(d);
  if (major === undefined) {
    add('file', 'share.defs.report.defaultQueueTypeUnknown', { vhost, type, count });
    return type;
  }
  add('file', major >= 4 ? 'share.defs.report.defaultQueueType4' : 'share.defs.report.defaultQueueType3', { vhost, type, version: d.version!, count });
  return major >= 4 ? type : undefined;
}
type Choose = (target: PolicyTarget, operator: boolean) => PolicyChoice;

function importExchange(e: DefExchange, ids: IdSource, choose: Choose, add: Add): Exchange | null {
  if (isPredeclared(e.name)) {
    add('notImported', 'share.defs.report.predeclaredExchange', { name: e.name });
    return null;
  }
  if (!(EXCHANGE_TYPES as readonly string[]).includes(e.type)) {
    add('notImported', 'share.defs.report.unknownExchangeType', { name: e.name, type: e.type });
    return null;
  }
  for (const [argument, value] of Object.entries(e.arguments)) {
    if (argument !== 'alternate-exchange') add('notModelled', 'share.defs.report.exchangeArgument', { exchange: e.name, argument, value: showValue(value) });
  }
  let alternate = e.arguments['alternate-exchange'] as string | undefined;
  const policy = choose({ kind: 'exchange', name: e.name }, false).policy;
  const policyAe = policy?.definition['alternate-exchange'];
  if (policy && typeof policyAe === 'string') {
    // the exchange's own argument wins over the policy (reference table)
    if (alternate === undefined) {
      alternate = policyAe;
      add('policy', 'share.defs.report.policyApplied', { policy: policy.name, target: e.name, values: `alternate-exchange=${policyAe}` });
    } else if (alternate !== policyAe) {
      add('policy', 'share.defs.report.policyKeptArgument', { policy: policy.name, target: e.name, key: 'alternate-exchange', argument: alternate, policyValue: policyAe });
    }
  }
  const candidate = { id: ids.take('exchange'), name: e.name, type: e.type, durable: e.durable, autoDelete: e.autoDelete, internal: e.internal, ...(alternate === undefined ? {} : { alternateExchange: alternate }) };
  const r = exchangeSchema.safeParse(candidate);
  if (r.success) return r.data;
  add('notImported', 'share.defs.report.invalidExchange', { name: e.name }, problemsOf(r.error));
  return null;
}

function importQueue(q: DefQueue, defaultType: string | undefined, ids: IdSource, choose: Choose, add: Add): Queue | null {
  const type = q.type ?? defaultType ?? 'classic';
  if (type === 'stream') return importStream(q, ids, add);
  if (type !== 'classic' && type !== 'quorum') {
    add('notImported', 'share.defs.report.invalidQueue', { name: q.name }, [{ key: 'share.problem.unknownValue', params: { options: 'classic, quorum, stream' }, path: 'type' }]);
    return null;
  }
  const target: PolicyTarget = { kind: 'queue', name: q.name, queueType: type as QueueKind };
  const user = choose(target, false).policy;
  const operator = choose(target, true).policy;
  const effect = applyQueuePolicy(q.arguments, type, mergePolicies(user, operator));
  const byPolicy = new Map<CompiledPolicy, string[]>();
  for (const a of effect.applied) byPolicy.set(a.policy, [...(byPolicy.get(a.policy) ?? []), `${a.key}=${showValue(a.value)}`]);
  for (const [p, values] of byPolicy) {
    add('policy', p.operator ? 'share.defs.report.operatorPolicyApplied' : 'share.defs.report.policyApplied', { policy: p.name, target: q.name, values: values.join(', ') });
  }
  for (const k of effect.keptArgument) {
    add('policy', 'share.defs.report.policyKeptArgument', { policy: k.policy.name, target: q.name, key: k.key, argument: showValue(k.argument), policyValue: showValue(k.policyValue) });
  }
  const args: Record<string, unknown> = { ...effect.arguments, 'x-queue-type': type };
  // A policy may set a dead-letter routing key without an exchange (RabbitMQ then never uses it); the
  // model, like queue.declare, refuses that pair, so the key is dropped and said so.
  const fromPolicy = effect.applied.find((a) => a.key === 'dead-letter-routing-key');
  if (fromPolicy && args['x-dead-letter-exchange'] === undefined) {
    delete args['x-dead-letter-routing-key'];
    add('policy', 'share.defs.report.policyDroppedKey', { policy: fromPolicy.policy.name, target: q.name, key: 'dead-letter-routing-key' });
  }
  const mapped = amqpToQueueArguments(args);
  for (const u of mapped.unmapped) add('notModelled', 'share.defs.report.queueArgument', { queue: q.name, argument: u.name, value: showValue(u.value) });
  const r = queueSchema.safeParse({ id: ids.take('queue'), name: q.name, durable: q.durable, exclusive: false, autoDelete: q.autoDelete, arguments: mapped.arguments });
  if (r.success) return r.data;
  add('notImported', 'share.defs.report.invalidQueue', { name: q.name }, problemsOf(r.error));
  return null;
}

/**
 * A stream is drawn (its bindings too) so the topology the person knows stays recognisable, marked
 * "not simulated yet" (the model's stream queue type: never declared on the simulated broker).
 * Policies are not folded into it: a stream's policy keys (max-age, segment size) are not modelled.
 */
function importStream(q: DefQueue, ids: IdSource, add: Add): Queue | null {
  add('notModelled', 'share.defs.report.streamQueue', { name: q.name });
  const mapped = amqpToQueueArguments({ ...q.arguments, 'x-queue-type': 'stream' });
  for (const u of mapped.unmapped) add('notModelled', 'share.defs.report.queueArgument', { queue: q.name, argument: u.name, value: showValue(u.value) });
  const r = queueSchema.safeParse({ id: ids.take('queue'), name: q.name, durable: q.durable, exclusive: false, autoDelete: q.autoDelete, arguments: mapped.arguments });
  if (r.success) return r.data;
  add('notImported', 'share.defs.report.invalidQueue', { name: q.name }, problemsOf(r.error));
  return null;
}

interface BindingContext {
  exchanges: Exchange[];
  queues: Queue[];
  /** "exchange:name" / "queue:name" of entities in the file but not imported */
  skipped: Set<string>;
  ids: IdSource;
  add: Add;
  /** The file says it was written by RabbitMQ (a version key): its export's known gaps explain a dangling binding. */
  fromRabbit: boolean;
}

/**
 * The exchange a binding names: one of the file's, or a predeclared exchange (amq.topic...), drawn
 * the first time a binding uses it, with the broker's own properties.
 */
function bindingExchange(name: string, c: BindingContext): Exchange | undefined {
  const found = c.exchanges.find((e) => e.name === name);
  if (found) return found;
  const pre = predeclaredExchange(name);
  if (!pre) return undefined;
  const e: Exchange = { id: c.ids.take('exchange'), name: pre.name, type: pre.type, durable: true, autoDelete: false, internal: false, position: { x: 0, y: 0 } };
  c.exchanges.push(e);
  return e;
}

function importBinding(b: DefBinding, c: BindingContext): Binding | null {
  const { add, ids } = c;
  const params = { source: b.source, destination: b.destination, key: b.routingKey };
  // amq.topic and the like are real routing paths (drawn as predeclared exchanges); the default
  // exchange takes no bindings, and amq.rabbitmq.* (tracing, logging) are not simulated
  for (const [end, isExchange] of [[b.source, true], [b.destination, b.destinationType === 'exchange']] as const) {
    if (isExchange && isPredeclared(end) && !predeclaredExchange(end)) {
      add('notImported', 'share.defs.report.predeclaredSource', { ...params, exchange: end });
      return null;
    }
  }
  const source = bindingExchange(b.source, c);
  const dest = b.destinationType === 'queue' ? c.queues.find((q) => q.name === b.destination) : bindingExchange(b.destination, c);
  for (const [end, found, kind] of [[b.source, source, 'exchange'], [b.destination, dest, b.destinationType]] as const) {
    if (found) continue;
    const key = c.skipped.has(`${kind}:${end}`) ? 'share.defs.report.bindingSkipped' : c.fromRabbit ? 'share.defs.report.danglingBinding' : 'share.defs.report.danglingBindingHand';
    add('notImported', key, { ...params, missing: end });
    return null;
  }
  // queue.bind carries the key as an AMQP short string (255 bytes at most), so no client can make such
  // a binding; RabbitMQ 3.10.8's definitions import accepts one all the same (checked on a real broker).
  const bytes = utf8Length(b.routingKey);
  if (bytes > SHORTSTR_MAX_BYTES) {
    add('notImported', 'share.defs.report.longRoutingKey', { place: `bindings[${b.index}]`, source: b.source, destination: b.destination, bytes, max: SHORTSTR_MAX_BYTES });
    return null;
  }
  const args = bindingArgumentsSchema.safeParse(b.arguments);
  if (!args.success) {
    add('notImported', 'share.defs.report.bindingArgument', params, problemsOf(args.error));
    return null;
  }
  return { id: ids.take('binding'), source: source!.id, destination: dest!.id, destinationType: b.destinationType, routingKey: b.routingKey, arguments: args.data };
}
