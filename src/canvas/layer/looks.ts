import type { SegmentKind } from '../../store/tokens';
import { COLOURS } from './palette';

/**
 * How each kind of token looks: messages (publish, route, deliver) are dots in their routing
 * key's colour; a dead-lettered message has a dark ring, a returned one is hollow; acks and
 * confirms are green ticks, nacks orange crosses and rejects red slashed circles (shape, not only colour). A chip (a message waiting in a
 * queue, drawn by the canvas when zoomed out, see lod.ts) is a small square. A token's style index is
 * look × colours + colour, the unit of batching when painting.
 */
export const LOOK = { message: 0, deadLetter: 1, returned: 2, ack: 3, confirm: 4, nack: 5, reject: 6, confirmNack: 7, chip: 8 } as const;
export type Look = (typeof LOOK)[keyof typeof LOOK];
export const LOOKS = 9;
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

/** Looks drawn in their message's key colour (the others have a fixed colour: a green tick, a red cross). */
export const keyColoured = (look: number) => look <= LOOK.returned || look === LOOK.chip;

