/**
 * Warren's broker engine: the public API. Everything outside src/engine/ imports from here.
 */
export { AmqpBroker } from './api';
export type { GetOk } from './ack';
export { type Timed, TimedHeap } from './heap';
export type { BrokerOptions, ChannelRef } from './broker';
export { PREDECLARED_EXCHANGES } from './broker';
export type { ConsumeParams } from './consume';
export type { BindParams, ExchangeDeclareParams } from './declare';
export { type AmqpError, describeClose, REPLY_NAMES, type Result } from './errors';
export { type FieldTable, type FieldValue, type TypedField, type FieldType, plain } from './fields';
export type { ChannelView, ConnectionView, ConsumerView, MessageLocation, MessageView, QueueView } from './inspect';
export type { BasicProperties } from './message';
export type { PublishOk, PublishParams } from './publish';
export type { Overflow, QueueArgs, QueueType } from './queueArgs';
export { parseQueueArgs } from './queueArgs';
export type { QueueDeclareOk, QueueDeclareParams } from './queueDeclare';
export { isReplyAddress, REPLY_TO_QUEUE } from './replyTo';
export { createRng, nextFloat, nextInt, type RngState } from './rng';
export { EXCHANGE_TYPES, type ExchangeType, headersMatch, topicWords } from './routing';
export type { BrokerSnapshot } from './snapshot';
export type * from './trace';
