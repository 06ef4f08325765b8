import { fixture, imported } from '../testing/definitions';
import { describe, expect, it } from 'vitest';
import { type DefinitionsImport, importDefinitionsText, listVhosts, parseDefinitions } from '.';
import { workQueues } from '../testing/fixtures';
import { exportDefinitions } from './exporter';
import type { ReportEntry } from './report';

const entries = (r: DefinitionsImport, key: string): ReportEntry['params'][] => r.report.entries.filter((e) => e.key === `share.defs.report.${key}`).map((e) => e.params);
const queue = (r: DefinitionsImport, name: string) => r.scenario.queues.find((q) => q.name === name);

describe('importing RabbitMQ 3.10.8 export_definitions (recorded from a real broker)', () => {
  const r = imported(fixture('rabbitmq-3.10.8-export.json'));

  it('imports the user exchanges, classic and quorum queues, and the bindings it can', () => {
    expect(r.report.vhost).toBe('/');
    expect(r.scenario.exchanges.map((e) => [e.name, e.type, e.durable, e.autoDelete])).toEqual([
      ['unrouted', 'fanout', true, false],
      ['transient-x', 'direct', false, true],
      ['dlx', 'direct', true, false],
      ['orders', 'topic', true, false],
      ['amq.topic', 'topic', true, false], // predeclared, drawn because a binding uses it
    ]);
    expect(r.scenario.queues.map((q) => q.name)).toEqual(['audit', 'orders.retry', '<script>alert(1)</script>', 'orders.work', 'events.stream', 'lost']);
    const name = (id: string) => [...r.scenario.exchanges, ...r.scenario.queues].find((x) => x.id === id)?.name;
    expect(r.scenario.bindings.map((b) => `${name(b.source)} -${b.routingKey}-> ${name(b.destination)}`)).toEqual([
      'amq.topic -audit.*-> audit',
      'dlx -retry-> orders.retry',
      'orders -#-> events.stream',
      'orders -order.created-> orders.work',
      'unrouted --> lost',
    ]);
    expect(r.report.imported).toEqual({ exchanges: 5, queues: 6, bindings: 5 });
  });

  it('folds policies and operator policies into the arguments as RabbitMQ computes them', () => {
    // effective policies checked on the broker (rabbit_policy:effective_definition/1)
    expect(queue(r, 'orders.work')!.arguments).toEqual({ queueType: 'quorum', deliveryLimit: 5, deadLetterExchange: 'dlx', messageTtl: 5000, maxLength: 100 });
    expect(queue(r, 'orders.retry')!.arguments).toEqual({ queueType: 'classic', messageTtl: 5000, maxLength: 100, overflow: 'reject-publish', deadLetterExchange: 'orders' });
    expect(queue(r, 'audit')!.arguments).toEqual({ queueType: 'classic', maxPriority: 10, singleActiveConsumer: true, maxLength: 500 });
    expect(r.scenario.exchanges.find((e) => e.name === 'orders')!.alternateExchange).toBe('unrouted');
    expect(entries(r, 'operatorPolicyApplied')).toEqual([{ policy: 'opcap', target: 'orders.work', values: 'message-ttl=5000, max-length=100' }]);
    expect(entries(r, 'policyApplied')).toEqual([{ policy: 'lazy-audit', target: 'audit', values: 'max-length=500' }]);
    expect(entries(r, 'policyKeptArgument')).toEqual([
      { policy: 'ae-all', target: 'orders', key: 'alternate-exchange', argument: 'unrouted', policyValue: 'other-ae' },
      { policy: 'ttl', target: 'orders.retry', key: 'dead-letter-exchange', argument: 'orders', policyValue: 'dlx' },
    ]);
  });

  it('lists everything it could not carry over', () => {
    const keys = r.report.entries.map((e) => `${e.section} ${e.key.replace('share.defs.report.', '')}`);
    expect(keys).toEqual([
      'file metadata',
      'notModelled users',
      'notModelled userLimits',
      'notModelled permissions',
      'notModelled topicPermissions',
      'notModelled vhostMetadata',
      'notModelled vhostLimits',
      'notModelled globalParameter',
      'notModelled policyNotModelled',
      'policy policyKeptArgument',
      'policy policyApplied',
      'notModelled queueArgument',
      'policy policyKeptArgument',
      'policy operatorPolicyApplied',
      'notModelled streamQueue',
      'notModelled queueArgument',
      'notImported danglingBinding',
      'notImported danglingBinding',
    ]);
    expect(entries(r, 'users')).toEqual([{ count: 2, names: 'alice, guest' }]);
    expect(entries(r, 'vhostLimits')).toEqual([{ vhost: 'other', limits: 'max-connections=10' }]);
    expect(entries(r, 'queueArgument')).toEqual([
      { queue: 'audit', argument: 'x-queue-mode', value: 'lazy' },
      { queue: 'events.stream', argument: 'x-max-age', value: '7D' },
    ]);
    // 3.10 leaves the internal exchange out but keeps both of its bindings
    expect(entries(r, 'danglingBinding').map((p) => p.missing)).toEqual(['routing-internal', 'routing-internal']);
  });

  it('keeps names with markup verbatim, as data', () => {
    expect(queue(r, '<script>alert(1)</script>')).toBeDefined();
  });
});

