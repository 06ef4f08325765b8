import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCHANGE_NODE_ID } from '../amq';
import { PORT } from '../ports';
import { Build, logsTopology } from '../testing/build';
import { updateExchange } from './update';
import { applyConnection, applyFix } from './connect';
import { checkConnection } from './connectPlan';

const refusal = (r: ReturnType<typeof checkConnection>) => (r.action === 'refuse' ? r.reason : null);

describe('checkConnection: what a line means', () => {
  it('publishes, binds, subscribes, dead-letters and sets alternate exchanges', () => {
    const b = new Build();
    const p = b.add('producer', 'p');
    const x = b.add('exchange', 'x');
    const y = b.add('exchange', 'y');
    const q = b.add('queue', 'q');
    const c = b.add('consumer', 'c');
    const pub = b.doc.apps[0]!.publishers[0]!.id;
    const sub = b.doc.apps[1]!.consumers[0]!.id;
    expect(checkConnection(b.doc, { node: p, handle: pub }, { node: x, handle: PORT.in })).toEqual({ action: 'publish', appId: p, publisherId: pub, exchange: 'x' });
    expect(checkConnection(b.doc, { node: x, handle: PORT.out }, { node: q })).toEqual({ action: 'bind', source: x, destination: q, destinationType: 'queue' });
    expect(checkConnection(b.doc, { node: x, handle: PORT.out }, { node: y })).toEqual({ action: 'bind', source: x, destination: y, destinationType: 'exchange' });
    expect(checkConnection(b.doc, { node: q }, { node: c, handle: sub })).toEqual({ action: 'subscribe', appId: c, consumerId: sub, queue: 'q' });
    expect(checkConnection(b.doc, { node: q }, { node: y })).toEqual({ action: 'deadLetter', queueId: q, exchange: 'y' });
    expect(checkConnection(b.doc, { node: x, handle: PORT.alternate }, { node: y })).toEqual({ action: 'alternate', exchangeId: x, alternate: 'y' });
  });

  it('refuses a producer dropped on a queue, teaching the default exchange, and offers to do that', () => {
    const b = new Build();
    const p = b.add('producer', 'p');
    const q = b.add('queue', 'orders');
    const r = checkConnection(b.doc, { node: p }, { node: q });
    expect(refusal(r)).toEqual({ key: 'connect.producerToQueue', params: { queue: 'orders' } });
    if (r.action !== 'refuse' || !r.fix) throw new Error('expected a fix');
    const fixed = applyFix(b.doc, r.fix);
    if (!fixed.ok) throw new Error('fix failed');
    expect(fixed.doc.apps[0]!.publishers[0]).toMatchObject({ exchange: '', routingKeys: ['orders'] });
  });

  it('refuses what AMQP does not allow, each with its own explanation', () => {
    const b = new Build();
    const p = b.add('producer', 'p');
    const p2 = b.add('producer', 'p2');
    const x = b.add('exchange', 'x');
    const q = b.add('queue', 'q');
    const q2 = b.add('queue', 'q2');
    const c = b.add('consumer', 'c');
    b.doc = { ...b.doc, broker: { ...b.doc.broker, showDefaultExchange: true } };
    const key = (s: string, t: string, sh?: string) => refusal(checkConnection(b.doc, { node: s, handle: sh }, { node: t }))?.key;
    expect(key(p, p2)).toBe('connect.producerToApp');
    expect(key(x, c)).toBe('connect.exchangeToApp');
    expect(key(q, q2)).toBe('connect.queueToQueue');
    expect(key(q, p)).toBe('connect.queueToProducer');
    expect(key(DEFAULT_EXCHANGE_NODE_ID, q)).toBe('connect.bindFromDefault');
    expect(key(x, DEFAULT_EXCHANGE_NODE_ID)).toBe('connect.bindToDefault');
    expect(key(x, x)).toBe('connect.selfBinding');
    expect(key(x, x, PORT.alternate)).toBe('connect.selfAlternate');
    expect(key(x, q, PORT.alternate)).toBe('connect.alternateToQueue');
    expect(key(c, x)).toBe('connect.appHasNoPublisher');
    expect(key('nope', x)).toBe('connect.notAnEndpoint');
    const internal = updateExchange(b.doc, x, { internal: true });
    if (!internal.ok) throw new Error();
    expect(refusal(checkConnection(internal.doc, { node: p }, { node: x }))).toEqual({ key: 'connect.producerToInternal', params: { exchange: 'x' } });
  });

  it('lets a producer publish to the default exchange and a queue dead-letter to it, when it is shown', () => {
    const b = new Build();
    const p = b.add('producer', 'p');
    const q = b.add('queue', 'q');
    expect(refusal(checkConnection(b.doc, { node: p }, { node: DEFAULT_EXCHANGE_NODE_ID }))?.key).toBe('connect.notAnEndpoint');
    b.doc = { ...b.doc, broker: { ...b.doc.broker, showDefaultExchange: true } };
    expect(checkConnection(b.doc, { node: p }, { node: DEFAULT_EXCHANGE_NODE_ID })).toMatchObject({ action: 'publish', exchange: '' });
    expect(checkConnection(b.doc, { node: q }, { node: DEFAULT_EXCHANGE_NODE_ID })).toMatchObject({ action: 'deadLetter', exchange: '' });
  });

  it('offers to add a consumer when a queue is dropped on an app that has none', () => {
    const b = new Build();
    const p = b.add('producer', 'rpc');
    const q = b.add('queue', 'replies');
    const r = checkConnection(b.doc, { node: q }, { node: p });
    if (r.action !== 'refuse' || !r.fix) throw new Error('expected a fix');
    const fixed = applyFix(b.doc, r.fix);
    if (!fixed.ok) throw new Error();
    const app = fixed.doc.apps[0]!;
    expect(app.publishers).toHaveLength(1);
    expect(app.consumers).toMatchObject([{ queue: 'replies', channelId: app.connections[0]!.channels[0]!.id }]);
  });
});

