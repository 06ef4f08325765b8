import { AmqpBroker, type BrokerSnapshot, type ChannelRef, createRng, describeClose, type RngState, type TraceEvent } from '../engine';
import type { Scenario } from '../model';
import { EventQueue, type Scheduled, snapshotQueue } from './eventQueue';
import type { ClientEvent, WorldEvent } from './events';
import { handleItem } from './handlers';
import type { WorldInput } from './inputs';
import { applyInput } from './inputs';
import { applyTurnOutput, type PendingTurn, type ProgramRt, type TurnOutput, type TurnSource } from './programs';
import { reactPrograms } from './programs/react';
import type { AppRt, ChannelRt, ConsumerRt, DeliveryInfo, PublisherRt, SimItem } from './runtime';
import { countDots, dropChannelWork } from './consuming';
import { findConsumer } from './lookup';
import { buildWorld } from './topology';

export interface WorldSnapshot {
  version: 1;
  now: number;
  steps: number;
  rng: number;
  scenario: Scenario;
  queue: { seq: number; items: Scheduled<SimItem>[] };
  apps: AppRt[];
  publishers: PublisherRt[];
  consumers: ConsumerRt[];
  pendingByMsg: [number, string][];
  publishExchange: [number, string][];
  brokerDownUntil: number;
  admin: { conn: number | null; channel: number | null };
  seq: number;
  broker: BrokerSnapshot;
  /** programs (absent in snapshots taken before programs existed) */
  programs?: ProgramRt[];
  /** what each exchange could not route (absent in older snapshots: nothing yet) */
  unroutable?: Record<string, UnroutableTally>;
}

/**
 * Messages an exchange routed to no queue (RabbitMQ's per-exchange drop_unroutable and
 * return_unroutable counters): how many, how many of them went back to their publisher
 * (mandatory, basic.return) rather than being dropped, and the routing key of the last one.
 */
export interface UnroutableTally {
  count: number;
  returned: number;
  key: string;
}

/**
 * A running simulation: the broker plus the simulated client applications of a scenario, on
 * one virtual clock. Deterministic: the same scenario (seed included) and the same inputs at the
 * same virtual times always give the same trace. The wall clock is not read here; a driver
 * (src/store) calls advanceTo() with virtual times.
 */
export class World {
  broker: AmqpBroker;
  scenario: Scenario;
  now = 0;
  /**
   * Events run so far. An input is recorded with this count as well as its time: several events can
   * share one instant, and replaying the input after exactly as many events (not just "at t") is what
   * makes a replay the same run when someone stepped one event at a time and then acted.
   */
  steps = 0;
  /** the clients' own randomness (jitter, random routing keys, failure draws) */
  rng: RngState;
  queue = new EventQueue<SimItem>();
  apps = new Map<string, AppRt>();
  publishers = new Map<string, PublisherRt>();
  consumers = new Map<string, ConsumerRt>();
  /** messages whose return or confirm a publisher is waiting for */
  pendingByMsg = new Map<number, string>();
  /** the exchange each of those was published to (where the confirm starts its way back) */
  publishExchange = new Map<number, string>();
  /** exchange name → what it could not route so far in this run (the canvas's badge on the exchange) */
  unroutable: Record<string, UnroutableTally> = {};
  /** while the broker restarts, clients cannot reach it */
  brokerDownUntil = Number.NEGATIVE_INFINITY;
  /** the connection Warren itself uses to declare the topology ("warren-admin") */
  admin: { conn: number | null; channel: number | null } = { conn: null, channel: null };
  /** a counter for what must never be mistaken for an older one: channel openings, consumer generations */
  seq = 0;
  private events: WorldEvent[] = [];
  /**
   * Record the whole trace (the default), or nothing (a fast-forward nobody watches: the clients
   * still get what the broker sends them, and the run is the same run; see setTraceAll).
   */
  traceAll = true;
  /** broker connection id → which app (and model connection) it is */
  connIndex = new Map<number, { app: string; conn: string }>();
  /** programs started in this run, by instance ("worker.js #2"), ended ones included */
  programs = new Map<string, ProgramRt>();
  /** broker connection id → the program (and its connection number) that opened it */
  programConns = new Map<number, { pid: string; conn: number }>();
  /** where program turns come from (set by whoever runs the world; null: programs cannot run) */
  turns: TurnSource | null = null;
  /** a program turn being computed: the world does not move until it completes */
  private pending: PendingTurn | null = null;

  private constructor(scenario: Scenario, broker: AmqpBroker, rng: RngState) {
    this.scenario = scenario;
    this.broker = broker;
    this.rng = rng;
  }