describe('importing the other shapes', () => {
  it('3.6: tags as strings, no queue types, ha policies listed as not modelled', () => {
    const r = imported(fixture('rabbitmq-3.6.json'));
    expect(r.scenario.queues.map((q) => [q.name, q.arguments])).toEqual([
      ['hello', { queueType: 'classic' }],
      ['task_queue', { queueType: 'classic', maxPriority: 5 }],
    ]);
    expect(r.scenario.bindings).toHaveLength(1);
    expect(entries(r, 'policyNotModelled')).toEqual([{ policy: 'ha-all', keys: 'ha-mode, ha-sync-mode' }]);
    expect(entries(r, 'metadata')).toEqual([{ product: 'RabbitMQ', version: '3.6.16' }]);
  });

  it('4.x per-vhost download: no vhost fields, the vhost default queue type, apply-to by queue type, plugin exchange types', () => {
    const text = fixture('rabbitmq-4.1-vhost.json');
    const d = parseDefinitions(text);
    expect(d.ok && listVhosts(d.value).map((v) => v.name)).toEqual(['shop']);
    const r = imported(text);
    expect(r.report.vhost).toBe('shop');
    // quorum: delivery-limit takes the lower value, overflow the policy's, the DLX comes from the policy
    expect(queue(r, 'orders.created')!.arguments).toEqual({ queueType: 'quorum', deliveryLimit: 10, overflow: 'reject-publish', deadLetterExchange: 'dlx' });
    // no type anywhere: the vhost's default queue type (quorum) applies, and so does the quorum-only policy
    expect(queue(r, 'orders.notify')!.arguments).toEqual({ queueType: 'quorum', deliveryLimit: 10, overflow: 'reject-publish', deadLetterExchange: 'dlx' });
    expect(queue(r, 'cache-refresh')).toMatchObject({ durable: false, autoDelete: true, arguments: { queueType: 'classic', expires: 600000, messageTtl: 30000 } });
    expect(entries(r, 'unknownExchangeType')).toEqual([{ name: 'delayed', type: 'x-delayed-message' }]);
    expect(entries(r, 'bindingSkipped')).toEqual([{ source: 'delayed', destination: 'orders.notify', key: 'later', missing: 'delayed' }]);
    expect(entries(r, 'vhostLimits')).toEqual([{ vhost: 'shop', limits: 'max-queues=100' }]);
  });

  it('hand-written: defaults for missing keys, duplicates, predeclared exchanges, list-valued headers, dangling bindings', () => {
    const r = imported(fixture('hand-written.json'));
    expect(r.scenario.queues.map((q) => [q.name, q.durable, q.arguments])).toEqual([['emails', true, { queueType: 'classic' }]]);
    expect(entries(r, 'duplicateQueue')).toEqual([{ name: 'emails' }]);
    const invalid = r.report.entries.find((e) => e.key === 'share.defs.report.invalidQueue')!;
    expect(invalid.params).toEqual({ name: 'sms' });
    expect(invalid.problems).toEqual([{ key: 'validation.dlrkNeedsDlx', path: 'arguments.deadLetterRoutingKey' }]);
    expect(entries(r, 'predeclaredExchange')).toEqual([{ name: 'amq.direct' }]);
    expect(entries(r, 'bindingArgument')).toEqual([]);
    // a list value is matched whole, as RabbitMQ does; the exact duplicate is one binding
    expect(r.scenario.bindings.map((b) => b.arguments)).toEqual([{ 'x-match': 'all', channel: 'email', lang: ['en', 'es'] }, { 'x-match': 'all', channel: 'email' }]);
    // a hand-written file: the queue is not in it (RabbitMQ's export is not to blame)
    expect(entries(r, 'danglingBindingHand')).toEqual([{ source: 'notifications', destination: 'amq.gen-Xyz123', key: '', missing: 'amq.gen-Xyz123' }]);
    expect(entries(r, 'users')).toEqual([{ count: 1, names: 'admin' }]);
    expect(entries(r, 'metadata')).toEqual([]);
  });

  it('several vhosts: lists them, imports the chosen one, reports the others', () => {
    const text = fixture('multi-vhost.json');
    const d = parseDefinitions(text);
    expect(d.ok && listVhosts(d.value)).toEqual([
      { name: '/', exchanges: 0, queues: 0, bindings: 0, policies: 0 },
      { name: 'prod', exchanges: 1, queues: 2, bindings: 1, policies: 4 },
      { name: 'staging', exchanges: 0, queues: 1, bindings: 0, policies: 0 },
    ]);
    expect(imported(text).scenario.queues).toEqual([]);
    const prod = imported(text, 'prod');
    expect(queue(prod, 'work')!.arguments).toEqual({ queueType: 'classic', maxLength: 1000, overflow: 'reject-publish' });
    expect(entries(prod, 'policyTie')).toEqual([{ target: 'work', chosen: 'limit', others: 'limit-b' }]);
    expect(entries(prod, 'policyUnsupportedPattern')).toEqual([
      { policy: 'evil', pattern: '(a+)+$' },
      { policy: 'pcre-only', pattern: '(?i)WORK' },
    ]);
    expect(entries(prod, 'otherVhost')).toEqual([{ vhost: 'staging', count: 1 }]);
    expect(entries(prod, 'parameter')).toEqual([{ component: 'federation-upstream', name: 'origin', vhost: 'prod' }]);
    expect(entries(prod, 'globalParameter')).toEqual([{ name: 'cluster_name' }]);
    expect(importDefinitionsText(text, { vhost: 'nope' })).toEqual({ ok: false, error: { key: 'share.defs.error.unknownVhost', params: { vhost: 'nope' } } });
  });

  it('lays out what it imports, left to right', () => {
    const r = imported(fixture('rabbitmq-3.10.8-export.json'));
    const orders = r.scenario.exchanges.find((e) => e.name === 'orders')!;
    expect(orders.position.x).toBeLessThan(queue(r, 'orders.work')!.position.x);
    const spots = new Set([...r.scenario.exchanges, ...r.scenario.queues].map((n) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(r.scenario.exchanges.length + r.scenario.queues.length);
  });

  it('lays out big imports on a grid (the tidy layout would take seconds), exchanges left of queues', () => {
    const text = JSON.stringify({
      exchanges: Array.from({ length: 30 }, (_, i) => ({ name: `x${i}`, type: 'fanout' })),
      queues: Array.from({ length: 400 }, (_, i) => ({ name: `q${i}` })),
      bindings: Array.from({ length: 400 }, (_, i) => ({ source: `x${i % 30}`, destination: `q${i}`, destination_type: 'queue' })),
    });
    const r = imported(text);
    const nodes = [...r.scenario.exchanges, ...r.scenario.queues];
    expect(new Set(nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(430);
    const rightmostExchange = Math.max(...r.scenario.exchanges.map((e) => e.position.x));
    expect(Math.min(...r.scenario.queues.map((q) => q.position.x))).toBeGreaterThan(rightmostExchange);
  });
});

describe('which program wrote the file', () => {
  it("Warren's own export re-imports without a line about its own metadata", () => {
    const doc = { ...workQueues(), apps: [] };
    const r = imported(exportDefinitions(doc).text);
    expect(r.report.entries).toEqual([]);
    expect(r.scenario.queues.map((q) => q.name)).toEqual(['task_queue']);
  });

  it("a real broker's version is information on how the file was read, not content the import lost", () => {
    for (const [name, version] of [['rabbitmq-3.10.8-export.json', '3.10.8'], ['rabbitmq-3.6.json', '3.6.16'], ['rabbitmq-4.1-vhost.json', '4.1.0']]) {
      const r = imported(fixture(name!));
      const lines = r.report.entries.filter((e) => e.key === 'share.defs.report.metadata');
      expect(lines).toEqual([{ section: 'file', key: 'share.defs.report.metadata', params: { product: 'RabbitMQ', version } }]);
    }
  });
});
