import { simReason } from '../simReason';
import type { Translate } from '../../i18n/translate';
import type { WorldEvent } from '../../sim';
import type { Names } from '../clientNames';
import { formatRate, formatTime } from '../playback/format';
import { CLIENT_STATE, DELETE_REASON, DROP_REASON, EXCHANGE_DELETE_REASON, REOPEN_REASON, REQUEUE_REASON } from './reasons';

/**
 * One log row as a sentence in the user's language: "m42 routed by 'logs' to errors, all".
 * What the broker or a client library wrote (reply texts such as "PRECONDITION_FAILED - unknown
 * delivery tag 5", x-death reasons) stays as written: it is what a person will search for.
 */
export function sentence(e: WorldEvent, t: Translate, n: Names): string {
  const ch = (connection: number, channel: number) => t('log.channel', { n: channel, connection: n.connection(connection) });
  const flags = (redelivered: boolean, autoAck = false) => (redelivered ? t('log.flagRedelivered') : '') + (autoAck ? t('log.flagAutoAck') : '');
  const yesNo = (b: boolean) => t(b ? 'log.yes' : 'log.no');
  switch (e.type) {
    // ---- publishing
    case 'publish-sent':
      return t('log.publishSent', { publisher: n.publisher(e.publisher), seq: e.seq, exchange: n.exchange(e.exchange), key: e.routingKey });
    case 'publish-failed':
      return t('log.publishFailed', { publisher: n.publisher(e.publisher), seq: e.seq, reason: simReason(e.reason, t) });
    case 'published':
      return e.deadLetteredFrom !== undefined
        ? t('log.publishedDeadLetter', { id: e.msgId, from: e.deadLetteredFrom, exchange: n.exchange(e.exchange), key: e.routingKey })
        : t('log.published', { id: e.msgId, exchange: n.exchange(e.exchange), key: e.routingKey });
    case 'routed': {
      const queues = e.queues.join(', ');
      const via = e.hops?.filter((h) => h.toType === 'exchange').map((h) => n.exchange(h.to));
      return via?.length ? t('log.routedVia', { id: e.msgId, exchange: n.exchange(e.exchange), queues, via: via.join(', ') }) : t('log.routed', { id: e.msgId, exchange: n.exchange(e.exchange), queues });
    }
    case 'unroutable':
      return t('log.unroutable', { id: e.msgId, exchange: n.exchange(e.exchange), key: e.routingKey });
    case 'returned':
      return t('log.returned', { id: e.msgId, text: `${e.replyCode} ${e.replyText}` });
    case 'confirmed':
      return t(e.ack ? 'log.confirmedAck' : 'log.confirmedNack', { id: e.msgId, seq: e.publishSeqNo });
    case 'reply-in-flight':
      return t(e.kind === 'return' ? 'log.replyReturn' : e.kind === 'confirm-ack' ? 'log.replyConfirmAck' : 'log.replyConfirmNack', { id: e.msgId, publisher: n.publisher(e.publisher) });
    case 'return-received':
      return t('log.returnReceived', { publisher: n.publisher(e.publisher), id: e.msgId, text: e.replyText });
    case 'confirm-received':
      return t(e.ack ? 'log.confirmReceivedAck' : 'log.confirmReceivedNack', { publisher: n.publisher(e.publisher), id: e.msgId });
    // ---- queues
    case 'enqueued':
      return t('log.enqueued', { id: e.msgId, queue: e.queue, depth: e.depth });
    case 'requeued':
      return t('log.requeued', { id: e.msgId, queue: e.queue, reason: t(REQUEUE_REASON[e.reason]) });
    case 'expired':
      return t('log.expired', { id: e.msgId, queue: e.queue });
    case 'dead-lettered':
      return t('log.deadLettered', { id: e.msgId, queue: e.queue, reason: e.reason, exchange: n.exchange(e.exchange), newId: e.newMsgId });
    case 'dropped': {
      const reason = e.cause === undefined ? t(DROP_REASON[e.reason]) : t('log.drop.cause', { reason: t(DROP_REASON[e.reason]), cause: e.cause });
      return e.queue === undefined ? t('log.droppedNowhere', { id: e.msgId, reason }) : t('log.dropped', { id: e.msgId, queue: e.queue, reason });
    }
    case 'purged':
      return t('log.purged', { queue: e.queue, count: e.msgIds.length });
    // ---- consuming
    case 'delivered':
      return e.consumerTag === undefined
        ? t('log.got', { id: e.msgId, queue: e.queue, tag: e.deliveryTag }) + flags(e.redelivered, e.noAck)
        : t('log.delivered', { id: e.msgId, queue: e.queue, consumer: n.consumer(e.consumerTag), tag: e.deliveryTag }) + flags(e.redelivered, e.noAck);
    case 'delivery-received':
      return t('log.deliveryReceived', { consumer: n.consumer(e.consumer), id: e.msgId, tag: e.deliveryTag }) + flags(e.redelivered);
    case 'processing-started':
      return t('log.processingStarted', { consumer: n.consumer(e.consumer), id: e.msgId, until: formatTime(e.until) });
    case 'settle-sent':
      return t(e.action === 'ack' ? 'log.settleAck' : e.action === 'nack' ? 'log.settleNack' : 'log.settleReject', {
        consumer: n.consumer(e.consumer),
        id: e.msgId,
        tag: e.deliveryTag,
        requeue: yesNo(e.requeue),
      });
    case 'acked':
      return t('log.acked', { id: e.msgId, consumer: n.consumer(e.consumerTag), tag: e.deliveryTag });
    case 'nacked':
      return t(e.method === 'basic.reject' ? 'log.rejected' : 'log.nacked', { id: e.msgId, consumer: n.consumer(e.consumerTag), tag: e.deliveryTag, requeue: yesNo(e.requeue) });
    case 'consumer-added':
      return t('log.consumerAdded', { consumer: n.consumer(e.consumerTag), queue: e.queue, prefetch: e.prefetchCount === 0 ? '∞' : e.prefetchCount, ack: t(e.noAck ? 'log.autoAck' : 'log.manualAck') });
    case 'consumer-cancelled':
      return t(e.byServer ? 'log.consumerCancelledByServer' : 'log.consumerCancelled', { consumer: n.consumer(e.consumerTag), queue: e.queue });
    case 'qos':
      return t('log.qos', { n: e.prefetchCount === 0 ? '∞' : e.prefetchCount, scope: t(e.global ? 'log.qosGlobal' : 'log.qosConsumer'), channel: ch(e.connection, e.channel) });
    // ---- topology
    case 'queue-declared':
      return t('log.queueDeclared', { queue: e.queue, durable: t(e.durable ? 'log.durable' : 'log.transient') });
    case 'queue-deleted':
      return t('log.queueDeleted', { queue: e.queue, reason: t(DELETE_REASON[e.reason]), count: e.messageCount });
    case 'exchange-declared':
      return t('log.exchangeDeclared', { exchange: n.exchange(e.exchange), type: e.exchangeType });
    case 'exchange-deleted':
      return t('log.exchangeDeleted', { exchange: n.exchange(e.exchange), reason: t(EXCHANGE_DELETE_REASON[e.reason]) });
    case 'bound':
      return t('log.bound', { source: n.exchange(e.source), destination: e.destinationType === 'exchange' ? n.exchange(e.destination) : e.destination, key: e.routingKey });
    case 'unbound':
      return t('log.unbound', { source: n.exchange(e.source), destination: e.destinationType === 'exchange' ? n.exchange(e.destination) : e.destination, key: e.routingKey });
    // ---- connections
    case 'channel-opened':
      return t('log.channelOpened', { channel: ch(e.connection, e.channel) });
    case 'channel-closed':
      return e.error ? t('log.channelClosedError', { channel: ch(e.connection, e.channel), text: e.error.text }) : t('log.channelClosed', { channel: ch(e.connection, e.channel) });
    case 'connection-opened':
      return t('log.connectionOpened', { connection: n.connection(e.connection) });
    case 'connection-closed':
      if (!e.error) return t('log.connectionClosed', { connection: n.connection(e.connection) });
      // 320 CONNECTION_FORCED is not a fault of the client: the broker is shutting down
      return t(e.error.code === 320 ? 'log.connectionForced' : 'log.connectionClosedError', { connection: n.connection(e.connection), text: e.error.text });
    case 'broker-restarted':
      return t('log.brokerRestarted');
    case 'client-state':
      if (e.state === 'recovered' && e.failed) return t('log.state.recoveredFailed', { client: n.app(e.app), n: e.failed });
      return t(CLIENT_STATE[e.state], { client: e.consumer ? n.consumer(e.consumer) : n.app(e.app) });
    case 'client-error':
      return e.app === undefined ? e.text : `${n.app(e.app)}: ${e.text}`;
    case 'publish-run-done': {
      const how = e.wait === 'each' ? t('log.confirmWait.each') : e.wait === 'batch' ? t('log.confirmWait.batch', { n: e.batchSize ?? 0 }) : t('log.confirmWait.no');
      const rate = formatRate(e.ms > 0 ? (e.count * 1000) / e.ms : e.count);
      return t('log.publishRunDone', { publisher: n.publisher(e.publisher), count: e.count, time: formatTime(e.ms), rate, how });
    }
    case 'edit-applied': {
      const sent = t('log.editApplied', { app: n.app(e.app), methods: e.methods.join(', ') });
      if (!e.reopened?.length) return sent;
      const why = e.reopened.map((r) => t('log.editReopened', { n: r.channel, reason: t(REOPEN_REASON[r.reason]) })).join('; ');
      return `${sent} (${why})`;
    }
    default: {
      const never: never = e;
      return JSON.stringify(never);
    }
  }
}

/** How a row stands out: errors in red, losses (drops, expiries, unroutable) in amber. */
export function severity(e: WorldEvent): 'error' | 'warning' | 'normal' {
  switch (e.type) {
    case 'client-error':
    case 'publish-failed':
      return 'error';
    case 'channel-closed':
    case 'connection-closed':
      return e.error && e.error.code !== 320 ? 'error' : 'normal';
    case 'dropped':
    case 'expired':
    case 'unroutable':
    case 'returned':
    case 'dead-lettered':
      return 'warning';
    case 'confirmed':
      return e.ack ? 'normal' : 'warning';
    case 'nacked':
      return 'warning';
    default:
      return 'normal';
  }
}
