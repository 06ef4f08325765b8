import type { a11yEn } from '../en/a11y';

/** Spanish strings of accessibility aids: the live region's announcements, keyboard help (issue 15). */
export const a11yEs = {
  'announce.stepDone': 'Paso {step} de {total} de la lección hecho.',
  'announce.lessonComplete': 'Lección completada: los {total} pasos están hechos.',
  'announce.queueLevel': 'La cola {queue} ha pasado de {level} mensajes listos ({ready}).',
  'announce.queueNearlyFull': 'La cola {queue} está casi llena: {ready} de {max} mensajes.',
  'announce.queueFull': 'La cola {queue} está llena: {max} mensajes.',
  'announce.consumerCrashed': 'El consumidor {consumer} se ha caído.',
  'announce.consumerError': 'El consumidor {consumer} se ha detenido: un error cerró su canal.',
  'announce.more': 'Y {n} novedades más.',
} satisfies Record<keyof typeof a11yEn, string>;
