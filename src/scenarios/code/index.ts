import { emptyScenario, type ProgramFile, programSeed, type Scenario } from '../../model';
import type { GalleryScenario, TryItem } from '../types';
import type { CodeScenarioId } from './ids';
import { RECEIVE, SEND } from './helloWorld';
import { PUBLISHER_CONFIRMS } from './publisherConfirms';
import { EMIT_LOG, RECEIVE_LOGS } from './publishSubscribe';
import { EMIT_LOG_DIRECT, RECEIVE_LOGS_DIRECT } from './routing';
import { RPC_CLIENT, RPC_SERVER } from './rpc';
import { EMIT_LOG_TOPIC, RECEIVE_LOGS_TOPIC } from './topics';
import { NEW_TASK, WORKER } from './workQueues';

/**
 * The seven RabbitMQ tutorials as amqplib programs (issue 13): "code" scenarios. Each is its gallery
 * twin's traffic made by real client code: the same broker settings and seed, programs written as
 * rabbitmq.com's JavaScript tutorials write them that publish and consume as the twin's simulated
 * clients do (the unit tests of src/programs prove the queue depths and per-consumer counts equal
 * after the same time). Where the tutorial's code names things differently from its text, the
 * programs keep the code's names: Topics' exchange is topic_logs, and subscribers' queues are
 * server-named (amq.gen-…). The document has no topology of its own: what the programs declare
 * appears when they run.
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
const work = codeScenario('Work queues (code)', [file('new_task.js', NEW_TASK), file('worker.js', WORKER)], [{ file: 'worker.js', args: '' }, { file: 'worker.js', args: '' }, { file: 'new_task.js', args: '' }], { showDefaultExchange: true, hopLatencyMs: 150 });
const pubsub = codeScenario('Publish/Subscribe (code)', [file('emit_log.js', EMIT_LOG), file('receive_logs.js', RECEIVE_LOGS)], [{ file: 'receive_logs.js', args: '' }, { file: 'receive_logs.js', args: '' }, { file: 'emit_log.js', args: '' }]);
const routing = codeScenario('Routing (code)', [file('emit_log_direct.js', EMIT_LOG_DIRECT), file('receive_logs_direct.js', RECEIVE_LOGS_DIRECT, 'error')], [{ file: 'receive_logs_direct.js', args: 'error' }, { file: 'receive_logs_direct.js', args: 'info warning error' }, { file: 'emit_log_direct.js', args: '' }]);
const topics = codeScenario('Topics (code)', [file('emit_log_topic.js', EMIT_LOG_TOPIC), file('receive_logs_topic.js', RECEIVE_LOGS_TOPIC, '"*.orange.*"')], [{ file: 'receive_logs_topic.js', args: '"*.orange.*"' }, { file: 'receive_logs_topic.js', args: '"*.*.rabbit" "lazy.#"' }, { file: 'emit_log_topic.js', args: '' }]);
const rpc = codeScenario('RPC (code)', [file('rpc_server.js', RPC_SERVER), file('rpc_client.js', RPC_CLIENT)], [{ file: 'rpc_server.js', args: '' }, { file: 'rpc_client.js', args: '' }], { showDefaultExchange: true });
const confirms = codeScenario(
  'Publisher confirms (code)',
  [file('publisher_confirms.js', PUBLISHER_CONFIRMS, 'individually')],
  [{ file: 'publisher_confirms.js', args: 'individually' }, { file: 'publisher_confirms.js', args: 'batches' }, { file: 'publisher_confirms.js', args: 'async' }],
  { showDefaultExchange: true, hopLatencyMs: 50 },
);

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
    summary: { en: 'Tutorial 2 as amqplib programs: new_task.js sends the tutorial\'s five tasks, "First message." to "Fifth message.....", one every 2 s, over and over; two worker.js work a second per dot and share them with prefetch 1.', es: 'Tutorial 2 con programas amqplib: new_task.js envía las cinco tareas del tutorial, de "First message." a "Fifth message.....", una cada 2 s, una y otra vez; dos worker.js trabajan un segundo por punto y se las reparten con prefetch 1.' },
    watch: { en: `As in the tutorial, worker.js sleeps a second for every dot in the task before it acks it, and calls channel.prefetch(1): it gets a new task only when it has acked the one it has, so each task goes to the worker that is free (fair dispatch). task_queue is durable and the tasks persistent. ${OPEN.en}`, es: `Como en el tutorial, worker.js duerme un segundo por cada punto de la tarea antes de confirmarla (ack) y llama a channel.prefetch(1): solo recibe una tarea nueva cuando ha confirmado la que tiene, así que cada tarea va al worker que está libre (reparto justo). task_queue es durable y las tareas persistentes. ${OPEN.es}` },
    tryThis: [
      { text: { en: 'In Programs, Kill worker.js #1 while it works on a task: it never acked it, so the task goes back to the queue, flagged redelivered, and worker.js #2 takes it.', es: 'En Programas, mata worker.js #1 mientras trabaja en una tarea: nunca la confirmó, así que la tarea vuelve a la cola, marcada como redelivered, y worker.js #2 la recoge.' } },
      tryRun(work, 'new_task.js', ['A very long task..........'], 2, { en: 'Send a long task by hand, as the tutorial does: node new_task.js "A very long task.........." (ten seconds of work).', es: 'Envía a mano una tarea larga, como hace el tutorial: node new_task.js "A very long task.........." (diez segundos de trabajo).' }),
      { text: { en: 'Remove channel.prefetch(1) from worker.js, set new_task.js\'s TASKS to [\'Heavy task.....\', \'Light task.\'] and run the programs again: RabbitMQ deals the tasks in turn, so worker.js #1 gets every heavy one and piles them up unacked while #2 is mostly idle.', es: 'Quita channel.prefetch(1) de worker.js, pon TASKS de new_task.js a [\'Heavy task.....\', \'Light task.\'] y vuelve a ejecutar los programas: RabbitMQ reparte las tareas por turnos, así que worker.js #1 recibe todas las pesadas y las acumula sin confirmar mientras #2 está casi siempre ocioso.' } },
    ],
    tags: ['code'],
    scenario: work,
  },
  'publish-subscribe-code': {
    id: 'publish-subscribe-code',
    title: { en: 'Publish/Subscribe (code)', es: 'Publicar/Suscribir (código)' },
    summary: { en: 'Tutorial 3 as amqplib programs: emit_log.js publishes to the fanout exchange logs, each of two receive_logs.js binds a queue of its own and gets every log.', es: 'Tutorial 3 con programas amqplib: emit_log.js publica en el exchange fanout logs y cada uno de los dos receive_logs.js enlaza una cola propia y recibe todos los logs.' },
    watch: { en: `assertQueue('', { exclusive: true }): the broker names each subscriber's queue (amq.gen-…) and deletes it when its connection closes. Both subscribers consume with noAck: true (auto-ack), so nothing waits unacked, and the exchange logs is not durable. ${OPEN.en}`, es: `assertQueue('', { exclusive: true }): el broker pone nombre a la cola de cada suscriptor (amq.gen-…) y la borra cuando se cierra su conexión. Los dos suscriptores consumen con noAck: true (auto-ack), así que nada espera sin confirmar, y el exchange logs no es durable. ${OPEN.es}` },
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
    watch: { en: `One binding per severity: receive_logs_direct.js error (the tutorial's file writer) gets only the errors, a third of the logs; receive_logs_direct.js info warning error gets all of them. Each consumes with auto-ack from a temporary queue of its own. ${OPEN.en}`, es: `Un enlace por severidad: receive_logs_direct.js error (el que escribe en un archivo en el tutorial) recibe solo los errores, un tercio de los logs; receive_logs_direct.js info warning error los recibe todos. Cada uno consume con auto-ack de una cola temporal propia. ${OPEN.es}` },
    tryThis: [
      tryRun(routing, 'emit_log_direct.js', ['error', 'Run. Run. Or it will explode.'], 2, { en: 'Send one error by hand: node emit_log_direct.js error "Run. Run. Or it will explode." It reaches both receivers.', es: 'Envía un error a mano: node emit_log_direct.js error "Run. Run. Or it will explode." Llega a los dos receptores.' }),
      tryRun(routing, 'receive_logs_direct.js', ['warning', 'error'], 3, { en: 'Run the tutorial\'s file writer: node receive_logs_direct.js warning error.', es: 'Ejecuta el que escribe en un archivo en el tutorial: node receive_logs_direct.js warning error.' }),
    ],
    tags: ['code'],
    scenario: routing,
  },
  'topics-code': {
    id: 'topics-code',
    title: { en: 'Topics (code)', es: 'Temas (código)' },
    summary: { en: 'Tutorial 5 as amqplib programs, with the tutorial\'s animals: emit_log_topic.js sends keys <celerity>.<colour>.<species>; one receiver binds *.orange.*, the other *.*.rabbit and lazy.#.', es: 'Tutorial 5 con programas amqplib, con los animales del tutorial: emit_log_topic.js envía claves <celeridad>.<color>.<especie>; un receptor enlaza *.orange.* y el otro *.*.rabbit y lazy.#.' },
    watch: { en: `* stands for exactly one word, # for zero or more. quick.orange.rabbit reaches both receivers, quick.orange.fox only the first, lazy.brown.fox only the second, and quick.brown.fox nobody. lazy.pink.rabbit matches both bindings of the second and reaches it once. ${OPEN.en}`, es: `* vale por exactamente una palabra, # por cero o más. quick.orange.rabbit llega a los dos receptores, quick.orange.fox solo al primero, lazy.brown.fox solo al segundo, y quick.brown.fox a ninguno. lazy.pink.rabbit casa con los dos bindings del segundo y le llega una sola vez. ${OPEN.es}` },
    tryThis: [
      tryRun(topics, 'receive_logs_topic.js', ['#'], 3, { en: 'Run node receive_logs_topic.js "#": it gets every message, even orange and quick.orange.new.rabbit, which no other pattern takes.', es: 'Ejecuta node receive_logs_topic.js "#": recibe todos los mensajes, incluso orange y quick.orange.new.rabbit, que ningún otro patrón recoge.' }),
      tryRun(topics, 'emit_log_topic.js', ['lazy.orange.elephant', 'A lazy orange elephant'], 2, { en: 'Send one message by hand: node emit_log_topic.js lazy.orange.elephant "A lazy orange elephant". Both receivers get it.', es: 'Envía un mensaje a mano: node emit_log_topic.js lazy.orange.elephant "A lazy orange elephant". Lo reciben los dos receptores.' }),
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
    summary: { en: 'Tutorial 7 as an amqplib program: publisher_confirms.js, run three times, publishes 100 messages on a confirm channel with each of the tutorial\'s strategies: waiting for each confirm, for each batch of 10, or handling the confirms asynchronously.', es: 'Tutorial 7 con un programa amqplib: publisher_confirms.js, ejecutado tres veces, publica 100 mensajes en un canal de confirmación con cada estrategia del tutorial: esperando cada confirmación, cada lote de 10, o tratando las confirmaciones de forma asíncrona.' },
    watch: { en: `createConfirmChannel(): channel.waitForConfirms() waits until every message published so far is acked (and rejects on a nack); a callback given to sendToQueue hears about its own message. Each run prints how long its 100 messages took: with a round trip to the broker per message, waiting for each confirm is by far the slowest. ${OPEN.en}`, es: `createConfirmChannel(): channel.waitForConfirms() espera a que esté confirmado (ack) todo lo publicado hasta ese momento (y falla con un nack); un callback pasado a sendToQueue se entera de su propio mensaje. Cada ejecución imprime cuánto tardaron sus 100 mensajes: con una ida y vuelta al broker por mensaje, esperar cada confirmación es con diferencia lo más lento. ${OPEN.es}` },
    tryThis: [
      tryRun(confirms, 'publisher_confirms.js', [], 4, { en: 'Run node publisher_confirms.js without arguments: the three strategies one after the other, each on a connection of its own, as the tutorial\'s PublisherConfirms.java does; then it exits.', es: 'Ejecuta node publisher_confirms.js sin argumentos: las tres estrategias una tras otra, cada una en su propia conexión, como hace el PublisherConfirms.java del tutorial; después termina.' }),
      { text: { en: 'Raise the hop latency in the Broker menu (a broker farther away) and run node publisher_confirms.js individually again: it slows down in proportion, the batches much less.', es: 'Sube la latencia por salto en el menú Broker (un broker más lejano) y vuelve a ejecutar node publisher_confirms.js individually: se frena en proporción, los lotes mucho menos.' } },
    ],
    tags: ['code'],
    scenario: confirms,
  },
};
