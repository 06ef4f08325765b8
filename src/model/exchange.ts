import type { z } from 'zod';
import type { Position } from './common';
import type { exchangeSchema } from './schemas/exchange';

/** A declared exchange with where it sits on the canvas (the rules it obeys: schemas/exchange.ts). */
export type Exchange = z.output<typeof exchangeSchema>;

export function newExchange(id: string, name: string, position: Position): Exchange {
  return { id, name, type: 'direct', durable: true, autoDelete: false, internal: false, position };
}

/** The argument table exchange.declare carries for this exchange. */
export function exchangeArgumentsToAmqp(e: Exchange): Record<string, string> {
  return e.alternateExchange === undefined ? {} : { 'alternate-exchange': e.alternateExchange };
}
