import { consumer, consumerId, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const dropHead = queue('readings.drop-head', { maxLength: 5, overflow: 'drop-head' });
const rejectPublish = queue('readings.reject-publish', { maxLength: 5, overflow: 'reject-publish' });
const sensorA = producer('sensor-a', { routingKeys: ['readings.drop-head'], mode: 'rate', ratePerSec: 2, confirms: true, message: { body: 'reading #{n}' } });
const sensorB = producer('sensor-b', { routingKeys: ['readings.reject-publish'], mode: 'rate', ratePerSec: 2, confirms: true, message: { body: 'reading #{n}' } });
const dashA = consumer('dashboard-a', 'readings.drop-head', { prefetchCount: 1, processingMs: 1000 });
const dashB = consumer('dashboard-b', 'readings.reject-publish', { prefetchCount: 1, processingMs: 1000 });

/** x-max-length with the two overflow behaviours, side by side. */
export const maxLengthOverflow: GalleryScenario = {
  id: 'max-length-overflow',
  title: { en: 'Max length: drop-head vs reject-publish', es: 'Longitud máxima: drop-head frente a reject-publish' },
  summary: {
    en: 'Two queues of at most 5 messages, both fed faster than they are read: one drops its oldest message, the other refuses the newest.',
    es: 'Dos colas de 5 mensajes como máximo, ambas alimentadas más deprisa de lo que se leen: una descarta su mensaje más antiguo, la otra rechaza el más nuevo.',
  },
  watch: {
    en: 'Both queues have x-max-length 5. readings.drop-head (the default overflow) makes room by dropping the message at its head, the oldest: sensor-a\'s confirms are all acks, and dashboard-a sees recent readings, with gaps. readings.reject-publish refuses the new message instead: sensor-b gets a basic.nack for each one and can slow down or retry, and dashboard-b sees every reading it got in order, but old ones.',
    es: 'Las dos colas tienen x-max-length 5. readings.drop-head (el desbordamiento por defecto) hace sitio descartando el mensaje de la cabeza, el más antiguo: las confirmaciones de sensor-a son todas ack, y dashboard-a ve lecturas recientes, con huecos. readings.reject-publish rechaza en cambio el mensaje nuevo: sensor-b recibe un basic.nack por cada uno y puede frenar o reintentar, y dashboard-b ve en orden todas las lecturas que recibió, pero antiguas.',
  },
  tryThis: [
    {
      text: { en: 'Stop dashboard-a: its queue keeps the 5 newest readings, whatever happens.', es: 'Detén dashboard-a: su cola guarda las 5 lecturas más recientes, pase lo que pase.' },
      action: { type: 'consumer-stop', consumer: consumerId(dashA) },
    },
    {
      text: {
        en: 'Stop dashboard-b: its queue keeps what it holds and every new reading is nacked. The reading dashboard-b was processing goes back too, so the queue can show 6: x-max-length is enforced when a message is published, not when one is requeued.',
        es: 'Detén dashboard-b: su cola conserva lo que tiene y cada lectura nueva recibe nack. La lectura que dashboard-b estaba procesando también vuelve, así que la cola puede mostrar 6: x-max-length se aplica al publicar, no al reencolar.',
      },
      action: { type: 'consumer-stop', consumer: consumerId(dashB) },
    },
    {
      text: {
        en: 'Give readings.drop-head a dead-letter exchange (and bind a queue to it): dropped readings are dead-lettered with reason maxlen instead of lost.',
        es: 'Dale a readings.drop-head un exchange de mensajes muertos (y enlázale una cola): las lecturas descartadas pasan a mensajes muertos con motivo maxlen en vez de perderse.',
      },
    },
  ],
  tags: ['queues', 'reliability'],
  scenario: scenario({ title: 'Max length overflow', showDefaultExchange: true, queues: [dropHead, rejectPublish], apps: [sensorA, sensorB, dashA, dashB], placement: { gap: 170, columns: [{ '': 110 }, { 'readings.drop-head': 0, 'readings.reject-publish': 200 }] } }),
};
