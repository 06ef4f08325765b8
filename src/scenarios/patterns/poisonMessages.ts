import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const dlx = exchange('orders.dlx', 'fanout');
const orders = queue('orders', { queueType: 'quorum', deliveryLimit: 2, deadLetterExchange: 'orders.dlx' });
const poison = queue('orders.poison');
const api = producer('orders-api', { routingKeys: ['orders'], mode: 'rate', ratePerSec: 1, message: { body: 'order #{n}' } });
const worker = consumer('flaky-worker', 'orders', { prefetchCount: 1, processingMs: 300, failPercent: 60, failOutcome: 'nack-requeue' });

/** A quorum queue's x-delivery-limit stops a message that always fails from looping forever. */
export const poisonMessages: GalleryScenario = {
  id: 'poison-messages',
  title: { en: 'Poison messages and the delivery limit', es: 'Mensajes venenosos y el límite de entregas' },
  summary: {
    en: 'A worker that keeps failing requeues messages; the quorum queue counts deliveries and parks a message in a poison queue after its x-delivery-limit.',
    es: 'Un worker que falla una y otra vez reencola los mensajes; la cola quorum cuenta las entregas y aparca el mensaje en una cola de venenosos al superar su x-delivery-limit.',
  },
  watch: {
    en: 'flaky-worker fails 60% of deliveries and nacks them with requeue=true. In a classic queue a message that always fails would be redelivered forever — a poison message that blocks the consumer. orders is a quorum queue: it counts returns in the x-delivery-count header and, once a message has come back more than x-delivery-limit (2) times, dead-letters it (reason delivery_limit) to orders.dlx, which keeps it in orders.poison for a person to look at.',
    es: 'flaky-worker falla el 60% de las entregas y les hace nack con requeue=true. En una cola clásica un mensaje que siempre falla se reentregaría sin fin: un mensaje venenoso que bloquea al consumidor. orders es una cola quorum: cuenta las devoluciones en la cabecera x-delivery-count y, cuando un mensaje ha vuelto más de x-delivery-limit (2) veces, lo envía como mensaje muerto (motivo delivery_limit) a orders.dlx, que lo guarda en orders.poison para que alguien lo revise.',
  },
  tryThis: [
    {
      text: {
        en: 'Set flaky-worker\'s failures to 100%: every message is delivered exactly 3 times, then parked in orders.poison.',
        es: 'Pon los fallos de flaky-worker al 100%: cada mensaje se entrega exactamente 3 veces y luego se aparca en orders.poison.',
      },
    },
    {
      text: {
        en: 'Set "Outcome of a failure" to "nack, no requeue": a failing message is dead-lettered at once (reason rejected), no retries.',
        es: 'Pon "Resultado de un fallo" en "nack, sin reencolar": un mensaje que falla pasa a mensaje muerto al instante (motivo rejected), sin reintentos.',
      },
    },
    {
      text: {
        en: 'Raise the delivery limit of orders to 10: failing messages are retried longer before they are parked.',
        es: 'Sube el límite de entregas de orders a 10: los mensajes que fallan se reintentan más antes de aparcarse.',
      },
    },
  ],
  tags: ['dead-lettering', 'reliability', 'queues'],
  scenario: scenario({ title: 'Poison messages', showDefaultExchange: true, exchanges: [dlx], queues: [orders, poison], bindings: [bind(dlx, poison)], apps: [api, worker], placement: { columns: [{ '': 0, 'orders.poison': 184 }, { orders: -8, 'orders.dlx': 180 }] } }),
};
