import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

// exchange_declare(exchange='direct_logs', exchange_type='direct'): not durable
const directLogs = exchange('direct_logs', 'direct', { durable: false });
// each receive_logs_direct declares queue_declare(queue='', exclusive=True) and binds it once per severity
const toFileQueue = queue('gen-b7Qx2LmN0aK', {}, { durable: false, exclusive: true });
const toScreenQueue = queue('gen-Vt4c9RzE1wH', {}, { durable: false, exclusive: true });
const emit = producer('emit_log_direct', { exchange: 'direct_logs', routingKeys: ['info', 'warning', 'error'], mode: 'rate', ratePerSec: 1.5, message: { body: 'Hello World! #{n}', deliveryMode: 1 } });
const toFile = consumer('receive_logs_direct-1', toFileQueue.name, { noAck: true, prefetchCount: 0, processingMs: 100 });
const toScreen = consumer('receive_logs_direct-2', toScreenQueue.name, { noAck: true, prefetchCount: 0, processingMs: 100 });

/** RabbitMQ tutorial 4: a direct exchange routes by exact binding key; a queue may have several bindings. */
export const routing: GalleryScenario = {
  id: 'routing',
  title: { en: 'Routing', es: 'Enrutamiento' },
  summary: {
    en: 'Tutorial 4: emit_log_direct sends logs with their severity as routing key; one subscriber saves only errors to a file, the other prints every severity.',
    es: 'Tutorial 4: emit_log_direct envía logs con su severidad como clave de enrutamiento; un suscriptor guarda solo los errores en un archivo y el otro imprime todas las severidades.',
  },
  watch: {
    en: 'A direct exchange delivers a message to the queues bound with a binding key exactly equal to its routing key. emit_log_direct publishes info, warning and error logs in turn. receive_logs_direct-1 (the one writing to a file) bound its queue to direct_logs with error only; receive_logs_direct-2 (printing on screen) bound its queue three times, with info, warning and error. So an error goes to both queues, info and warning only to the second. As in tutorial 3, each subscriber declared a temporary queue of its own (exclusive, server-named: gen-… here), consumes with auto-ack, and the exchange is not durable.',
    es: 'Un exchange direct entrega un mensaje a las colas enlazadas con una clave de binding exactamente igual a su clave de enrutamiento. emit_log_direct publica por turnos logs info, warning y error. receive_logs_direct-1 (el que escribe en un archivo) enlazó su cola a direct_logs solo con error; receive_logs_direct-2 (que imprime en pantalla) enlazó la suya tres veces, con info, warning y error. Así, un error va a las dos colas, y info y warning solo a la segunda. Como en el tutorial 3, cada suscriptor declaró su propia cola temporal (exclusiva, con nombre del servidor: aquí gen-…), consume con auto-ack, y el exchange no es durable.',
  },
  tryThis: [
    {
      text: {
        en: 'Save warnings to the file too, as the tutorial\'s "receive_logs_direct.py warning error > logs_from_rabbit.log" does: bind receive_logs_direct-1\'s queue to direct_logs with the key warning (draw a line from direct_logs to it).',
        es: 'Guarda también los avisos en el archivo, como hace "receive_logs_direct.py warning error > logs_from_rabbit.log" en el tutorial: enlaza la cola de receive_logs_direct-1 a direct_logs con la clave warning (traza una línea de direct_logs a ella).',
      },
    },
    {
      text: {
        en: 'Publish one "error" log now, as "emit_log_direct.py error" does: it reaches both queues.',
        es: 'Publica ahora un log "error", como hace "emit_log_direct.py error": llega a las dos colas.',
      },
      action: { type: 'publish', publisher: emit.publishers[0]!.id, overrides: { routingKey: 'error', body: 'Run. Run. Or it will explode.' } },
    },
    {
      text: {
        en: 'Add the routing key debug to emit_log_direct: no queue is bound with it, so direct_logs drops those messages.',
        es: 'Añade la clave debug a emit_log_direct: ninguna cola está enlazada con ella, así que direct_logs descarta esos mensajes.',
      },
    },
    {
      text: {
        en: 'Multiple bindings: bind both queues with the same key (black, say): for that key the direct exchange behaves like a fanout and copies the message to both.',
        es: 'Bindings múltiples: enlaza las dos colas con la misma clave (black, por ejemplo): para esa clave el exchange direct se comporta como un fanout y copia el mensaje a las dos.',
      },
    },
  ],
  tags: ['tutorial', 'routing'],
  scenario: scenario({
    title: 'Routing',
    exchanges: [directLogs],
    queues: [toFileQueue, toScreenQueue],
    bindings: [bind(directLogs, toFileQueue, 'error'), bind(directLogs, toScreenQueue, 'info'), bind(directLogs, toScreenQueue, 'warning'), bind(directLogs, toScreenQueue, 'error')],
    apps: [emit, toFile, toScreen],
  }),
};
