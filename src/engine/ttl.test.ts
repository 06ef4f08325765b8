import { describe, expect, it } from 'vitest';
import { Fixture, failure, unwrap } from './test/harness';

/** x-message-ttl, per-message expiration and x-expires, on the virtual clock. */

function withDlx(f: Fixture, args: Record<string, unknown> = {}): void {
  f.exchange('dlx', 'fanout');
  f.queue('dead');
  f.bind('dlx', 'dead');
  f.queue('work', { 'x-dead-letter-exchange': 'dlx', ...args } as never);
}

describe('x-message-ttl', () => {
  it('expires each message TTL ms after it was enqueued, at exactly that virtual time', () => {
    const f = new Fixture();
    withDlx(f, { 'x-message-ttl': 100 });
    f.publish('', 'work', 'a');
    f.wait(50);
    f.publish('', 'work', 'b');
    f.broker.advanceTo(99);
    expect(f.ready('work')).toEqual(['a', 'b']);
    expect(f.broker.nextTimerAt()).toBe(100);
    f.broker.advanceTo(100);
    expect(f.ready('work')).toEqual(['b']);
    expect(f.ready('dead')).toEqual(['a']);
    expect(f.broker.nextTimerAt()).toBe(150);
    f.broker.advanceTo(1000);
    expect(f.ready('work')).toEqual([]);
    expect(f.all('expired').map((e) => [e.t, e.msgId, e.queue])).toEqual([
      [100, 1, 'work'],
      [150, 2, 'work'],
    ]);
    expect(f.broker.now).toBe(1000);
  });

  it('dead-letters with reason expired and the full x-death story', () => {
    const f = new Fixture({ now: 5_000 });
    withDlx(f, { 'x-message-ttl': 10 });
    f.publish('', 'work', 'a', { headers: { keep: 'me' }, priority: 3, messageId: 'id-1' });
    f.wait(10);
    const m = f.get('dead')!;
    expect(m.exchange).toBe('dlx');
    expect(m.routingKey).toBe('work');
    expect(m.redelivered).toBe(false);
    expect(m.properties).toEqual({
      priority: 3,
      messageId: 'id-1',
      headers: {
        keep: 'me',
        'x-death': [{ count: 1, reason: 'expired', queue: 'work', time: { $type: 'timestamp', value: 5 }, exchange: '', 'routing-keys': ['work'] }],
        'x-first-death-reason': 'expired',
        'x-first-death-queue': 'work',
        'x-first-death-exchange': '',
      },
    });
    expect(f.all('dead-lettered')).toEqual([
      { type: 'dead-lettered', t: 5010, msgId: 1, queue: 'work', reason: 'expired', exchange: 'dlx', routingKeys: ['work'], newMsgId: 2 },
    ]);
  });

  it('drops expired messages without a dead-letter exchange', () => {
    const f = new Fixture();
    f.queue('q', { 'x-message-ttl': 10 });
    f.publish('', 'q', 'a');
    f.wait(10);
    expect(f.ready('q')).toEqual([]);
    expect(f.all('dropped')).toEqual([{ type: 'dropped', t: 10, msgId: 1, queue: 'q', reason: 'expired' }]);
  });

  it('x-message-ttl 0 delivers only to a consumer that can take the message at once', () => {
    const f = new Fixture();
    f.queue('q', { 'x-message-ttl': 0 });
    f.publish('', 'q', 'nobody-there');
    expect(f.ready('q')).toEqual([]);
    const ch = f.channel();
    f.consume('q', { ch, prefetch: 1, consumerTag: 'c' });
    f.publish('', 'q', 'taken');
    f.publish('', 'q', 'no-room');
    expect(f.delivered('c')).toEqual(['taken']);
    expect(f.all('expired').map((e) => e.msgId)).toEqual([1, 3]);
  });

  it('does not expire unacked messages while they are held, but a requeued one expires at once if its time is up', () => {
    const f = new Fixture();
    withDlx(f, { 'x-message-ttl': 100 });
    f.publish('', 'work', 'a');
    const got = f.get('work', { noAck: false })!;
    f.wait(500);
    expect(f.depth('work')).toEqual({ ready: 0, unacked: 1, consumers: 0 });
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: got.deliveryTag, requeue: true }));
    expect(f.depth('work')).toEqual({ ready: 0, unacked: 0, consumers: 0 });
    expect(f.ready('dead')).toEqual(['a']);
  });

  it('a requeued message keeps its original expiry time', () => {
    const f = new Fixture();
    f.queue('q', { 'x-message-ttl': 100 });
    f.publish('', 'q', 'a');
    f.wait(60);
    const got = f.get('q', { noAck: false })!;
    unwrap(f.broker.basicReject(f.ch, { deliveryTag: got.deliveryTag, requeue: true }));
    f.broker.advanceTo(99);
    expect(f.ready('q')).toEqual(['a']);
    f.broker.advanceTo(100);
    expect(f.ready('q')).toEqual([]);
  });
});

