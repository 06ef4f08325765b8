import { bind, consumer, consumerId, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

// exchange_declare(exchange='logs', exchange_type='fanout'): not durable
const logs = exchange('logs', 'fanout', { durable: false });
// What queue_declare(queue='', exclusive=True) gives: a server-named, exclusive, non-durable queue.
// RabbitMQ names them amq.gen-…; the amq. prefix is reserved for the broker, so these are gen-….
const q1 = queue('gen-JzTY20BRgKO', {}, { durable: false, exclusive: true });
const q2 = queue('gen-Q4p9d7VbHw2', {}, { durable: false, exclusive: true });
const emit = producer('emit_log', { exchange: 'logs', routingKeys: [''], mode: 'rate', ratePerSec: 1.5, message: { body: 'info: Hello World! #{n}', deliveryMode: 1 } });
// the tutorial runs receive_logs.py twice: once writing to a file, once printing; both consume with auto_ack=True
const toFile = consumer('receive_logs-1', q1.name, { noAck: true, prefetchCount: 0, processingMs: 100 });
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
    en: 'emit_log publishes each log to the fanout exchange logs, which ignores the routing key and copies the message into every queue bound to it: both subscribers receive every log. The tutorial runs receive_logs twice, once writing to a file (receive_logs-1) and once printing (receive_logs-2), and both consume with auto-ack: Unacked stays at 0. Each one declared a temporary queue of its own with queue_declare(queue=\'\', exclusive=True): the broker gives it a random name (amq.gen-… on RabbitMQ; gen-… here, since the amq. prefix is reserved), only that subscriber\'s connection may use it, and it is deleted when that connection closes. The exchange logs is not durable either: nothing here survives a broker restart, as for the tutorial\'s logs.',
    es: 'emit_log publica cada log en el exchange fanout logs, que ignora la clave de enrutamiento y copia el mensaje en todas las colas enlazadas: los dos suscriptores reciben todos los logs. El tutorial ejecuta receive_logs dos veces, una escribiendo en un archivo (receive_logs-1) y otra imprimiendo (receive_logs-2), y las dos consumen con auto-ack: Unacked se queda en 0. Cada una declaró su propia cola temporal con queue_declare(queue=\'\', exclusive=True): el broker le da un nombre aleatorio (amq.gen-… en RabbitMQ; aquí gen-…, porque el prefijo amq. está reservado), solo la conexión de ese suscriptor puede usarla y se borra cuando esa conexión se cierra. El exchange logs tampoco es durable: nada de esto sobrevive a un reinicio del broker, como los logs del tutorial.',
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
  scenario: scenario({ title: 'Publish/Subscribe', exchanges: [logs], queues: [q1, q2], bindings: [bind(logs, q1), bind(logs, q2)], apps: [emit, toFile, toScreen] }),
};
