import { bind, consumer, consumerId, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const SHARDS = [1, 2, 3, 4];
const RATE = 200;
const firehose = exchange('firehose', 'direct');
const queues = SHARDS.map((n) => queue(`shard-${n}`));
const producers = SHARDS.map((n) => producer(`producer-${n}`, { exchange: 'firehose', routingKeys: [`shard.${n}`], mode: 'rate', ratePerSec: RATE, message: { body: '{key} #{n}', deliveryMode: 1 } }));
// prefetch must cover a full round trip (deliver + ack: 3 s at 200 msg/s = 600 messages) or it would throttle
const consumers = SHARDS.map((n) => consumer(`consumer-${n}`, `shard-${n}`, { prefetchCount: 1000, processingMs: 2 }));

/** Thousands of messages in flight: several fast producers and a long hop latency. */
export const stress: GalleryScenario = {
  id: 'stress',
  title: { en: 'Stress: thousands of messages in flight', es: 'Estrés: miles de mensajes en vuelo' },
  summary: {
    en: 'Four producers publish 200 messages a second each, with 1.5 s per hop: around 3,600 messages are travelling at any moment.',
    es: 'Cuatro productores publican 200 mensajes por segundo cada uno, con 1,5 s por salto: en todo momento viajan unos 3.600 mensajes.',
  },
  watch: {
    en: 'About 800 messages a second enter the broker, and each hop (producer → exchange, exchange → queue, queue → consumer) takes 1.5 s of simulated time: roughly 1,200 messages on each leg, 3,600 in all, plus their acks on the way back. Queues stay nearly empty because each consumer\'s prefetch (1000) covers a whole round trip; the Unacked counts show the messages that are delivered or travelling but not yet acked.',
    es: 'Entran unos 800 mensajes por segundo en el broker, y cada salto (productor → exchange, exchange → cola, cola → consumidor) dura 1,5 s de tiempo simulado: unos 1.200 mensajes en cada tramo, 3.600 en total, más sus acks de vuelta. Las colas están casi vacías porque el prefetch de cada consumidor (1000) cubre una ida y vuelta completa; los contadores Unacked muestran los mensajes entregados o en camino aún sin confirmar.',
  },
  tryThis: [
    {
      text: { en: 'Crash consumer-1: hundreds of unacked messages go back to shard-1 at once.', es: 'Haz fallar consumer-1: cientos de mensajes sin confirmar vuelven de golpe a shard-1.' },
      action: { type: 'consumer-crash', consumer: consumerId(consumers[0]!) },
    },
    {
      text: { en: 'Start consumer-1 again and watch shard-1 drain.', es: 'Vuelve a arrancar consumer-1 y mira cómo se vacía shard-1.' },
      action: { type: 'consumer-start', consumer: consumerId(consumers[0]!) },
    },
    {
      text: {
        en: 'Lower consumer-2\'s Prefetch to 100: it can no longer cover the round trip, so it throttles itself and shard-2 grows.',
        es: 'Baja el Prefetch de consumer-2 a 100: ya no cubre la ida y vuelta, así que se frena a sí mismo y shard-2 crece.',
      },
    },
  ],
  tags: ['performance'],
  scenario: scenario({ title: 'Stress', hopLatencyMs: 1500, exchanges: [firehose], queues, bindings: SHARDS.map((n, i) => bind(firehose, queues[i]!, `shard.${n}`)), apps: [...producers, ...consumers], placement: { columns: [{ firehose: 190 }, { 'shard-1': 0, 'shard-2': 122, 'shard-3': 244, 'shard-4': 366 }] } }),
  speed: 1,
};