describe('per-message expiration', () => {
  it('uses the smaller of the queue TTL and the message expiration', () => {
    const f = new Fixture();
    f.queue('q', { 'x-message-ttl': 50 });
    f.publish('', 'q', 'short', { expiration: '20' });
    f.publish('', 'q', 'long', { expiration: '5000' });
    expect(f.broker.inspect.readyMessages('q').map((m) => m.expiresAt)).toEqual([20, 50]);
    f.wait(20);
    expect(f.ready('q')).toEqual(['long']);
    f.wait(30);
    expect(f.ready('q')).toEqual([]);
  });

  it('is enforced only at the head: an expired message behind a live one stays counted until it gets there', () => {
    const f = new Fixture();
    f.queue('q');
    f.publish('', 'q', 'forever');
    f.publish('', 'q', 'brief', { expiration: '10' });
    f.publish('', 'q', 'after');
    f.wait(100);
    expect(f.depth('q').ready).toBe(3);
    const first = f.get('q')!;
    expect(first.body).toBe('forever');
    // the expired message now at the head goes before the count is taken
    expect(first.messageCount).toBe(1);
    expect(f.ready('q')).toEqual(['after']);
    expect(f.all('expired').map((e) => [e.t, e.msgId])).toEqual([[100, 2]]);
  });

  it('records original-expiration in x-death and removes expiration from the dead-lettered copy', () => {
    const f = new Fixture();
    withDlx(f);
    f.publish('', 'work', 'a', { expiration: '30' });
    f.wait(30);
    const m = f.get('dead')!;
    expect(m.properties.expiration).toBeUndefined();
    expect(m.properties.headers!['x-death']).toEqual([
      { count: 1, reason: 'expired', queue: 'work', time: { $type: 'timestamp', value: 0 }, exchange: '', 'routing-keys': ['work'], 'original-expiration': '30' },
    ]);
  });

  it('expiration "0" expires at once unless a consumer can take the message', () => {
    const f = new Fixture();
    f.queue('q');
    f.publish('', 'q', 'gone', { expiration: '0' });
    expect(f.ready('q')).toEqual([]);
    f.consume('q', { consumerTag: 'c', noAck: true });
    f.publish('', 'q', 'kept', { expiration: '0' });
    expect(f.delivered('c')).toEqual(['kept']);
  });

  it('rejects an expiration that is not a non-negative integer with 406 (channel closed, nothing published)', () => {
    const f = new Fixture();
    f.queue('q');
    const bad: [string, string][] = [
      ['abc', "PRECONDITION_FAILED - invalid expiration 'abc': no_integer"],
      ['-5', "PRECONDITION_FAILED - invalid expiration '-5': {value_negative,-5}"],
      ['1.5', "PRECONDITION_FAILED - invalid expiration '1.5': no_integer"],
    ];
    for (const [expiration, text] of bad) {
      const ch = f.channel();
      const e = failure(f.broker.basicPublish(ch, { exchange: '', routingKey: 'q', body: 'x', properties: { expiration } }));
      expect(e).toMatchObject({ code: 406, scope: 'channel', text });
      expect(f.broker.isOpen(ch)).toBe(false);
    }
    expect(f.all('published')).toEqual([]);
    expect(f.depth('q').ready).toBe(0);
  });
});

describe('x-expires (queue idle timeout)', () => {
  it('deletes an unused queue x-expires ms after its last use', () => {
    const f = new Fixture();
    f.queue('idle', { 'x-expires': 1000 });
    f.publish('', 'idle', 'publishing-is-not-use');
    f.broker.advanceTo(999);
    expect(f.exists('idle')).toBe(true);
    f.broker.advanceTo(1000);
    expect(f.exists('idle')).toBe(false);
    expect(f.all('queue-deleted')).toEqual([{ type: 'queue-deleted', t: 1000, queue: 'idle', reason: 'expired', messageCount: 1 }]);
  });

  it('restarts the idle clock on basic.get, redeclare and passive declare', () => {
    const f = new Fixture();
    f.queue('idle', { 'x-expires': 1000 });
    f.broker.advanceTo(600);
    f.get('idle');
    f.broker.advanceTo(1500);
    f.queue('idle', { 'x-expires': 1000 });
    f.broker.advanceTo(2400);
    unwrap(f.broker.queueDeclare(f.ch, { queue: 'idle', passive: true }));
    f.broker.advanceTo(3399);
    expect(f.exists('idle')).toBe(true);
    f.broker.advanceTo(3400);
    expect(f.exists('idle')).toBe(false);
  });

  it('never expires a queue while it has consumers; the clock starts when the last one goes', () => {
    const f = new Fixture();
    f.queue('idle', { 'x-expires': 100 });
    const tag = f.consume('idle');
    f.broker.advanceTo(5000);
    expect(f.exists('idle')).toBe(true);
    unwrap(f.broker.basicCancel(f.ch, { consumerTag: tag }));
    f.broker.advanceTo(5099);
    expect(f.exists('idle')).toBe(true);
    f.broker.advanceTo(5100);
    expect(f.exists('idle')).toBe(false);
  });

  it('rejects 0 and negative values with 406', () => {
    const f = new Fixture();
    const e = failure(f.broker.queueDeclare(f.ch, { queue: 'q', arguments: { 'x-expires': 0 } }));
    expect(e.text).toBe("PRECONDITION_FAILED - invalid arg 'x-expires' for queue 'q' in vhost '/': {value_zero,0}");
    const e2 = failure(f.broker.queueDeclare(f.channel(), { queue: 'q', arguments: { 'x-expires': -1 } }));
    expect(e2.text).toBe("PRECONDITION_FAILED - invalid arg 'x-expires' for queue 'q' in vhost '/': {value_negative,-1}");
    expect(f.exists('q')).toBe(false);
  });
});
