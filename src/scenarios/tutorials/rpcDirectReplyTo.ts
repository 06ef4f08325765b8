import { DIRECT_REPLY_TO } from '../../model';
import { consumer, consumerId, producerConsumer, publisherId, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const requests = queue('rpc_queue', {}, { durable: false });
// no callback queue: the client consumes the pseudo-queue amq.rabbitmq.reply-to (no-ack) on the
// channel it sends its requests on, and the broker puts that channel's address in reply_to
const client = producerConsumer(
  'rpc_client',
  { routingKeys: ['rpc_queue'], mode: 'rate', ratePerSec: 0.5, message: { body: 'fib({n})', deliveryMode: 1, replyTo: DIRECT_REPLY_TO, correlationId: 'corr-{n}' } },
  DIRECT_REPLY_TO,
  { noAck: true, prefetchCount: 0, processingMs: 0 },
);
const server = consumer('rpc_server', 'rpc_queue', { prefetchCount: 1, processingMs: 800, replyToRequests: true });

/** RPC the way most real clients do it: direct reply-to instead of a callback queue. */
export const rpcDirectReplyTo: GalleryScenario = {
  id: 'rpc-direct-reply-to',
  title: { en: 'RPC with direct reply-to', es: 'RPC con direct reply-to' },
  summary: {
    en: 'The RPC of tutorial 6 without a callback queue: the client consumes amq.rabbitmq.reply-to and the broker hands each reply straight to the channel that asked.',
    es: 'El RPC del tutorial 6 sin cola de retorno: el cliente consume de amq.rabbitmq.reply-to y el broker entrega cada respuesta directamente al canal que preguntó.',
  },
  watch: {
    en: 'rpc_client consumes the pseudo-queue amq.rabbitmq.reply-to in no-ack mode (the broker refuses it otherwise) and publishes each request on the same channel with reply_to = amq.rabbitmq.reply-to. Click a request in rpc_queue: its reply_to has become amq.rabbitmq.reply-to.<something>, the address of the client\'s channel. rpc_server publishes the answer to the default exchange with that address as routing key; no queue holds it: it follows the dotted "direct reply-to" line straight back to the client\'s channel. The event log shows the delivery tag of each reply: always the channel\'s next tag, never used up.',
    es: 'rpc_client consume de la pseudo-cola amq.rabbitmq.reply-to en modo no-ack (si no, el broker lo rechaza) y publica cada petición en el mismo canal con reply_to = amq.rabbitmq.reply-to. Haz clic en una petición de rpc_queue: su reply_to se ha convertido en amq.rabbitmq.reply-to.<algo>, la dirección del canal del cliente. rpc_server publica la respuesta en el exchange por defecto con esa dirección como clave; ninguna cola la guarda: sigue la línea punteada «direct reply-to» directamente hasta el canal del cliente. El registro de eventos muestra la etiqueta de entrega de cada respuesta: siempre la siguiente del canal, sin llegar a gastarse.',
  },
  tryThis: [
    {
      text: { en: 'Send a burst of 5 requests: the server answers them one by one, each reply straight to the client.', es: 'Envía una ráfaga de 5 peticiones: el servidor las responde una a una, cada respuesta directa al cliente.' },
      action: { type: 'burst', publisher: publisherId(client), count: 5 },
    },
    {
      text: {
        en: 'Crash rpc_client while requests wait: its channel and its reply address are gone, so the server\'s replies to it are dropped (unroutable). Nothing keeps a reply for a client that left: that is the price of having no reply queue.',
        es: 'Provoca un fallo en rpc_client mientras hay peticiones en espera: su canal y su dirección de respuesta desaparecen, así que las respuestas del servidor se descartan (no enrutables). Nada guarda una respuesta para un cliente que se fue: es el precio de no tener cola de respuestas.',
      },
      action: { type: 'consumer-crash', consumer: consumerId(client) },
    },
    {
      text: { en: 'Start rpc_client again: it consumes amq.rabbitmq.reply-to anew and gets a new address; new requests carry it and are answered.', es: 'Vuelve a arrancar rpc_client: consume de nuevo amq.rabbitmq.reply-to y recibe una dirección nueva; las peticiones nuevas la llevan y obtienen respuesta.' },
      action: { type: 'consumer-start', consumer: consumerId(client) },
    },
    {
      text: {
        en: 'Turn off no-ack on rpc_client\'s consumer: the broker refuses the subscription (406 "reply consumer cannot acknowledge"), and every request then fails too (406 "fast reply consumer does not exist").',
        es: 'Desactiva no-ack en el consumidor de rpc_client: el broker rechaza la suscripción (406 «reply consumer cannot acknowledge») y entonces también falla cada petición (406 «fast reply consumer does not exist»).',
      },
    },
  ],
  tags: ['tutorial', 'consumers'],
  scenario: scenario({ title: 'RPC with direct reply-to', showDefaultExchange: true, queues: [requests], apps: [client, server] }),
};
