import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const orders = exchange('orders', 'direct');
const eu = queue('eu-orders');
const us = queue('us-orders');
const keys = ['order.eu', 'order.us', 'order.asia'];
const careful = producer('careful-app', { exchange: 'orders', routingKeys: keys, mode: 'rate', ratePerSec: 1, mandatory: true, message: { body: '{key} #{n}' } });
const careless = producer('careless-app', { exchange: 'orders', routingKeys: keys, mode: 'rate', ratePerSec: 1, message: { body: '{key} #{n}' } });

/** basic.publish with mandatory: an unroutable message comes back (basic.return) instead of vanishing. */
export const mandatoryReturns: GalleryScenario = {
  id: 'mandatory-returns',
  title: { en: 'Mandatory and returned messages', es: 'Mandatory y mensajes devueltos' },
  summary: {
    en: 'Two apps publish order.asia, which nothing is bound for: the one that sets mandatory gets each message back; the other never knows it was lost.',
    es: 'Dos aplicaciones publican order.asia, para la que no hay ningún binding: la que marca mandatory recibe cada mensaje de vuelta; la otra nunca sabe que se perdió.',
  },
  watch: {
    en: 'orders routes order.eu and order.us, but no queue is bound for order.asia. careful-app publishes with mandatory=true: the broker sends such a message back with basic.return (312 NO_ROUTE), so the app can log it, retry or raise an alarm — watch its returned count. careless-app publishes the same keys without mandatory: its order.asia messages vanish without a trace.',
    es: 'orders enruta order.eu y order.us, pero ninguna cola está enlazada para order.asia. careful-app publica con mandatory=true: el broker le devuelve ese mensaje con basic.return (312 NO_ROUTE), así que la aplicación puede registrarlo, reintentar o dar la alarma: mira su contador de devueltos. careless-app publica las mismas claves sin mandatory: sus mensajes order.asia desaparecen sin dejar rastro.',
  },
  tryThis: [
    {
      text: { en: 'Add a queue asia-orders bound to orders with key order.asia: nothing is returned any more.', es: 'Añade una cola asia-orders enlazada a orders con la clave order.asia: ya no se devuelve nada.' },
    },
    { text: { en: 'Tick Mandatory on careless-app: it gets its lost messages back too.', es: 'Marca Mandatory en careless-app: también recibe de vuelta sus mensajes perdidos.' } },
    {
      text: {
        en: 'Give orders an alternate exchange instead: then order.asia is routed there and not returned — a safety net without code in the publisher.',
        es: 'Dale a orders un exchange alternativo: entonces order.asia se enruta allí y no se devuelve; una red de seguridad sin código en el publicador.',
      },
    },
  ],
  tags: ['exchanges', 'reliability'],
  scenario: scenario({
    title: 'Mandatory and returns',
    exchanges: [orders],
    queues: [eu, us],
    bindings: [bind(orders, eu, 'order.eu'), bind(orders, us, 'order.us')],
    apps: [careful, careless, consumer('eu-warehouse', 'eu-orders', { processingMs: 200 }), consumer('us-warehouse', 'us-orders', { processingMs: 200 })],
    placement: { gap: 130, columns: [{ orders: 80 }, { 'eu-orders': 0, 'us-orders': 160 }] },
  }),
};