  /** A fresh world at time 0: topology declared, clients connected, schedules started. */
  static create(scenario: Scenario): World {
    const broker = new AmqpBroker({ seed: scenario.seed });
    // the clients draw from their own stream, derived from the same seed
    const w = new World(scenario, broker, createRng((scenario.seed ^ 0x9e3779b9) >>> 0));
    broker.setHopLatency(scenario.broker.hopLatencyMs);
    buildWorld(w);
    w.collect();
    return w;
  }

  get latency(): number {
    return this.scenario.broker.hopLatencyMs;
  }

  // ---------------------------------------------------------------- time
  /** When the next thing happens (a client action or a broker timer), or Infinity. */
  nextEventAt(): number {
    return Math.min(this.queue.peekTime(), this.broker.nextTimerAt());
  }

  /** Runs the next event (broker timers first on a tie). Returns false if nothing is scheduled. */
  step(): boolean {
    return this.stepUpTo(Number.POSITIVE_INFINITY);
  }

  /**
   * Runs the next event if it is due at or before `t` (broker timers first on a tie); false if none
   * is, or while a program turn is being computed. One look at both schedules per event: advanceTo's
   * loop used to ask nextEventAt() and then step() asked again, and on a busy world that double look
   * was a tenth of the time.
   */
  stepUpTo(t: number): boolean {
    if (this.pending) return false;
    const clientAt = this.queue.peekTime();
    const brokerAt = this.broker.nextTimerAt();
    const due = Math.min(clientAt, brokerAt);
    if (due > t || due === Number.POSITIVE_INFINITY) return false;
    this.steps++;
    if (brokerAt <= clientAt) {
      this.now = Math.max(this.now, brokerAt);
      this.broker.advanceTo(this.now);
      this.collect();
      return true;
    }
    const next = this.queue.pop()!;
    this.now = Math.max(this.now, next.at);
    // no broker timer is due before this item (it would have been taken first): only the clock moves
    this.broker.advanceTo(this.now);
    handleItem(this, next.item);
    this.collect();
    return true;
  }

  /** Runs everything due up to `t` and moves the clock to `t`. */
  advanceTo(t: number): void {
    if (t < this.now) throw new RangeError(`the world cannot go back in time (now ${this.now}, asked ${t}); restore a snapshot`);
    while (this.stepUpTo(t));
    // a program is computing: time stays at its turn
    if (this.pending) return;
    this.now = t;
    this.broker.advanceTo(t);
    this.collect();
  }

  /**
   * Moves the clock to `t` without running what is due at `t` (as when a person acts between two
   * events of one instant). Only when nothing is due before `t`; otherwise it is advanceTo.
   */
  moveClockTo(t: number): void {
    if (t >= this.now && this.nextEventAt() >= t) this.now = t;
    else this.advanceTo(t);
  }

  schedule(at: number, item: SimItem): void {
    this.queue.push(at, item);
  }

  // ---------------------------------------------------------------- program turns
  /** A program turn is being computed elsewhere (a Web Worker): nothing moves until completeTurn. */
  get blocked(): PendingTurn | null {
    return this.pending;
  }

  waitFor(p: PendingTurn): void {
    this.pending = p;
  }

  /** The turn the world was waiting for: its output goes to the broker and the clock. Ignored if it is not that turn. */
  completeTurn(runKey: string, index: number, out: TurnOutput): boolean {
    const p = this.pending;
    if (!p || p.runKey !== runKey || p.index !== index) return false;
    this.pending = null;
    const rt = this.programs.get(p.pid);
    if (rt && rt.runKey === runKey && rt.state === 'running') applyTurnOutput(this, rt, out);
    this.collect();
    return true;
  }

  // ---------------------------------------------------------------- inputs
  /** Something the user did (publish now, stop a consumer, restart the broker…), at the current time. */
  input(cmd: WorldInput): void {
    this.broker.advanceTo(this.now);
    this.collect();
    applyInput(this, cmd);
    this.collect();
  }

  // ---------------------------------------------------------------- events
  emit(e: ClientEvent): void {
    if (this.traceAll) this.events.push(e);
  }

  /** Records the whole trace, or (false) none of it, for a run nobody watches: same run, much less work. */
  setTraceAll(on: boolean): void {
    this.traceAll = on;
    this.broker.setTraceClientOnly(!on);
  }

  /** A mark in the trace not drained yet: eventsSince(mark) are the events recorded after it. */
  get traceMark(): number {
    return this.events.length;
  }

  eventsSince(mark: number): readonly WorldEvent[] {
    return this.events.slice(mark);
  }

