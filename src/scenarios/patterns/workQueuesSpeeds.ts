import { consumer, consumerId, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const newTask = producer('new_task', { routingKeys: ['task_queue'], mode: 'rate', ratePerSec: 1.5, message: { body: 'task #{n}', deliveryMode: 2 } });
const fast = consumer('worker-fast', 'task_queue', { prefetchCount: 1, processingMs: 300 });
const slow = consumer('worker-slow', 'task_queue', { prefetchCount: 1, processingMs: 4000 });

/** After tutorial 2: two workers of different speeds; basic.qos(prefetch_count=1) gives the fast one most of the work (with a lesson). */
export const workQueuesSpeeds: GalleryScenario = {
  id: 'work-queues-speeds',
  title: { en: 'Work queues: a fast and a slow worker', es: 'Colas de trabajo: un worker rápido y uno lento' },
  summary: {
    en: 'After tutorial 2: two workers of different speeds share one durable task queue; prefetch 1 gives each a new task only when it is free.',
    es: 'Tras el tutorial 2: dos workers de distinta velocidad comparten una cola de tareas durable; prefetch 1 da a cada uno una tarea nueva solo cuando está libre.',
  },
  watch: {
    en: 'Both workers call basic.qos(prefetch_count=1) and ack each task when done, so RabbitMQ never sends a worker a second task before it acks the first. worker-fast (0.3 s a task) ends up doing several times as many as worker-slow (4 s): compare their acked counts. The queue and the tasks are durable and persistent, so they would survive a broker restart.',
    es: 'Los dos workers llaman a basic.qos(prefetch_count=1) y confirman (ack) cada tarea al acabarla, así que RabbitMQ nunca envía a un worker una segunda tarea antes de que confirme la primera. worker-fast (0,3 s por tarea) acaba haciendo varias veces más que worker-slow (4 s): compara sus acks. La cola es durable y las tareas persistentes: sobrevivirían a un reinicio del broker.',
  },
  tryThis: [
    {
      text: {
        en: 'Set Prefetch to 0 (unlimited) on worker-slow: it now takes its round-robin share whether or not it is free, and its unacked tasks pile up while worker-fast waits.',
        es: 'Pon Prefetch a 0 (ilimitado) en worker-slow: ahora recibe su parte por turnos (round-robin) esté libre o no, y sus tareas sin confirmar se acumulan mientras worker-fast espera.',
      },
    },
    {
      text: { en: 'Crash worker-fast: worker-slow alone cannot keep up and task_queue grows.', es: 'Haz fallar worker-fast: worker-slow solo no da abasto y task_queue crece.' },
      action: { type: 'consumer-crash', consumer: consumerId(fast) },
    },
    {
      text: { en: 'Start worker-fast again: it drains the backlog.', es: 'Vuelve a arrancar worker-fast: vacía la cola acumulada.' },
      action: { type: 'consumer-start', consumer: consumerId(fast) },
    },
  ],
  tags: ['consumers', 'lesson'],
  scenario: scenario({ title: 'Work queues: fast and slow', showDefaultExchange: true, hopLatencyMs: 150, queues: [queue('task_queue')], apps: [newTask, fast, slow] }),
  lesson: {
    title: { en: 'Fair dispatch', es: 'Reparto justo' },
    steps: [
      {
        text: {
          en: 'Watch: worker-fast acks 10 tasks while worker-slow is still on its first few.',
          es: 'Observa: worker-fast confirma 10 tareas mientras worker-slow sigue con las primeras.',
        },
        goal: { type: 'acked', consumer: consumerId(fast), count: 10 },
      },
      {
        text: {
          en: 'Crash worker-fast (the "Try it" button in "What to try"). worker-slow alone cannot keep up: let 5 tasks pile up in task_queue.',
          es: 'Haz fallar worker-fast (el botón "Pruébalo" de "Qué probar"). worker-slow solo no da abasto: deja que se acumulen 5 tareas en task_queue.',
        },
        goal: { type: 'queue-depth', queue: 'task_queue', atLeast: 5 },
      },
      {
        text: { en: 'Start worker-fast again and watch it empty task_queue.', es: 'Vuelve a arrancar worker-fast y mira cómo vacía task_queue.' },
        goal: { type: 'queue-depth', queue: 'task_queue', atMost: 0 },
      },
      {
        text: {
          en: 'Now set worker-slow\'s Prefetch to 0 (unlimited) in the inspector: it takes tasks it cannot start yet. Watch 5 of them wait unacked in its buffer.',
          es: 'Ahora pon el Prefetch de worker-slow a 0 (ilimitado) en el inspector: acepta tareas que aún no puede empezar. Mira cómo 5 esperan sin confirmar en su búfer.',
        },
        goal: { type: 'queue-depth', queue: 'task_queue', of: 'unacked', atLeast: 5 },
      },
    ],
  },
};
