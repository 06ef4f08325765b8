import type { ConfirmWait } from '../../model';
import { producer, publisherId, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const COUNT = 100;
const BATCH = 10;

/** One publisher per strategy, each publishing COUNT messages to its own queue, as PublisherConfirms.java does. */
function strategy(name: string, wait: ConfirmWait) {
  return producer(name, { routingKeys: [name], mode: 'burst', burstCount: COUNT, confirms: true, waitForConfirms: wait, confirmBatchSize: BATCH, message: { body: `${name} #{n}`, deliveryMode: 1 } });
}
const individually = strategy('publish-individually', 'each');
const inBatches = strategy('publish-in-batches', 'batch');
const asynchronously = strategy('publish-async', 'no');
const apps = [individually, inBatches, asynchronously];

/** RabbitMQ tutorial 7: the three ways of handling publisher confirms, side by side, with their throughput. */
export const publisherConfirms: GalleryScenario = {
  id: 'publisher-confirms',
  title: { en: 'Publisher confirms', es: 'Confirmaciones del publicador' },
  summary: {
    en: `Tutorial 7: three publishers send ${COUNT} messages each with confirms: waiting for each confirm, waiting for each batch of ${BATCH}, and handling confirms asynchronously. Compare how long each takes.`,
    es: `Tutorial 7: tres publicadores envían ${COUNT} mensajes cada uno con confirmaciones: esperando cada confirmación, esperando cada lote de ${BATCH}, y tratándolas de forma asíncrona. Compara cuánto tarda cada uno.`,
  },
  watch: {
    en: `Each publisher's channel is in confirm mode (confirm.select): the broker answers every message with basic.ack once it has taken care of it. publish-individually waits for each confirm before publishing the next (waitForConfirmsOrDie after each basic.publish): one message per round trip to the broker. publish-in-batches publishes ${BATCH} messages, then waits until all ${BATCH} are confirmed. publish-async publishes on and handles confirms as they come, keeping track of the ones still outstanding. When a publisher has all ${COUNT} confirms, the log says how long it took and its throughput in msg/s, like the tutorial's PublisherConfirms.java. With a network between client and broker, waiting for each confirm is by far the slowest. (Publishing itself costs nothing in the simulation, so the asynchronous one finishes within one round trip; on a real network the batches and the asynchronous handling come close, as the tutorial measured.)`,
    es: `El canal de cada publicador está en modo confirmación (confirm.select): el broker responde a cada mensaje con basic.ack cuando se ha hecho cargo de él. publish-individually espera cada confirmación antes de publicar el siguiente (waitForConfirmsOrDie tras cada basic.publish): un mensaje por cada ida y vuelta al broker. publish-in-batches publica ${BATCH} mensajes y espera a que los ${BATCH} estén confirmados. publish-async sigue publicando y trata las confirmaciones según llegan, llevando la cuenta de las que faltan. Cuando un publicador tiene sus ${COUNT} confirmaciones, el log dice cuánto tardó y su rendimiento en msg/s, como el PublisherConfirms.java del tutorial. Con una red entre cliente y broker, esperar cada confirmación es con diferencia lo más lento. (Publicar en sí no cuesta nada en la simulación, así que el asíncrono acaba en una sola ida y vuelta; en una red real los lotes y el tratamiento asíncrono quedan cerca, como midió el tutorial.)`,
  },
  tryThis: [
    {
      text: {
        en: `Run publish-individually again: ${COUNT} more messages, one round trip each. Watch its Confirmed count creep up.`,
        es: `Vuelve a lanzar publish-individually: ${COUNT} mensajes más, una ida y vuelta cada uno. Mira cómo sube despacio su contador de confirmados.`,
      },
      action: { type: 'burst', publisher: publisherId(individually) },
    },
    {
      text: { en: `Run publish-in-batches again: ${BATCH} messages leave together, then it waits for their ${BATCH} confirms.`, es: `Vuelve a lanzar publish-in-batches: salen ${BATCH} mensajes juntos y luego espera sus ${BATCH} confirmaciones.` },
      action: { type: 'burst', publisher: publisherId(inBatches) },
    },
    {
      text: { en: 'Run publish-async again: every message leaves at once, and the confirms come back as the broker takes them.', es: 'Vuelve a lanzar publish-async: todos los mensajes salen a la vez y las confirmaciones vuelven según el broker los acepta.' },
      action: { type: 'burst', publisher: publisherId(asynchronously) },
    },
    {
      text: {
        en: 'Raise the hop latency in the Broker menu (a broker farther away): publish-individually slows down in proportion, the batches much less. Or change a publisher\'s "Wait for confirms" in the inspector and use its Burst button.',
        es: 'Sube la latencia por salto en el menú Broker (un broker más lejano): publish-individually se frena en proporción, los lotes mucho menos. O cambia "Esperar las confirmaciones" de un publicador en el inspector y usa su botón de ráfaga.',
      },
    },
  ],
  tags: ['tutorial', 'reliability', 'performance'],
  scenario: scenario({
    title: 'Publisher confirms',
    showDefaultExchange: true,
    hopLatencyMs: 50,
    // as in the tutorial, each strategy publishes to a fresh non-durable queue of its own
    queues: apps.map((a) => queue(a.name, {}, { durable: false, autoDelete: false })),
    apps,
  }),
};