  /** The world's trace recorded since the last call (broker and client events, in order). */
  drainEvents(): WorldEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Moves the broker's trace into the world's and lets the clients react to it. */
  collect(): void {
    // two arrays taken in turn instead of a new one per event run (a nested collect, from a
    // reaction, finds the spare taken and uses a fresh array)
    const b = this.broker;
    if (b.pendingTrace === 0) return;
    const evs = b.swapTrace(this.spareTrace ?? []);
    this.spareTrace = null;
    for (let i = 0; i < evs.length; i++) {
      const e = evs[i]!;
      if (this.traceAll) this.events.push(e);
      this.react(e);
      if (this.programConns.size) reactPrograms(this, e);
    }
    // pop, not `length = 0`: that drops the array's room (and is slower than a few pops)
    while (evs.length) evs.pop();
    this.spareTrace = evs;
  }
  private spareTrace: TraceEvent[] | null = [];

  private react(e: TraceEvent): void {
    const L = this.latency;
    switch (e.type) {
      case 'delivered': {
        if (e.consumerTag === undefined) return;
        // consumer tags are the consumers' ids; a delivery on another channel is stale
        const c = this.consumers.get(e.consumerTag);
        if (!c || c.on === null || c.on.connection !== e.connection || c.on.channel !== e.channel) return;
        // `until` is set when its processing starts: declared here so that setting it does not grow the object
        const d: DeliveryInfo = { msgId: e.msgId, queue: e.queue, deliveryTag: e.deliveryTag, redelivered: e.redelivered, noAck: e.noAck, ch: c.on.instance, until: undefined };
        // a worker that works longer per dot (tutorial 2) reads the body
        if (findConsumer(this.scenario, c.id)?.con.msPerDot) d.dots = countDots(e.body);
        if (e.properties.replyTo !== undefined) {
          d.replyTo = e.properties.replyTo;
          d.correlationId = e.properties.correlationId;
          d.body = e.body;
        }
        this.schedule(this.now + L, { kind: 'delivery-arrive', consumer: c.id, d });
        return;
      }
      case 'unroutable': {
        const tally = this.unroutable[e.exchange];
        if (tally) {
          tally.count++;
          tally.key = e.routingKey;
        } else this.unroutable[e.exchange] = { count: 1, returned: 0, key: e.routingKey };
        return;
      }
      case 'returned': {
        const tally = this.unroutable[e.exchange];
        if (tally) tally.returned++;
        const p = this.pendingByMsg.get(e.msgId);
        const rt = p === undefined ? undefined : this.publishers.get(p);
        if (!rt) return;
        this.emit({ type: 'reply-in-flight', t: this.now, arriveAt: this.now + L, app: rt.app, publisher: rt.id, msgId: e.msgId, exchange: e.exchange, kind: 'return' });
        this.schedule(this.now + L, { kind: 'return-arrive', publisher: rt.id, msgId: e.msgId, replyText: `${e.replyCode} ${e.replyText}` });
        return;
      }
      case 'confirmed': {
        const p = this.pendingByMsg.get(e.msgId);
        const rt = p === undefined ? undefined : this.publishers.get(p);
        if (!rt) return;
        this.pendingByMsg.delete(e.msgId);
        const exchange = this.publishExchange.get(e.msgId) ?? '';
        this.publishExchange.delete(e.msgId);
        if (this.traceAll) this.emit({ type: 'reply-in-flight', t: this.now, arriveAt: this.now + L, app: rt.app, publisher: rt.id, msgId: e.msgId, exchange, kind: e.ack ? 'confirm-ack' : 'confirm-nack' });
        this.schedule(this.now + L, { kind: 'confirm-arrive', publisher: rt.id, msgId: e.msgId, ack: e.ack });
        return;
      }
      case 'consumer-cancelled': {
        if (!e.byServer) return;
        const c = this.consumers.get(e.consumerTag);
        if (!c || c.on === null || c.on.connection !== e.connection || c.on.channel !== e.channel) return;
        c.on = null;
        c.state = 'error';
        c.error = `basic.cancel from the broker: queue '${e.queue}' was deleted`;
        this.emit({ type: 'client-state', t: this.now, app: c.app, consumer: c.id, state: 'stopped' });
        return;
      }
      case 'channel-closed':
        if (e.error) {
          const owner = this.connIndex.get(e.connection);
          this.emit({ type: 'client-error', t: this.now, app: owner?.app, text: describeClose(e.error, e.channel), code: e.error.code });
        }
        this.onChannelGone(e.connection, e.channel, e.error ? describeClose(e.error, e.channel) : undefined);
        return;
      case 'connection-closed': {
        const owner = this.connIndex.get(e.connection);
        if (e.error && e.error.code !== 320) this.emit({ type: 'client-error', t: this.now, app: owner?.app, text: describeClose(e.error), code: e.error.code });
        if (owner) {
          const app = this.apps.get(owner.app);
          if (app) app.conns[owner.conn] = null;
        } else if (this.admin.conn === e.connection) {
          this.admin = { conn: null, channel: null };
        }
        this.connIndex.delete(e.connection);
        return;
      }
      default:
        return;
    }
  }

