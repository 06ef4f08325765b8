import { describe, expect, it } from 'vitest';
import { channelConsumes } from '../app';
import { DEFAULT_CONSUMER_PREFETCH } from '../clients';
import { consumerSchema } from '../schemas/clients';
import { emptyScenario } from '../scenario';
import { addNode } from './add';
import { addConsumer, updateConsumer } from './appClients';
import { applyFix } from './connect';

describe('a new consumer, however it is created', () => {
  const palette = addNode(emptyScenario(), 'consumer', { x: 0, y: 0 });
  const app = palette.doc.apps[0]!;

  it('gets the same prefetch: from the palette (drag, click or key), the inspector, a line to a queue, a restored file', () => {
    expect(DEFAULT_CONSUMER_PREFETCH).toBe(10);
    const prefetches: number[] = [app.consumers[0]!.prefetchCount];
    const producer = addNode(palette.doc, 'producer', { x: 0, y: 300 });
    const inspector = addConsumer(producer.doc, producer.id);
    if (!inspector.ok) throw new Error('addConsumer');
    prefetches.push(inspector.doc.apps[1]!.consumers[0]!.prefetchCount);
    const fix = applyFix(producer.doc, { kind: 'addConsumer', appId: producer.id, queueName: 'orders', label: { key: 'connect.fix.addConsumer', params: { app: 'producer1' } } });
    if (!fix.ok) throw new Error('applyFix');
    prefetches.push(fix.doc.apps[1]!.consumers[0]!.prefetchCount);
    prefetches.push(consumerSchema.parse({ id: 'c', channelId: 'ch' }).prefetchCount);
    expect(prefetches).toEqual([DEFAULT_CONSUMER_PREFETCH, DEFAULT_CONSUMER_PREFETCH, DEFAULT_CONSUMER_PREFETCH, DEFAULT_CONSUMER_PREFETCH]);
  });

  it('is not a broker consumer until it subscribes to a queue: its channel shows no prefetch before', () => {
    const channelId = app.connections[0]!.channels[0]!.id;
    expect(channelConsumes(app, channelId)).toBe(false);
    const subscribed = updateConsumer(palette.doc, app.id, app.consumers[0]!.id, { queue: 'orders' });
    if (!subscribed.ok) throw new Error('updateConsumer');
    expect(channelConsumes(subscribed.doc.apps[0]!, channelId)).toBe(true);
  });
});
