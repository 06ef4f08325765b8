import type { BasicProperties, FieldTable } from '../../engine';

/**
 * What a program and the world say to each other, as plain data (it crosses a Worker boundary with
 * postMessage, and it is recorded in the turn log that makes rewinds replay a program exactly).
 *
 * A program is driven in TURNS: the world hands it the events due at one virtual instant (a reply,
 * a delivery, a timer…); the program runs until it has nothing left to do but wait (its microtasks
 * drained); the turn's output is the AMQP methods it sent, the virtual timers it set, what it
 * printed, and whether it is still alive. The world does not move while a turn is running.
 */

/** A program's connection number (1, 2, … in the order it connected) and channel number on it. */
export interface ChannelAddr {
  conn: number;
  ch: number;
}

/** The synchronous AMQP methods a program can call on a channel: each gets a reply (…-ok) or closes the channel. */
export type RpcMethod =
  | 'exchange.declare'
  | 'exchange.delete'
  | 'exchange.bind'
  | 'exchange.unbind'
  | 'queue.declare'
  | 'queue.bind'
  | 'queue.unbind'
  | 'queue.purge'
  | 'queue.delete'
  | 'basic.qos'
  | 'basic.consume'
  | 'basic.cancel'
  | 'basic.get'
  | 'basic.recover'
  | 'confirm.select';

export interface RpcArgs {
  'exchange.declare': { exchange: string; type: string; passive: boolean; durable: boolean; autoDelete: boolean; internal: boolean; arguments: FieldTable };
  'exchange.delete': { exchange: string; ifUnused: boolean };
  'exchange.bind': { destination: string; source: string; routingKey: string; arguments: FieldTable };
  'exchange.unbind': { destination: string; source: string; routingKey: string; arguments: FieldTable };
  'queue.declare': { queue: string; passive: boolean; durable: boolean; exclusive: boolean; autoDelete: boolean; arguments: FieldTable };
  'queue.bind': { queue: string; exchange: string; routingKey: string; arguments: FieldTable };
  'queue.unbind': { queue: string; exchange: string; routingKey: string; arguments: FieldTable };
  'queue.purge': { queue: string };
  'queue.delete': { queue: string; ifUnused: boolean; ifEmpty: boolean };
  'basic.qos': { prefetchCount: number; global: boolean };
  'basic.consume': { queue: string; consumerTag: string; noAck: boolean; exclusive: boolean; arguments: FieldTable };
  'basic.cancel': { consumerTag: string };
  'basic.get': { queue: string; noAck: boolean };
  'basic.recover': { requeue: boolean };
  'confirm.select': Record<string, never>;
}

/** A message as the program sees it (basic.deliver, basic.get-ok, basic.return). */
export interface WireMessage {
  exchange: string;
  routingKey: string;
  body: string;
  properties: BasicProperties;
}

export type ProgramRequest =
  /** connection.open (the whole handshake): `rid` is answered with a reply */
  | { op: 'connection.open'; rid: number; conn: number; vhost: string; user: string; password: string; name: string }
  | { op: 'connection.close'; rid: number; conn: number }
  /** the socket closed without the close handshake (the program died, or its connection failed) */
  | { op: 'connection.drop'; conn: number }
  | ({ op: 'channel.open'; rid: number } & ChannelAddr)
  | ({ op: 'channel.close'; rid: number } & ChannelAddr)
  | { [M in RpcMethod]: { op: 'rpc'; rid: number; conn: number; ch: number; method: M; args: RpcArgs[M] } }[RpcMethod]
  /** basic.publish: no reply; it travels to the broker (one hop) */
  | ({ op: 'publish'; mandatory: boolean } & ChannelAddr & WireMessage)
  /** basic.ack / basic.nack / basic.reject: no reply; they travel to the broker (one hop) */
  | ({ op: 'settle'; method: 'basic.ack' | 'basic.nack' | 'basic.reject'; deliveryTag: number; multiple: boolean; requeue: boolean } & ChannelAddr)
  /** publish() returned false: the program wants a 'drain' once what it sent has left */
  | ({ op: 'drain-wanted' } & ChannelAddr);