  /**
   * A channel closed (by the client, an error, or its connection): what its consumers received on it
   * is void (the broker requeued it, and an ack could not reach it any more), and a consumer that
   * consumed on it stops.
   */
  onChannelGone(connection: number, channel: number, why: string | undefined): void {
    if (this.admin.conn === connection && this.admin.channel === channel) this.admin.channel = null;
    const owner = this.connIndex.get(connection);
    if (!owner) return;
    const app = this.apps.get(owner.app);
    if (!app) return;
    for (const [chId, ch] of Object.entries(app.channels)) {
      if (ch.conn !== owner.conn || ch.number !== channel || !ch.open) continue;
      ch.open = false;
      for (const c of this.consumers.values()) {
        if (c.app === app.id) dropChannelWork(this, c, ch.instance, why);
      }
      // the confirms its publishers waited for will never come
      for (const p of this.scenario.apps.find((a) => a.id === app.id)?.publishers ?? []) {
        const rt = p.channelId === chId ? this.publishers.get(p.id) : undefined;
        if (rt && rt.outstanding > 0) this.schedule(this.now, { kind: 'confirms-lost', publisher: p.id });
      }
    }
  }

  /** The broker channel of a model channel, if open. */
  channelRef(appId: string, channelId: string): ChannelRef | undefined {
    const app = this.apps.get(appId);
    const ch = app?.channels[channelId];
    if (!app || !ch?.open) return undefined;
    const conn = app.conns[ch.conn];
    if (conn === null || conn === undefined) return undefined;
    // one ref per open channel, reused: every publish and ack asks for it (callers only read it)
    const cached = this.refs.get(ch);
    if (cached?.connection === conn && cached.channel === ch.number) return cached;
    const ref = { connection: conn, channel: ch.number };
    this.refs.set(ch, ref);
    return ref;
  }
  private refs = new WeakMap<ChannelRt, Readonly<ChannelRef>>();

  // ---------------------------------------------------------------- snapshots
  snapshot(): WorldSnapshot {
    return {
      version: 1,
      now: this.now,
      steps: this.steps,
      rng: this.rng.s,
      scenario: this.scenario,
      // A checkpoint must not change with the run it was taken from (nor a restored world with it).
      // Scheduled items are never changed once scheduled (a delivery being processed is a copy, see
      // startNext), so they are shared: copying tens of thousands of them at every checkpoint froze
      // a frame. A program's items are copied (they are few, and carry its requests).
      queue: snapshotQueue(this.queue),
      apps: structuredClone([...this.apps.values()]),
      publishers: structuredClone([...this.publishers.values()]),
      consumers: structuredClone([...this.consumers.values()]),
      pendingByMsg: [...this.pendingByMsg],
      publishExchange: [...this.publishExchange],
      brokerDownUntil: this.brokerDownUntil,
      admin: { ...this.admin },
      seq: this.seq,
      broker: this.broker.snapshot(),
      ...(this.programs.size ? { programs: structuredClone([...this.programs.values()]) } : {}),
      unroutable: structuredClone(this.unroutable),
    };
  }

  static restore(s: WorldSnapshot): World {
    const w = new World(s.scenario, AmqpBroker.restore(s.broker), { s: s.rng });
    w.now = s.now;
    w.steps = s.steps;
    w.queue = EventQueue.fromJSON(snapshotQueue(s.queue));
    for (const a of structuredClone(s.apps)) w.apps.set(a.id, a);
    for (const p of structuredClone(s.publishers)) w.publishers.set(p.id, p);
    for (const c of structuredClone(s.consumers)) w.consumers.set(c.id, c);
    w.pendingByMsg = new Map(s.pendingByMsg);
    w.publishExchange = new Map(s.publishExchange);
    w.brokerDownUntil = s.brokerDownUntil;
    w.admin = { ...s.admin };
    w.seq = s.seq;
    for (const p of structuredClone(s.programs ?? [])) w.programs.set(p.pid, p);
    w.unroutable = structuredClone(s.unroutable ?? {});
    w.rebuildIndexes();
    return w;
  }

  /** connIndex is derived from the runtime state. */
  rebuildIndexes(): void {
    this.connIndex.clear();
    for (const app of this.apps.values()) {
      for (const [connId, brokerConn] of Object.entries(app.conns)) if (brokerConn !== null) this.connIndex.set(brokerConn, { app: app.id, conn: connId });
    }
    this.programConns.clear();
    for (const p of this.programs.values()) {
      for (const [conn, brokerConn] of Object.entries(p.conns)) if (brokerConn !== null) this.programConns.set(brokerConn, { pid: p.pid, conn: Number(conn) });
    }
  }
}
