import { emptyScenario, type ProgramFile, programSeed, type Scenario } from '../../model';
import type { GalleryScenario, TryItem } from '../types';
import type { CodeScenarioId } from './ids';
import { RECEIVE, SEND } from './helloWorld';
import { ORDER_WORKER, PUBLISHER } from './publisherConfirms';
import { EMIT_LOG, RECEIVE_LOGS } from './publishSubscribe';
import { EMIT_LOG_DIRECT, RECEIVE_LOGS_DIRECT } from './routing';
import { RPC_CLIENT, RPC_SERVER } from './rpc';
import { EMIT_LOG_TOPIC, RECEIVE_LOGS_TOPIC } from './topics';
import { NEW_TASK, WORKER } from './workQueues';

/**
 * The seven RabbitMQ tutorials as amqplib programs (issue 13): "code" scenarios. Each is its gallery
 * twin's traffic made by real client code: the same broker settings and seed, programs that declare
 * what the twin's document declares and publish and consume as its simulated clients do (the unit
 * tests of src/programs prove the queue depths and per-consumer counts equal after the same time).
 * The document has no topology of its own: what the programs declare appears when they run.
 */

const file = (name: string, source: string, args = ''): ProgramFile => ({ name, source, args });

function codeScenario(title: string, files: ProgramFile[], runs: { file: string; args: string }[], broker: Partial<Scenario['broker']> = {}): Scenario {
  return { ...emptyScenario(1), title, broker: { showDefaultExchange: false, hopLatencyMs: 300, ...broker }, programs: { files, runs } };
}

/** A "Try it" that runs one of the scenario's files with arguments (its instance number decides the seed). */
function tryRun(s: Scenario, name: string, args: string[], n: number, text: TryItem['text']): TryItem {
  const f = s.programs!.files.find((x) => x.name === name)!;
  return { text, action: { type: 'program-start', program: { file: name, source: f.source, args, seed: programSeed(s.seed, name, n) } } };
}

const hello = codeScenario('Hello World (code)', [file('send.js', SEND), file('receive.js', RECEIVE)], [{ file: 'receive.js', args: '' }, { file: 'send.js', args: '' }], { showDefaultExchange: true });
const work = codeScenario('Work queues (code)', [file('new_task.js', NEW_TASK), file('worker.js', WORKER, '300')], [{ file: 'worker.js', args: '300' }, { file: 'worker.js', args: '4000' }, { file: 'new_task.js', args: '' }], { showDefaultExchange: true, hopLatencyMs: 150 });
const pubsub = codeScenario('Publish/Subscribe (code)', [file('emit_log.js', EMIT_LOG), file('receive_logs.js', RECEIVE_LOGS)], [{ file: 'receive_logs.js', args: '--save' }, { file: 'receive_logs.js', args: '' }, { file: 'emit_log.js', args: '' }]);
const routing = codeScenario('Routing (code)', [file('emit_log_direct.js', EMIT_LOG_DIRECT), file('receive_logs_direct.js', RECEIVE_LOGS_DIRECT, 'error')], [{ file: 'receive_logs_direct.js', args: 'error' }, { file: 'receive_logs_direct.js', args: 'info warning error' }, { file: 'emit_log_direct.js', args: '' }]);
const topics = codeScenario('Topics (code)', [file('emit_log_topic.js', EMIT_LOG_TOPIC), file('receive_logs_topic.js', RECEIVE_LOGS_TOPIC, '"#"')], [{ file: 'receive_logs_topic.js', args: '"#"' }, { file: 'receive_logs_topic.js', args: '"*.critical"' }, { file: 'emit_log_topic.js', args: '' }]);
const rpc = codeScenario('RPC (code)', [file('rpc_server.js', RPC_SERVER), file('rpc_client.js', RPC_CLIENT)], [{ file: 'rpc_server.js', args: '' }, { file: 'rpc_client.js', args: '' }], { showDefaultExchange: true });
const confirms = codeScenario('Publisher confirms (code)', [file('publisher.js', PUBLISHER), file('order_worker.js', ORDER_WORKER)], [{ file: 'order_worker.js', args: '' }, { file: 'publisher.js', args: '' }], { showDefaultExchange: true });

const OPEN = {
  en: 'Open the Programs panel to read the code, change it, and run it again.',
  es: 'Abre el panel Programas para leer el código, cambiarlo y volver a ejecutarlo.',
};

