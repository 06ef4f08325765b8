import { type AmqpError, AmqpException, amqpError, type Result } from './errors';
import { Channel, Connection, Exchange, type Queue } from './entities';
import { closeChannel, closeConnection } from './lifecycle';
import { createRng, type RngState } from './rng';
import { Schedule } from './schedule';
import { UnackedTable } from './unackedTable';
import type { TraceEvent } from './trace';

export interface ChannelRef {
  connection: number;
  channel: number;
}

export interface BrokerOptions {
  /** seed of the broker's PRNG (server-generated names) */
  seed?: number;
  /** virtual time to start at, in milliseconds */
  now?: number;
  /** record trace events (default true); benchmarks of raw throughput may turn it off */
  trace?: boolean;
}

/** The exchanges every RabbitMQ vhost has from the start. "" is the default exchange. */
export const PREDECLARED_EXCHANGES = [
  ['', 'direct'],
  ['amq.direct', 'direct'],
  ['amq.fanout', 'fanout'],
  ['amq.topic', 'topic'],
  ['amq.headers', 'headers'],
  ['amq.match', 'headers'],
] as const;

/**
 * The broker's state: one vhost ("/"), its exchanges, queues and bindings, the client
 * connections and their channels, the virtual clock, the timer schedule and the seeded PRNG.
 * Mutable for speed, deterministic by construction, and serialisable (see snapshot.ts).
 *
 * The protocol methods live in the modules next to this file and are exposed through
 * `api.ts`; this class holds state and the few mechanisms everything shares: the trace, time,
 * and closing channels and connections on errors.
 */
export class Broker {
  now: number;
  rng: RngState;
  schedule = new Schedule();
  readonly exchanges = new Map<string, Exchange>();
  readonly queues = new Map<string, Queue>();
  readonly connections = new Map<number, Connection>();
  nextConnectionId = 1;
  nextMsgId = 1;
  nextConsumerOrder = 1;
  nextTimerToken = 1;
  traceEnabled: boolean;
  /**
   * Only the events a client receives from the broker (deliveries, returns, confirms, cancels,
   * closes): what simulated clients react to, and all a run needs when nobody watches it (a
   * fast-forward). Everything else (published, routed, enqueued, acked…) is not recorded, and on
   * the hot path not even built. The broker's state is the same either way.
   */
  traceClientOnly = false;
  trace: TraceEvent[] = [];
  /**
   * Time one hop takes inside the broker (exchange → queue, queue → dead-letter exchange), so
   * that messages visibly travel. 0 (the default, and what conformance uses) makes routing
   * instantaneous, as it practically is in RabbitMQ.
   */
  hopLatencyMs = 0;
  /**
   * messages travelling inside the broker, by transit id (see transit.ts): ids only grow and most
   * arrive in order, so a ring by id (as for delivery tags) rather than a Map, whose hashing and
   * rehashing were a tenth of a busy run's time
   */
  readonly transits = new UnackedTable<import('./transit').Transit>();
  nextTransitId = 1;
  /** publisher confirms waiting for every destination queue to take (or refuse) the message */
  readonly pendingConfirms = new Map<number, import('./transit').PendingConfirm>();
  /** bindings by destination ("q:name" / "x:name"), to remove them when the destination goes */
  readonly bindingsTo = new Map<string, Set<import('./routing').Binding>>();

  constructor(opts: BrokerOptions = {}) {
    this.now = opts.now ?? 0;
    this.rng = createRng(opts.seed ?? 1);
    this.traceEnabled = opts.trace ?? true;
    for (const [name, type] of PREDECLARED_EXCHANGES) {
      this.exchanges.set(name, new Exchange(name, type, true, false, false, {}));
    }
  }

  emit(e: TraceEvent): void {
    if (this.traceEnabled && (!this.traceClientOnly || CLIENT_BOUND.has(e.type))) this.trace.push(e);
  }

  /** Whether every event is recorded (hot paths skip building the ones that would be dropped). */
  get traceAll(): boolean {
    return this.traceEnabled && !this.traceClientOnly;
  }

