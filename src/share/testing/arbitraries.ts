import fc from 'fast-check';
import {
  type App,
  type Binding,
  EXCHANGE_TYPES,
  type Exchange,
  FAIL_OUTCOMES,
  isReservedName,
  CONFIRM_WAITS, KEY_ORDERS,
  OUTCOMES,
  OVERFLOW_MODES,
  PUBLISH_MODES,
  type Queue,
  type QueueArguments,
  SCENARIO_VERSION,
  type Scenario,
  utf8Length,
  X_MATCH_VALUES,
} from '../../model';

/**
 * fast-check generators of VALID scenarios, with hostile-looking but legal data: any Unicode in names
 * and bodies (quotes, backslashes, newlines, lone surrogates, HTML), fractional positions, extreme
 * numbers. Test-only. (-0 is avoided: JSON, and so every file and link format, writes it as 0.)
 */

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const int = (min: number, max: number) => fc.integer({ min, max });
const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const shortstr = text(60).filter((s) => utf8Length(s) <= 255);
const entityName = shortstr.filter((s) => s.trim() !== '' && !isReservedName(s));
const position = fc.record({ x: num(-1e6, 1e6), y: num(-1e6, 1e6) });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const headerValue = fc.oneof(text(20), num(-1e9, 1e9), fc.boolean());
const headers = fc.dictionary(text(12).filter((k) => k.trim() !== '' && !['__proto__', 'constructor', 'prototype'].includes(k)), headerValue, { maxKeys: 3 });

