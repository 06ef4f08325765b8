import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const topicExchange = exchange('topic_logs', 'topic');
const all = queue('all');
const critical = queue('critical');
const kern = queue('kern');
const emit = producer('emit_log_topic', {
  exchange: 'topic_logs',
  routingKeys: ['kern.critical', 'auth.info', 'cron.warning', 'kern.info', 'auth.critical'],
  mode: 'rate',
  ratePerSec: 1.5,
  message: { body: '{key} #{n}', deliveryMode: 1 },
});
const consumers = [consumer('all-logs', 'all', { processingMs: 150 }), consumer('critical-alerts', 'critical', { processingMs: 150 }), consumer('kernel-team', 'kern', { processingMs: 150 })];

/** After tutorial 5: its logging system, keyed <facility>.<severity>, with a lesson on patterns. */
export const topicLogs: GalleryScenario = {
  id: 'topic-logs',
  title: { en: 'Topics: log facilities (lesson)', es: 'Topics: logs por origen (lección)' },
  summary: {
    en: 'After tutorial 5: logs keyed <facility>.<severity> go through a topic exchange; queues bind with patterns like *.critical and #.',
    es: 'Tras el tutorial 5: logs con clave <facility>.<severity> pasan por un exchange topic; las colas se enlazan con patrones como *.critical y #.',
  },
  watch: {
    en: 'A topic exchange compares the routing key, word by word (words are separated by dots), with each binding pattern: * matches exactly one word, # zero or more. all is bound with #, so it gets everything; critical with *.critical, so it gets kern.critical and auth.critical. The queue kern is not bound yet: it gets nothing until you bind it (the lesson asks you to).',
    es: 'Un exchange topic compara la clave de enrutamiento, palabra a palabra (separadas por puntos), con cada patrón de binding: * casa con exactamente una palabra, # con cero o más. all está enlazada con #, así que lo recibe todo; critical con *.critical, así que recibe kern.critical y auth.critical. La cola kern aún no está enlazada: no recibe nada hasta que la enlaces (la lección te lo pide).',
  },
  tryThis: [
    {
      text: { en: 'Bind kern to topic_logs with kern.* : it receives kern.critical and kern.info.', es: 'Enlaza kern a topic_logs con kern.* : recibe kern.critical y kern.info.' },
    },
    {
      text: {
        en: 'Add the key kern (a single word) to emit_log_topic: # matches it, but kern.* does not — * needs exactly one more word.',
        es: 'Añade la clave kern (una sola palabra) a emit_log_topic: # casa con ella, pero kern.* no: * necesita exactamente una palabra más.',
      },
    },
    {
      text: { en: 'Bind critical with cron.* as well: a queue may have several patterns, and still gets each message once.', es: 'Enlaza critical también con cron.*: una cola puede tener varios patrones y aun así recibe cada mensaje una sola vez.' },
    },
  ],
  tags: ['routing', 'lesson'],
  scenario: scenario({
    title: 'Topics: log facilities',
    exchanges: [topicExchange],
    queues: [all, critical, kern],
    bindings: [bind(topicExchange, all, '#'), bind(topicExchange, critical, '*.critical')],
    layoutBindings: [bind(topicExchange, kern, 'kern.*')],
    apps: [emit, ...consumers],
  }),
  lesson: {
    title: { en: 'Topic patterns', es: 'Patrones de topic' },
    steps: [
      {
        text: { en: 'Watch critical receive two *.critical messages (kern.critical, auth.critical).', es: 'Observa cómo critical recibe dos mensajes *.critical (kern.critical, auth.critical).' },
        goal: { type: 'message-enqueued', queue: 'critical', routingKey: '*.critical', count: 2 },
      },
      {
        text: {
          en: 'The kernel team wants every kernel log. Bind queue kern to topic_logs so that it receives kern.* messages.',
          es: 'El equipo del kernel quiere todos los logs del kernel. Enlaza la cola kern a topic_logs para que reciba los mensajes kern.*.',
        },
        goal: { type: 'message-enqueued', queue: 'kern', routingKey: 'kern.*' },
      },
      {
        text: {
          en: 'Cron warnings matter too: give critical a second binding so that it also receives cron.* messages.',
          es: 'Los avisos de cron también importan: dale a critical un segundo binding para que reciba también los mensajes cron.*.',
        },
        goal: { type: 'message-enqueued', queue: 'critical', routingKey: 'cron.*' },
      },
      {
        text: {
          en: 'Add the one-word key kern to emit_log_topic and watch it land in all: # matches it, while kern.* does not.',
          es: 'Añade la clave de una palabra kern a emit_log_topic y mira cómo llega a all: # casa con ella, kern.* no.',
        },
        goal: { type: 'message-enqueued', queue: 'all', routingKey: 'kern' },
      },
    ],
  },
};
