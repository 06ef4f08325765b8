import { AmqpBroker } from '../api';
import type { ChannelRef } from '../broker';
import type { FieldTable } from '../fields';
import type { BasicProperties } from '../message';
import type { Delivered, TraceEvent } from '../trace';
import { messageRecord } from './records';
import type { Action, MessageRecord, Outcome, Policy, Scenario, Step } from './scenario';

/**
 * Plays a conformance scenario against the engine the way the recorder (run-real.mjs) played it
 * against RabbitMQ, and writes the same outcome. Each step runs to completion: the client-side
 * reactions (consumer policies acking, nacking, holding) are applied as deliveries arrive, in
 * order, until nothing more happens.
 */
interface Chan {
  name: string;
  ref: ChannelRef;
  connName: string;
}
interface Held {
  id: string;
  tag: number;
  chan: Chan;
}
interface ConsumerState {
  name: string;
  policy: Policy;
  actionIdx: number;
  seenById: Record<string, number>;
  chan: Chan;
  noAck: boolean;
  list: Outcome['deliveries'][string];
}

type StepIndex = number | 'setup' | 'final';

export class ConformanceRunner {
  private broker = new AmqpBroker({ seed: 1 });
  private conns = new Map<string, number>();
  private chans = new Map<string, Chan>();
  private consumers = new Map<string, ConsumerState>();
  private held = new Map<string, Held[]>();
  private settled = new Map<string, Held[]>();
  private stepIndex: StepIndex = 'setup';
  private createdQueues = new Set<string>();
  private createdExchanges = new Set<string>();
  private pendingPublish = new Map<number, Outcome['publishes'][number]>();
  private restarting = false;
  private out: Outcome;

  constructor(private sc: Scenario) {
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
    const names = [...new Set([...(sc.queues ?? []).map((q) => q.name), ...(sc.steps ?? []).filter((s) => s.op === 'declareQueue').map((s) => s.name!)])];
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
    return this.out;
  }

  // ---------------------------------------------------------------- plumbing
  private conn(name = 'main'): number {
    const id = this.conns.get(name);
    if (id !== undefined && this.broker.state.connection(id)) return id;
    const fresh = this.broker.connectionOpen(name);
    this.conns.set(name, fresh);
    return fresh;
  }

  private chan(name: string, connName = 'main'): Chan {
    const w = this.chans.get(name);
    if (w && this.broker.isOpen(w.ref)) return w;
    const ref = this.broker.channelOpen(this.conn(connName));
    this.broker.confirmSelect(ref);
    const c: Chan = { name, ref, connName };
    this.chans.set(name, c);
    return c;
  }

  private chanByRef(ref: { connection: number; channel: number }): Chan | undefined {
    for (const c of this.chans.values()) if (c.ref.connection === ref.connection && c.ref.channel === ref.channel) return c;
    return undefined;
  }

  private connName(id: number): string | undefined {
    for (const [name, cid] of this.conns) if (cid === id) return name;
    return undefined;
  }

  /** Runs an engine call, then lets the client react to everything it caused. Returns the error code, if any. */
  private call<T>(fn: () => { ok: true; value: T } | { ok: false; error: { code: number } }): { value?: T; error?: number } {
    const r = fn();
    this.react();
    return r.ok ? { value: r.value } : { error: r.error.code };
  }

  /** Processes the broker's trace in order; consumer actions add to it until it runs dry. */
  private react(): void {
    for (let events = this.broker.drainTrace(); events.length; events = this.broker.drainTrace()) {
      for (const e of events) this.onEvent(e);
    }
  }