  /** Takes the trace recorded since the last call. */
  drainTrace(): TraceEvent[] {
    if (!this.trace.length) return NONE;
    const out = this.trace;
    this.trace = [];
    return out;
  }

  /**
   * Takes the trace recorded since the last call and records on in `into` (an empty array the
   * caller no longer uses): a running world collects after every event, and a fresh array each
   * time (whose first push allocates room for 17) was a good part of a busy run's garbage.
   */
  swapTrace(into: TraceEvent[]): TraceEvent[] {
    const out = this.trace;
    this.trace = into;
    return out;
  }

  newTimerToken(): number {
    return this.nextTimerToken++;
  }

  connection(id: number): Connection | undefined {
    const c = this.connections.get(id);
    return c?.open ? c : undefined;
  }

  channel(ref: ChannelRef): Channel | undefined {
    const ch = this.connection(ref.connection)?.channels.get(ref.channel);
    return ch?.open ? ch : undefined;
  }

  /**
   * Runs one protocol method on a channel. An AMQP exception thrown inside becomes a value, and
   * closes the channel (soft error) or the connection (hard error) exactly as RabbitMQ would.
   */
  run<T>(ref: ChannelRef, method: string, fn: (ch: Channel) => T): Result<T> {
    return this.runWith(ref, method, callIt, fn);
  }

  /**
   * run() for a method implemented as `fn(broker, channel, params)`: no closure per call (publish
   * and ack run a few million times in an hour of a busy simulation).
   */
  runWith<A, T>(ref: ChannelRef, method: string, fn: (b: Broker, ch: Channel, a: A) => T, a: A): Result<T> {
    const ch = this.channel(ref);
    if (!ch) return { ok: false, error: notOpen(ref, method) };
    try {
      const value = fn(this, ch, a);
      // most methods return nothing: share one result object instead of allocating one per call
      return value === undefined ? (OK_VOID as Result<T>) : { ok: true, value };
    } catch (e) {
      if (!(e instanceof AmqpException)) throw e;
      this.onError(ch, e.error);
      return { ok: false, error: e.error };
    }
  }

  private onError(ch: Channel, error: AmqpError): void {
    if (error.scope === 'connection') closeConnection(this, ch.connection, error);
    else closeChannel(this, ch, error, 'error');
  }

  openConnection(name: string, user: string): Connection {
    const conn = new Connection(this.nextConnectionId++, name, user);
    this.connections.set(conn.id, conn);
    this.emit({ type: 'connection-opened', t: this.now, connection: conn.id, name });
    return conn;
  }

  openChannel(conn: Connection, number?: number): Channel {
    let n = number ?? conn.nextChannel;
    while (conn.channels.has(n)) n++;
    conn.nextChannel = Math.max(conn.nextChannel, n + 1);
    const ch = new Channel(conn, n);
    conn.channels.set(n, ch);
    this.emit({ type: 'channel-opened', t: this.now, connection: conn.id, channel: n });
    return ch;
  }
}

/** What the broker sends a client (basic.deliver / get-ok, basic.return, confirms, basic.cancel, closes). */
// ('unroutable': the world counts them per exchange, a figure the canvas shows after a skip ahead too)
const CLIENT_BOUND: ReadonlySet<TraceEvent['type']> = new Set<TraceEvent['type']>(['delivered', 'returned', 'confirmed', 'consumer-cancelled', 'channel-closed', 'connection-closed', 'unroutable']);

function callIt<T>(_b: Broker, ch: Channel, fn: (ch: Channel) => T): T {
  return fn(ch);
}

/** Shared empty result of drainTrace (callers only read it). */
const NONE: TraceEvent[] = [];

const OK_VOID: Result<undefined> = Object.freeze({ ok: true, value: undefined }) as Result<undefined>;

function notOpen(ref: ChannelRef, method: string): AmqpError {
  return { ...amqpError(504, method, `channel ${ref.channel} of connection ${ref.connection} is not open`), scope: 'channel' };
}
