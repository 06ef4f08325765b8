import { AmqpBroker } from '../api';
import type { ChannelRef } from '../broker';
import type { FieldTable } from '../fields';
import { GeneratedNames } from './names';
import { OPS } from './ops';
import { applyAction, type Held, onEvent } from './react';
import { messageRecord } from './records';
import type { Action, MessageRecord, Outcome, Policy, Scenario, Step } from './scenario';

/**
 * Plays a conformance scenario against the engine the way the recorder
 * (conformance/recorder/run-real.mjs) played it against RabbitMQ, and writes the same outcome.
 * Each step runs to completion: the client-side reactions (consumer policies acking, nacking,
 * holding) are applied as deliveries arrive, in order, until nothing more happens.
 *
 * This file holds the state and the plumbing; `react.ts` turns the broker's trace into what the
 * client saw; every op lives in `ops/` (one file per op family), as in the recorder.
 */
export interface Chan {
  name: string;
  ref: ChannelRef;
  connName: string;
  /** confirms and returns received, while a publish step with `observe` records them */
  frames: Record<string, unknown>[] | null;
}

export interface ConsumerState {
  name: string;
  policy: Policy;
  actionIdx: number;
  seenById: Record<string, number>;
  chan: Chan;
  noAck: boolean;
  list: Outcome['deliveries'][string];
}

export type StepIndex = number | 'setup' | 'final';
export type StepRecord = Record<string, unknown>;
type QueueSpec = { name?: Step['name']; durable?: boolean; exclusive?: boolean; autoDelete?: boolean; arguments?: FieldTable; connection?: string; channel?: string; passive?: boolean; as?: string };
type ExchangeSpec = { name?: Step['name']; type?: string; durable?: boolean; autoDelete?: boolean; internal?: boolean; arguments?: FieldTable; connection?: string; channel?: string; passive?: boolean };

export class ConformanceRunner {
  readonly broker = new AmqpBroker({ seed: 1 });
  readonly conns = new Map<string, number>();
  readonly chans = new Map<string, Chan>();
  readonly consumers = new Map<string, ConsumerState>();
  readonly held = new Map<string, Held[]>();
  readonly settled = new Map<string, Held[]>();
  readonly names = new GeneratedNames();
  readonly createdQueues = new Set<string>();
  readonly createdExchanges = new Set<string>();
  readonly pendingPublish = new Map<number, Outcome['publishes'][number]>();
  readonly bodies = new Map<number, string>();
  stepIndex: StepIndex = 'setup';
  restarting = false;
  readonly out: Outcome;

  constructor(readonly sc: Scenario) {
    this.out = { scenario: sc.name, category: sc.category, errors: [], publishes: [], returns: [], deliveries: {}, steps: [], final: null };
  }

  run(): Outcome {
    const sc = this.sc;
    this.conn('main');
    for (const e of sc.exchanges ?? []) this.declareExchange(e);
    for (const q of sc.queues ?? []) this.declareQueue(q);
    for (const b of sc.bindings ?? []) this.bind({ op: 'bind', ...b }, false);
    for (const [i, st] of (sc.steps ?? []).entries()) this.step(st, i);
    this.stepIndex = 'final';
    const names = [...new Set(this.declaredNames())];
    const fin: NonNullable<Outcome['final']> = { queues: {}, held: {} };
    for (const n of names) fin.queues[n] = this.checkQueue(n);
    if (sc.finalDrain !== false) {
      for (const n of names) {
        const q = fin.queues[n] as { exists?: boolean; messages?: unknown };
        if (q.exists) q.messages = this.drainQueue(n, '__final');
      }
    }
    for (const [holder, list] of [...this.held].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (list.length) fin.held[holder] = list.map((h) => h.id);
    }
    this.out.final = fin;
    return this.names.anonymize(this.out);
  }

  /** Every queue the scenario declares, by the name it asked for (a server-named one by its generated name). */
  private *declaredNames(): Generator<string> {
    for (const q of [...(this.sc.queues ?? []), ...(this.sc.steps ?? []).filter((s) => s.op === 'declareQueue' && !s.passive)]) {
      if (q.name === '' && 'as' in q && q.as) {
        const real = this.names.queues.get(q.as);
        if (real !== undefined) yield real;
      } else if (typeof q.name === 'string') yield q.name;
    }
  }

  step(st: Step, i: number): void {
    this.stepIndex = i;
    const rec: StepRecord = { step: i, op: st.op };
    const op = OPS[st.op];
    if (!op) throw new Error(`unknown op ${st.op}`);
    op(this, st, rec, () => this.out.steps.push(rec));
  }

  // ---------------------------------------------------------------- plumbing
  conn(name = 'main'): number {
    const id = this.conns.get(name);
    if (id !== undefined && this.broker.state.connection(id)) return id;
    const fresh = this.broker.connectionOpen(name);
    this.conns.set(name, fresh);
    return fresh;
  }

  chan(name: string, connName = 'main'): Chan {
    const w = this.chans.get(name);
    if (w && this.broker.isOpen(w.ref)) return w;
    const ref = this.broker.channelOpen(this.conn(connName));
    this.broker.confirmSelect(ref);
    const c: Chan = { name, ref, connName, frames: null };
    this.chans.set(name, c);
    return c;
  }

