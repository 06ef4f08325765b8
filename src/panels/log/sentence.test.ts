import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { logsTopology } from '../../model/testing/build';
import type { WorldEvent } from '../../sim';
import { SimController } from '../../store/simController';
import { clientNames } from '../clientNames';
import { groupOf } from '../../store/eventLog';
import { filterEntries, NO_FILTER, parseMessageId } from './filter';
import { sentence, severity } from './sentence';

const en = translator('en');
const es = translator('es');

/** p publishes "app.error" to the topic exchange 'logs' (queues errors "*.error" and all "#"). */
function logsRun() {
  const { doc, p } = logsTopology();
  const c = new SimController(doc);
  const pub = doc.apps.find((a) => a.id === p)!.publishers[0]!;
  c.input({ type: 'publish', publisher: pub.id, overrides: { routingKey: 'app.error' } });
  c.play();
  for (let t = 0; t < 3000; t += 16) c.tick(16, () => false);
  return { c, doc, entries: c.log.entries() };
}

describe('log sentences', () => {
  it("says what Warren's own connection is for (it declares the drawn topology; no app of the canvas owns it)", () => {
    const { doc, entries } = logsRun();
    const admin = entries.find((x) => x.e.type === 'connection-opened' && x.e.name === 'warren-admin')!.e;
    expect(sentence(admin, en, clientNames(doc, en, entries))).toMatch(/^connection \d+ \(Warren declaring the drawn topology, .*\) opened$/);
    expect(sentence(admin, es, clientNames(doc, es, entries))).toMatch(/conexión \d+ \(Warren declarando la topología dibujada, .*\)/);
  });

  it('tells the route of a message in both languages', () => {
    const { doc, entries } = logsRun();
    const routed = entries.find((x) => x.e.type === 'routed')!.e;
    const id = (routed as { msgId: number }).msgId;
    expect(sentence(routed, en, clientNames(doc, en, entries))).toBe(`m${id} routed by 'logs' to all, errors`);
    expect(sentence(routed, es, clientNames(doc, es, entries))).toBe(`m${id} enrutado por 'logs' a all, errors`);
    const lines = entries.map(({ e }) => sentence(e, en, clientNames(doc, en, entries)));
    expect(lines).toContain(`m${id} reached exchange 'logs' with key "app.error"`);
    expect(lines).toContain(`m${id} enqueued in errors (1 ready)`);
    expect(lines.some((l) => /^m\d+ delivered from errors to c \(delivery tag 1\)$/.test(l))).toBe(true);
    expect(lines.some((l) => /^m\d+ acked by c \(delivery tag 1\)$/.test(l))).toBe(true);
    expect(lines).toContain('p publishes #1 to \'logs\' with key "app.error"');
    expect(lines).toContain("exchange 'logs' declared (topic)");
    expect(lines).toContain('c consumes from errors (prefetch 10, manual ack)');
    // every event of the run has a sentence, none falls back to raw data
    for (const l of lines) expect(l).not.toMatch(/^\{|\{\w+\}/);
  });

  it('keeps protocol texts as the broker wrote them, and makes errors stand out', () => {
    const doc = logsTopology().doc;
    const names = clientNames(doc, es);
    const error: WorldEvent = { type: 'client-error', t: 10, app: doc.apps[0]!.id, text: 'channel 2 closed: PRECONDITION_FAILED - unknown delivery tag 5', code: 406 };
    expect(sentence(error, es, names)).toBe('p: channel 2 closed: PRECONDITION_FAILED - unknown delivery tag 5');
    expect(severity(error)).toBe('error');
    const closed: WorldEvent = {
      type: 'channel-closed',
      t: 10,
      connection: 3,
      channel: 2,
      error: { code: 406, name: 'PRECONDITION_FAILED', text: 'PRECONDITION_FAILED - unknown delivery tag 5', scope: 'channel', method: 'basic.ack' },
    };
    expect(sentence(closed, en, clientNames(doc, en))).toBe('channel 2 of connection 3 closed by the broker: PRECONDITION_FAILED - unknown delivery tag 5');
    expect(severity(closed)).toBe('error');
    expect(severity({ type: 'connection-closed', t: 1, connection: 1, error: { ...closed.error!, code: 320, scope: 'connection' } })).toBe('normal');
    expect(sentence({ type: 'dropped', t: 1, msgId: 4, queue: 'q', reason: 'maxlen' }, en, names)).toBe('m4 dropped from q: the queue is full (x-max-length), oldest dropped');
    expect(sentence({ type: 'dropped', t: 1, msgId: 4, queue: 'q', reason: 'no-dlx-exchange', cause: 'expired' }, en, names)).toBe('m4 dropped from q: the dead-letter exchange does not exist (x-death reason: expired)');
    expect(sentence({ type: 'exchange-deleted', t: 1, exchange: 'logs', reason: 'auto-delete' }, en, names)).toBe("exchange 'logs' deleted (auto-delete: its last binding went)");
    expect(sentence({ type: 'requeued', t: 1, msgId: 4, queue: 'q', reason: 'connection-closed', to: 'position' }, es, names)).toBe('m4 vuelve a q (se cerró su conexión)');
  });
});

describe('log sentences for what clients do', () => {
  it('says which AMQP methods an edit sent, and why a channel had to be opened again', () => {
    const doc = logsTopology().doc;
    const app = doc.apps[0]!;
    const names = clientNames(doc, en);
    const e: WorldEvent = { type: 'edit-applied', t: 1, app: app.id, methods: ['channel.open', 'basic.qos'] };
    expect(sentence(e, en, names)).toBe(`${app.name}: the edit sends channel.open, basic.qos`);
    expect(sentence(e, es, clientNames(doc, es))).toBe(`${app.name}: la edición envía channel.open, basic.qos`);
    const reopen: WorldEvent = { ...e, methods: ['channel.close', 'channel.open'], reopened: [{ channel: 1, reason: 'confirm-off' }] };
    expect(sentence(reopen, en, names)).toBe(`${app.name}: the edit sends channel.close, channel.open (channel 1 closed and opened again: a channel cannot leave confirm mode)`);
    expect(sentence(reopen, es, clientNames(doc, es))).toBe(`${app.name}: la edición envía channel.close, channel.open (canal 1 cerrado y abierto de nuevo: un canal no puede salir del modo de confirmación)`);
    expect(groupOf(e)).toBe('connection');
  });

  it('names the app of an RPC server that publishes a reply (not its internal id)', () => {
    const doc = logsTopology().doc;
    const c = doc.apps.find((a) => a.name === 'c')!;
    const reply: WorldEvent = { type: 'publish-sent', t: 1, arriveAt: 2, app: c.id, publisher: c.consumers[0]!.id, seq: 18, exchange: '', routingKey: 'amq.gen-x', body: 'reply', deliveryMode: 1 };
    expect(sentence(reply, en, clientNames(doc, en))).toBe('c publishes #18 to (AMQP default) with key "amq.gen-x"');
  });

  it('explains CONNECTION_FORCED: the broker shut down, clients reconnect when it is back', () => {
    const doc = logsTopology().doc;
    const forced: WorldEvent = {
      type: 'connection-closed',
      t: 1,
      connection: 2,
      error: { code: 320, name: 'CONNECTION_FORCED', text: "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'", scope: 'connection', method: 'connection.close' },
    };
    expect(sentence(forced, en, clientNames(doc, en))).toMatch(/CONNECTION_FORCED.*: the broker is shutting down/);
    expect(sentence(forced, es, clientNames(doc, es))).toMatch(/CONNECTION_FORCED.*: el broker se está apagando/);
  });
});

describe('log filters', () => {
  it('filters by group, queue, consumer, message and text', () => {
    const { doc, entries } = logsRun();
    const names = clientNames(doc, en, entries);
    const text = (e: WorldEvent) => sentence(e, en, names);
    expect(filterEntries(entries, NO_FILTER, text)).toBe(entries);
    const topology = filterEntries(entries, { ...NO_FILTER, groups: ['topology'] }, text);
    expect(topology.length).toBeGreaterThan(0);
    expect(topology.every(({ e }) => ['queue-declared', 'exchange-declared', 'bound'].includes(e.type))).toBe(true);
    const all = filterEntries(entries, { ...NO_FILTER, queue: 'all' }, text);
    expect(all.map(({ e }) => e.type)).toEqual(['queue-declared', 'bound', 'routed', 'enqueued']);
    const cId = doc.apps.find((a) => a.name === 'c')!.consumers[0]!.id;
    const mine = filterEntries(entries, { ...NO_FILTER, consumer: cId }, text);
    expect(mine.map(({ e }) => e.type)).toContain('acked');
    expect(mine.every(({ e }) => 'consumer' in e || 'consumerTag' in e)).toBe(true);
    const routed = entries.find((x) => x.e.type === 'routed')!.e as { msgId: number };
    const msg = filterEntries(entries, { ...NO_FILTER, message: `m${routed.msgId}` }, text);
    expect(msg.map(({ e }) => e.type)).toEqual(expect.arrayContaining(['published', 'routed', 'enqueued', 'delivered', 'acked']));
    expect(filterEntries(entries, { ...NO_FILTER, message: 'nonsense' }, text)).toEqual([]);
    expect(filterEntries(entries, { ...NO_FILTER, text: 'ACKED BY' }, text).map(({ e }) => e.type)).toEqual(['acked']);
  });

  it('reads message ids as people type them', () => {
    expect(parseMessageId('m42')).toBe(42);
    expect(parseMessageId(' M7 ')).toBe(7);
    expect(parseMessageId('42')).toBe(42);
    expect(parseMessageId('m')).toBeUndefined();
    expect(parseMessageId('4 2')).toBeUndefined();
  });
});
