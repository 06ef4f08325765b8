import { consumer, consumerId, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const api = producer('order-api', { routingKeys: ['orders'], mode: 'rate', ratePerSec: 1.5, message: { body: 'order #{n}' } });
const worker1 = consumer('worker-1', 'orders', { prefetchCount: 3, processingMs: 1500 });
const worker2 = consumer('worker-2', 'orders', { prefetchCount: 3, processingMs: 1500 });

/** At-least-once delivery: what a consumer held unacked comes back, flagged redelivered, when it dies. */
export const consumerCrash: GalleryScenario = {
  id: 'consumer-crash',
  title: { en: 'Consumer crash and redelivery', es: 'Caída de un consumidor y reentrega' },
  summary: {
    en: 'Crash a worker that holds unacked messages: the broker requeues them, flagged redelivered, and the other worker gets them.',
    es: 'Haz caer un worker que tiene mensajes sin confirmar: el broker los reencola, marcados como redelivered, y los recibe el otro worker.',
  },
  watch: {
    en: 'Each worker may hold up to 3 unacked messages (prefetch 3): one being processed, two waiting in its buffer. A message is only removed from the queue when the ack reaches the broker. When a worker\'s connection dies without acking, the broker puts every message it held back in the queue with the redelivered flag set, and delivers them to the other worker — at-least-once delivery: a redelivered message may already have been processed once, so consumers should be idempotent.',
    es: 'Cada worker puede tener hasta 3 mensajes sin confirmar (prefetch 3): uno en proceso y dos esperando en su búfer. Un mensaje solo sale de la cola cuando el ack llega al broker. Cuando la conexión de un worker muere sin confirmar, el broker devuelve a la cola todos los mensajes que tenía, con la marca redelivered, y se los entrega al otro worker: entrega al-menos-una-vez; un mensaje reentregado puede haberse procesado ya una vez, así que los consumidores deben ser idempotentes.',
  },
  tryThis: [
    {
      text: { en: 'Crash worker-1: the messages it held reappear in orders and go to worker-2, flagged redelivered.', es: 'Haz fallar worker-1: los mensajes que tenía reaparecen en orders y van a worker-2, marcados como redelivered.' },
      action: { type: 'consumer-crash', consumer: consumerId(worker1) },
    },
    {
      text: { en: 'Start worker-1 again: it takes its share of new messages.', es: 'Vuelve a arrancar worker-1: recibe su parte de los mensajes nuevos.' },
      action: { type: 'consumer-start', consumer: consumerId(worker1) },
    },
    {
      text: {
        en: 'Tick "Auto-ack (no-ack)" on worker-2, then crash it: what it held is lost for good — the broker forgot those messages when it sent them.',
        es: 'Marca "Ack automático (no-ack)" en worker-2 y luego hazlo fallar: lo que tenía se pierde para siempre; el broker olvidó esos mensajes al enviarlos.',
      },
      action: { type: 'consumer-crash', consumer: consumerId(worker2) },
    },
  ],
  tags: ['consumers', 'reliability'],
  scenario: scenario({ title: 'Consumer crash', showDefaultExchange: true, queues: [queue('orders')], apps: [api, worker1, worker2], placement: { columns: [{ '': 0, orders: 140 }] } }),
};
