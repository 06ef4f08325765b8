import { describe, expect, it } from 'vitest';
import type { App } from './app';
import { consumerRowParts, publisherRowParts, ROW_LINE, ROW_ROOM, rowLines } from './appRows';
import { nominalApp } from './geometry';

type Consumer = App['consumers'][number];

const consumer = (queue: string, extra: Partial<Consumer> = {}): Consumer =>
  ({ id: 'c', channelId: 'ch', queue, noAck: false, prefetchCount: 1, processingMs: 100, jitterMs: 0, outcome: 'ack', failPercent: 0, failOutcome: 'nack-requeue', priority: 0, exclusive: false, running: true, ...extra }) as Consumer;

const app = (c: Consumer): App => ({ id: 'a', name: 'worker', position: { x: 0, y: 0 }, connections: [{ id: 'conn', channels: [{ id: 'ch', number: 1, prefetchCount: 1, prefetchGlobal: false, confirmSelect: false }] }], publishers: [], consumers: [c] });

describe('app rows wrap between their parts', () => {
  it('a short row takes one line, a long one wraps between its parts, never mid-part', () => {
    expect(rowLines(consumerRowParts(consumer('tasks')))).toBe(1);
    // "← task_queue · manual ack" is wider than the row (the work queues tutorial): two lines
    expect(consumerRowParts(consumer('task_queue'))).toEqual(['← task_queue ·', 'manual ack']);
    expect(rowLines(consumerRowParts(consumer('task_queue')))).toBe(2);
    // stopped: one more part
    expect(rowLines(consumerRowParts(consumer('task_queue', { running: false })))).toBe(2);
    // a queue name wider than the whole row breaks inside it too
    expect(rowLines(['x'.repeat(60)])).toBe(Math.ceil((60 * 10) / ROW_ROOM));
  });

  it("a publisher's row: its keys, then its schedule", () => {
    expect(publisherRowParts({ routingKeys: ['orders.eu.created', 'orders.us.created'], mode: 'rate', ratePerSec: 2, burstCount: 1 } as never)).toEqual(['→ orders.eu.created, orders.us.created ·', '2/s']);
    expect(publisherRowParts({ routingKeys: ['a', 'b', 'c', 'd'], mode: 'manual', ratePerSec: 1, burstCount: 1 } as never, true)).toEqual(['→ a, b, c, …']);
  });

  it("the app's nominal size counts the lines (layouts place nodes with it before they are measured)", () => {
    expect(nominalApp(app(consumer('task_queue'))).height - nominalApp(app(consumer('tasks'))).height).toBe(ROW_LINE);
  });
});
