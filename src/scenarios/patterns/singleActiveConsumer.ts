import { consumer, consumerId, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const api = producer('order-api', { routingKeys: ['orders'], mode: 'rate', ratePerSec: 1.5, message: { body: 'order #{n}' } });
const a = consumer('instance-a', 'orders', { prefetchCount: 1, processingMs: 300 });
const b = consumer('instance-b', 'orders', { prefetchCount: 1, processingMs: 300 });
const c = consumer('instance-c', 'orders', { prefetchCount: 1, processingMs: 300 });

/** x-single-active-consumer: one consumer at a time, the others on standby; order is kept. */
export const singleActiveConsumer: GalleryScenario = {
  id: 'single-active-consumer',
  title: { en: 'Single active consumer', es: 'Consumidor activo único' },
  summary: {
    en: 'Three instances subscribe to one queue, but only one receives messages; when it dies, the next takes over.',
    es: 'Tres instancias se suscriben a una cola, pero solo una recibe mensajes; cuando muere, la siguiente toma el relevo.',
  },
  watch: {
    en: 'orders is declared with x-single-active-consumer: all three instances are subscribed (the queue shows 3 consumers), but only the first one to subscribe, instance-a, gets messages; the others wait as standbys. Messages are processed one at a time and in order, which plain competing consumers cannot guarantee. Crash instance-a: the broker activates the next consumer, which first gets the message instance-a had not acked.',
    es: 'orders se declara con x-single-active-consumer: las tres instancias están suscritas (la cola muestra 3 consumidores), pero solo la primera en suscribirse, instance-a, recibe mensajes; las otras esperan de reserva. Los mensajes se procesan de uno en uno y en orden, algo que los consumidores competidores normales no garantizan. Haz fallar instance-a: el broker activa al siguiente consumidor, que recibe primero el mensaje que instance-a no había confirmado.',
  },
  tryThis: [
    {
      text: { en: 'Crash instance-a: instance-b takes over where it stopped.', es: 'Haz fallar instance-a: instance-b continúa donde se quedó.' },
      action: { type: 'consumer-crash', consumer: consumerId(a) },
    },
    {
      text: { en: 'Start instance-a again: it joins as a standby, at the back of the line.', es: 'Vuelve a arrancar instance-a: entra como reserva, al final de la fila.' },
      action: { type: 'consumer-start', consumer: consumerId(a) },
    },
    {
      text: {
        en: 'Untick "Single active consumer" on orders: AMQP cannot change a queue\'s arguments, so it is deleted (with its waiting messages) and declared again, and the three instances share the messages round-robin.',
        es: 'Desmarca "Consumidor activo único" en orders: AMQP no permite cambiar los argumentos de una cola, así que se borra (con sus mensajes en espera) y se declara de nuevo, y las tres instancias se reparten los mensajes por turnos.',
      },
    },
  ],
  tags: ['consumers', 'queues'],
  scenario: scenario({ title: 'Single active consumer', showDefaultExchange: true, queues: [queue('orders', { singleActiveConsumer: true })], apps: [api, a, b, c], placement: { columns: [{ '': 0, orders: 140 }] } }),
};
