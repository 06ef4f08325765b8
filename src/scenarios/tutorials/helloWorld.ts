import { consumer, consumerId, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const send = producer('send', { routingKeys: ['hello'], mode: 'rate', ratePerSec: 1, message: { body: 'Hello World! #{n}', deliveryMode: 1 } });
const receive = consumer('receive', 'hello', { noAck: true, prefetchCount: 0, processingMs: 200 });

/** RabbitMQ tutorial 1: one producer, one queue, one consumer, through the default exchange. */
export const helloWorld: GalleryScenario = {
  id: 'hello-world',
  title: { en: 'Hello World', es: 'Hola mundo' },
  summary: {
    en: 'Tutorial 1: a producer sends "Hello World!" to a queue named hello and a consumer receives it.',
    es: 'Tutorial 1: un productor envía "Hello World!" a una cola llamada hello y un consumidor lo recibe.',
  },
  watch: {
    en: 'send publishes to the default exchange "" with routing key hello: the default exchange routes every message to the queue whose name is the key. receive consumes with auto-ack (no-ack), so the broker forgets each message the moment it sends it: Unacked stays at 0.',
    es: 'send publica en el exchange por defecto "" con la clave de enrutamiento hello: el exchange por defecto lleva cada mensaje a la cola cuyo nombre es la clave. receive consume con auto-ack (no-ack), así que el broker olvida cada mensaje en cuanto lo envía: Unacked se queda en 0.',
  },
  tryThis: [
    {
      text: { en: 'Stop receive: messages wait in the queue (Ready grows).', es: 'Detén receive: los mensajes esperan en la cola (Ready crece).' },
      action: { type: 'consumer-stop', consumer: consumerId(receive) },
    },
    {
      text: { en: 'Start receive again: it drains the queue at once.', es: 'Vuelve a arrancar receive: vacía la cola de golpe.' },
      action: { type: 'consumer-start', consumer: consumerId(receive) },
    },
    {
      text: {
        en: 'In the inspector, untick "Auto-ack (no-ack)" on receive: each message now stays Unacked until receive acks it.',
        es: 'En el inspector, desmarca "Ack automático (no-ack)" en receive: ahora cada mensaje queda Unacked hasta que receive lo confirma.',
      },
    },
    {
      text: {
        en: 'Change send\'s routing key to "hi": no queue has that name, so the default exchange drops every message.',
        es: 'Cambia la clave de send a "hi": ninguna cola se llama así, y el exchange por defecto descarta cada mensaje.',
      },
    },
  ],
  tags: ['tutorial'],
  scenario: scenario({
    title: 'Hello World',
    showDefaultExchange: true,
    // as in the tutorial: queue_declare('hello') is not durable and the messages are transient
    queues: [queue('hello', {}, { durable: false })],
    apps: [send, receive],
    placement: { columns: [{ '': 0, hello: 140 }] },
  }),
};
