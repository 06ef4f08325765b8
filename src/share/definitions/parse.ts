import { fail, ok, type Result, type ShareProblem } from '../errors';
import { LIMITS } from '../limits';
import { parseUntrustedJson } from '../safeJson';
import { checkTable, EXCHANGE_ARGUMENT_RULES, POLICY_KEY_RULES, QUEUE_ARGUMENT_RULES, zodProblems } from './rules';
import { type ApplyTo, type RawDefinitions, rawDefinitions, rawOperatorPolicyValue, WARREN_PRODUCT } from './schema';

type Table = Record<string, unknown>;

export interface DefQueue {
  name: string;
  vhost?: string;
  durable: boolean;
  autoDelete: boolean;
  /** `type` (3.9+) or `arguments["x-queue-type"]`; undefined in older and hand-written files. */
  type?: string;
  arguments: Table;
}
export interface DefExchange {
  name: string;
  vhost?: string;
  type: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: Table;
}
export interface DefBinding {
  /** Its place in the file's `bindings` (a binding has no name: the report points to it by this). */
  index: number;
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  vhost?: string;
  arguments: Table;
}
export interface DefPolicy {
  name: string;
  /** Where it is in the file: `policies[2]`, or `parameters[0]` for an operator policy. */
  place: string;
  vhost?: string;
  pattern: string;
  applyTo: ApplyTo;
  definition: Table;
  priority: number;
  /** Operator policies (set by the operator, merged with the user's: the lower numeric value wins). */
  operator: boolean;
}

export interface DefVhost {
  name: string;
  limits: unknown;
  defaultQueueType?: string;
  description?: string;
  tags: string[];
}

/** A definitions file, validated and normalized: the importer never looks at the raw JSON again. */
export interface Definitions {
  product?: string;
  version?: string;
  /** 4.x: `cluster` or `single_virtual_host`. */
  format?: string;
  /** 4.x per-vhost files: the vhost the entities (which carry no `vhost`) came from. */
  originalVhost?: string;
  vhosts: DefVhost[];
  users: { name: string; limits: unknown }[];
  permissions: number;
  topicPermissions: number;
  parameters: { component: string; name: string; vhost?: string; value: unknown }[];
  globalParameters: string[];
  policies: DefPolicy[];
  queues: DefQueue[];
  exchanges: DefExchange[];
  bindings: DefBinding[];
}

/** At most this many problems are listed (a broken 5 MB file could have millions). */
const MAX_PROBLEMS = 200;

/**
 * Validates a whole definitions file before anything is imported: size, depth and dangerous keys first,
 * then every section's shape, then every argument and policy value RabbitMQ would check. All problems
 * are listed with their paths; a file with any is refused entirely (a real broker, by contrast, imports
 * up to the first error and does not roll back).
 */
export function parseDefinitions(text: unknown): Result<Definitions> {
  const parsed = parseUntrustedJson(text, { maxChars: LIMITS.definitionsChars, maxDepth: LIMITS.jsonDepth, tooLarge: 'share.defs.error.tooLarge' });
  return parsed.ok ? parseDefinitionsValue(parsed.value) : parsed;
}

/** The sections whose items are counted before validating (every list a definitions file has). */
const LISTS = ['users', 'vhosts', 'permissions', 'topic_permissions', 'parameters', 'global_parameters', 'policies', 'queues', 'exchanges', 'bindings'] as const;

/**
 * The items a definitions file lists, counted without looking inside them: cheap even for a 20 MB
 * file, so a file too big to validate quickly is refused before validation starts.
 */
export function countDefinitionItems(raw: Record<string, unknown>): number {
  let n = 0;
  for (const k of LISTS) {
    const list = raw[k];
    if (Array.isArray(list)) n += list.length;
  }
  return n;
}

/** parseDefinitions on JSON already parsed with parseUntrustedJson (the file reader parses once). */
export function parseDefinitionsValue(raw: unknown): Result<Definitions> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('share.defs.error.notDefinitions');
  if ('warren' in raw) return fail('share.defs.error.looksLikeWarren');
  const items = countDefinitionItems(raw as Record<string, unknown>);
  if (items > LIMITS.definitionsItems) return fail('share.defs.error.tooManyItems', { count: items, max: LIMITS.definitionsItems });
  const r = rawDefinitions.safeParse(raw, { reportInput: true });
  if (!r.success) return refuse(zodProblems(r.error));
  const d = r.data;
  const problems: ShareProblem[] = [];
  const check = (rules: Parameters<typeof checkTable>[0], table: Table | undefined, path: (string | number)[]) => {
    problems.push(...checkTable(rules, table ?? {}, path));
  };
  for (const [i, q] of (d.queues ?? []).entries()) check(QUEUE_ARGUMENT_RULES, q.arguments, ['queues', i, 'arguments']);
  for (const [i, e] of (d.exchanges ?? []).entries()) check(EXCHANGE_ARGUMENT_RULES, e.arguments, ['exchanges', i, 'arguments']);
  for (const [i, b] of (d.bindings ?? []).entries()) check({}, b.arguments, ['bindings', i, 'arguments']);
  for (const [i, p] of (d.policies ?? []).entries()) check(POLICY_KEY_RULES, p.definition, ['policies', i, 'definition']);
  const operatorPolicies: DefPolicy[] = [];
  d.parameters?.forEach((p, i) => {
    if (p.component !== 'operator_policy') return;
    const v = rawOperatorPolicyValue.safeParse(p.value, { reportInput: true });
    if (!v.success) {
      problems.push(...zodProblems(v.error, ['parameters', i, 'value']));
      return;
    }
    check(POLICY_KEY_RULES, v.data.definition, ['parameters', i, 'value', 'definition']);
    operatorPolicies.push(policy({ name: p.name, vhost: p.vhost, ...v.data }, true, `parameters[${i}]`));
  });
  if (problems.length) return refuse(problems);
  return ok(normalize(d, operatorPolicies));
}

