import { describe, expect, it } from 'vitest';
import { newQueue, type Queue } from './queue';
import { queueSchema } from './schemas/queue';
import { amqpToQueueArguments, queueArgumentsToAmqp } from './queueArguments';
import { check } from './zodIssues';

const base = newQueue('q1', 'orders', { x: 0, y: 0 });
const withArgs = (args: Partial<Queue['arguments']>, rest: Partial<Queue> = {}): Queue => ({ ...base, ...rest, arguments: { ...base.arguments, ...args } });
const errorsOf = (q: unknown) => {
  const r = check(queueSchema, q);
  return r.ok ? [] : r.errors.map((e) => `${e.path.join('.')}:${e.explanation.key}`);
};

describe('queue validation mirrors RabbitMQ', () => {
  it('accepts a plain classic queue and a valid quorum queue', () => {
    expect(errorsOf(base)).toEqual([]);
    expect(errorsOf(withArgs({ queueType: 'quorum', deliveryLimit: 3, maxLength: 10, overflow: 'reject-publish' }))).toEqual([]);
  });

  it('refuses quorum queues that are not durable, exclusive, auto-delete, prioritised or reject-publish-dlx', () => {
    expect(errorsOf(withArgs({ queueType: 'quorum' }, { durable: false }))).toEqual(['durable:validation.quorumDurable']);
    expect(errorsOf(withArgs({ queueType: 'quorum' }, { exclusive: true }))).toEqual(['exclusive:validation.quorumExclusive']);
    expect(errorsOf(withArgs({ queueType: 'quorum' }, { autoDelete: true }))).toEqual(['autoDelete:validation.quorumAutoDelete']);
    expect(errorsOf(withArgs({ queueType: 'quorum', maxPriority: 5 }))).toEqual(['arguments.maxPriority:validation.quorumPriority']);
    expect(errorsOf(withArgs({ queueType: 'quorum', overflow: 'reject-publish-dlx' }))).toEqual(['arguments.overflow:validation.quorumOverflow']);
  });

  it('keeps delivery-limit for quorum queues and the DLX routing key for queues with a DLX', () => {
    expect(errorsOf(withArgs({ deliveryLimit: 3 }))).toEqual(['arguments.deliveryLimit:validation.deliveryLimitQuorumOnly']);
    expect(errorsOf(withArgs({ deadLetterRoutingKey: 'dead' }))).toEqual(['arguments.deadLetterRoutingKey:validation.dlrkNeedsDlx']);
    expect(errorsOf(withArgs({ deadLetterExchange: '', deadLetterRoutingKey: 'dead' }))).toEqual([]);
  });

  it('wants whole, non-negative numbers in range, and a positive x-expires', () => {
    expect(errorsOf(withArgs({ messageTtl: -1 }))).toEqual(['arguments.messageTtl:validation.min']);
    expect(errorsOf(withArgs({ messageTtl: 1.5 }))).toEqual(['arguments.messageTtl:validation.integer']);
    expect(errorsOf(withArgs({ maxPriority: 256 }))).toEqual(['arguments.maxPriority:validation.max']);
    expect(errorsOf(withArgs({ expires: 0 }))).toEqual(['arguments.expires:validation.expiresPositive']);
    expect(errorsOf(withArgs({ maxLength: 0, maxLengthBytes: 0, messageTtl: 0 }))).toEqual([]);
  });

  it('refuses empty and amq.* names', () => {
    expect(errorsOf({ ...base, name: '' })).toEqual(['name:validation.nameEmpty']);
    expect(errorsOf({ ...base, name: 'amq.gen-1' })).toEqual(['name:validation.nameReserved']);
    expect(errorsOf({ ...base, name: 'x'.repeat(256) })).toEqual(['name:validation.tooLong']);
  });

  it('gives the bounds as parameters', () => {
    const r = check(queueSchema, withArgs({ maxPriority: 300 }));
    expect(r.ok ? null : r.errors[0]!.explanation).toEqual({ key: 'validation.max', params: { max: 255 } });
  });
});

describe('queueArgumentsToAmqp', () => {
  it('maps every argument to its x-argument and leaves unset ones out', () => {
    const q = withArgs({
      messageTtl: 60000, expires: 1000, maxLength: 5, maxLengthBytes: 1024, overflow: 'reject-publish',
      deadLetterExchange: 'dlx', deadLetterRoutingKey: 'dead', singleActiveConsumer: true,
    });
    expect(queueArgumentsToAmqp(q)).toEqual({
      'x-message-ttl': 60000, 'x-expires': 1000, 'x-max-length': 5, 'x-max-length-bytes': 1024,
      'x-overflow': 'reject-publish', 'x-dead-letter-exchange': 'dlx', 'x-dead-letter-routing-key': 'dead',
      'x-single-active-consumer': true,
    });
    expect(queueArgumentsToAmqp(base)).toEqual({});
  });

  it('sends x-queue-type only for quorum queues, and an empty DLX name for the default exchange', () => {
    expect(queueArgumentsToAmqp(withArgs({ queueType: 'quorum', deliveryLimit: 2 }))).toEqual({ 'x-queue-type': 'quorum', 'x-delivery-limit': 2 });
    expect(queueArgumentsToAmqp(withArgs({ deadLetterExchange: '' }))).toEqual({ 'x-dead-letter-exchange': '' });
    expect(queueArgumentsToAmqp(withArgs({ maxPriority: 10 }))).toEqual({ 'x-max-priority': 10 });
  });

  it('reads an x-argument table back, listing what it cannot map', () => {
    const table = { 'x-message-ttl': 5, 'x-queue-type': 'quorum', 'x-delivery-limit': 2, 'x-queue-mode': 'lazy', 'x-max-length': 'ten' };
    const r = amqpToQueueArguments(table);
    expect(r.arguments).toEqual({ queueType: 'quorum', messageTtl: 5, deliveryLimit: 2 });
    expect(r.unmapped).toEqual([{ name: 'x-queue-mode', value: 'lazy' }, { name: 'x-max-length', value: 'ten' }]);
    const q = withArgs({ messageTtl: 1, overflow: 'drop-head', deadLetterExchange: '', singleActiveConsumer: true });
    expect(amqpToQueueArguments(queueArgumentsToAmqp(q)).arguments).toEqual(q.arguments);
  });
});
