import { describe, expect, it } from 'vitest';
import type { ChannelRef } from './broker';
import type { FieldTable } from './fields';
import { Fixture, unwrap } from './test/harness';

/** x-max-length with reject-publish on quorum queues (RabbitMQ 3.10.8, conformance/golden/quorum/maxlen-*). */

function quorum(args: FieldTable): Fixture {
  const f = new Fixture();
  f.queue('qq', { 'x-queue-type': 'quorum', 'x-overflow': 'reject-publish', ...args }, { durable: true });
  unwrap(f.broker.confirmSelect(f.ch));
  return f;
}

function confirms(f: Fixture, bodies: string[], ch: ChannelRef = f.ch): string {
  const before = f.all('confirmed').length;
  for (const body of bodies) unwrap(f.broker.basicPublish(ch, { exchange: '', routingKey: 'qq', body }));
  return f
    .all('confirmed')
    .slice(before)
    .map((c) => (c.ack ? 'a' : 'n'))
    .join('');
}

describe('quorum queue, reject-publish', () => {
  it('accepts while not over the limit: x-max-length 2 takes 3 messages, then nacks', () => {
    const f = quorum({ 'x-max-length': 2 });
    expect(confirms(f, ['m1', 'm2', 'm3', 'm4', 'm5'])).toBe('aaann');
    expect(f.ready('qq')).toEqual(['m1', 'm2', 'm3']);
  });

  it('accepts again only at 80% of the limit (x-max-length 5: at 4 ready, not at 5)', () => {
    const f = quorum({ 'x-max-length': 5 });
    expect(confirms(f, ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'])).toBe('aaaaaan');
    f.get('qq');
    expect(confirms(f, ['a1'])).toBe('n');
    f.get('qq');
    expect(confirms(f, ['a2'])).toBe('a');
  });

  it('counts bytes the same way (x-max-length-bytes 6, 2-byte bodies)', () => {
    const f = quorum({ 'x-max-length-bytes': 6 });
    expect(confirms(f, ['b1', 'b2', 'b3', 'b4', 'b5'])).toBe('aaaan');
    f.get('qq');
    expect(confirms(f, ['b6'])).toBe('n');
    f.get('qq');
    expect(confirms(f, ['b7'])).toBe('a');
  });

  it('a channel publishing for the first time is refused if the queue is over the limit right then', () => {
    const f = quorum({ 'x-max-length': 5 });
    confirms(f, ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const fresh = f.channel();
    unwrap(f.broker.confirmSelect(fresh));
    expect(confirms(f, ['n1'], fresh)).toBe('n');
    f.get('qq'); // 5 ready: not over the limit any more, but not down to 80% either
    const late = f.channel();
    unwrap(f.broker.confirmSelect(late));
    expect(confirms(f, ['l1'], late)).toBe('a'); // registers while not over: accepted
    expect(confirms(f, ['l2'], late)).toBe('n'); // ... which put the queue over again
  });

  it('unacked deliveries do not count', () => {
    const f = quorum({ 'x-max-length': 2 });
    f.consume('qq', { prefetch: 2 });
    expect(confirms(f, ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'])).toBe('aaaaan');
    expect(f.depth('qq')).toMatchObject({ ready: 3, unacked: 2 });
  });
});
