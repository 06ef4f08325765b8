import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const work = exchange('work', 'direct');
const dlx = exchange('work.dlx', 'fanout');
const workQ = queue('work', { deadLetterExchange: 'work.dlx' });
// no consumer: messages wait here for their TTL, then die back into the work exchange (original key kept)
const retryQ = queue('work.retry', { messageTtl: 3000, deadLetterExchange: 'work' });
const api = producer('orders-api', { exchange: 'work', routingKeys: ['task'], mode: 'rate', ratePerSec: 1, message: { body: 'task #{n}' } });
const worker = consumer('worker', 'work', { prefetchCount: 5, processingMs: 300, failPercent: 50, failOutcome: 'nack-discard' });

/** Retry with a delay: nack without requeue → DLX → a TTL queue that dead-letters back to the work exchange. */
export const deadLetterRetry: GalleryScenario = {
  id: 'dead-letter-retry',
  title: { en: 'Dead-lettering and retry with TTL', es: 'Mensajes muertos y reintento con TTL' },
  summary: {
    en: 'A failed task is nacked without requeue, dead-lettered to a retry queue, and comes back to the work queue when its TTL runs out.',
    es: 'Una tarea fallida recibe nack sin reencolar, pasa como mensaje muerto a una cola de reintento y vuelve a la cola de trabajo cuando expira su TTL.',
  },
  watch: {
    en: 'worker fails half of its tasks and nacks them with requeue=false. Instead of being lost, they are dead-lettered to work.dlx (the x-dead-letter-exchange of work) and wait in work.retry, which nobody consumes. After its x-message-ttl of 3 s a message expires and is dead-lettered again — this time to the work exchange, with its original routing key — so it is back in work for another try. Each trip adds to the x-death header: how often it was rejected in work and expired in work.retry.',
    es: 'worker falla la mitad de sus tareas y les hace nack con requeue=false. En lugar de perderse, pasan como mensajes muertos a work.dlx (el x-dead-letter-exchange de work) y esperan en work.retry, que nadie consume. Tras su x-message-ttl de 3 s el mensaje expira y vuelve a morir, esta vez hacia el exchange work con su clave original, así que regresa a work para otro intento. Cada vuelta suma en la cabecera x-death: cuántas veces se rechazó en work y expiró en work.retry.',
  },
  tryThis: [
    {
      text: {
        en: 'Set worker\'s failures to 100%: every task goes round and round, and the x-death counts grow on each trip (click a message to see them).',
        es: 'Pon los fallos de worker al 100%: cada tarea da vueltas sin fin y los contadores de x-death crecen en cada vuelta (haz clic en un mensaje para verlos).',
      },
    },
    { text: { en: 'Set the failures to 0%: work.retry empties within 3 s.', es: 'Pon los fallos al 0%: work.retry se vacía en 3 s.' } },
    {
      text: {
        en: 'Remove the dead-letter exchange of work: rejected tasks are now simply dropped.',
        es: 'Quita el exchange de mensajes muertos de work: las tareas rechazadas ahora simplemente se descartan.',
      },
    },
  ],
  tags: ['dead-lettering', 'reliability', 'lesson'],
  scenario: scenario({
    title: 'Dead-lettering and retry',
    exchanges: [work, dlx],
    queues: [workQ, retryQ],
    bindings: [bind(work, workQ, 'task'), bind(dlx, retryQ)],
    apps: [api, worker],
    // a ring: work → (DLX) work.dlx below it → work.retry beside it → (DLX, after its TTL) back up to work
    placement: { columns: [{ 'x:work': 0, 'work.retry': 130 }, { 'q:work': -20, 'work.dlx': 150 }] },
  }),
  // retries wait 3 s each: twice real time keeps the story moving
  speed: 2,
  lesson: {
    title: { en: 'Retry through a dead-letter exchange', es: 'Reintentar con un exchange de mensajes muertos' },
    steps: [
      {
        text: {
          en: 'Watch worker reject a task: the nack without requeue dead-letters it from work (reason: rejected).',
          es: 'Observa cómo worker rechaza una tarea: el nack sin reencolar la hace morir en work (motivo: rejected).',
        },
        goal: { type: 'dead-lettered', queue: 'work', reason: 'rejected' },
      },
      {
        text: {
          en: 'Follow it into work.retry: 3 s later its TTL runs out and it is dead-lettered again, back to the work exchange (reason: expired).',
          es: 'Síguela hasta work.retry: 3 s después expira su TTL y vuelve a morir, de vuelta al exchange work (motivo: expired).',
        },
        goal: { type: 'dead-lettered', queue: 'work.retry', reason: 'expired' },
      },
      {
        text: {
          en: 'Wait for a task that has failed twice: it is delivered to worker with an x-death count of 2.',
          es: 'Espera a una tarea que haya fallado dos veces: llega a worker con un contador x-death de 2.',
        },
        goal: { type: 'delivered', queue: 'work', minDeaths: 2 },
      },
      {
        text: {
          en: 'Now break worker: set its "Failures (%)" to 100 in the inspector. Every task goes round and round; watch 8 of them wait in work.retry.',
          es: 'Ahora estropea worker: pon sus "Fallos (%)" a 100 en el inspector. Todas las tareas dan vueltas; observa cómo 8 esperan en work.retry.',
        },
        goal: { type: 'queue-depth', queue: 'work.retry', atLeast: 8 },
      },
      {
        text: {
          en: 'Fix worker: set "Failures (%)" to 0. The waiting tasks come back one last time and succeed: watch work.retry empty.',
          es: 'Arregla worker: pon "Fallos (%)" a 0. Las tareas en espera vuelven una última vez y salen bien: observa cómo se vacía work.retry.',
        },
        goal: { type: 'queue-depth', queue: 'work.retry', atMost: 0 },
      },
    ],
  },
};
