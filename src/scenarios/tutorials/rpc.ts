import { consumer, consumerId, producerConsumer, publisherId, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const requests = queue('rpc_queue', {}, { durable: false });
// the client's callback queue: exclusive to its connection (server-named on RabbitMQ)
const callback = queue('rpc_client.callback', {}, { durable: false, exclusive: true });
const client = producerConsumer(
  'rpc_client',
  { routingKeys: ['rpc_queue'], mode: 'rate', ratePerSec: 0.5, message: { body: 'fib({n})', deliveryMode: 1, replyTo: 'rpc_client.callback', correlationId: 'corr-{n}' } },
  'rpc_client.callback',
  { noAck: true, prefetchCount: 0, processingMs: 0 },
);
const server = consumer('rpc_server', 'rpc_queue', { prefetchCount: 1, processingMs: 800, replyToRequests: true });

/** RabbitMQ tutorial 6: request/reply over queues with reply_to and correlation_id. */
export const rpc: GalleryScenario = {
  id: 'rpc',
  title: { en: 'RPC (request/reply)', es: 'RPC (petición/respuesta)' },
  summary: {
    en: 'Tutorial 6: a client sends requests with reply_to and correlation_id; the server answers to the client\'s exclusive callback queue.',
    es: 'Tutorial 6: un cliente envía peticiones con reply_to y correlation_id; el servidor responde a la cola de retorno exclusiva del cliente.',
  },
  watch: {
    en: 'rpc_client publishes each request to rpc_queue with two properties: reply_to (its exclusive callback queue) and correlation_id (corr-1, corr-2, …). rpc_server takes one request at a time (basic.qos prefetch 1). When it has computed the answer, it first publishes it to the default exchange with routing key = reply_to, copying the correlation_id, and only then acks the request: if it crashed before replying, the request would go back to rpc_queue for another server instead of being lost. The client consumes its callback queue with auto-ack and matches each answer to its request by the correlation id. Click a reply to see its properties.',
    es: 'rpc_client publica cada petición en rpc_queue con dos propiedades: reply_to (su cola de retorno exclusiva) y correlation_id (corr-1, corr-2, …). rpc_server atiende una petición cada vez (basic.qos prefetch 1). Cuando tiene la respuesta, primero la publica en el exchange por defecto con clave = reply_to, copiando el correlation_id, y solo después confirma (ack) la petición: si se cayera antes de responder, la petición volvería a rpc_queue para otro servidor en lugar de perderse. El cliente consume su cola de retorno con auto-ack y empareja cada respuesta con su petición por el correlation id. Haz clic en una respuesta para ver sus propiedades.',
  },
  tryThis: [
    {
      text: { en: 'Send a burst of 5 requests: the server answers them one by one, in order.', es: 'Envía una ráfaga de 5 peticiones: el servidor las responde una a una, en orden.' },
      action: { type: 'burst', publisher: publisherId(client), count: 5 },
    },
    {
      text: { en: 'Stop rpc_server: requests wait in rpc_queue, and no reply comes.', es: 'Detén rpc_server: las peticiones esperan en rpc_queue y no llega ninguna respuesta.' },
      action: { type: 'consumer-stop', consumer: consumerId(server) },
    },
    {
      text: { en: 'Start rpc_server again: it answers every waiting request.', es: 'Vuelve a arrancar rpc_server: responde a todas las peticiones en espera.' },
      action: { type: 'consumer-start', consumer: consumerId(server) },
    },
    {
      text: {
        en: 'Add a second server consuming rpc_queue with "Reply to requests (RPC server)" on: requests are shared between the servers, and every reply still finds the client.',
        es: 'Añade un segundo servidor que consuma de rpc_queue con "Responder a las peticiones (servidor RPC)" activado: las peticiones se reparten entre los servidores y cada respuesta sigue llegando al cliente.',
      },
    },
  ],
  tags: ['tutorial', 'consumers'],
  scenario: scenario({ title: 'RPC', showDefaultExchange: true, queues: [requests, callback], apps: [client, server] }),
};