export const CODE_GALLERY: Record<CodeScenarioId, GalleryScenario> = {
  'hello-world-code': {
    id: 'hello-world-code',
    title: { en: 'Hello World (code)', es: 'Hola mundo (código)' },
    summary: { en: 'Tutorial 1 as two amqplib programs: send.js puts a message in the queue hello every second, receive.js prints each one.', es: 'Tutorial 1 con dos programas amqplib: send.js deja un mensaje en la cola hello cada segundo y receive.js imprime cada uno.' },
    watch: { en: `Both programs declare the queue hello (declaring is idempotent) and it appears when the first one runs. receive.js consumes with auto-ack: nothing waits unacked. ${OPEN.en}`, es: `Los dos programas declaran la cola hello (declarar es idempotente) y aparece en cuanto corre el primero. receive.js consume con auto-ack: nada espera sin confirmar. ${OPEN.es}` },
    tryThis: [
      tryRun(hello, 'send.js', ['Hi there'], 2, { en: 'Run send.js once with a message of its own (node send.js "Hi there"): it sends it and exits.', es: 'Ejecuta send.js una vez con un mensaje propio (node send.js "Hi there"): lo envía y termina.' }),
      tryRun(hello, 'receive.js', [], 2, { en: 'Run a second receive.js: the queue now deals its messages to two consumers in turn.', es: 'Ejecuta un segundo receive.js: la cola reparte ahora sus mensajes por turnos entre dos consumidores.' }),
    ],
    tags: ['code'],
    scenario: hello,
  },
  'work-queues-code': {
    id: 'work-queues-code',
    title: { en: 'Work queues (code)', es: 'Colas de trabajo (código)' },
    summary: { en: 'Tutorial 2 as amqplib programs: new_task.js sends persistent tasks, two worker.js (0.3 s and 4 s a task) share them with prefetch 1.', es: 'Tutorial 2 con programas amqplib: new_task.js envía tareas persistentes y dos worker.js (0,3 s y 4 s por tarea) se las reparten con prefetch 1.' },
    watch: { en: `channel.prefetch(1) and a manual ack per task: the fast worker does most of the work. Kill the fast one with tasks unacked and watch them go back to the queue. ${OPEN.en}`, es: `channel.prefetch(1) y un ack manual por tarea: el worker rápido hace casi todo el trabajo. Mata al rápido con tareas sin confirmar y mira cómo vuelven a la cola. ${OPEN.es}` },
    tryThis: [
      { text: { en: 'In Programs, Kill worker.js #1 (the fast one): its unacked task is requeued and the slow worker cannot keep up.', es: 'En Programas, mata worker.js #1 (el rápido): su tarea sin confirmar vuelve a la cola y el lento no da abasto.' } },
      tryRun(work, 'worker.js', ['300'], 3, { en: 'Run another fast worker (node worker.js 300): the backlog drains.', es: 'Ejecuta otro worker rápido (node worker.js 300): la cola acumulada se vacía.' }),
      { text: { en: 'Remove channel.prefetch(1) from worker.js and run the workers again: tasks are dealt in turn and pile up unacked at the slow one.', es: 'Quita channel.prefetch(1) de worker.js y vuelve a ejecutar los workers: las tareas se reparten por turnos y se acumulan sin confirmar en el lento.' } },
    ],
    tags: ['code'],
    scenario: work,
  },
  'publish-subscribe-code': {
    id: 'publish-subscribe-code',
    title: { en: 'Publish/Subscribe (code)', es: 'Publicar/Suscribir (código)' },
    summary: { en: 'Tutorial 3 as amqplib programs: emit_log.js publishes to the fanout exchange logs, each receive_logs.js binds a queue of its own and gets every log.', es: 'Tutorial 3 con programas amqplib: emit_log.js publica en el exchange fanout logs y cada receive_logs.js enlaza una cola propia y recibe todos los logs.' },
    watch: { en: `assertQueue('', { exclusive: true }): the broker names each subscriber's queue (amq.gen-…) and deletes it when its connection closes. ${OPEN.en}`, es: `assertQueue('', { exclusive: true }): el broker pone nombre a la cola de cada suscriptor (amq.gen-…) y la borra cuando se cierra su conexión. ${OPEN.es}` },
    tryThis: [
      tryRun(pubsub, 'receive_logs.js', [], 3, { en: 'Run a third subscriber: a third queue appears, bound to logs, and gets every log from now on.', es: 'Ejecuta un tercer suscriptor: aparece una tercera cola, enlazada a logs, que recibe todos los logs desde ahora.' }),
      { text: { en: 'Stop receive_logs.js #2: its queue disappears with its connection; the logs keep reaching the others.', es: 'Detén receive_logs.js #2: su cola desaparece con su conexión; los logs siguen llegando a los demás.' } },
    ],
    tags: ['code'],
    scenario: pubsub,
  },
  'routing-code': {
    id: 'routing-code',
    title: { en: 'Routing (code)', es: 'Enrutado (código)' },
    summary: { en: 'Tutorial 4 as amqplib programs: emit_log_direct.js sends info, warning and error to a direct exchange; each receiver binds the severities it wants.', es: 'Tutorial 4 con programas amqplib: emit_log_direct.js envía info, warning y error a un exchange direct; cada receptor enlaza las severidades que quiere.' },
    watch: { en: `One binding per severity: the "error" receiver gets a third of the logs, the other all of them. ${OPEN.en}`, es: `Un enlace por severidad: el receptor de "error" recibe un tercio de los logs y el otro todos. ${OPEN.es}` },
    tryThis: [
      tryRun(routing, 'emit_log_direct.js', ['error', 'Run. Run. Or it will explode.'], 2, { en: 'Send one error by hand: node emit_log_direct.js error "Run. Run. Or it will explode."', es: 'Envía un error a mano: node emit_log_direct.js error "Run. Run. Or it will explode."' }),
      tryRun(routing, 'receive_logs_direct.js', ['warning'], 3, { en: 'Run a receiver of warnings only (node receive_logs_direct.js warning).', es: 'Ejecuta un receptor solo de avisos (node receive_logs_direct.js warning).' }),
    ],
    tags: ['code'],
    scenario: routing,
  },
  'topics-code': {
    id: 'topics-code',
    title: { en: 'Topics (code)', es: 'Temas (código)' },
    summary: { en: 'Tutorial 5 as amqplib programs: emit_log_topic.js sends "<facility>.<severity>" keys; receivers bind patterns with * and #.', es: 'Tutorial 5 con programas amqplib: emit_log_topic.js envía claves "<facilidad>.<severidad>"; los receptores enlazan patrones con * y #.' },
    watch: { en: `"#" gets everything, "*.critical" only the critical logs. Run node receive_logs_topic.js "kern.*" to see a third pattern. ${OPEN.en}`, es: `"#" lo recibe todo, "*.critical" solo los logs críticos. Ejecuta node receive_logs_topic.js "kern.*" para ver un tercer patrón. ${OPEN.es}` },
    tryThis: [
      tryRun(topics, 'receive_logs_topic.js', ['kern.*'], 3, { en: 'Run node receive_logs_topic.js "kern.*": it gets kern.critical and kern.info.', es: 'Ejecuta node receive_logs_topic.js "kern.*": recibe kern.critical y kern.info.' }),
      tryRun(topics, 'emit_log_topic.js', ['kern.critical', 'A critical kernel error'], 2, { en: 'Send one message by hand: node emit_log_topic.js kern.critical "A critical kernel error".', es: 'Envía un mensaje a mano: node emit_log_topic.js kern.critical "A critical kernel error".' }),
    ],
    tags: ['code'],
    scenario: topics,
  },
  'rpc-code': {
    id: 'rpc-code',
    title: { en: 'RPC (code)', es: 'RPC (código)' },
    summary: { en: 'Tutorial 6 as amqplib programs: rpc_client.js sends fib(n) requests with reply_to and correlation_id; rpc_server.js answers one at a time.', es: 'Tutorial 6 con programas amqplib: rpc_client.js envía peticiones fib(n) con reply_to y correlation_id; rpc_server.js responde de una en una.' },
    watch: { en: `The client's callback queue is server-named and exclusive; each answer comes back with the request's correlation id. ${OPEN.en}`, es: `La cola de respuesta del cliente la nombra el broker y es exclusiva; cada respuesta vuelve con el correlation id de su petición. ${OPEN.es}` },
    tryThis: [
      tryRun(rpc, 'rpc_client.js', ['30'], 2, { en: 'Ask once: node rpc_client.js 30 waits for fib(30) and exits.', es: 'Pregunta una vez: node rpc_client.js 30 espera fib(30) y termina.' }),
      tryRun(rpc, 'rpc_server.js', [], 2, { en: 'Run a second server: requests are shared between the two.', es: 'Ejecuta un segundo servidor: las peticiones se reparten entre los dos.' }),
    ],
    tags: ['code'],
    scenario: rpc,
  },
  'publisher-confirms-code': {
    id: 'publisher-confirms-code',
    title: { en: 'Publisher confirms (code)', es: 'Confirmaciones del publicador (código)' },
    summary: { en: 'Tutorial 7 as amqplib programs: publisher.js publishes on a confirm channel faster than order_worker.js handles; the queue holds 10 and the broker nacks the rest.', es: 'Tutorial 7 con programas amqplib: publisher.js publica en un canal de confirmación más rápido de lo que order_worker.js atiende; la cola admite 10 y el broker rechaza (nack) el resto.' },
    watch: { en: `createConfirmChannel(): every sendToQueue gets a callback, called with null on ack and an error on nack. ${OPEN.en}`, es: `createConfirmChannel(): cada sendToQueue recibe un callback, llamado con null en el ack y con un error en el nack. ${OPEN.es}` },
    tryThis: [
      tryRun(confirms, 'order_worker.js', [], 2, { en: 'Run a second worker: the queue stops filling up and the nacks stop.', es: 'Ejecuta un segundo worker: la cola deja de llenarse y se acaban los nacks.' }),
      { text: { en: 'Change publisher.js to call channel.waitForConfirms() after each publish and run it again.', es: 'Cambia publisher.js para que llame a channel.waitForConfirms() tras cada publicación y vuelve a ejecutarlo.' } },
    ],
    tags: ['code'],
    scenario: confirms,
  },
};
