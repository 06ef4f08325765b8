import { consumer, consumerId, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const publisher = producer('publisher', { routingKeys: ['orders'], mode: 'rate', ratePerSec: 2, confirms: true, message: { body: 'order #{n}', deliveryMode: 2 } });
const worker = consumer('order-worker', 'orders', { prefetchCount: 1, processingMs: 700 });

/** After tutorial 7: what a nack means, from a full queue with overflow reject-publish. */
export const confirmsNack: GalleryScenario = {
  id: 'confirms-nack',
  title: { en: 'Publisher confirms: nacks from a full queue', es: 'Confirmaciones del publicador: nacks de una cola llena' },
  summary: {
    en: 'After tutorial 7: the broker acks each publish once a queue has it — and nacks it when a full queue with overflow reject-publish refuses it.',
    es: 'Tras el tutorial 7: el broker confirma (ack) cada publicación cuando una cola la tiene, y la rechaza (nack) cuando una cola llena con overflow reject-publish no la admite.',
  },
  watch: {
    en: 'publisher\'s channel is in confirm mode (confirm.select): for every message the broker answers basic.ack once the queue has taken it. orders holds at most 10 messages (x-max-length) with x-overflow reject-publish, and order-worker is slower than publisher: once the queue is full, each new message is refused and the publisher gets basic.nack instead — it knows exactly which messages were not accepted and can retry them or slow down. Compare its confirmed and nacked counts.',
    es: 'El canal de publisher está en modo confirmación (confirm.select): por cada mensaje el broker responde basic.ack cuando la cola lo ha aceptado. orders admite como mucho 10 mensajes (x-max-length) con x-overflow reject-publish, y order-worker es más lento que publisher: cuando la cola se llena, cada mensaje nuevo se rechaza y el publicador recibe basic.nack: sabe exactamente qué mensajes no se aceptaron y puede reintentarlos o frenar. Compara sus contadores de confirmados y rechazados.',
  },
  tryThis: [
    {
      text: { en: 'Stop order-worker: the queue fills within seconds and every publish after that is nacked.', es: 'Detén order-worker: la cola se llena en segundos y todas las publicaciones siguientes reciben nack.' },
      action: { type: 'consumer-stop', consumer: consumerId(worker) },
    },
    {
      text: { en: 'Set publisher to 1 message per second: order-worker keeps up and every message is acked.', es: 'Pon publisher a 1 mensaje por segundo: order-worker da abasto y todos los mensajes reciben ack.' },
    },
    {
      text: {
        en: 'Change the overflow of orders to drop-head (the queue is deleted and declared again: AMQP cannot change its arguments in place): every publish is acked again, and the oldest waiting messages are dropped instead. A confirm means "the broker took it", not "it was consumed".',
        es: 'Cambia el desbordamiento de orders a drop-head (la cola se borra y se declara de nuevo: AMQP no permite cambiar sus argumentos): todas las publicaciones vuelven a recibir ack, y en su lugar se descartan los mensajes más antiguos. Una confirmación significa "el broker lo aceptó", no "se consumió".',
      },
    },
  ],
  tags: ['reliability'],
  scenario: scenario({ title: 'Publisher confirms: nacks', showDefaultExchange: true, queues: [queue('orders', { maxLength: 10, overflow: 'reject-publish' })], apps: [publisher, worker] }),
};
