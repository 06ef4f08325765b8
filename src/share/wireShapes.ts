import type { Shape } from './wire';

/**
 * Version 1 of the link format's compact tables. FROZEN: links already sent decode with these tables
 * forever, so a key or a default here never changes. Wire defaults are constants of the format, not the
 * model's current defaults (those may change; a link must keep meaning what it meant). A new field in
 * the model needs no change here (it travels under its own name); giving it a short key is a
 * compatible addition as long as the key is new.
 */

const position = { pos: true } as const;

const exchange: Shape = {
  id: { k: 'i' },
  name: { k: 'n' },
  type: { k: 't', d: 'direct' },
  durable: { k: 'D', d: true },
  autoDelete: { k: 'a', d: false },
  internal: { k: 'I', d: false },
  alternateExchange: { k: 'e' },
  position: { k: 'p', ...position },
};

const queueArguments: Shape = {
  messageTtl: { k: 't' },
  expires: { k: 'e' },
  maxLength: { k: 'l' },
  maxLengthBytes: { k: 'b' },
  overflow: { k: 'o' },
  deadLetterExchange: { k: 'x' },
  deadLetterRoutingKey: { k: 'r' },
  maxPriority: { k: 'p' },
  singleActiveConsumer: { k: 's' },
  queueType: { k: 'q', d: 'classic' },
  deliveryLimit: { k: 'L' },
};

const queue: Shape = {
  id: { k: 'i' },
  name: { k: 'n' },
  durable: { k: 'D', d: true },
  exclusive: { k: 'E', d: false },
  autoDelete: { k: 'a', d: false },
  arguments: { k: 'g', shape: queueArguments, fill: true },
  position: { k: 'p', ...position },
};

const binding: Shape = {
  id: { k: 'i' },
  source: { k: 's' },
  destination: { k: 'd' },
  destinationType: { k: 't', d: 'queue' },
  routingKey: { k: 'k', d: '' },
  // user data (header names): copied as is, never renamed
  arguments: { k: 'g', d: {} },
};

const channel: Shape = {
  id: { k: 'i' },
  number: { k: 'n', d: 1 },
  prefetchCount: { k: 'f', d: 0 },
  prefetchGlobal: { k: 'g', d: false },
  confirmSelect: { k: 'c', d: false },
};

const connection: Shape = {
  id: { k: 'i' },
  channels: { k: 'h', list: channel },
};

const message: Shape = {
  body: { k: 'b', d: 'Hello World!' },
  contentType: { k: 't' },
  deliveryMode: { k: 'd', d: 2 },
  priority: { k: 'p' },
  expiration: { k: 'e' },
  headers: { k: 'h', d: {} },
  messageId: { k: 'i' },
  correlationId: { k: 'c' },
  replyTo: { k: 'r' },
};

const publisher: Shape = {
  id: { k: 'i' },
  channelId: { k: 'h' },
  exchange: { k: 'x', d: '' },
  routingKeys: { k: 'k', d: [''] },
  keyOrder: { k: 'o', d: 'round-robin' },
  mode: { k: 'm', d: 'manual' },
  ratePerSec: { k: 'r', d: 1 },
  burstCount: { k: 'b', d: 10 },
  message: { k: 'M', shape: message, fill: true },
  mandatory: { k: 'y', d: false },
  confirms: { k: 'c', d: false },
  waitForConfirms: { k: 'w', d: 'no' },
  confirmBatchSize: { k: 'B', d: 100 },
};

const consumer: Shape = {
  id: { k: 'i' },
  channelId: { k: 'h' },
  queue: { k: 'q', d: '' },
  noAck: { k: 'n', d: false },
  // the format's default, fixed: a link that leaves the prefetch out means 10, whatever new consumers get
  prefetchCount: { k: 'f', d: 10 },
  processingMs: { k: 'm', d: 500 },
  msPerDot: { k: 'd', d: 0 },
  jitterMs: { k: 'j', d: 0 },
  outcome: { k: 'o', d: 'ack' },
  failPercent: { k: 'F', d: 0 },
  failOutcome: { k: 'O', d: 'nack-requeue' },
  priority: { k: 'p', d: 0 },
  exclusive: { k: 'E', d: false },
  running: { k: 'R', d: true },
  replyToRequests: { k: 'r', d: false },
};

const app: Shape = {
  id: { k: 'i' },
  name: { k: 'n' },
  position: { k: 'p', ...position },
  connections: { k: 'c', list: connection },
  publishers: { k: 'P', list: publisher },
  consumers: { k: 'C', list: consumer },
};

const broker: Shape = {
  showDefaultExchange: { k: 'e', d: false },
  hopLatencyMs: { k: 'h', d: 300 },
};

const layout: Shape = {
  defaultExchange: { k: 'e', ...position },
  viewport: { k: 'v' },
};

export const SCENARIO_SHAPE_V1: Shape = {
  version: { k: 'V', d: 1 },
  title: { k: 't', d: '' },
  description: { k: 'd' },
  seed: { k: 'r', d: 1 },
  broker: { k: 'B', shape: broker, fill: true },
  exchanges: { k: 'X', list: exchange },
  queues: { k: 'Q', list: queue },
  bindings: { k: 'N', list: binding },
  apps: { k: 'A', list: app },
  layout: { k: 'L', shape: layout },
};

/** The whole link payload: the scenario plus what the player needs to show it as the teacher did. */
export const SHARE_SHAPE_V1: Shape = {
  scenario: { k: 's', shape: SCENARIO_SHAPE_V1 },
  speed: { k: 'x' },
  // a lesson is the lesson module's data: copied as is
  lesson: { k: 'l' },
  mode: { k: 'm' },
  // added within v1: older readers keep it under its short key and ignore it
  gallery: { k: 'g' },
  // added within v1: the run so far (run.ts writes its own compact form)
  run: { k: 'u' },
};

/** Every table, for the test that checks short keys are unique and never equal a long name. */
export const ALL_SHAPES_V1: Readonly<Record<string, Shape>> = {
  exchange, queueArguments, queue, binding, channel, connection, message, publisher, consumer, app, broker, layout,
  scenario: SCENARIO_SHAPE_V1, share: SHARE_SHAPE_V1,
};
