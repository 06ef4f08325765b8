/**
 * English UI strings. Every key here must exist in messages.es.ts too (the type checker
 * enforces it). Placeholders are written {name} and filled by `t(key, { name })`.
 */
export const en = {
  'app.title': 'Warren',
  'app.tagline': 'See how RabbitMQ and AMQP 0-9-1 really work',
  'app.language': 'Language',
  'canvas.label': 'Canvas',
  'canvas.empty': 'Your topology is empty. Add a producer, an exchange, a queue and a consumer to begin.',
} as const;

export type MessageKey = keyof typeof en;
