import { consumer, producer, publisherId, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const bulk = producer('bulk-import', { routingKeys: ['jobs'], mode: 'rate', ratePerSec: 1.5, message: { body: 'bulk #{n}', priority: 1 } });
const vip = producer('vip-orders', { routingKeys: ['jobs'], mode: 'rate', ratePerSec: 0.4, message: { body: 'VIP #{n}', priority: 9 } });
const worker = consumer('worker', 'jobs', { prefetchCount: 1, processingMs: 500 });

/** x-max-priority: higher-priority messages overtake the backlog. */
export const priorityQueue: GalleryScenario = {
  id: 'priority-queue',
  title: { en: 'Priority queue', es: 'Cola con prioridades' },
  summary: {
    en: 'VIP messages (priority 9) overtake a growing backlog of bulk messages (priority 1) in a queue declared with x-max-priority.',
    es: 'Los mensajes VIP (prioridad 9) adelantan a una cola creciente de mensajes masivos (prioridad 1) en una cola declarada con x-max-priority.',
  },
  watch: {
    en: 'jobs is declared with x-max-priority 10, so it keeps one sub-queue per priority and always delivers from the highest non-empty one. bulk-import floods it faster than worker can process, and the backlog grows — yet each VIP message is delivered next, ahead of every bulk message waiting. Prefetch 1 matters: a message already sent to the consumer cannot be overtaken, so a large prefetch would blunt priorities.',
    es: 'jobs se declara con x-max-priority 10: mantiene una subcola por prioridad y siempre entrega de la más alta que no esté vacía. bulk-import la inunda más deprisa de lo que worker procesa y la cola crece; aun así, cada mensaje VIP se entrega el siguiente, por delante de todos los masivos en espera. El prefetch 1 importa: un mensaje ya enviado al consumidor no puede ser adelantado, así que un prefetch grande diluiría las prioridades.',
  },
  tryThis: [
    {
      text: { en: 'Send a burst of 20 bulk messages: the next VIP message still goes first.', es: 'Envía una ráfaga de 20 mensajes masivos: el siguiente VIP sigue pasando primero.' },
      action: { type: 'burst', publisher: publisherId(bulk), count: 20 },
    },
    {
      text: {
        en: 'Set worker\'s Prefetch to 50: the backlog moves into the consumer\'s buffer, where it is first come, first served, and VIP messages wait their turn.',
        es: 'Pon el Prefetch de worker a 50: la cola pasa al búfer del consumidor, donde se atiende por orden de llegada, y los VIP esperan su turno.',
      },
    },
    {
      text: {
        en: 'Clear "Max priority" on jobs: AMQP cannot change a queue\'s arguments, so it is deleted (its waiting jobs are lost) and declared again as a plain FIFO queue, where priorities are ignored.',
        es: 'Vacía "Prioridad máxima" en jobs: AMQP no permite cambiar los argumentos de una cola, así que se borra (se pierden los trabajos en espera) y se declara de nuevo como una cola FIFO normal, donde las prioridades se ignoran.',
      },
    },
  ],
  tags: ['queues', 'consumers'],
  scenario: scenario({ title: 'Priority queue', showDefaultExchange: true, queues: [queue('jobs', { maxPriority: 10 })], apps: [bulk, vip, worker], placement: { columns: [{ '': 0, jobs: 140 }] } }),
};
