import { consumer, consumerId, producer, publisherId, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

// new_task.py is run with the tutorial's five messages; each dot is a second of work for the worker
const TASKS = '{First message.|Second message..|Third message...|Fourth message....|Fifth message.....}';
const newTask = producer('new_task', { routingKeys: ['task_queue'], mode: 'rate', ratePerSec: 0.5, message: { body: TASKS, deliveryMode: 2 } });
// worker.py: basic_qos(prefetch_count=1), time.sleep(body.count(b'.')), then basic_ack
const worker = (name: string) => consumer(name, 'task_queue', { prefetchCount: 1, processingMs: 0, msPerDot: 1000 });
const worker1 = worker('worker-1');
const worker2 = worker('worker-2');

/** RabbitMQ tutorial 2: a durable task queue shared by two workers, manual acks, fair dispatch with prefetch 1. */
export const workQueues: GalleryScenario = {
  id: 'work-queues',
  title: { en: 'Work queues', es: 'Colas de trabajo' },
  summary: {
    en: 'Tutorial 2: new_task sends time-consuming tasks to a durable queue; two workers share them, ack each one when done, and take a new one only when free.',
    es: 'Tutorial 2: new_task envía tareas que llevan tiempo a una cola durable; dos workers se las reparten, confirman cada una al acabarla y solo cogen otra cuando están libres.',
  },
  watch: {
    en: 'new_task publishes the tutorial\'s five messages in turn, "First message." to "Fifth message.....", through the default exchange to task_queue. Like the tutorial\'s worker, which sleeps one second for every dot in the body, a worker takes 1 s for "First message." and 5 s for "Fifth message.....": watch each one\'s bar. task_queue is durable and the messages persistent (delivery mode 2). Both workers call basic.qos(prefetch_count=1) and basic.ack a task only when it is done, so RabbitMQ never gives a worker a second task while it works on one: each new task goes to the worker that is free (fair dispatch), and Unacked never goes above 1 per worker.',
    es: 'new_task publica por turnos los cinco mensajes del tutorial, de "First message." a "Fifth message.....", por el exchange por defecto hacia task_queue. Como el worker del tutorial, que duerme un segundo por cada punto del cuerpo, un worker tarda 1 s con "First message." y 5 s con "Fifth message.....": mira la barra de cada uno. task_queue es durable y los mensajes persistentes (delivery mode 2). Los dos workers llaman a basic.qos(prefetch_count=1) y hacen basic.ack de una tarea solo al terminarla, así que RabbitMQ nunca da a un worker una segunda tarea mientras trabaja en una: cada tarea nueva va al worker que está libre (reparto justo), y Unacked nunca pasa de 1 por worker.',
  },
  tryThis: [
    {
      text: {
        en: 'Send the five messages at once, as running new_task.py five times: each worker takes one, and the rest wait Ready in task_queue until a worker is free.',
        es: 'Envía los cinco mensajes de golpe, como si ejecutaras new_task.py cinco veces: cada worker coge uno y el resto espera Ready en task_queue hasta que un worker quede libre.',
      },
      action: { type: 'burst', publisher: publisherId(newTask), count: 5 },
    },
    {
      text: {
        en: 'Crash worker-1 while it works on a task: it never acked it, so RabbitMQ delivers it again, flagged redelivered, to worker-2. No task is lost. Then start worker-1 again from its inspector.',
        es: 'Haz fallar worker-1 mientras trabaja en una tarea: nunca la confirmó, así que RabbitMQ la vuelve a entregar, marcada como redelivered, a worker-2. No se pierde ninguna tarea. Después vuelve a arrancar worker-1 desde su inspector.',
      },
      action: { type: 'consumer-crash', consumer: consumerId(worker1) },
    },
    {
      text: {
        en: 'Dispatch without prefetch: set Prefetch to 0 on both workers, and new_task\'s body to Task {n}{.....|.} (odd tasks heavy, even ones light). RabbitMQ deals tasks round-robin, whatever the workers are doing: worker-1 gets every heavy task and piles them up unacked, while worker-2 is mostly idle. Prefetch 1 again brings fair dispatch back.',
        es: 'Reparto sin prefetch: pon Prefetch a 0 en los dos workers y el cuerpo de new_task a Task {n}{.....|.} (las tareas impares pesadas, las pares ligeras). RabbitMQ reparte las tareas por turnos, hagan lo que hagan los workers: worker-1 recibe todas las pesadas y las acumula sin confirmar, mientras worker-2 está casi siempre ocioso. Con Prefetch 1 vuelve el reparto justo.',
      },
    },
    {
      text: {
        en: 'Restart the broker: task_queue is durable and its tasks persistent, so the ones waiting survive, and the workers carry on when they reconnect.',
        es: 'Reinicia el broker: task_queue es durable y sus tareas persistentes, así que las que esperaban sobreviven, y los workers siguen cuando se reconectan.',
      },
      action: { type: 'broker-restart' },
    },
  ],
  tags: ['tutorial', 'consumers'],
  scenario: scenario({ title: 'Work queues', showDefaultExchange: true, hopLatencyMs: 150, queues: [queue('task_queue')], apps: [newTask, worker1, worker2] }),
};
