import type { MessageKey } from './messages.en';

/** Spanish UI strings (our first users write Spanish). Same keys as messages.en.ts. */
export const es = {
  'app.title': 'Warren',
  'app.tagline': 'Descubre cómo funcionan de verdad RabbitMQ y AMQP 0-9-1',
  'app.language': 'Idioma',
  'canvas.label': 'Lienzo',
  'canvas.empty': 'Tu topología está vacía. Añade un productor, un exchange, una cola y un consumidor para empezar.',
} satisfies Record<MessageKey, string>;
