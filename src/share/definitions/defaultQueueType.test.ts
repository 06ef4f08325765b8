import { fixture, imported, reportEntry } from '../testing/definitions';
import { describe, expect, it } from 'vitest';
import type { DefinitionsImport } from '.';

const typeOf = (r: DefinitionsImport, name: string) => r.scenario.queues.find((q) => q.name === name)?.arguments.queueType;

describe('a vhost default queue type, by the version the file says it came from', () => {
  it('RabbitMQ 3.10 ignores it for a queue declared without a type: classic (checked on 3.10.8)', () => {
    const r = imported(fixture('rabbitmq-3.10-default-queue-type.json'));
    expect(typeOf(r, 'q1')).toBe('classic');
    expect(reportEntry(r, 'defaultQueueType3')).toEqual({ section: 'file', key: 'share.defs.report.defaultQueueType3', params: { vhost: 'shop', type: 'quorum', version: '3.10.8', count: 1 } });
    expect(reportEntry(r, 'vhostMetadata')?.params).toEqual({ vhost: 'shop', metadata: 'description "d", tags x, default queue type quorum' });
  });

  it('RabbitMQ 4.x applies it: quorum', () => {
    const r = imported(fixture('rabbitmq-4.1-vhost.json'));
    expect(typeOf(r, 'orders.notify')).toBe('quorum');
    expect(reportEntry(r, 'defaultQueueType4')?.params).toEqual({ vhost: 'shop', type: 'quorum', version: '4.1.0', count: 1 });
    expect(reportEntry(r, 'vhostMetadata')?.params).toEqual({ vhost: 'shop', metadata: 'description "Shop", tags prod, default queue type quorum' });
  });

  it('a file that does not say: the 4.x rule, and the report says so', () => {
    const r = imported(JSON.stringify({ vhosts: [{ name: 'v', metadata: { default_queue_type: 'quorum' } }], queues: [{ name: 'q', vhost: 'v' }] }));
    expect(typeOf(r, 'q')).toBe('quorum');
    expect(reportEntry(r, 'defaultQueueTypeUnknown')?.params).toEqual({ vhost: 'v', type: 'quorum', count: 1 });
  });

  it('says nothing about it when every queue has a type', () => {
    const text = fixture('rabbitmq-3.10-default-queue-type.json').replace('"arguments": {}', '"arguments": {"x-queue-type": "classic"}');
    expect(imported(text).report.entries.filter((e) => e.key.startsWith('share.defs.report.defaultQueueType'))).toEqual([]);
  });
});
