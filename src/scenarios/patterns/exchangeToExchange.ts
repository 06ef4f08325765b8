import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const events = exchange('events', 'topic');
// internal: only other exchanges can route to it, clients cannot publish to it directly
const orders = exchange('orders', 'fanout', { internal: true });
const billing = queue('billing');
const shipping = queue('shipping');
const audit = queue('audit');
const app = producer('app', { exchange: 'events', routingKeys: ['order.created', 'user.signup', 'order.paid', 'user.login'], mode: 'rate', ratePerSec: 1.5, message: { body: '{key} #{n}' } });

/** exchange.bind: an exchange routes into another exchange, which routes on to its own queues. */
export const exchangeToExchange: GalleryScenario = {
  id: 'exchange-to-exchange',
  title: { en: 'Exchange-to-exchange routing', es: 'Enrutamiento de exchange a exchange' },
  summary: {
    en: 'A topic exchange forwards order.# events to an internal fanout exchange, which copies them to billing and shipping; audit gets everything.',
    es: 'Un exchange topic reenvía los eventos order.# a un exchange fanout interno, que los copia a billing y shipping; audit lo recibe todo.',
  },
  watch: {
    en: 'events is bound to the exchange orders with the pattern order.# (exchange.bind): order events go on to orders, a fanout that copies them into billing and shipping. user events stop at events, where only audit (bound with #) takes them. orders is internal: clients cannot publish to it (403 ACCESS_REFUSED), only exchanges can route to it. Whatever the path, a queue receives a message once.',
    es: 'events está enlazado al exchange orders con el patrón order.# (exchange.bind): los eventos de pedidos siguen hasta orders, un fanout que los copia en billing y shipping. Los eventos de usuario se quedan en events, donde solo audit (enlazada con #) los recoge. orders es interno: los clientes no pueden publicar en él (403 ACCESS_REFUSED), solo otros exchanges pueden enrutarle mensajes. Sea cual sea el camino, una cola recibe cada mensaje una sola vez.',
  },
  tryThis: [
    {
      text: { en: 'Bind audit to orders as well: it still gets each order event once, not twice.', es: 'Enlaza audit también a orders: sigue recibiendo cada evento de pedido una vez, no dos.' },
    },
    {
      text: {
        en: 'Point app at orders (its exchange) instead: the broker closes its channel with 403 ACCESS_REFUSED, because orders is internal.',
        es: 'Haz que app publique en orders: el broker cierra su canal con 403 ACCESS_REFUSED, porque orders es interno.',
      },
    },
    {
      text: {
        en: 'Add a queue bound to orders: a new consumer of order events without touching events or the other queues.',
        es: 'Añade una cola enlazada a orders: un nuevo consumidor de eventos de pedidos sin tocar events ni las otras colas.',
      },
    },
  ],
  tags: ['exchanges', 'routing'],
  scenario: scenario({
    title: 'Exchange to exchange',
    exchanges: [events, orders],
    queues: [billing, shipping, audit],
    bindings: [bind(events, orders, 'order.#'), bind(orders, billing), bind(orders, shipping), bind(events, audit, '#')],
    apps: [app, consumer('billing-svc', 'billing', { processingMs: 200 }), consumer('shipping-svc', 'shipping', { processingMs: 200 }), consumer('audit-log', 'audit', { processingMs: 100 })],
    placement: { columns: [{ events: 30, orders: 190 }, { audit: 0, billing: 150, shipping: 280 }] },
  }),
};
