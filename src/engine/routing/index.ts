import { direct } from './direct';
import { fanout } from './fanout';
import { headers } from './headers';
import { topic } from './topic';
import type { ExchangeType, ExchangeTypeImpl } from './types';

export * from './types';
export { headersMatch } from './headers';
export { topicWords } from './topic';

/** The exchange types the broker knows, by name. Declaring any other type is a 503 connection error. */
export const EXCHANGE_TYPE_IMPLS: Record<ExchangeType, ExchangeTypeImpl> = { direct, fanout, topic, headers };

export function isExchangeType(t: string): t is ExchangeType {
  return Object.hasOwn(EXCHANGE_TYPE_IMPLS, t);
}
