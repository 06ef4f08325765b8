/**
 * The bits of AMQP 0-9-1's definitions that amqplib shows in its errors: each method's class and
 * method id and amqplib's name for it ("QueueDeclare"), and the reply codes' names as amqplib
 * spells them ("NOT-FOUND").
 */

const METHODS: Record<string, [classId: number, methodId: number, name: string]> = {
  'connection.open': [10, 40, 'ConnectionOpen'],
  'connection.close': [10, 50, 'ConnectionClose'],
  'channel.open': [20, 10, 'ChannelOpen'],
  'channel.close': [20, 40, 'ChannelClose'],
  'exchange.declare': [40, 10, 'ExchangeDeclare'],
  'exchange.delete': [40, 20, 'ExchangeDelete'],
  'exchange.bind': [40, 30, 'ExchangeBind'],
  'exchange.unbind': [40, 40, 'ExchangeUnbind'],
  'queue.declare': [50, 10, 'QueueDeclare'],
  'queue.bind': [50, 20, 'QueueBind'],
  'queue.purge': [50, 30, 'QueuePurge'],
  'queue.delete': [50, 40, 'QueueDelete'],
  'queue.unbind': [50, 50, 'QueueUnbind'],
  'basic.qos': [60, 10, 'BasicQos'],
  'basic.consume': [60, 20, 'BasicConsume'],
  'basic.cancel': [60, 30, 'BasicCancel'],
  'basic.publish': [60, 40, 'BasicPublish'],
  'basic.get': [60, 70, 'BasicGet'],
  'basic.ack': [60, 80, 'BasicAck'],
  'basic.reject': [60, 90, 'BasicReject'],
  'basic.recover': [60, 110, 'BasicRecover'],
  'basic.nack': [60, 120, 'BasicNack'],
  'confirm.select': [85, 10, 'ConfirmSelect'],
};

/** [classId, methodId, amqplib's name] of an AMQP method ("queue.declare"); zeros when unknown. */
export function methodInfo(method: string): { classId: number; methodId: number; name: string } {
  const m = METHODS[method];
  return m ? { classId: m[0], methodId: m[1], name: m[2] } : { classId: 0, methodId: 0, name: method };
}

const CONSTANT_STRS: Record<number, string> = {
  200: 'REPLY-SUCCESS',
  311: 'CONTENT-TOO-LARGE',
  312: 'NO-ROUTE',
  313: 'NO-CONSUMERS',
  320: 'CONNECTION-FORCED',
  402: 'INVALID-PATH',
  403: 'ACCESS-REFUSED',
  404: 'NOT-FOUND',
  405: 'RESOURCE-LOCKED',
  406: 'PRECONDITION-FAILED',
  501: 'FRAME-ERROR',
  502: 'SYNTAX-ERROR',
  503: 'COMMAND-INVALID',
  504: 'CHANNEL-ERROR',
  505: 'UNEXPECTED-FRAME',
  506: 'RESOURCE-ERROR',
  530: 'NOT-ALLOWED',
  540: 'NOT-IMPLEMENTED',
  541: 'INTERNAL-ERROR',
};

/** amqplib's closeMessage: `404 (NOT-FOUND) with message "NOT_FOUND - no queue 'x' in vhost '/'"`. */
export function closeMessage(code: number, text: string): string {
  return `${code} (${CONSTANT_STRS[code] ?? 'undefined'}) with message "${text}"`;
}

/** RabbitMQ's default channel_max (negotiated by amqplib at connect). */
export const CHANNEL_MAX = 2047;
/** Publishes on one channel within one turn before publish() returns false (amqplib's write buffer high-water mark). */
export const WRITE_HWM = 1024;