  private onEvent(e: TraceEvent): void {
    switch (e.type) {
      case 'delivered':
        if (e.consumerTag !== undefined) this.onDelivery(e);
        break;
      case 'returned':
        this.out.returns.push({ id: this.bodyOf(e.msgId), replyCode: e.replyCode, replyText: e.replyText, exchange: e.exchange, routingKey: e.routingKey });
        break;
      case 'confirmed': {
        const rec = this.pendingPublish.get(e.msgId);
        if (rec) rec.confirm = e.ack ? 'ack' : 'nack';
        break;
      }
      case 'consumer-cancelled':
        if (e.byServer) {
          for (const c of this.consumers.values()) {
            if (c.name === e.consumerTag && c.chan.ref.connection === e.connection && c.chan.ref.channel === e.channel) c.list.push({ cancelledByServer: true });
          }
        }
        break;
      case 'channel-closed': {
        const c = this.chanByRef(e);
        if (!c) break;
        if (e.error && !this.restarting) this.out.errors.push({ step: this.stepIndex, channel: c.name, code: e.error.code, text: e.error.text });
        this.forgetHeldOn(c);
        break;
      }
      case 'connection-closed': {
        const name = this.connName(e.connection);
        if (name && e.error && !this.restarting) this.out.errors.push({ step: this.stepIndex, connection: name, code: e.error.code, text: e.error.text });
        break;
      }
      default:
        break;
    }
  }

  private bodies = new Map<number, string>();
  private bodyOf(msgId: number): string {
    return this.bodies.get(msgId) ?? '';
  }

  private forgetHeldOn(c: Chan): void {
    for (const [h, list] of this.held) this.held.set(h, list.filter((x) => x.chan !== c));
  }

  private onDelivery(d: Delivered): void {
    const state = [...this.consumers.values()].find((c) => c.name === d.consumerTag && c.chan.ref.connection === d.connection && c.chan.ref.channel === d.channel);
    if (!state) return;
    const msg = { ...d, properties: d.properties };
    if (state.noAck) {
      state.list.push(messageRecord(msg));
      return;
    }
    const action = this.resolveAction(state, d);
    state.list.push(messageRecord(msg, { action }));
    this.applyAction(state.chan, action, d.body, d.deliveryTag, state.name, false);
  }

  private resolveAction(state: ConsumerState, d: Delivered): Action {
    const pol = state.policy;
    if (typeof pol === 'string') return pol;
    const id = d.body;
    const byId = pol.byId?.[id];
    if (byId !== undefined) {
      if (typeof byId === 'string') return byId;
      const n = (state.seenById[id] = (state.seenById[id] ?? 0) + 1);
      return byId[Math.min(n, byId.length) - 1]!;
    }
    if (pol.redelivered && d.redelivered) return pol.redelivered;
    if (pol.actions && state.actionIdx < pol.actions.length) return pol.actions[state.actionIdx++]!;
    return pol.then ?? 'ack';
  }

  private applyAction(c: Chan, action: Action, id: string, tag: number, holder: string, multiple: boolean): void {
    if (multiple && action !== 'hold') {
      for (const [h, list] of this.held) this.held.set(h, list.filter((x) => !(x.chan === c && x.tag <= tag)));
    }
    const entry: Held = { id, tag, chan: c };
    if (action !== 'hold') {
      if (!this.settled.has(holder)) this.settled.set(holder, []);
      this.settled.get(holder)!.push(entry);
    }
    const ref = c.ref;
    switch (action) {
      case 'ack':
        this.broker.basicAck(ref, { deliveryTag: tag, multiple });
        break;
      case 'nack-requeue':
        this.broker.basicNack(ref, { deliveryTag: tag, multiple, requeue: true });
        break;
      case 'nack-discard':
        this.broker.basicNack(ref, { deliveryTag: tag, multiple, requeue: false });
        break;
      case 'reject-requeue':
        this.broker.basicReject(ref, { deliveryTag: tag, requeue: true });
        break;
      case 'reject-discard':
        this.broker.basicReject(ref, { deliveryTag: tag, requeue: false });
        break;
      case 'hold':
        if (!this.held.has(holder)) this.held.set(holder, []);
        this.held.get(holder)!.push(entry);
        break;
    }
  }

