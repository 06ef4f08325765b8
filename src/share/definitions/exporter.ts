import { type AmqpTable, exchangeArgumentsToAmqp, predeclaredExchange, queueArgumentsToAmqp, type Scenario } from '../../model';
import type { ReportEntry } from './report';
import { WARREN_PRODUCT } from './schema';

export { WARREN_PRODUCT };

export interface ExportOptions {
  /** The vhost every entity is written to (default "/"). */
  vhost?: string;
  /** Written as rabbit_version / rabbitmq_version (default: the version these files were checked on). */
  rabbitVersion?: string;
  /**
   * Also create a user with full permissions on the vhost. Off by default: a topology should not carry
   * credentials. The password is written in plain text; RabbitMQ hashes it on import.
   */
  user?: { name: string; password: string; tags?: string[] };
}

type Table = AmqpTable;

export interface ExportedDefinitions {
  rabbit_version: string;
  rabbitmq_version: string;
  /**
   * Which program wrote the file, as RabbitMQ's HTTP export names itself ("RabbitMQ"); RabbitMQ ignores
   * it on import. Warren's importer knows its own file by it and reports nothing about its metadata.
   */
  product_name: typeof WARREN_PRODUCT;
  users: { name: string; password: string; tags: string[] }[];
  vhosts: { name: string }[];
  permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
  topic_permissions: never[];
  parameters: never[];
  global_parameters: never[];
  policies: never[];
  queues: { name: string; vhost: string; durable: boolean; auto_delete: boolean; type: string; arguments: Table }[];
  exchanges: { name: string; vhost: string; type: string; durable: boolean; auto_delete: boolean; internal: boolean; arguments: Table }[];
  bindings: { source: string; vhost: string; destination: string; destination_type: 'queue' | 'exchange'; routing_key: string; arguments: Table }[];
}

export interface DefinitionsExport {
  definitions: ExportedDefinitions;
  /** Pretty JSON, ready for `rabbitmqctl import_definitions` or the management UI's upload. */
  text: string;
  /** What is not in the file and why. */
  report: ReportEntry[];
}

/**
 * A scenario's broker side as a definitions file that RabbitMQ 3.10 imports: `vhost` on every entity,
 * `durable` and `auto_delete` always written (3.10 has no defaults for them), arguments under their
 * x- names, bindings with `destination_type`. Checked with `rabbitmqctl import_definitions` on 3.10.8.
 * Exclusive queues belong to the connection that declares them, so they (and their bindings) are left
 * out, as RabbitMQ's own export leaves them out, and the report names each; apps are programs, not
 * definitions. Predeclared exchanges drawn on the canvas are not written (every broker has them).
 */
export function exportDefinitions(s: Scenario, opts: ExportOptions = {}): DefinitionsExport {
  const vhost = opts.vhost ?? '/';
  const version = opts.rabbitVersion ?? '3.10.8';
  const report: ReportEntry[] = [];
  const exported = s.queues.filter((q) => {
    if (q.exclusive) report.push({ section: 'notImported', key: 'share.defs.export.exclusiveQueue', params: { name: q.name } });
    return !q.exclusive;
  });
  const exchangeName = new Map(s.exchanges.map((e) => [e.id, e.name]));
  const queueName = new Map(exported.map((q) => [q.id, q.name]));
  for (const b of s.bindings) {
    const q = b.destinationType === 'queue' ? s.queues.find((x) => x.id === b.destination) : undefined;
    if (q?.exclusive) report.push({ section: 'notImported', key: 'share.defs.export.exclusiveBinding', params: { source: exchangeName.get(b.source) ?? '', destination: q.name, key: b.routingKey } });
  }
  if (s.apps.length) report.push({ section: 'notImported', key: 'share.defs.export.apps', params: { count: s.apps.length } });
  const user = opts.user;
  const definitions: ExportedDefinitions = {
    rabbit_version: version,
    rabbitmq_version: version,
    product_name: WARREN_PRODUCT,
    users: user ? [{ name: user.name, password: user.password, tags: user.tags ?? [] }] : [],
    vhosts: [{ name: vhost }],
    permissions: user ? [{ user: user.name, vhost, configure: '.*', write: '.*', read: '.*' }] : [],
    topic_permissions: [],
    parameters: [],
    global_parameters: [],
    policies: [],
    queues: exported.map((q) => ({
      name: q.name,
      vhost,
      durable: q.durable,
      auto_delete: q.autoDelete,
      type: q.arguments.queueType,
      arguments: queueArgumentsToAmqp(q),
    })),
    // every broker has amq.topic and the like (and 3.10 skips them on import): only their bindings go
    exchanges: s.exchanges.filter((e) => !predeclaredExchange(e.name)).map((e) => ({
      name: e.name,
      vhost,
      type: e.type,
      durable: e.durable,
      auto_delete: e.autoDelete,
      internal: e.internal,
      arguments: exchangeArgumentsToAmqp(e),
    })),
    bindings: s.bindings.flatMap((b) => {
      const source = exchangeName.get(b.source);
      const destination = b.destinationType === 'queue' ? queueName.get(b.destination) : exchangeName.get(b.destination);
      if (source === undefined || destination === undefined) return [];
      return [{ source, vhost, destination, destination_type: b.destinationType, routing_key: b.routingKey, arguments: { ...b.arguments } }];
    }),
  };
  return { definitions, text: `${JSON.stringify(definitions, null, 2)}\n`, report };
}
