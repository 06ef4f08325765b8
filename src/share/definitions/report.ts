import type { MessageParams, ShareMessageKey, ShareProblem } from '../errors';
import type { Definitions } from './parse';
import { WARREN_PRODUCT } from './schema';
import { implicitVhostOf, listVhosts, vhostOf } from './vhosts';

/**
 * What an import could not carry over, and what it changed, as data: nothing is dropped silently. The
 * UI groups entries by section and translates each key with its parameters.
 */
export type ReportSection =
  /** how the file was read: which vhost, which RabbitMQ version's rules */
  | 'file'
  /** entities of the file that are not in the scenario (other vhost, stream queue, dangling binding...) */
  | 'notImported'
  /** things RabbitMQ has and a simulation has no use for (users, permissions, limits, parameters...) */
  | 'notModelled'
  /** the file contradicts itself (the same queue twice with different properties) */
  | 'conflict'
  /** what policies changed on imported queues and exchanges */
  | 'policy';

export interface ReportEntry {
  section: ReportSection;
  key: ShareMessageKey;
  params: MessageParams;
  /** Why an entity was refused, field by field. */
  problems?: ShareProblem[];
}

export interface ImportReport {
  vhost: string;
  imported: { exchanges: number; queues: number; bindings: number };
  entries: ReportEntry[];
  /**
   * Set when a real RabbitMQ would refuse the file (an invalid policy pattern, an operator policy it
   * does not accept): what and where its import would stop. Warren imports it only if the person
   * chooses to; the same text is the first entry.
   */
  refusal?: { key: ShareMessageKey; params: MessageParams };
}

/** A value of a foreign table, shown as text (short). */
export function showValue(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `{ "max-connections": 10 }` or `[["max-connections", 10]]` (3.10 writes both) -> "max-connections=10". */
function showLimits(limits: unknown): string {
  const pairs = Array.isArray(limits) ? limits.filter((p): p is [string, unknown] => Array.isArray(p) && p.length === 2) : isObj(limits) ? Object.entries(limits) : [];
  return pairs.map(([k, v]) => `${k}=${showValue(v)}`).join(', ');
}

/** Everything in the file besides the chosen vhost's exchanges, queues, bindings and policies. */
export function fileLevelEntries(d: Definitions, vhost: string): ReportEntry[] {
  const out: ReportEntry[] = [];
  const add = (section: ReportSection, key: ShareMessageKey, params: MessageParams = {}) => out.push({ section, key, params });
  // Which broker wrote the file says how it was read (its version's rules), it is not content the
  // import lost; Warren's own export gets no line about itself.
  if ((d.product !== undefined || d.version !== undefined) && d.product !== WARREN_PRODUCT) add('file', 'share.defs.report.metadata', { product: d.product ?? 'RabbitMQ', version: d.version ?? '?' });
  const implicit = implicitVhostOf(d);
  if (implicit.from === 'named' && implicit.name === vhost) add('file', 'share.defs.report.perVhostFile', { vhost });
  if (d.users.length) add('notModelled', 'share.defs.report.users', { count: d.users.length, names: d.users.map((u) => u.name).join(', ') });
  for (const u of d.users) {
    const limits = showLimits(u.limits);
    if (limits) add('notModelled', 'share.defs.report.userLimits', { user: u.name, limits });
  }
  if (d.permissions) add('notModelled', 'share.defs.report.permissions', { count: d.permissions });
  if (d.topicPermissions) add('notModelled', 'share.defs.report.topicPermissions', { count: d.topicPermissions });
  for (const v of d.vhosts) {
    const metadata = [
      ...(v.description !== undefined ? [`description ${JSON.stringify(showValue(v.description))}`] : []),
      ...(v.tags.length ? [`tags ${v.tags.join(', ')}`] : []),
      ...(v.defaultQueueType !== undefined ? [`default queue type ${v.defaultQueueType}`] : []),
    ];
    if (metadata.length && v.name === vhost) add('notModelled', 'share.defs.report.vhostMetadata', { vhost: v.name, metadata: metadata.join(', ') });
  }
  const limitsShown = new Set<string>();
  for (const v of d.vhosts) {
    const limits = showLimits(v.limits);
    if (limits) {
      limitsShown.add(v.name);
      add('notModelled', 'share.defs.report.vhostLimits', { vhost: v.name, limits });
    }
  }
  for (const p of d.parameters) {
    const pv = vhostOf(d, p);
    // 3.10 writes vhost limits twice: on the vhost and as a "vhost-limits" parameter
    if (p.component === 'vhost-limits' && limitsShown.has(pv)) continue;
    if (p.component === 'vhost-limits') add('notModelled', 'share.defs.report.vhostLimits', { vhost: pv, limits: showLimits(p.value) });
    else add('notModelled', 'share.defs.report.parameter', { component: p.component, name: p.name, vhost: pv });
  }
  for (const name of d.globalParameters) add('notModelled', 'share.defs.report.globalParameter', { name });
  for (const v of listVhosts(d)) {
    const count = v.exchanges + v.queues + v.bindings + v.policies;
    if (v.name !== vhost && count > 0) add('notImported', 'share.defs.report.otherVhost', { vhost: v.name, count });
  }
  return out;
}
