import { describe, expect, it } from 'vitest';
import { isCycle } from './deadLetter';
import { Fixture, unwrap } from './test/harness';

/** x-dead-letter-exchange / x-dead-letter-routing-key and the x-death header. */

const ts = (t: number) => ({ $type: 'timestamp', value: Math.floor(t / 1000) });

function rejectFrom(f: Fixture, queue: string, requeue = false): void {
  const m = f.get(queue, { noAck: false });
  if (!m) throw new Error(`${queue} is empty`);
  unwrap(f.broker.basicReject(f.ch, { deliveryTag: m.deliveryTag, requeue }));
}

describe('dead-lettering on rejection', () => {
  it('republishes to the DLX with the original key, x-death and x-first-death-* headers', () => {
    const f = new Fixture({ now: 2_500 });
    f.exchange('app', 'topic');
    f.exchange('dlx', 'topic');
    f.queue('work', { 'x-dead-letter-exchange': 'dlx' });
    f.queue('dead');
    f.bind('app', 'work', 'orders.#');
    f.bind('dlx', 'dead', '#');
    f.publish('app', 'orders.eu', 'o1', { headers: { CC: ['orders.us'] }, contentType: 'text/plain' });
    rejectFrom(f, 'work');
    const m = f.get('dead')!;
    expect(m).toMatchObject({ exchange: 'dlx', routingKey: 'orders.eu', redelivered: false, body: 'o1' });
    expect(m.properties).toEqual({
      contentType: 'text/plain',
      headers: {
        CC: ['orders.us'],
        'x-death': [{ count: 1, reason: 'rejected', queue: 'work', time: ts(2_500), exchange: 'app', 'routing-keys': ['orders.eu', 'orders.us'] }],
        'x-first-death-reason': 'rejected',
        'x-first-death-queue': 'work',
        'x-first-death-exchange': 'app',
      },
    });
  });

  it('x-dead-letter-routing-key replaces every key (CC is removed), x-death keeps the original ones', () => {
    const f = new Fixture();
    f.exchange('dlx', 'direct');
    f.queue('work', { 'x-dead-letter-exchange': 'dlx', 'x-dead-letter-routing-key': 'dead' });
    f.queue('dead');
    f.queue('by-original');
    f.bind('dlx', 'dead', 'dead');
    f.bind('dlx', 'by-original', 'work');
    f.publish('', 'work', 'm', { headers: { CC: ['elsewhere'] } });
    rejectFrom(f, 'work');
    expect(f.ready('by-original')).toEqual([]);
    const m = f.get('dead')!;
    expect(m.routingKey).toBe('dead');
    expect(m.properties.headers!.CC).toBeUndefined();
    expect((m.properties.headers!['x-death'] as Record<string, unknown>[])[0]!['routing-keys']).toEqual(['work', 'elsewhere']);
  });

  it('works with the default exchange as DLX', () => {
    const f = new Fixture();
    f.queue('work', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dlq' });
    f.queue('dlq');
    f.publish('', 'work', 'm');
    rejectFrom(f, 'work');
    expect(f.ready('dlq')).toEqual(['m']);
    expect(f.get('dlq')!.exchange).toBe('');
  });

  it('nack requeue=false dead-letters too, requeue=true does not', () => {
    const f = new Fixture();
    f.exchange('dlx', 'fanout');
    f.queue('work', { 'x-dead-letter-exchange': 'dlx' });
    f.queue('dead');
    f.bind('dlx', 'dead');
    f.fill('work', ['a', 'b']);
    const a = f.get('work', { noAck: false })!;
    const b = f.get('work', { noAck: false })!;
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: a.deliveryTag, requeue: true }));
    unwrap(f.broker.basicNack(f.ch, { deliveryTag: b.deliveryTag, requeue: false }));
    expect(f.ready('work')).toEqual(['a']);
    expect(f.ready('dead')).toEqual(['b']);
    expect(f.all('dead-lettered').map((d) => [d.msgId, d.reason])).toEqual([[b.msgId, 'rejected']]);
  });

  it('drops silently when the DLX does not exist or routes nowhere (no return, even for mandatory messages)', () => {
    const f = new Fixture();
    f.exchange('empty-dlx', 'direct');
    f.queue('q1', { 'x-dead-letter-exchange': 'missing' });
    f.queue('q2', { 'x-dead-letter-exchange': 'empty-dlx' });
    f.publish('', 'q1', 'a', undefined, { mandatory: true });
    f.publish('', 'q2', 'b', undefined, { mandatory: true });
    rejectFrom(f, 'q1');
    rejectFrom(f, 'q2');
    expect(f.all('returned')).toEqual([]);
    expect(f.all('dropped')).toEqual([
      // the trace keeps why it was being dead-lettered: the log can say "rejected, and its DLX does not exist"
      { type: 'dropped', t: 0, msgId: 1, queue: 'q1', reason: 'no-dlx-exchange', cause: 'rejected' },
      { type: 'dropped', t: 0, msgId: 3, reason: 'dead-letter-unroutable', cause: 'rejected' },
    ]);
    expect(f.broker.isOpen(f.ch)).toBe(true);
  });

  it('the DLX may be an alternate-exchange chain or an exchange-to-exchange route', () => {
    const f = new Fixture();
    f.exchange('ae', 'fanout');
    f.exchange('dlx', 'direct', { arguments: { 'alternate-exchange': 'ae' } });
    f.queue('work', { 'x-dead-letter-exchange': 'dlx' });
    f.queue('caught');
    f.bind('ae', 'caught');
    f.publish('', 'work', 'm');
    rejectFrom(f, 'work');
    expect(f.ready('caught')).toEqual(['m']);
  });
});

