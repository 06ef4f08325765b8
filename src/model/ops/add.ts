import type { ExchangeType } from '../amq';
import { newApp } from '../app';
import { type Consumer, DEFAULT_CONSUMER_PREFETCH, type Publisher } from '../clients';
import type { Position } from '../common';
import { newExchange } from '../exchange';
import { IdSource } from '../ids';
import { numberedName, takenNames } from '../names';
import { newQueue } from '../queue';
import type { Scenario } from '../scenario';

/** What the palette offers. */
export type PaletteKind = 'producer' | 'exchange' | 'queue' | 'consumer';

/** The body a new publisher sends; the editor passes one in the person's language ("¡Hola, mundo!"). */
export const DEFAULT_BODY = 'Hello World!';

export function defaultPublisher(id: string, channelId: string, body = DEFAULT_BODY): Publisher {
  return {
    id,
    channelId,
    exchange: '',
    routingKeys: [''],
    keyOrder: 'round-robin',
    mode: 'manual',
    ratePerSec: 1,
    burstCount: 10,
    message: { body, deliveryMode: 2, headers: {} },
    mandatory: false,
    confirms: false,
    waitForConfirms: 'no',
    confirmBatchSize: 100,
  };
}

export function defaultConsumer(id: string, channelId: string, queue = ''): Consumer {
  return {
    id,
    channelId,
    queue,
    noAck: false,
    prefetchCount: DEFAULT_CONSUMER_PREFETCH,
    processingMs: 500,
    msPerDot: 0,
    jitterMs: 0,
    outcome: 'ack',
    failPercent: 0,
    failOutcome: 'nack-requeue',
    priority: 0,
    exclusive: false,
    running: true,
    replyToRequests: false,
  };
}

/**
 * Adds what the palette offers at `position`: an exchange, a queue, or an app with one connection and
 * one channel carrying one publisher (Producer) or one consumer (Consumer). Always succeeds: the new
 * thing gets a free name ("exchange1", "queue2", "producer1", ...).
 */
export function addNode(s: Scenario, kind: PaletteKind, position: Position, exchangeType: ExchangeType = 'direct', body = DEFAULT_BODY): { doc: Scenario; id: string } {
  const ids = IdSource.for(s);
  switch (kind) {
    case 'exchange': {
      const id = ids.take('exchange');
      const ex = { ...newExchange(id, numberedName(exchangeType === 'direct' ? 'exchange' : exchangeType, takenNames(s, 'exchange')), position), type: exchangeType };
      return { doc: { ...s, exchanges: [...s.exchanges, ex] }, id };
    }
    case 'queue': {
      const id = ids.take('queue');
      return { doc: { ...s, queues: [...s.queues, newQueue(id, numberedName('queue', takenNames(s, 'queue')), position)] }, id };
    }
    case 'producer':
    case 'consumer': {
      const id = ids.take('app');
      const channelId = ids.take('channel');
      const app = newApp(id, numberedName(kind, takenNames(s, 'app')), position, ids.take('connection'), channelId);
      if (kind === 'producer') app.publishers = [defaultPublisher(ids.take('publisher'), channelId, body)];
      else app.consumers = [defaultConsumer(ids.take('consumer'), channelId)];
      return { doc: { ...s, apps: [...s.apps, app] }, id };
    }
  }
}