function refuse(problems: ShareProblem[]) {
  return fail('share.defs.error.invalid', { count: problems.length }, problems.slice(0, MAX_PROBLEMS));
}

function policy(p: { name: string; vhost?: string; pattern: string; 'apply-to'?: ApplyTo; definition: Table; priority?: number }, operator: boolean, place: string): DefPolicy {
  return { name: p.name, place, vhost: p.vhost, pattern: p.pattern, applyTo: p['apply-to'] ?? 'all', definition: p.definition, priority: p.priority ?? 0, operator };
}

type RawVhostMetadata = Pick<RawDefinitions, 'limits' | 'metadata' | 'default_queue_type' | 'description' | 'tags'>;

/** Tags are a list in 3.9+ and 4.x, a comma-separated string in older files. */
const tagList = (t: unknown): string[] =>
  Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? t.split(',').map((x) => x.trim()).filter(Boolean) : [];

function defVhost(name: string, v: RawVhostMetadata): DefVhost {
  const description = v.metadata?.description ?? v.description;
  const tags = tagList(v.metadata?.tags ?? v.tags);
  return {
    name,
    limits: v.limits,
    defaultQueueType: v.metadata?.default_queue_type ?? v.default_queue_type,
    ...(typeof description === 'string' && description !== '' ? { description } : {}),
    tags,
  };
}

function normalize(d: RawDefinitions, operatorPolicies: DefPolicy[]): Definitions {
  const queueType = (q: NonNullable<RawDefinitions['queues']>[number]) => {
    const x = q.arguments?.['x-queue-type'];
    return typeof x === 'string' ? x : q.type;
  };
  return {
    product: d.product_name,
    // Warren's own file: its RabbitMQ fields name the broker version whose rules it was written for
    version: (d.product_name === WARREN_PRODUCT ? undefined : d.product_version) ?? d.rabbitmq_version ?? d.rabbit_version,
    format: d.rabbitmq_definition_format,
    originalVhost: d.original_vhost_name,
    vhosts: [
      ...(d.vhosts ?? []).map((v) => defVhost(v.name, v)),
      // a 4.x per-vhost file describes its vhost at the top level
      ...(d.original_vhost_name !== undefined && !d.vhosts?.some((v) => v.name === d.original_vhost_name) ? [defVhost(d.original_vhost_name, d)] : []),
    ],
    users: (d.users ?? []).map((u) => ({ name: u.name, limits: u.limits })),
    permissions: d.permissions?.length ?? 0,
    topicPermissions: d.topic_permissions?.length ?? 0,
    parameters: (d.parameters ?? []).filter((p) => p.component !== 'operator_policy').map((p) => ({ component: p.component, name: p.name, vhost: p.vhost, value: p.value })),
    globalParameters: (d.global_parameters ?? []).map((p) => p.name),
    policies: [...(d.policies ?? []).map((p, i) => policy(p, false, `policies[${i}]`)), ...operatorPolicies],
    queues: (d.queues ?? []).map((q) => ({
      name: q.name,
      vhost: q.vhost,
      // 3.10 requires both on import; a hand-written file without them means what the management UI defaults to
      durable: q.durable ?? true,
      autoDelete: q.auto_delete ?? false,
      type: queueType(q),
      arguments: q.arguments ?? {},
    })),
    exchanges: (d.exchanges ?? []).map((e) => ({
      name: e.name,
      vhost: e.vhost,
      type: e.type,
      durable: e.durable ?? true,
      autoDelete: e.auto_delete ?? false,
      internal: e.internal ?? false,
      arguments: e.arguments ?? {},
    })),
    bindings: (d.bindings ?? []).map((b, index) => ({
      index,
      source: b.source,
      destination: b.destination,
      destinationType: b.destination_type,
      routingKey: b.routing_key ?? '',
      vhost: b.vhost,
      arguments: b.arguments ?? {},
    })),
  };
}
