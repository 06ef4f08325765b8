import { bind, consumer, consumerId, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const jobs = exchange('jobs', 'fanout');
const limited = queue('jobs.prefetch-1');
const unlimited = queue('jobs.unlimited');
const dispatcher = producer('dispatcher', { exchange: 'jobs', routingKeys: [''], mode: 'rate', ratePerSec: 1.5, message: { body: 'job #{n}' } });
const slowUnlimited = consumer('slow-unlimited', 'jobs.unlimited', { prefetchCount: 0, processingMs: 3000 });
const apps = [
  dispatcher,
  consumer('fast-1', 'jobs.prefetch-1', { prefetchCount: 1, processingMs: 150 }),
  consumer('slow-1', 'jobs.prefetch-1', { prefetchCount: 1, processingMs: 3000 }),
  consumer('fast-unlimited', 'jobs.unlimited', { prefetchCount: 0, processingMs: 150 }),
  slowUnlimited,
];

/** The same load on two queues: consumers with prefetch 1 on one, with no prefetch limit on the other. */
export const prefetchCompare: GalleryScenario = {
  id: 'prefetch-compare',
  title: { en: 'Prefetch 1 vs unlimited', es: 'Prefetch 1 frente a ilimitado' },
  summary: {
    en: 'Side by side: a fast and a slow consumer share a queue, with prefetch 1 on one side and no limit on the other.',
    es: 'Lado a lado: un consumidor rápido y uno lento comparten una cola, con prefetch 1 en un lado y sin límite en el otro.',
  },
  watch: {
    en: 'The fanout exchange gives both queues the same jobs. On jobs.prefetch-1 each consumer may hold one unacked message, so a job goes to whoever is free: fast-1 does most of them and nothing waits long. On jobs.unlimited (prefetch 0) RabbitMQ pushes every job out at once, round-robin: slow-unlimited gets half of them and hoards a growing pile of unacked jobs it will take ages to process, while fast-unlimited sits idle.',
    es: 'El exchange fanout da los mismos trabajos a las dos colas. En jobs.prefetch-1 cada consumidor puede tener un mensaje sin confirmar, así que el trabajo va a quien esté libre: fast-1 hace la mayoría y nada espera mucho. En jobs.unlimited (prefetch 0) RabbitMQ reparte cada trabajo en cuanto llega, por turnos: slow-unlimited recibe la mitad y acumula una pila creciente de trabajos sin confirmar que tardará muchísimo en procesar, mientras fast-unlimited está ocioso.',
  },
  tryThis: [
    {
      text: {
        en: 'Crash slow-unlimited: every job it hoarded goes back to the queue (redelivered) and fast-unlimited clears them in seconds.',
        es: 'Haz fallar slow-unlimited: todos los trabajos que acaparaba vuelven a la cola (redelivered) y fast-unlimited los despacha en segundos.',
      },
      action: { type: 'consumer-crash', consumer: consumerId(slowUnlimited) },
    },
    {
      text: {
        en: 'Set Prefetch to 10 on both consumers of jobs.unlimited: a middle ground — fewer round trips, a bounded pile.',
        es: 'Pon Prefetch a 10 en los dos consumidores de jobs.unlimited: un término medio, menos idas y vueltas y una pila acotada.',
      },
    },
    {
      text: {
        en: 'Raise the hop latency in the broker settings: with prefetch 1 each consumer waits a full round trip between jobs, so throughput drops.',
        es: 'Sube la latencia por salto en los ajustes del broker: con prefetch 1 cada consumidor espera una ida y vuelta completa entre trabajos, y el rendimiento cae.',
      },
    },
  ],
  tags: ['consumers', 'performance'],
  scenario: scenario({ title: 'Prefetch 1 vs unlimited', hopLatencyMs: 200, exchanges: [jobs], queues: [limited, unlimited], bindings: [bind(jobs, limited), bind(jobs, unlimited)], apps, placement: { columns: [{ jobs: 140 }, { 'jobs.prefetch-1': 20, 'jobs.unlimited': 260 }] } }),
};