  chanByRef(ref: { connection: number; channel: number }): Chan | undefined {
    for (const c of this.chans.values()) if (c.ref.connection === ref.connection && c.ref.channel === ref.channel) return c;
    return undefined;
  }

  connName(id: number): string | undefined {
    for (const [name, cid] of this.conns) if (cid === id) return name;
    return undefined;
  }

  /** Runs an engine call, then lets the client react to everything it caused. Returns the error code, if any. */
  call<T>(fn: () => { ok: true; value: T } | { ok: false; error: { code: number } }): { value?: T; error?: number } {
    const r = fn();
    this.react();
    return r.ok ? { value: r.value } : { error: r.error.code };
  }

  /** Processes the broker's trace in order; consumer actions add to it until it runs dry. */
  react(): void {
    for (let events = this.broker.drainTrace(); events.length; events = this.broker.drainTrace()) {
      for (const e of events) onEvent(this, e);
    }
  }

  settle(c: Chan, action: Action, id: string, tag: number, holder: string, multiple: boolean, on: Chan = c): void {
    applyAction(this, c, action, id, tag, holder, multiple, on);
  }

  // ---------------------------------------------------------------- topology
  adminChan(st: { channel?: string; connection?: string }): Chan {
    if (st.channel) return this.chan(st.channel, st.connection);
    return st.connection ? this.chan(`__admin:${st.connection}`, st.connection) : this.chan('__admin');
  }

  declareExchange(e: ExchangeSpec): number | undefined {
    const c = this.adminChan(e);
    const name = this.names.resolve(e.name ?? '');
    const r = this.call(() =>
      this.broker.exchangeDeclare(c.ref, { exchange: name, type: e.type ?? '', passive: !!e.passive, durable: !!e.durable, autoDelete: !!e.autoDelete, internal: !!e.internal, arguments: e.arguments ?? {} }),
    );
    if (r.error === undefined && !e.passive) this.createdExchanges.add(name);
    return r.error;
  }

  declareQueue(q: QueueSpec): { error?: number; value?: { queue: string; messageCount: number; consumerCount: number } } {
    const c = this.adminChan(q);
    const name = this.names.resolve(q.name ?? '');
    const r = this.call(() =>
      this.broker.queueDeclare(c.ref, { queue: name, passive: !!q.passive, durable: !!q.durable, exclusive: !!q.exclusive, autoDelete: !!q.autoDelete, arguments: q.arguments ?? {} }),
    );
    if (r.value && !q.passive) {
      if (name === '' && q.as) this.names.queueDeclared(q.as, r.value.queue);
      this.createdQueues.add(r.value.queue);
    }
    return r;
  }

  bind(b: Step, unbind: boolean): number | undefined {
    const c = this.adminChan(b);
    const destination = this.names.resolve(b.destination ?? '');
    const p = { source: b.source!, destination, routingKey: this.names.resolve(b.routingKey ?? ''), arguments: b.arguments ?? {} };
    if (b.destinationType === 'exchange') {
      return this.call(() => (unbind ? this.broker.exchangeUnbind(c.ref, p) : this.broker.exchangeBind(c.ref, p))).error;
    }
    const qp = { queue: p.destination, exchange: p.source, routingKey: p.routingKey, arguments: p.arguments };
    return this.call(() => (unbind ? this.broker.queueUnbind(c.ref, qp) : this.broker.queueBind(c.ref, qp))).error;
  }

  checkQueue(q: string): Record<string, unknown> {
    // a throwaway channel, so that a 404 does not disturb the scenario's channels (and is not recorded)
    const ref = this.broker.channelOpen(this.conn('main'));
    const r = this.broker.queueDeclare(ref, { queue: q, passive: true });
    this.react();
    if (r.ok) {
      this.broker.channelClose(ref);
      this.react();
      return { exists: true, messageCount: r.value.messageCount, consumerCount: r.value.consumerCount };
    }
    return r.error.code === 404 ? { exists: false, code: 404 } : { error: r.error.code };
  }

  checkExchange(x: string): boolean | { error: number } {
    const ref = this.broker.channelOpen(this.conn('main'));
    const r = this.broker.exchangeDeclare(ref, { exchange: x, type: '', passive: true });
    this.react();
    if (r.ok) {
      this.broker.channelClose(ref);
      this.react();
      return true;
    }
    return r.error.code === 404 ? false : { error: r.error.code };
  }

  drainQueue(q: string, chName: string): unknown[] {
    const out: unknown[] = [];
    for (let n = 0; n < 10000; n++) {
      const c = this.chan(chName);
      const r = this.call(() => this.broker.basicGet(c.ref, { queue: q, noAck: true }));
      if (r.error !== undefined) {
        out.push({ error: r.error });
        break;
      }
      if (!r.value) break;
      out.push(this.record(r.value));
    }
    return out;
  }

  /** What the recorder writes for a received message; it also learns generated reply addresses. */
  record(d: Parameters<typeof messageRecord>[0], extra?: Parameters<typeof messageRecord>[1]): MessageRecord {
    this.names.received(d.body, d.properties.replyTo);
    return messageRecord(d, extra);
  }
}

export function runScenario(sc: Scenario): Outcome {
  return new ConformanceRunner(sc).run();
}
