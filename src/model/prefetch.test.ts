import { describe, expect, it } from 'vitest';
import type { App } from './app';
import { effectivePrefetch } from './prefetch';

function app(channel: { prefetchCount: number; prefetchGlobal: boolean }, consumer: { prefetchCount: number; noAck?: boolean }): App {
  return {
    id: 'a',
    name: 'worker',
    position: { x: 0, y: 0 },
    connections: [{ id: 'conn', channels: [{ id: 'ch', number: 1, confirmSelect: false, ...channel }] }],
    publishers: [],
    consumers: [
      {
        id: 'c', channelId: 'ch', queue: 'q', noAck: consumer.noAck ?? false, prefetchCount: consumer.prefetchCount, processingMs: 100, msPerDot: 0, jitterMs: 0,
        outcome: 'ack', failPercent: 0, failOutcome: 'nack-requeue', priority: 0, exclusive: false, running: true, replyToRequests: false,
      },
    ],
  };
}

describe('the prefetch that applies to a consumer', () => {
  it("is the consumer's own when the channel's qos is per consumer (global=false): the channel's was only a default", () => {
    expect(effectivePrefetch(app({ prefetchCount: 0, prefetchGlobal: false }, { prefetchCount: 1 }), 'c')).toEqual({ limit: 1, own: 1, shared: 0, channelDefault: 0, noAck: false });
    expect(effectivePrefetch(app({ prefetchCount: 50, prefetchGlobal: false }, { prefetchCount: 2 }), 'c')).toMatchObject({ limit: 2, channelDefault: 50 });
    expect(effectivePrefetch(app({ prefetchCount: 50, prefetchGlobal: false }, { prefetchCount: 0 }), 'c')).toMatchObject({ limit: 0 });
  });

  it('is the lower of its own and the channel\'s shared limit (global=true), whichever is reached first', () => {
    expect(effectivePrefetch(app({ prefetchCount: 5, prefetchGlobal: true }, { prefetchCount: 10 }), 'c')).toMatchObject({ limit: 5, own: 10, shared: 5 });
    expect(effectivePrefetch(app({ prefetchCount: 5, prefetchGlobal: true }, { prefetchCount: 0 }), 'c')).toMatchObject({ limit: 5 });
    expect(effectivePrefetch(app({ prefetchCount: 5, prefetchGlobal: true }, { prefetchCount: 2 }), 'c')).toMatchObject({ limit: 2 });
  });

  it('is none for an auto-ack consumer', () => {
    expect(effectivePrefetch(app({ prefetchCount: 5, prefetchGlobal: true }, { prefetchCount: 2, noAck: true }), 'c')).toMatchObject({ limit: 0, noAck: true });
  });
});
