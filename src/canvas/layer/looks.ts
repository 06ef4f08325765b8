import type { SegmentKind } from '../../store/tokens';
import { COLOURS } from './palette';

/**
 * How each kind of token looks: messages (publish, route, deliver) in their routing key's colour,
 * round when transient and square when persistent (the shape says it, not the colour: the same in
 * the queues' buffers); a dead-lettered message has a dark ring, a returned one is hollow; acks and
 * confirms are green ticks, nacks orange crosses and rejects red slashed circles (shape, not only
 * colour). A chip (a message waiting in a queue, drawn by the canvas when zoomed out, see lod.ts) is
 * square or round the same way. A token's style index is look × colours + colour, the unit of
 * batching when painting.
 */
export const LOOK = {
  message: 0, deadLetter: 1, returned: 2, ack: 3, confirm: 4, nack: 5, reject: 6, confirmNack: 7, chip: 8,
  messagePersistent: 9, deadLetterPersistent: 10, returnedPersistent: 11, chipTransient: 12,
} as const;
export type Look = (typeof LOOK)[keyof typeof LOOK];
export const LOOKS = 13;
export const STYLES = LOOKS * COLOURS.length;

export const LOOK_OF: Record<SegmentKind, Look> = {
  publish: LOOK.message,
  route: LOOK.message,
  deliver: LOOK.message,
  'dead-letter': LOOK.deadLetter,
  return: LOOK.returned,
  ack: LOOK.ack,
  confirm: LOOK.confirm,
  nack: LOOK.nack,
  reject: LOOK.reject,
  'confirm-nack': LOOK.confirmNack,
};

/** The look of a persistent message's token (its square version), for looks that have one. */
export function persistentLook(look: Look): Look {
  return look === LOOK.message ? LOOK.messagePersistent : look === LOOK.deadLetter ? LOOK.deadLetterPersistent : look === LOOK.returned ? LOOK.returnedPersistent : look;
}

/** Looks drawn in their message's key colour (the others have a fixed colour: a green tick, a red cross). */
export const keyColoured = (look: number) => look <= LOOK.returned || look >= LOOK.chip;

