import type { DropReason, ExchangeDeleted, QueueDeleted, RequeueReason } from '../../engine';
import type { ReopenReason } from '../../sim';
import type { MessageKey } from '../../i18n/translate';

/**
 * Dictionary keys for the engine's reason codes. Typed as complete records: a reason added to
 * the engine stops the type check here until it has words in both languages.
 */
export const REQUEUE_REASON: Record<RequeueReason, MessageKey> = {
  nack: 'log.requeue.nack',
  reject: 'log.requeue.reject',
  recover: 'log.requeue.recover',
  'channel-closed': 'log.requeue.channelClosed',
  'connection-closed': 'log.requeue.connectionClosed',
  'consumer-gone': 'log.requeue.consumerGone',
  'broker-restart': 'log.requeue.brokerRestart',
};

export const DROP_REASON: Record<DropReason, MessageKey> = {
  maxlen: 'log.drop.maxlen',
  'reject-publish': 'log.drop.rejectPublish',
  rejected: 'log.drop.rejected',
  expired: 'log.drop.expired',
  delivery_limit: 'log.drop.deliveryLimit',
  'no-dlx-exchange': 'log.drop.noDlx',
  'dead-letter-unroutable': 'log.drop.deadLetterUnroutable',
  'dead-letter-cycle': 'log.drop.deadLetterCycle',
  'queue-deleted': 'log.drop.queueDeleted',
  'broker-restart': 'log.drop.brokerRestart',
};

export const DELETE_REASON: Record<QueueDeleted['reason'], MessageKey> = {
  deleted: 'log.deleted.deleted',
  'auto-delete': 'log.deleted.autoDelete',
  'exclusive-owner-closed': 'log.deleted.exclusiveOwner',
  expired: 'log.deleted.expired',
  'broker-restart': 'log.deleted.brokerRestart',
};

/** An exchange goes by exchange.delete, with its last binding (auto-delete), or in a restart. */
export const EXCHANGE_DELETE_REASON: Record<ExchangeDeleted['reason'], MessageKey> = {
  deleted: 'log.exchangeDeletedReason.deleted',
  'auto-delete': 'log.exchangeDeletedReason.autoDelete',
  'broker-restart': 'log.deleted.brokerRestart',
};

export const CLIENT_STATE: Record<'running' | 'stopped' | 'crashed' | 'reconnecting' | 'recovered', MessageKey> = {
  running: 'log.state.running',
  stopped: 'log.state.stopped',
  crashed: 'log.state.crashed',
  reconnecting: 'log.state.reconnecting',
  recovered: 'log.state.recovered',
};

/** Why an edit had to close a channel and open it again. */
export const REOPEN_REASON: Record<ReopenReason, MessageKey> = {
  'confirm-off': 'log.reopen.confirmOff',
  number: 'log.reopen.number',
};
