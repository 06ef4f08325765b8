import { type App, type Consumer, emptyScenario, type Publisher, type Queue, type Scenario } from '../model';

/**
 * Scenario fixtures built from plain model data, for tests and benchmarks of the simulation
 * (not imported by the app).
 */
export function queue(id: string, name: string, extra: Partial<Queue> = {}): Queue {
  return { id, name, durable: true, exclusive: false, autoDelete: false, arguments: { queueType: 'classic' }, position: { x: 0, y: 0 }, ...extra };
}

export function publisherApp(id: string, name: string, pub: Partial<Publisher> = {}, channel: Partial<App['connections'][number]['channels'][number]> = {}): App {
  return {
    id,
    name,
    position: { x: 0, y: 0 },
    connections: [{ id: `${id}-conn`, channels: [{ id: `${id}-ch`, number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false, ...channel }] }],
    publishers: [
      {
        id: `${id}-pub`,
        channelId: `${id}-ch`,
        exchange: '',
        routingKeys: [''],
        keyOrder: 'round-robin',
        mode: 'manual',
        ratePerSec: 1,
        burstCount: 10,
        message: { body: 'msg {n}', deliveryMode: 2, headers: {} },
        mandatory: false,
        confirms: false,
        waitForConfirms: 'no',
        confirmBatchSize: 100,
        ...pub,
      },
    ],
    consumers: [],
  };
}

export function consumerApp(id: string, name: string, con: Partial<Consumer> = {}): App {
  return {
    id,
    name,
    position: { x: 0, y: 0 },
    connections: [{ id: `${id}-conn`, channels: [{ id: `${id}-ch`, number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false }] }],
    publishers: [],
    consumers: [
      {
        id: `${id}-sub`,
        channelId: `${id}-ch`,
        queue: '',
        noAck: false,
        prefetchCount: 1,
        processingMs: 100,
        msPerDot: 0,
        jitterMs: 0,
        outcome: 'ack',
        failPercent: 0,
        failOutcome: 'nack-requeue',
        priority: 0,
        exclusive: false,
        running: true,
        replyToRequests: false,
        ...con,
      },
    ],
  };
}

/** One producer publishing to queue "work" through the default exchange, `n` consumers on it. */
export function workQueue(opts: { rate?: number; consumers?: number; prefetch?: number; processingMs?: number; latency?: number; seed?: number; jitterMs?: number } = {}): Scenario {
  const s = emptyScenario(opts.seed ?? 1);
  s.broker = { showDefaultExchange: true, hopLatencyMs: opts.latency ?? 50 };
  s.queues = [queue('q-work', 'work')];
  s.apps = [publisherApp('app-p', 'producer', { routingKeys: ['work'], mode: opts.rate ? 'rate' : 'manual', ratePerSec: opts.rate ?? 1 })];
  for (let i = 0; i < (opts.consumers ?? 2); i++) {
    s.apps.push(consumerApp(`app-c${i + 1}`, `worker-${i + 1}`, { queue: 'work', prefetchCount: opts.prefetch ?? 1, processingMs: opts.processingMs ?? 100, jitterMs: opts.jitterMs ?? 0 }));
  }
  return s;
}