describe('applyConnection', () => {
  it('creates a binding with its key, and refuses the same binding twice', () => {
    const { doc, logs, errors } = logsTopology();
    const plan = checkConnection(doc, { node: logs }, { node: errors });
    if (plan.action !== 'bind') throw new Error();
    const again = applyConnection(doc, plan, { routingKey: '*.error', arguments: {} });
    expect(again).toMatchObject({ ok: false, errors: [{ explanation: { key: 'connect.duplicateBinding' } }] });
    const other = applyConnection(doc, plan, { routingKey: '*.warn', arguments: {} });
    if (!other.ok) throw new Error();
    expect(other.doc.bindings.at(-1)).toMatchObject({ id: other.createdId, source: logs, destination: errors, routingKey: '*.warn' });
  });

  it('validates headers binding arguments', () => {
    const { doc, logs, errors } = logsTopology();
    const plan = checkConnection(doc, { node: logs }, { node: errors });
    if (plan.action !== 'bind') throw new Error();
    const bad = applyConnection(doc, plan, { routingKey: '', arguments: { 'x-match': 'most', format: 'pdf' } });
    expect(bad).toMatchObject({ ok: false, errors: [{ path: ['arguments', 'x-match'], explanation: { key: 'validation.xMatch' } }] });
    const good = applyConnection(doc, plan, { routingKey: '', arguments: { 'x-match': 'any', format: 'pdf', size: 3, urgent: true } });
    expect(good.ok).toBe(true);
  });

  it('sets the publisher exchange, the consumer queue, the DLX and the AE by name', () => {
    const { doc, p, logs, errors, c } = logsTopology();
    expect(doc.apps.find((a) => a.id === p)!.publishers[0]!.exchange).toBe('logs');
    expect(doc.apps.find((a) => a.id === c)!.consumers[0]!.queue).toBe('errors');
    const b = new Build();
    b.doc = doc;
    const ae = b.add('exchange', 'ae');
    b.connect(errors, logs).connect(logs, ae, '', PORT.alternate);
    expect(b.doc.queues.find((q) => q.id === errors)!.arguments.deadLetterExchange).toBe('logs');
    expect(b.doc.exchanges.find((e) => e.id === logs)!.alternateExchange).toBe('ae');
  });
});
