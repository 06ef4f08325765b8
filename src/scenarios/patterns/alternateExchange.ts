import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const orders = exchange('orders', 'direct', { alternateExchange: 'unrouted' });
const unrouted = exchange('unrouted', 'fanout');
const created = queue('created');
const paid = queue('paid');
const refunds = queue('refunds');
const unroutedQ = queue('unrouted');
const shop = producer('shop', { exchange: 'orders', routingKeys: ['order.created', 'order.paid', 'order.refunded'], mode: 'rate', ratePerSec: 1.5, message: { body: '{key} #{n}' } });
const apps = [
  shop,
  consumer('fulfilment', 'created', { processingMs: 200 }),
  consumer('billing', 'paid', { processingMs: 200 }),
  consumer('refund-service', 'refunds', { processingMs: 200 }),
];

/** An alternate exchange catches what its exchange cannot route. */
export const alternateExchange: GalleryScenario = {
  id: 'alternate-exchange',
  title: { en: 'Alternate exchange', es: 'Exchange alternativo' },
  summary: {
    en: 'Messages that orders cannot route are not lost: its alternate exchange keeps them in an unrouted queue.',
    es: 'Los mensajes que orders no puede enrutar no se pierden: su exchange alternativo los guarda en una cola unrouted.',
  },
  watch: {
    en: 'orders was declared with the argument alternate-exchange = unrouted. order.created and order.paid match a binding; order.refunded matches none, because nobody bound refunds yet. Instead of dropping it, orders hands it to unrouted (a fanout), which puts it in the unrouted queue: the unrouted count tells you what your bindings miss.',
    es: 'orders se declaró con el argumento alternate-exchange = unrouted. order.created y order.paid casan con un binding; order.refunded con ninguno, porque nadie ha enlazado refunds todavía. En lugar de descartarlo, orders se lo pasa a unrouted (un fanout), que lo deja en la cola unrouted: su contador te dice qué se les escapa a tus bindings.',
  },
  tryThis: [
    { text: { en: 'Bind refunds to orders with key order.refunded: unrouted stops growing.', es: 'Enlaza refunds a orders con la clave order.refunded: unrouted deja de crecer.' } },
    {
      text: {
        en: 'Set the alternate exchange of orders to (none): unroutable messages are dropped silently again.',
        es: 'Pon el exchange alternativo de orders en (ninguno): los mensajes no enrutables vuelven a descartarse en silencio.',
      },
    },
    {
      text: {
        en: 'Tick Mandatory on shop: messages the alternate exchange takes are routed, so they are not returned.',
        es: 'Marca Mandatory en shop: los mensajes que recoge el exchange alternativo están enrutados, así que no se devuelven.',
      },
    },
  ],
  tags: ['exchanges', 'routing', 'lesson'],
  scenario: scenario({
    title: 'Alternate exchange',
    exchanges: [orders, unrouted],
    queues: [created, paid, refunds, unroutedQ],
    bindings: [bind(orders, created, 'order.created'), bind(orders, paid, 'order.paid'), bind(unrouted, unroutedQ)],
    layoutBindings: [bind(orders, refunds, 'order.refunded')],
    apps,
    placement: { gap: 135, columns: [{ orders: 0, 'x:unrouted': 150, 'q:unrouted': 290 }, { created: 0, paid: 140, refunds: 280 }] },
  }),
  lesson: {
    title: { en: 'Catching the unroutable', es: 'Atrapar lo no enrutable' },
    steps: [
      {
        text: { en: 'Watch an order.refunded message land in the unrouted queue.', es: 'Observa cómo un mensaje order.refunded llega a la cola unrouted.' },
        goal: { type: 'message-enqueued', queue: 'unrouted', routingKey: 'order.refunded' },
      },
      {
        text: {
          en: 'Refunds deserve their own queue: bind refunds to orders with the binding key order.refunded.',
          es: 'Los reembolsos merecen su propia cola: enlaza refunds a orders con la clave de binding order.refunded.',
        },
        goal: { type: 'binding-exists', exchange: 'orders', queue: 'refunds', key: 'order.refunded' },
      },
      {
        text: { en: 'Watch order.refunded land in refunds now, and refund-service ack it.', es: 'Observa cómo order.refunded llega ahora a refunds y refund-service lo confirma.' },
        goal: { type: 'message-enqueued', queue: 'refunds', routingKey: 'order.refunded' },
      },
      {
        text: {
          en: 'The shop starts sending order.shipped (add it to shop\'s routing keys). Nobody is bound for it: see it caught in unrouted.',
          es: 'La tienda empieza a enviar order.shipped (añádela a las claves de shop). Nadie está enlazado para ella: mírala atrapada en unrouted.',
        },
        goal: { type: 'message-enqueued', queue: 'unrouted', routingKey: 'order.shipped' },
      },
    ],
  },
};
