import { bind, consumer, consumerId, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const logs = exchange('logs', 'fanout');
// What queue_declare(queue='', exclusive=True) gives: a server-named, exclusive, non-durable queue.
// RabbitMQ names them amq.gen-…; the amq. prefix is reserved for the broker, so these are gen-….
const q1 = queue('gen-JzTY20BRgKO', {}, { durable: false, exclusive: true });
const q2 = queue('gen-Q4p9d7VbHw2', {}, { durable: false, exclusive: true });
const emit = producer('emit_log', { exchange: 'logs', routingKeys: [''], mode: 'rate', ratePerSec: 1.5, message: { body: 'log #{n}', deliveryMode: 1 } });
// receive_logs-1 writes each log to disk (slower, acked when written); receive_logs-2 prints it
// prefetch 10: with a hop latency of 300 ms each way, prefetch 1 would cap it at about one message a second, below the 1.5/s published
const toDisk = consumer('receive_logs-1', q1.name, { prefetchCount: 10, processingMs: 400 });
const toScreen = consumer('receive_logs-2', q2.name, { noAck: true, prefetchCount: 0, processingMs: 100 });

/** RabbitMQ tutorial 3: a fanout exchange and one temporary queue per subscriber. */
export const publishSubscribe: GalleryScenario = {
  id: 'publish-subscribe',
  title: { en: 'Publish/Subscribe', es: 'Publicar/Suscribir' },
  summary: {
    en: 'Tutorial 3: a fanout exchange copies every log message to each subscriber\'s own temporary queue.',
    es: 'Tutorial 3: un exchange fanout copia cada mensaje de log en la cola temporal de cada suscriptor.',
  },
  watch: {
    en: 'The fanout exchange logs ignores the routing key and copies each message into every queue bound to it: both subscribers receive every log. receive_logs-2 prints with auto-ack, as in the tutorial; receive_logs-1 writes to disk and acks each log once written. Each subscriber declared its own queue with queue_declare(queue=\'\', exclusive=True): the broker names it (amq.gen-… on RabbitMQ; gen-… here, since amq. is reserved), only the subscriber\'s connection may use it, and it is deleted when that connection closes.',
    es: 'El exchange fanout logs ignora la clave de enrutamiento y copia cada mensaje en todas las colas enlazadas: los dos suscriptores reciben todos los logs. receive_logs-2 imprime con auto-ack, como en el tutorial; receive_logs-1 escribe en disco y confirma cada log una vez escrito. Cada suscriptor declaró su propia cola con queue_declare(queue=\'\', exclusive=True): el broker le pone nombre (amq.gen-… en RabbitMQ; aquí gen-…, porque amq. está reservado), solo la conexión del suscriptor puede usarla y se borra cuando esa conexión se cierra.',
  },
  tryThis: [
    {
      text: {
        en: 'Crash receive_logs-2: its connection closes and its exclusive queue is deleted with it. Logs published from then on are not kept for it.',
        es: 'Haz fallar receive_logs-2: su conexión se cierra y su cola exclusiva se borra con ella. Los logs publicados desde entonces no se guardan para él.',
      },
      action: { type: 'consumer-crash', consumer: consumerId(toScreen) },
    },
    {
      text: {
        en: 'Start receive_logs-2 again: like the tutorial\'s receive_logs, it declares its exclusive queue again and binds it to logs when it connects. The queue comes back empty: the logs published while it was down are gone.',
        es: 'Vuelve a arrancar receive_logs-2: como el receive_logs del tutorial, al conectarse declara otra vez su cola exclusiva y la enlaza a logs. La cola vuelve vacía: los logs publicados mientras estaba caído se han perdido.',
      },
      action: { type: 'consumer-start', consumer: consumerId(toScreen) },
    },
    {
      text: {
        en: 'Add a queue and a consumer and bind the queue to logs: the new subscriber gets every log from then on, none from before.',
        es: 'Añade una cola y un consumidor y enlaza la cola a logs: el nuevo suscriptor recibe todos los logs a partir de entonces, ninguno anterior.',
      },
    },
    {
      text: {
        en: 'Delete the binding of one queue: that subscriber stops hearing anything, though it is still connected.',
        es: 'Borra el binding de una cola: ese suscriptor deja de recibir nada, aunque sigue conectado.',
      },
    },
  ],
  tags: ['tutorial', 'exchanges'],
  scenario: scenario({ title: 'Publish/Subscribe', exchanges: [logs], queues: [q1, q2], bindings: [bind(logs, q1), bind(logs, q2)], apps: [emit, toDisk, toScreen], placement: { columns: [{ logs: 90 }, { [q1.name]: 0, [q2.name]: 170 }] } }),
};