describe('x-death history', () => {
  it('adds an entry per (queue, reason), newest first; a repeat increments its count and moves it to the front', () => {
    const f = new Fixture();
    // qa and qb dead-letter to each other through the default exchange
    f.queue('qa', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'qb' });
    f.queue('qb', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'qa' });
    f.publish('', 'qa', 'm');
    rejectFrom(f, 'qa');
    f.wait(1000);
    rejectFrom(f, 'qb');
    f.wait(1000);
    rejectFrom(f, 'qa');
    const m = f.get('qb')!;
    expect(m.properties.headers).toEqual({
      'x-death': [
        { count: 2, reason: 'rejected', queue: 'qa', time: ts(0), exchange: '', 'routing-keys': ['qa'] },
        { count: 1, reason: 'rejected', queue: 'qb', time: ts(1000), exchange: '', 'routing-keys': ['qb'] },
      ],
      'x-first-death-reason': 'rejected',
      'x-first-death-queue': 'qa',
      'x-first-death-exchange': '',
    });
  });

  it('keeps separate entries for different reasons on the same queue', () => {
    const f = new Fixture();
    f.queue('q', { 'x-message-ttl': 100, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'side' });
    f.queue('side', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'q' });
    f.publish('', 'q', 'm');
    rejectFrom(f, 'q');
    rejectFrom(f, 'side');
    f.wait(100);
    const deaths = f.get('side')!.properties.headers!['x-death'] as Record<string, unknown>[];
    // the two older entries come out reversed (RabbitMQ regroups them with a prepending fold)
    expect(deaths.map((d) => [d.queue, d.reason, d.count])).toEqual([
      ['q', 'expired', 1],
      ['q', 'rejected', 1],
      ['side', 'rejected', 1],
    ]);
  });

  it('with two or more older entries, their order is reversed at every hop (RabbitMQ 3.10.8, xdeath/reject-cycle-three-queues)', () => {
    const f = new Fixture();
    f.queue('A', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'B' });
    f.queue('B', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'C' });
    f.queue('C', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'A' });
    f.publish('', 'A', 'm');
    const seen: string[] = [];
    for (const q of ['A', 'B', 'C', 'A', 'B']) {
      rejectFrom(f, q);
      const next = ({ A: 'B', B: 'C', C: 'A' } as Record<string, string>)[q];
      // the dead-lettered copy as it was republished towards `next`
      const copy = f.all('published').at(-1)!;
      expect(copy.routingKey).toBe(next);
      const deaths = copy.properties!.headers!['x-death'] as Record<string, unknown>[];
      seen.push(deaths.map((d) => `${d.queue}${d.count}`).join(' '));
    }
    expect(seen).toEqual(['A1', 'B1 A1', 'C1 A1 B1', 'A2 B1 C1', 'B2 C1 A2']);
  });

  it('expiring back into the same queue is a cycle even after an earlier rejection there (rabbit_dead_letter:is_cycle)', () => {
    const f = new Fixture();
    f.queue('q', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'q', 'x-message-ttl': 100 });
    f.publish('', 'q', 'm');
    rejectFrom(f, 'q');
    expect(f.ready('q')).toEqual(['m']);
    f.wait(100);
    expect(f.ready('q')).toEqual([]);
    expect(f.all('dropped').map((d) => [d.reason, d.cause])).toEqual([['dead-letter-cycle', 'expired']]);
  });

  it('a queue dead-lettering rejections to itself keeps going and counts up', () => {
    const f = new Fixture();
    f.queue('self', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'self' });
    f.publish('', 'self', 'm');
    for (let i = 0; i < 3; i++) rejectFrom(f, 'self');
    const m = f.get('self')!;
    expect((m.properties.headers!['x-death'] as Record<string, unknown>[]).map((d) => d.count)).toEqual([3]);
    expect(m.redelivered).toBe(false);
  });

  it('an expiry-only cycle is detected: the message is dropped instead of looping', () => {
    const f = new Fixture();
    f.queue('q1', { 'x-message-ttl': 10, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'q2' });
    f.queue('q2', { 'x-message-ttl': 10, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'q1' });
    f.publish('', 'q1', 'm');
    f.wait(10);
    expect(f.ready('q2')).toEqual(['m']);
    f.wait(10);
    expect(f.ready('q1')).toEqual([]);
    expect(f.ready('q2')).toEqual([]);
    expect(f.all('dropped').map((d) => d.reason)).toEqual(['dead-letter-cycle']);
    expect(f.broker.nextTimerAt()).toBe(Number.POSITIVE_INFINITY);
  });

  it('a cycle with a rejection on the way is not a cycle', () => {
    const expired = { count: 1, reason: 'expired', queue: 'q1' };
    const rejected = { count: 1, reason: 'rejected', queue: 'q2' };
    expect(isCycle('q1', { 'x-death': [expired] })).toBe(true);
    expect(isCycle('q1', { 'x-death': [rejected, expired] })).toBe(false);
    expect(isCycle('q3', { 'x-death': [expired] })).toBe(false);
    expect(isCycle('q1', undefined)).toBe(false);
  });
});
