import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const directLogs = exchange('direct_logs', 'direct');
const disk = queue('disk');
const screen = queue('screen');
const emit = producer('emit_log_direct', { exchange: 'direct_logs', routingKeys: ['info', 'warning', 'error'], mode: 'rate', ratePerSec: 1.5, message: { body: '{key}: log #{n}', deliveryMode: 1 } });
const toDisk = consumer('receive_logs_direct-1', 'disk', { prefetchCount: 10, processingMs: 150 });
const toScreen = consumer('receive_logs_direct-2', 'screen', { prefetchCount: 10, processingMs: 150 });

/** After tutorial 4: the same routing to two durable, named queues, consumed with manual acks, with a lesson. */
export const routingSeverity: GalleryScenario = {
  id: 'routing-severity',
  title: { en: 'Routing by severity: durable queues (lesson)', es: 'Enrutar por severidad: colas durables (lección)' },
  summary: {
    en: 'After tutorial 4, with durable named queues: a direct exchange sends each log to the queues bound with exactly its severity: errors to disk, everything to screen.',
    es: 'Tras el tutorial 4, con colas durables con nombre: un exchange direct envía cada log a las colas enlazadas exactamente con su severidad: los errores a disco, todo a pantalla.',
  },
  watch: {
    en: 'emit_log_direct publishes with the severity as routing key (info, warning, error). A direct exchange delivers a message to every queue bound with a binding key equal to its routing key. disk has one binding (error); screen has three (info, warning, error), so an error goes to both queues.',
    es: 'emit_log_direct publica con la severidad como clave de enrutamiento (info, warning, error). Un exchange direct entrega un mensaje a cada cola enlazada con una clave de binding igual a su clave. disk tiene un binding (error); screen tiene tres (info, warning, error), así que un error va a las dos colas.',
  },
  tryThis: [
    {
      text: { en: 'Bind disk with key warning too: from then on warnings are saved to disk as well.', es: 'Enlaza disk también con la clave warning: a partir de entonces los avisos también se guardan en disco.' },
    },
    {
      text: {
        en: 'Add the routing key debug to emit_log_direct: no queue is bound with it, so the direct exchange drops those messages.',
        es: 'Añade la clave debug a emit_log_direct: ninguna cola está enlazada con ella, así que el exchange direct descarta esos mensajes.',
      },
    },
    {
      text: {
        en: 'Bind both queues with the same key: a direct exchange then behaves like a fanout for that key.',
        es: 'Enlaza las dos colas con la misma clave: para esa clave, un exchange direct se comporta como un fanout.',
      },
    },
  ],
  tags: ['routing', 'lesson'],
  scenario: scenario({
    title: 'Routing by severity',
    exchanges: [directLogs],
    queues: [disk, screen],
    bindings: [bind(directLogs, disk, 'error'), bind(directLogs, screen, 'info'), bind(directLogs, screen, 'warning'), bind(directLogs, screen, 'error')],
    apps: [emit, toDisk, toScreen],
  }),
  lesson: {
    title: { en: 'Routing by severity', es: 'Enrutar por severidad' },
    steps: [
      {
        text: { en: 'Watch: three error messages land in disk, and nothing else does.', es: 'Observa: tres mensajes error llegan a disk, y ningún otro.' },
        goal: { type: 'message-enqueued', queue: 'disk', routingKey: 'error', count: 3 },
      },
      {
        text: {
          en: 'The operators want warnings on disk too. Bind disk to direct_logs with the binding key warning (draw a line from direct_logs to disk).',
          es: 'Los operadores quieren también los avisos en disco. Enlaza disk a direct_logs con la clave de binding warning (traza una línea de direct_logs a disk).',
        },
        goal: { type: 'binding-exists', exchange: 'direct_logs', queue: 'disk', key: 'warning' },
      },
      {
        text: { en: 'Watch a warning land in disk.', es: 'Observa cómo un warning llega a disk.' },
        goal: { type: 'message-enqueued', queue: 'disk', routingKey: 'warning' },
      },
      {
        text: {
          en: 'Add the routing key debug to emit_log_direct (in the inspector, one key per line). No queue is bound with debug: watch direct_logs drop such a message.',
          es: 'Añade la clave debug a emit_log_direct (en el inspector, una clave por línea). Ninguna cola está enlazada con debug: observa cómo direct_logs descarta ese mensaje.',
        },
        goal: { type: 'unroutable', exchange: 'direct_logs' },
      },
    ],
  },
};