  // ---------------------------------------------------------------- setup
  private adminChan(connection?: string): Chan {
    return connection ? this.chan(`__admin:${connection}`, connection) : this.chan('__admin');
  }

  private declareExchange(e: { name: string; type: string; durable?: boolean; autoDelete?: boolean; internal?: boolean; arguments?: FieldTable; connection?: string }): number | undefined {
    const c = this.adminChan(e.connection);
    const r = this.call(() => this.broker.exchangeDeclare(c.ref, { exchange: e.name, type: e.type, durable: !!e.durable, autoDelete: !!e.autoDelete, internal: !!e.internal, arguments: e.arguments ?? {} }));
    if (r.error === undefined) this.createdExchanges.add(e.name);
    return r.error;
  }

  private declareQueue(q: { name: string; durable?: boolean; exclusive?: boolean; autoDelete?: boolean; arguments?: FieldTable; connection?: string }): number | undefined {
    const c = this.adminChan(q.connection);
    const r = this.call(() => this.broker.queueDeclare(c.ref, { queue: q.name, durable: !!q.durable, exclusive: !!q.exclusive, autoDelete: !!q.autoDelete, arguments: q.arguments ?? {} }));
    if (r.error === undefined) this.createdQueues.add(q.name);
    return r.error;
  }

  private bind(b: Step, unbind: boolean): number | undefined {
    const c = this.adminChan();
    const p = { source: b.source!, destination: b.destination!, routingKey: b.routingKey ?? '', arguments: b.arguments ?? {} };
    if (b.destinationType === 'exchange') {
      return this.call(() => (unbind ? this.broker.exchangeUnbind(c.ref, p) : this.broker.exchangeBind(c.ref, p))).error;
    }
    const qp = { queue: p.destination, exchange: p.source, routingKey: p.routingKey, arguments: p.arguments };
    return this.call(() => (unbind ? this.broker.queueUnbind(c.ref, qp) : this.broker.queueBind(c.ref, qp))).error;
  }

