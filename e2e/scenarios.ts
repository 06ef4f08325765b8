/**
 * Scenario documents for the simulation specs, loaded the way a returning user's work is: from
 * the autosave in localStorage (src/store/persistence.ts). They are plain scenario JSON, as the
 * editor writes it; restoring validates them like any saved document.
 */
const channel = (id: string) => ({ id, number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false });

function consumer(app: string, x: number, y: number, extra: Record<string, unknown> = {}) {
  return {
    id: `app-${app}`,
    name: app,
    position: { x, y },
    connections: [{ id: `conn-${app}`, channels: [channel(`ch-${app}`)] }],
    publishers: [],
    consumers: [
      {
        id: `sub-${app}`,
        channelId: `ch-${app}`,
        queue: 'work',
        noAck: false,
        prefetchCount: 1,
        processingMs: 400,
        jitterMs: 0,
        outcome: 'ack',
        failPercent: 0,
        failOutcome: 'nack-requeue',
        priority: 0,
        exclusive: false,
        running: true,
        ...extra,
      },
    ],
  };
}

export interface WorkQueueOptions {
  mode?: 'manual' | 'rate';
  rate?: number;
  prefetch?: number;
  processingMs?: number;
  jitterMs?: number;
  latency?: number;
  /** the workers do not start with the run */
  stopped?: boolean;
  /** "work" dead-letters through the default exchange to a queue "dead" */
  deadLetter?: boolean;
}

/** producer → exchange "tasks" (direct) → queue "work" (key "work") → worker1, worker2. */
export function workQueue(opts: WorkQueueOptions = {}) {
  const worker = { prefetchCount: opts.prefetch ?? 1, processingMs: opts.processingMs ?? 400, jitterMs: opts.jitterMs ?? 0, running: !opts.stopped };
  const workArgs = opts.deadLetter ? { queueType: 'classic', deadLetterExchange: '', deadLetterRoutingKey: 'dead' } : { queueType: 'classic' };
  const dead = { id: 'q-dead', name: 'dead', durable: true, exclusive: false, autoDelete: false, arguments: { queueType: 'classic' }, position: { x: 470, y: 300 } };
  return {
    version: 1,
    title: 'Work queue',
    seed: 7,
    broker: { showDefaultExchange: false, hopLatencyMs: opts.latency ?? 100 },
    exchanges: [{ id: 'x-tasks', name: 'tasks', type: 'direct', durable: true, autoDelete: false, internal: false, arguments: {}, position: { x: 240, y: 160 } }],
    queues: [{ id: 'q-work', name: 'work', durable: true, exclusive: false, autoDelete: false, arguments: workArgs, position: { x: 470, y: 160 } }, ...(opts.deadLetter ? [dead] : [])],
    bindings: [{ id: 'b-work', source: 'x-tasks', destination: 'q-work', destinationType: 'queue', routingKey: 'work', arguments: {} }],
    apps: [
      {
        id: 'app-producer',
        name: 'producer',
        position: { x: -40, y: 160 },
        connections: [{ id: 'conn-producer', channels: [channel('ch-producer')] }],
        publishers: [
          {
            id: 'pub-producer',
            channelId: 'ch-producer',
            exchange: 'tasks',
            routingKeys: ['work'],
            keyOrder: 'round-robin',
            mode: opts.mode ?? 'rate',
            ratePerSec: opts.rate ?? 4,
            burstCount: 10,
            message: { body: 'task {n}', deliveryMode: 2, headers: {} },
            mandatory: false,
            confirms: false,
          },
        ],
        consumers: [],
      },
      consumer('worker1', 760, 60, worker),
      consumer('worker2', 760, 280, worker),
    ],
  };
}
