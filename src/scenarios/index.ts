import { CODE_GALLERY } from './code';
import { alternateExchange } from './patterns/alternateExchange';
import { brokerRestart } from './patterns/brokerRestart';
import { confirmsNack } from './patterns/confirmsNack';
import { consumerCrash } from './patterns/consumerCrash';
import { deadLetterRetry } from './patterns/deadLetterRetry';
import { exchangeToExchange } from './patterns/exchangeToExchange';
import { headersExchange } from './patterns/headersExchange';
import { mandatoryReturns } from './patterns/mandatoryReturns';
import { maxLengthOverflow } from './patterns/maxLengthOverflow';
import { poisonMessages } from './patterns/poisonMessages';
import { prefetchCompare } from './patterns/prefetchCompare';
import { priorityQueue } from './patterns/priorityQueue';
import { routingSeverity } from './patterns/routingSeverity';
import { singleActiveConsumer } from './patterns/singleActiveConsumer';
import { stress } from './patterns/stress';
import { topicLogs } from './patterns/topicLogs';
import { workQueuesSpeeds } from './patterns/workQueuesSpeeds';
import { helloWorld } from './tutorials/helloWorld';
import { publisherConfirms } from './tutorials/publisherConfirms';
import { publishSubscribe } from './tutorials/publishSubscribe';
import { routing } from './tutorials/routing';
import { rpc } from './tutorials/rpc';
import { rpcDirectReplyTo } from './tutorials/rpcDirectReplyTo';
import { topics } from './tutorials/topics';
import { workQueues } from './tutorials/workQueues';
import { type GalleryScenario, SCENARIO_IDS, type ScenarioId } from './types';

/** The built-in scenarios, by id (plain data; the gallery shows them in SCENARIO_IDS order). */
export const GALLERY: Record<ScenarioId, GalleryScenario> = {
  'hello-world': helloWorld,
  'work-queues': workQueues,
  'publish-subscribe': publishSubscribe,
  routing,
  topics,
  rpc,
  'rpc-direct-reply-to': rpcDirectReplyTo,
  'publisher-confirms': publisherConfirms,
  'work-queues-speeds': workQueuesSpeeds,
  'routing-severity': routingSeverity,
  'topic-logs': topicLogs,
  'confirms-nack': confirmsNack,
  'dead-letter-retry': deadLetterRetry,
  'poison-messages': poisonMessages,
  'priority-queue': priorityQueue,
  'alternate-exchange': alternateExchange,
  'mandatory-returns': mandatoryReturns,
  'prefetch-compare': prefetchCompare,
  'max-length-overflow': maxLengthOverflow,
  'consumer-crash': consumerCrash,
  'broker-restart': brokerRestart,
  'headers-exchange': headersExchange,
  'exchange-to-exchange': exchangeToExchange,
  'single-active-consumer': singleActiveConsumer,
  stress,
  ...CODE_GALLERY,
};

/** Every gallery scenario, in gallery order. */
export const galleryList = (): GalleryScenario[] => SCENARIO_IDS.map((id) => GALLERY[id]);


export { filterGallery } from './filter';
export * from './types';