/** An AMQP error as the broker reports it (reply code and text, and the method that caused it). */
export interface WireError {
  code: number;
  /** "NOT_FOUND" */
  name: string;
  /** "NOT_FOUND - no queue 'x' in vhost '/'" */
  text: string;
  /** "queue.declare" ('' when the broker closed for another reason, e.g. a restart) */
  method: string;
}

export type ReplyValue =
  | { queue: string; messageCount: number; consumerCount: number }
  | { messageCount: number }
  | { consumerTag: string }
  | ({ deliveryTag: number; redelivered: boolean; messageCount: number } & WireMessage)
  | null
  | Record<string, never>;

export type ProgramEvent =
  /** the program starts: run its main module */
  | { type: 'start' }
  | { type: 'reply'; rid: number; value: ReplyValue }
  /** a reply that failed without a channel close (connection refused, channel not open…) */
  | { type: 'reply-error'; rid: number; error: WireError }
  | ({ type: 'deliver'; consumerTag: string; deliveryTag: number; redelivered: boolean } & ChannelAddr & WireMessage)
  | ({ type: 'return'; replyCode: number; replyText: string } & ChannelAddr & WireMessage)
  /** (`exchange`: where the message was published, for the figures of its publish line) */
  | ({ type: 'confirm'; deliveryTag: number; ack: boolean; exchange: string } & ChannelAddr)
  /** basic.cancel from the broker (the queue was deleted) */
  | ({ type: 'cancel'; consumerTag: string } & ChannelAddr)
  /** the broker closed the channel (an error) */
  | ({ type: 'channel-closed'; error: WireError } & ChannelAddr)
  /** the broker closed the connection (an error, or a broker restart) */
  | { type: 'connection-closed'; conn: number; error: WireError }
  /** the channel's write buffer drained (publish returned false earlier) */
  | ({ type: 'drain' } & ChannelAddr)
  | { type: 'timer'; id: number }
  | { type: 'signal'; signal: 'SIGINT' | 'SIGTERM' };

/** One turn: the events due for a program at virtual time `t` (ms). */
export interface TurnInput {
  t: number;
  events: ProgramEvent[];
}

export interface ConsoleLine {
  stream: 'out' | 'err';
  text: string;
}

/** How a program ended. */
export interface ProgramExit {
  /** exit: process.exit() or the event loop ran dry; crash: an uncaught error; killed: stopped from outside */
  kind: 'exit' | 'crash' | 'killed';
  code: number;
  /** for a crash: what it was, and where in the program (1-based line, when known) */
  error?: { message: string; line?: number; column?: number };
  /** for a watchdog stop or a limit: which one */
  limit?: 'cpu' | 'output' | 'memory' | 'worker';
}

export interface TurnOutput {
  requests: ProgramRequest[];
  /** virtual timers set during the turn (id → when due), and cleared ones */
  timersSet: { id: number; at: number }[];
  timersCleared: number[];
  out: ConsoleLine[];
  /** it listens for SIGINT (a Stop asks it to shut down instead of killing it) */
  sigint: boolean;
  /** set when the program ended during this turn */
  exit?: ProgramExit;
}

/** What is needed to start a program (it is part of the 'program-start' input). */
export interface ProgramSpec {
  /** file name, e.g. "worker.js" */
  file: string;
  source: string;
  /** the arguments after the file name (process.argv.slice(2)) */
  args: string[];
  /** Math.random's seed */
  seed: number;
}

/** Caps on what one turn may produce (a program past them is stopped with a clear message). */
export const TURN_LIMITS = {
  requests: 100_000,
  consoleLines: 2_000,
  consoleChars: 200_000,
  timers: 100_000,
} as const;