  // ---------------------------------------------------------------- steps
  private step(st: Step, i: number): void {
    this.stepIndex = i;
    const rec: Record<string, unknown> = { step: i, op: st.op };
    const keep = () => this.out.steps.push(rec);
    const s = st;
    switch (st.op) {
      case 'publish': {
        const ids: string[] = s.ids ?? [s.id!];
        for (const id of ids) this.publishOne(st, id);
        break;
      }
      case 'consume': {
        const chName: string = s.channel ?? s.consumer!;
        const c = this.chan(chName, s.connection);
        if (s.prefetch !== undefined) this.call(() => this.broker.basicQos(c.ref, { prefetchCount: s.prefetch!, global: !!s.prefetchGlobal }));
        const list = (this.out.deliveries[s.consumer!] ??= []);
        const state: ConsumerState = { name: s.consumer!, policy: s.policy ?? 'ack', actionIdx: 0, seenById: {}, chan: this.chan(chName, s.connection), noAck: !!s.noAck, list };
        this.consumers.set(s.consumer!, state);
        const args: FieldTable = { ...(s.arguments ?? {}) };
        if (s.priority !== undefined) args['x-priority'] = s.priority;
        const r = this.call(() => this.broker.basicConsume(state.chan.ref, { queue: s.queue!, consumerTag: s.consumer, noAck: !!s.noAck, exclusive: !!s.exclusive, arguments: args }));
        if (r.error !== undefined) {
          rec.error = r.error;
          keep();
        }
        break;
      }
      case 'cancel': {
        const state = this.consumers.get(s.consumer!)!;
        const c = this.chan(state.chan.name, state.chan.connName);
        const r = this.call(() => this.broker.basicCancel(c.ref, { consumerTag: state.name }));
        if (r.error !== undefined) {
          rec.error = r.error;
          keep();
        }
        break;
      }
      case 'settle': {
        const holder: string = s.holder ?? s.consumer!;
        const list = s.repeat ? [...(this.settled.get(holder) ?? [])] : (this.held.get(holder) ?? []);
        const ids: string[] = s.ids ?? list.map((h) => h.id);
        for (const id of ids) {
          const idx = list.findIndex((h) => h.id === id);
          if (idx < 0) {
            rec.missing = [...((rec.missing as string[] | undefined) ?? []), id];
            continue;
          }
          const [h] = list.splice(idx, 1);
          this.applyAction(h!.chan, s.action!, h!.id, h!.tag, holder, !!s.multiple);
          this.react();
        }
        if (rec.missing) keep();
        break;
      }
      case 'get': {
        const chName: string = s.channel ?? '__get';
        const noAck = s.noAck !== undefined ? !!s.noAck : !s.action;
        const c = this.chan(chName, s.connection);
        const r = this.call(() => this.broker.basicGet(c.ref, { queue: s.queue!, noAck }));
        rec.queue = s.queue;
        if (r.error !== undefined) {
          rec.error = r.error;
          keep();
          break;
        }
        const msg = r.value;
        if (!msg) {
          rec.result = null;
          keep();
          break;
        }
        const result: MessageRecord = messageRecord(msg, { messageCount: msg.messageCount });
        rec.result = result;
        if (!noAck) {
          this.applyAction(c, s.action!, msg.body, msg.deliveryTag, s.as ?? chName, false);
          this.react();
          result.action = s.action;
        }
        keep();
        break;
      }
      case 'drain':
        rec.queue = s.queue;
        rec.messages = this.drainQueue(s.queue!, s.channel ?? '__get');
        keep();
        break;
      case 'check':
        rec.queue = s.queue;
        Object.assign(rec, this.checkQueue(s.queue!));
        keep();
        break;
      case 'purge': {
        const c = this.adminChan();
        const r = this.call(() => this.broker.queuePurge(c.ref, { queue: s.queue! }));
        rec.queue = s.queue;
        if (r.error !== undefined) rec.error = r.error;
        else rec.messageCount = r.value!.messageCount;
        keep();
        break;
      }
      case 'wait':
        this.wait(s.ms ?? 0);
        break;
      case 'closeChannel': {
        const w = this.chans.get(s.channel!);
        if (w && this.broker.isOpen(w.ref)) this.call(() => this.broker.channelClose(w.ref));
        break;
      }
      case 'restartBroker':
        Object.assign(rec, this.restartBroker(s.downMs ?? 0));
        keep();
        break;
      case 'recover': {
        const c = this.chan(s.channel!, s.connection);
        const before = new Set<Held>();
        for (const list of this.held.values()) for (const h of list) if (h.chan === c) before.add(h);
        const r = this.call(() => this.broker.basicRecover(c.ref, { requeue: s.requeue !== undefined ? !!s.requeue : true }));
        if (r.error !== undefined) {
          rec.error = r.error;
          keep();
          break;
        }
        for (const [h, list] of this.held) this.held.set(h, list.filter((x) => !before.has(x)));
        break;
      }
      case 'closeConnection': {
        const id = this.conns.get(s.connection!);
        if (id !== undefined) {
          this.call(() => this.broker.connectionClose(id));
          this.conns.delete(s.connection!);
        }
        break;
      }
      case 'declareQueue': {
        const err = this.declareQueue({ ...st, name: st.name! });
        if (err !== undefined) {
          rec.error = err;
          keep();
        }
        break;
      }
      case 'declareExchange': {
        const err = this.declareExchange({ ...st, name: st.name!, type: st.type! });
        if (err !== undefined) {
          rec.error = err;
          keep();
        }
        break;
      }
      case 'deleteQueue': {
        const c = this.adminChan();
        // as the recorder: `queue || name`, and an empty name (the shortcut) is not recorded
        const queue: string = s.queue || s.name || '';
        const r = this.call(() => this.broker.queueDelete(c.ref, { queue, ifUnused: !!s.ifUnused, ifEmpty: !!s.ifEmpty }));
        if (queue !== '') rec.queue = queue;
        if (r.error !== undefined) rec.error = r.error;
        else rec.messageCount = r.value!.messageCount;
        keep();
        break;
      }
      case 'deleteExchange': {
        const c = this.adminChan();
        const r = this.call(() => this.broker.exchangeDelete(c.ref, { exchange: s.exchange ?? s.name!, ifUnused: !!s.ifUnused }));
        if (r.error !== undefined) {
          rec.error = r.error;
          keep();
        }
        break;
      }
      case 'bind':
      case 'unbind': {
        const err = this.bind(st, st.op === 'unbind');
        if (err !== undefined) {
          rec.error = err;
          keep();
        }
        break;
      }
      default:
        throw new Error(`unknown op ${st.op}`);
    }
  }

