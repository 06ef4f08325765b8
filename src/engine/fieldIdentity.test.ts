import { describe, expect, it } from 'vitest';
import { bindingArgsKey, exactEquals, headerValueEquals } from './fieldIdentity';
import { Fixture, unwrap } from './test/harness';

const T = (t: string, value: unknown) => ({ $type: t, value }) as never;

describe('field values compared the way RabbitMQ 3.10.8 does (conformance/golden/headers/*)', () => {
  it('top level: numbers by value across widths and floats; strings and bools by type and value', () => {
    expect(headerValueEquals(1, T('long', 1))).toBe(true);
    expect(headerValueEquals(1, T('double', 1))).toBe(true);
    expect(headerValueEquals('1', 1)).toBe(false);
    expect(headerValueEquals(true, 'true')).toBe(false);
  });

  it('inside arrays the element type counts: byte 1 is not short, long or double 1', () => {
    expect(headerValueEquals([1], [1])).toBe(true);
    expect(headerValueEquals([1], [T('short', 1)])).toBe(false);
    expect(headerValueEquals([T('long', 1000)], [1000])).toBe(false); // amqplib sends 1000 as a short
    expect(headerValueEquals([T('long', 1000)], [T('long', 1000)])).toBe(true);
    expect(headerValueEquals(['a', 'b'], ['b', 'a'])).toBe(false);
  });

  it('nested tables match field by field in order, with types', () => {
    expect(headerValueEquals({ a: '1', b: '2' }, { a: '1', b: '2' })).toBe(true);
    expect(headerValueEquals({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(false);
    expect(headerValueEquals({ n: 7 }, { n: T('long', 7) })).toBe(false);
  });

  it('an empty array equals an empty table (both are empty lists to Erlang), nothing else crosses', () => {
    expect(headerValueEquals([], {})).toBe(true);
    expect(headerValueEquals({}, [])).toBe(true);
    expect(headerValueEquals([1], { a: 1 })).toBe(false);
  });

  it('exactEquals: void and bool elements keep their types', () => {
    expect(exactEquals([null, true], [null, true])).toBe(true);
    expect(exactEquals([null, true], [null, 'true'])).toBe(false);
    expect(exactEquals([null, true], [null, 1])).toBe(false);
  });

  it("a binding's identity: top-level names sorted, integer widths and nested order significant", () => {
    expect(bindingArgsKey({ 'x-match': 'all', a: '1', n: 5 })).toBe(bindingArgsKey({ n: 5, a: '1', 'x-match': 'all' }));
    expect(bindingArgsKey({ n: 5 })).not.toBe(bindingArgsKey({ n: T('long', 5) }));
    expect(bindingArgsKey({ m: { a: 1, b: 2 } })).not.toBe(bindingArgsKey({ m: { b: 2, a: 1 } }));
  });
});

describe('unbind corner cases (RabbitMQ 3.10.8, conformance/golden/unbind/*)', () => {
  it('is no error when the source exchange, the destination or the binding is missing', () => {
    const f = new Fixture();
    f.queue('q');
    f.exchange('x', 'direct');
    for (const p of [
      { queue: 'q', exchange: 'nope', routingKey: 'k' },
      { queue: 'ghost', exchange: 'x', routingKey: 'k' },
      { queue: 'q', exchange: 'x', routingKey: 'never' },
    ]) {
      expect(f.broker.queueUnbind(f.ch, p).ok).toBe(true);
    }
    expect(f.broker.exchangeUnbind(f.ch, { source: 'nope', destination: 'x' }).ok).toBe(true);
    expect(f.broker.isOpen(f.ch)).toBe(true);
  });

  it("an existing binding to another connection's exclusive queue is refused with 405", () => {
    const f = new Fixture();
    f.exchange('x', 'direct');
    const owner = f.broker.channelOpen(f.broker.connectionOpen('owner'));
    unwrap(f.broker.queueDeclare(owner, { queue: 'excl', exclusive: true }));
    unwrap(f.broker.queueBind(owner, { queue: 'excl', exchange: 'x', routingKey: 'k' }));
    const r = f.broker.queueUnbind(f.ch, { queue: 'excl', exchange: 'x', routingKey: 'k' });
    expect(r.ok ? 0 : r.error.code).toBe(405);
    expect(f.broker.queueUnbind(owner, { queue: 'excl', exchange: 'x', routingKey: 'k' }).ok).toBe(true);
  });
});