/** Drops undefined fields, as the editor's documents never hold them. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const exchange = (id: string, name: string, otherNames: string[]): fc.Arbitrary<Exchange> =>
  fc
    .record({
      type: fc.constantFrom(...EXCHANGE_TYPES),
      durable: fc.boolean(),
      autoDelete: fc.boolean(),
      internal: fc.boolean(),
      alternateExchange: opt(fc.oneof(fc.constantFrom(...otherNames, 'missing'), shortstr)),
      position,
    })
    .map((e) => compact({ id, name, ...e }));

const queue = (id: string, name: string): fc.Arbitrary<Queue> =>
  fc
    .record({
      quorum: fc.boolean(),
      durable: fc.boolean(),
      exclusive: fc.boolean(),
      autoDelete: fc.boolean(),
      messageTtl: opt(int(0, 4294967295)),
      expires: opt(int(1, 4294967295)),
      maxLength: opt(int(0, 2 ** 40)),
      maxLengthBytes: opt(int(0, 2 ** 40)),
      overflow: opt(fc.constantFrom(...OVERFLOW_MODES)),
      deadLetterExchange: opt(shortstr),
      deadLetterRoutingKey: opt(shortstr),
      maxPriority: opt(int(0, 255)),
      singleActiveConsumer: opt(fc.boolean()),
      deliveryLimit: opt(int(0, 1000)),
      position,
    })
    .map((r) => {
      const q = r.quorum;
      const args: QueueArguments = compact({
        queueType: q ? 'quorum' : 'classic',
        messageTtl: r.messageTtl,
        expires: r.expires,
        maxLength: r.maxLength,
        maxLengthBytes: r.maxLengthBytes,
        overflow: q && r.overflow === 'reject-publish-dlx' ? 'drop-head' : r.overflow,
        deadLetterExchange: r.deadLetterExchange,
        deadLetterRoutingKey: r.deadLetterExchange === undefined ? undefined : r.deadLetterRoutingKey,
        maxPriority: q ? undefined : r.maxPriority,
        singleActiveConsumer: r.singleActiveConsumer,
        deliveryLimit: q ? r.deliveryLimit : undefined,
      });
      return { id, name, durable: q || r.durable, exclusive: !q && r.exclusive, autoDelete: !q && r.autoDelete, arguments: args, position: r.position };
    });

const bindingArguments = fc
  .tuple(headers, opt(fc.constantFrom(...X_MATCH_VALUES)))
  .map(([h, m]) => (m === undefined ? h : { ...h, 'x-match': m }));

const message = fc
  .record({
    body: text(200),
    contentType: opt(shortstr),
    deliveryMode: fc.constantFrom(1 as const, 2 as const),
    priority: opt(int(0, 255)),
    expiration: opt(int(0, 4294967295).map(String)),
    headers,
    messageId: opt(shortstr),
    correlationId: opt(shortstr),
    replyTo: opt(shortstr),
  })
  .map(compact);

function app(i: number, name: string, exchangeNames: string[], queueNames: string[]): fc.Arbitrary<App> {
  const id = `app${i}`;
  return fc
    .array(fc.uniqueArray(int(1, 65535), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
    .chain((connNumbers) => {
      const connections = connNumbers.map((numbers, c) => ({ id: `conn${i}_${c}`, numbers }));
      const channelIds = connections.flatMap((c) => c.numbers.map((_, k) => `ch${i}_${c.id}_${k}`));
      const channel = fc.record({ prefetchCount: int(0, 65535), prefetchGlobal: fc.boolean(), confirmSelect: fc.boolean() });
      const publisher = fc.record({
        channelId: fc.constantFrom(...channelIds),
        exchange: fc.constantFrom('', ...exchangeNames),
        routingKeys: fc.array(shortstr, { minLength: 1, maxLength: 3 }),
        keyOrder: fc.constantFrom(...KEY_ORDERS),
        mode: fc.constantFrom(...PUBLISH_MODES),
        ratePerSec: num(0.001, 10000).filter((n) => n > 0),
        burstCount: int(1, 100000),
        message,
        mandatory: fc.boolean(),
        confirms: fc.boolean(),
        waitForConfirms: fc.constantFrom(...CONFIRM_WAITS),
        confirmBatchSize: int(1, 10000),
      });
      const consumer = fc.record({
        channelId: fc.constantFrom(...channelIds),
        queue: fc.constantFrom('', ...queueNames),
        noAck: fc.boolean(),
        prefetchCount: int(0, 65535),
        processingMs: int(0, 3_600_000),
        msPerDot: int(0, 600_000),
        jitterMs: int(0, 3_600_000),
        outcome: fc.constantFrom(...OUTCOMES),
        failPercent: num(0, 100),
        failOutcome: fc.constantFrom(...FAIL_OUTCOMES),
        priority: int(-2147483648, 2147483647),
        exclusive: fc.boolean(),
        running: fc.boolean(),
        replyToRequests: fc.boolean(),
      });
      return fc.record({
        position,
        channels: fc.array(channel, { minLength: channelIds.length, maxLength: channelIds.length }),
        publishers: fc.array(publisher, { maxLength: 2 }),
        consumers: fc.array(consumer, { maxLength: 2 }),
      }).map((r) => {
        let k = 0;
        return {
          id,
          name,
          position: r.position,
          connections: connections.map((c) => ({
            id: c.id,
            channels: c.numbers.map((number, n) => ({ id: `ch${i}_${c.id}_${n}`, number, ...r.channels[k++]! })),
          })),
          publishers: r.publishers.map((p, n) => ({ id: `pub${i}_${n}`, ...p })),
          consumers: r.consumers.map((c, n) => ({ id: `sub${i}_${n}`, ...c })),
        };
      });
    });
}

export const validScenario: fc.Arbitrary<Scenario> = fc
  .record({
    exchangeNames: fc.uniqueArray(entityName, { maxLength: 4 }),
    queueNames: fc.uniqueArray(entityName, { maxLength: 4 }),
    appNames: fc.uniqueArray(text(30).filter((s) => s.trim() !== ''), { maxLength: 3 }),
  })
  .chain(({ exchangeNames, queueNames, appNames }) => {
    const xIds = exchangeNames.map((_, i) => `x${i}`);
    const qIds = queueNames.map((_, i) => `q${i}`);
    const binding = fc.record({
      source: xIds.length ? fc.constantFrom(...xIds) : fc.constant(''),
      toQueue: fc.boolean(),
      d: fc.nat(),
      routingKey: shortstr,
      arguments: bindingArguments,
    });
    return fc.record({
      title: text(40),
      description: opt(text(300)),
      seed: int(0, 0xffffffff),
      broker: fc.record({ showDefaultExchange: fc.boolean(), hopLatencyMs: num(0, 60000) }),
      exchanges: fc.tuple(...exchangeNames.map((n, i) => exchange(xIds[i]!, n, exchangeNames))),
      queues: fc.tuple(...queueNames.map((n, i) => queue(qIds[i]!, n))),
      bindings: fc.array(binding, { maxLength: xIds.length ? 5 : 0 }),
      apps: fc.tuple(...appNames.map((n, i) => app(i, n, exchangeNames, queueNames))),
      layout: opt(fc.record({ defaultExchange: opt(position), viewport: opt(fc.record({ x: num(-1e5, 1e5), y: num(-1e5, 1e5), zoom: num(0.01, 10).filter((z) => z > 0) })) }).map(compact)),
    }).map((r) => {
      const bindings: Binding[] = [];
      r.bindings.forEach((b, i) => {
        const toQueue = b.toQueue && qIds.length > 0;
        const dests = toQueue ? qIds : xIds;
        bindings.push({ id: `b${i}`, source: b.source, destination: dests[b.d % dests.length]!, destinationType: toQueue ? 'queue' : 'exchange', routingKey: b.routingKey, arguments: b.arguments });
      });
      return compact({ version: SCENARIO_VERSION, ...r, exchanges: [...r.exchanges], queues: [...r.queues], apps: [...r.apps], bindings }) as Scenario;
    });
  });