  private publishOne(st: Step, id: string): void {
    const s = st;
    const c = this.chan(s.channel ?? 'pub', s.connection);
    const properties: BasicProperties = { deliveryMode: s.persistent ? 2 : 1 };
    if (s.headers !== undefined) properties.headers = s.headers;
    if (s.priority !== undefined) properties.priority = s.priority;
    if (s.expiration !== undefined) properties.expiration = String(s.expiration);
    const rec: Outcome['publishes'][number] = { id, confirm: null };
    this.out.publishes.push(rec);
    const r = this.broker.basicPublish(c.ref, { exchange: s.exchange ?? '', routingKey: s.routingKey ?? '', mandatory: !!s.mandatory, body: id, properties });
    if (r.ok) {
      this.bodies.set(r.value.msgId, id);
      this.pendingPublish.set(r.value.msgId, rec);
    } else rec.confirm = 'channel-closed';
    this.react();
  }

  /** `wait`: time passes; the client reacts to whatever each timer causes, at that time. */
  private wait(ms: number): void {
    const target = this.broker.now + ms;
    for (let t = this.broker.nextTimerAt(); t <= target; t = this.broker.nextTimerAt()) {
      this.broker.advanceTo(t);
      this.react();
    }
    this.broker.advanceTo(target);
    this.react();
  }

  private checkQueue(q: string): Record<string, unknown> {
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

  private checkExchange(x: string): boolean | { error: number } {
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

  private drainQueue(q: string, chName: string): unknown[] {
    const out: unknown[] = [];
    for (let n = 0; n < 10000; n++) {
      const c = this.chan(chName);
      const r = this.call(() => this.broker.basicGet(c.ref, { queue: q, noAck: true }));
      if (r.error !== undefined) {
        out.push({ error: r.error });
        break;
      }
      if (!r.value) break;
      out.push(messageRecord(r.value));
    }
    return out;
  }

  private restartBroker(downMs: number): Record<string, unknown> {
    const openConns = [...this.conns.entries()].filter(([, id]) => this.broker.state.connection(id)).map(([n]) => n);
    const openChans = [...this.chans.values()].filter((c) => this.broker.isOpen(c.ref));
    this.restarting = true;
    this.broker.restart({ downMs });
    this.react();
    this.restarting = false;
    for (const list of this.held.values()) list.length = 0;
    this.conns.clear();
    this.chans.clear();
    for (const n of openConns) this.conn(n);
    for (const c of openChans) this.chan(c.name, c.connName);
    const rec = { connectionsClosed: {} as Record<string, number>, queues: {} as Record<string, unknown>, exchanges: {} as Record<string, unknown> };
    for (const n of [...openConns].sort()) rec.connectionsClosed[n] = 320;
    for (const n of this.createdQueues) rec.queues[n] = this.checkQueue(n);
    for (const n of this.createdExchanges) rec.exchanges[n] = this.checkExchange(n);
    return rec;
  }
}

export function runScenario(sc: Scenario): Outcome {
  return new ConformanceRunner(sc).run();
}
