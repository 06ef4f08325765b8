import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const animals = exchange('animals', 'topic', { durable: false });
const q1 = queue('Q1', {}, { durable: false });
const q2 = queue('Q2', {}, { durable: false });
// the tutorial's routing keys, <celerity>.<colour>.<species>, and the ones that break that contract
const KEYS = ['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox', 'lazy.brown.fox', 'lazy.pink.rabbit', 'quick.brown.fox', 'orange', 'quick.orange.new.rabbit', 'lazy.orange.new.rabbit'];
const p = producer('P', { exchange: 'animals', routingKeys: KEYS, mode: 'rate', ratePerSec: 1, message: { body: '{key}', deliveryMode: 1 } });
const c1 = consumer('C1', 'Q1', { noAck: true, prefetchCount: 0, processingMs: 100 });
const c2 = consumer('C2', 'Q2', { noAck: true, prefetchCount: 0, processingMs: 100 });
const pub = p.publishers[0]!.id;

/** RabbitMQ tutorial 5: a topic exchange matches dot-separated routing keys against patterns with * and #. */
export const topics: GalleryScenario = {
  id: 'topics',
  title: { en: 'Topics', es: 'Temas (topics)' },
  summary: {
    en: 'Tutorial 5: animals keyed <celerity>.<colour>.<species> go through a topic exchange; Q1 wants the orange ones (*.orange.*), Q2 the rabbits and the lazy ones (*.*.rabbit, lazy.#).',
    es: 'Tutorial 5: animales con clave <celeridad>.<color>.<especie> pasan por un exchange topic; Q1 quiere los naranjas (*.orange.*), Q2 los conejos y los perezosos (*.*.rabbit, lazy.#).',
  },
  watch: {
    en: 'A topic exchange compares the routing key with each binding key word by word (words are separated by dots): * stands for exactly one word, # for zero or more. Q1 is bound with *.orange.*; Q2 with *.*.rabbit and lazy.#. P publishes the tutorial\'s keys in turn, one a second, with the key as body: before each one reaches animals, guess where it will go, then check the log. A message reaches a queue once, however many of its bindings match.',
    es: 'Un exchange topic compara la clave de enrutamiento con cada clave de binding palabra a palabra (las palabras van separadas por puntos): * vale por exactamente una palabra, # por cero o más. Q1 está enlazada con *.orange.*; Q2 con *.*.rabbit y lazy.#. P publica por turnos las claves del tutorial, una por segundo, con la clave como cuerpo: antes de que cada una llegue a animals, adivina adónde irá y compruébalo en el log. Un mensaje llega una sola vez a cada cola, aunque casen varios de sus bindings.',
  },
  tryThis: [
    {
      text: {
        en: 'The tutorial\'s questions: where do quick.orange.rabbit and lazy.orange.elephant go? (Both queues.) quick.orange.fox? (Q1 only.) lazy.brown.fox? (Q2 only.) lazy.pink.rabbit matches both bindings of Q2: how many copies does Q2 get? (One.) And quick.brown.fox? (No binding matches: animals drops it.)',
        es: 'Las preguntas del tutorial: ¿adónde van quick.orange.rabbit y lazy.orange.elephant? (A las dos colas.) ¿Y quick.orange.fox? (Solo a Q1.) ¿lazy.brown.fox? (Solo a Q2.) lazy.pink.rabbit casa con los dos bindings de Q2: ¿cuántas copias recibe Q2? (Una.) ¿Y quick.brown.fox? (No casa con ningún binding: animals lo descarta.)',
      },
    },
    {
      text: {
        en: 'Breaking the contract: orange (one word) and quick.orange.new.rabbit (four words) match no binding and are lost. lazy.orange.new.rabbit has four words too, yet it reaches Q2: lazy.# takes any number of words after lazy.',
        es: 'Romper el contrato: orange (una palabra) y quick.orange.new.rabbit (cuatro palabras) no casan con ningún binding y se pierden. lazy.orange.new.rabbit también tiene cuatro palabras, y aun así llega a Q2: lazy.# admite cualquier número de palabras tras lazy.',
      },
    },
    {
      text: {
        en: 'A teaser: does a binding * catch a message with an empty routing key? Bind Q1 to animals with *, then press Try it, which publishes with the key "". (It does not: an empty key has no word for * to stand for.)',
        es: 'Un acertijo: ¿un binding * recoge un mensaje con la clave de enrutamiento vacía? Enlaza Q1 a animals con *, y pulsa Pruébalo, que publica con la clave "". (No: una clave vacía no tiene ninguna palabra a la que * pueda sustituir.)',
      },
      action: { type: 'publish', publisher: pub, overrides: { routingKey: '', body: '(empty key)' } },
    },
    {
      text: {
        en: 'Two more: does #.* catch the key ".."? Bind Q2 with #.*, then press Try it, which publishes "..". (It does: ".." is three empty words.) And how is a.*.# different from a.#? Only a.# matches the one-word key a.',
        es: 'Dos más: ¿#.* recoge la clave ".."? Enlaza Q2 con #.* y pulsa Pruébalo, que publica "..". (Sí: ".." son tres palabras vacías.) ¿Y en qué se diferencia a.*.# de a.#? Solo a.# casa con la clave de una palabra a.',
      },
      action: { type: 'publish', publisher: pub, overrides: { routingKey: '..', body: '..' } },
    },
  ],
  tags: ['tutorial', 'routing'],
  scenario: scenario({
    title: 'Topics',
    exchanges: [animals],
    queues: [q1, q2],
    bindings: [bind(animals, q1, '*.orange.*'), bind(animals, q2, '*.*.rabbit'), bind(animals, q2, 'lazy.#')],
    apps: [p, c1, c2],
  }),
};
