import { bind, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const events = exchange('events', 'fanout');
const durableQ = queue('durable-events');
const transientQ = queue('transient-events', {}, { durable: false });
const persistentApp = producer('persistent-app', { exchange: 'events', routingKeys: [''], mode: 'rate', ratePerSec: 1, message: { body: 'persistent #{n}', deliveryMode: 2 } });
const transientApp = producer('transient-app', { exchange: 'events', routingKeys: [''], mode: 'rate', ratePerSec: 1, message: { body: 'transient #{n}', deliveryMode: 1 } });

/** What survives a broker restart: durable entities, and persistent messages in durable queues. */
export const brokerRestart: GalleryScenario = {
  id: 'broker-restart',
  title: { en: 'Broker restart: durable vs transient', es: 'Reinicio del broker: durable frente a transitorio' },
  summary: {
    en: 'Restart the broker and see what survives: a durable and a transient queue, each holding persistent and transient messages.',
    es: 'Reinicia el broker y mira qué sobrevive: una cola durable y otra transitoria, cada una con mensajes persistentes y transitorios.',
  },
  watch: {
    en: 'Both queues receive every message of both apps (fanout), and nobody consumes them, so they pile up. Press "Restart broker": connections drop, and when the broker is back only durable exchanges and queues are recovered — transient-events is gone. A durable queue recovers only its persistent messages (delivery mode 2): durable-events keeps persistent-app\'s messages and loses transient-app\'s. Durability needs both: a durable queue and persistent messages.',
    es: 'Las dos colas reciben todos los mensajes de las dos aplicaciones (fanout) y nadie los consume, así que se acumulan. Pulsa "Reiniciar broker": las conexiones caen y, cuando el broker vuelve, solo se recuperan los exchanges y colas durables: transient-events desaparece. Una cola durable solo recupera sus mensajes persistentes (delivery mode 2): durable-events conserva los de persistent-app y pierde los de transient-app. La durabilidad necesita las dos cosas: cola durable y mensajes persistentes.',
  },
  tryThis: [
    {
      text: { en: 'Press "Restart broker" (or this button) and compare the queues before and after.', es: 'Pulsa "Reiniciar broker" (o este botón) y compara las colas antes y después.' },
      action: { type: 'broker-restart' },
    },
    {
      text: {
        en: 'Make transient-events durable (it is deleted and declared again, empty: AMQP cannot change a queue\'s flags in place), let it fill, and restart again: the queue survives, but only with the persistent messages.',
        es: 'Haz durable transient-events (se borra y se declara de nuevo, vacía: AMQP no permite cambiar las propiedades de una cola), deja que se llene y reinicia otra vez: la cola sobrevive, pero solo con los mensajes persistentes.',
      },
    },
    {
      text: {
        en: 'While the broker is down, the apps cannot publish: their publishes fail until they reconnect.',
        es: 'Mientras el broker está caído, las aplicaciones no pueden publicar: sus publicaciones fallan hasta que se reconectan.',
      },
    },
  ],
  tags: ['reliability', 'queues'],
  scenario: scenario({ title: 'Broker restart', exchanges: [events], queues: [durableQ, transientQ], bindings: [bind(events, durableQ), bind(events, transientQ)], apps: [persistentApp, transientApp], placement: { columns: [{ events: 80 }, { 'durable-events': 0, 'transient-events': 160 }] } }),
};
