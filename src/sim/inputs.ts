import type { Scenario } from '../model';
import { closeConnection, openConnection, subscribe } from './connections';
import { findConsumer, findPublisher } from './lookup';
import { type ProgramSpec, startProgram, stopProgram } from './programs';
import { burst, type PublishOverrides, publish, startPublisher } from './publishing';
import { reconcile } from './reconcile';
import { redeclare } from './redeclare';
import { declareOwnQueues } from './topology';
import type { World } from './world';

/**
 * What a person can do to a running simulation. Inputs are data: the store records each with
 * its virtual time, so that replaying them from a snapshot rebuilds exactly the same run.
 */
export type WorldInput =
  | { type: 'publish'; publisher: string; overrides?: PublishOverrides }
  | { type: 'burst'; publisher: string; count?: number }
  | { type: 'consumer-start'; consumer: string }
  | { type: 'consumer-stop'; consumer: string }
  | { type: 'consumer-crash'; consumer: string }
  | { type: 'broker-restart'; downMs?: number }
  | { type: 'redeclare'; kind: 'queue' | 'exchange'; name: string }
  | { type: 'scenario'; scenario: Scenario }
  /** `node <file> <args…>`: a program starts (the instance gets the next number for its file) */
  | { type: 'program-start'; program: ProgramSpec }
  /** Stop: SIGINT (the program may shut down by itself) or SIGKILL (its process ends at once) */
  | { type: 'program-stop'; pid: string; signal: 'SIGINT' | 'SIGKILL' };

export function applyInput(w: World, cmd: WorldInput): void {
  switch (cmd.type) {
    case 'publish':
      publish(w, cmd.publisher, cmd.overrides);
      return;
    case 'burst': {
      const found = findPublisher(w.scenario, cmd.publisher);
      burst(w, cmd.publisher, cmd.count ?? found?.pub.burstCount ?? 0);
      return;
    }
    case 'consumer-start':
      startConsumer(w, cmd.consumer);
      return;
    case 'consumer-stop':
    case 'consumer-crash':
      stopConsumer(w, cmd.consumer, cmd.type === 'consumer-crash');
      return;
    case 'broker-restart':
      restart(w, cmd.downMs ?? 2000);
      return;
    case 'redeclare':
      redeclare(w, cmd.kind, cmd.name);
      return;
    case 'scenario':
      reconcile(w, cmd.scenario);
      return;
    case 'program-start':
      startProgram(w, cmd.program);
      return;
    case 'program-stop':
      stopProgram(w, cmd.pid, cmd.signal);
      return;
    default: {
      const never: never = cmd;
      throw new Error(`unknown input ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Starting a consumer (re)opens its connection, declares again the exclusive queues the broker
 * deleted with the previous one (as a client does when it connects), and subscribes it.
 */
function startConsumer(w: World, id: string): void {
  const found = findConsumer(w.scenario, id);
  if (!found) return;
  const { app, con } = found;
  const rt = w.apps.get(app.id);
  const conn = app.connections.find((c) => c.channels.some((ch) => ch.id === con.channelId));
  if (!rt || !conn) return;
  if (w.now < w.brokerDownUntil) return;
  const reopened = (rt.conns[conn.id] ?? null) === null;
  openConnection(w, app, rt, conn.id);
  if (reopened) declareOwnQueues(w, app, conn.id);
  subscribe(w, app, con);
}

/**
 * Stopping (or crashing) a consumer closes its connection: every message it held, being
 * processed or waiting in its prefetch buffer, goes back to the queue flagged redelivered.
 */
function stopConsumer(w: World, id: string, crash: boolean): void {
  const found = findConsumer(w.scenario, id);
  const c = w.consumers.get(id);
  if (!found || !c) return;
  const { app, con } = found;
  const conn = app.connections.find((x) => x.channels.some((ch) => ch.id === con.channelId));
  if (conn) closeConnection(w, app.id, conn.id);
  c.state = crash ? 'crashed' : 'stopped';
  c.on = null;
  const lost = con.noAck ? c.inbox.length + (c.busy ? 1 : 0) : 0;
  c.inbox = [];
  c.busy = null;
  c.gen = ++w.seq;
  w.emit({ type: 'client-state', t: w.now, app: app.id, consumer: id, state: crash ? 'crashed' : 'stopped', ...(lost ? { lost } : {}) });
}

/**
 * A broker restart drops every connection. Clients reconnect when the broker is back, as
 * client libraries with automatic recovery do; what was not durable is gone by then. An app that
 * was not connected (its consumer stopped) stays as it was: nothing of it is running to reconnect.
 */
function restart(w: World, downMs: number): void {
  const running = new Set([...w.consumers.values()].filter((c) => c.state === 'running').map((c) => c.id));
  // (a second restart while the broker is still down keeps what the first one will bring back)
  const recovering: string[] = [];
  for (const app of w.apps.values()) {
    const was = app.resume?.length ?? 0;
    app.resume = [...new Set([...(app.resume ?? []), ...Object.keys(app.conns).filter((k) => app.conns[k] !== null)])];
    if (was === 0 && app.resume.length && w.scenario.apps.find((a) => a.id === app.id)?.publishers.length) recovering.push(app.id);
  }
  w.broker.restart({ downMs: 0 });
  w.collect();
  // an app that publishes says once that it lost its connection and recovers (its consumers say so too)
  for (const app of recovering) w.emit({ type: 'client-state', t: w.now, app, state: 'reconnecting' });
  for (const app of w.apps.values()) {
    for (const k of Object.keys(app.conns)) app.conns[k] = null;
    for (const ch of Object.values(app.channels)) ch.open = false;
  }
  w.connIndex.clear();
  w.admin = { conn: null, channel: null };
  for (const c of w.consumers.values()) {
    c.on = null;
    c.inbox = [];
    c.busy = null;
    c.gen = ++w.seq;
    const wasResuming = c.resume === true;
    c.resume = wasResuming || running.has(c.id);
    if (c.resume && !wasResuming) {
      c.state = 'stopped';
      w.emit({ type: 'client-state', t: w.now, app: c.app, consumer: c.id, state: 'reconnecting' });
    }
  }
  w.brokerDownUntil = w.now + downMs;
  w.schedule(w.brokerDownUntil, { kind: 'reconnect' });
}

/**
 * After a restart: every app connects again on the connections it had open, declares its exclusive
 * queues (gone with the restart) and its consumers that were running subscribe again.
 */
export function reconnectAll(w: World): void {
  for (const app of w.scenario.apps) {
    const rt = w.apps.get(app.id);
    if (!rt) continue;
    const resume = rt.resume ?? [];
    rt.resume = undefined;
    for (const connId of resume) openConnection(w, app, rt, connId);
    for (const connId of resume) declareOwnQueues(w, app, connId);
    if (resume.length && app.publishers.length) {
      // connection and channels are back (confirm.select and basic.qos sent again by openChannel)
      let failed = 0;
      for (const pub of app.publishers) {
        const p = w.publishers.get(pub.id);
        if (!p) continue;
        failed += p.downFailed ?? 0;
        p.downFailed = undefined;
      }
      // after the broker's connection.open and channel.open rows: the recovery is what they did
      w.collect();
      w.emit({ type: 'client-state', t: w.now, app: app.id, state: 'recovered', ...(failed ? { failed } : {}) });
    }
    for (const con of app.consumers) {
      const c = w.consumers.get(con.id);
      if (c?.resume) {
        c.resume = false;
        subscribe(w, app, con);
      }
    }
    for (const pub of app.publishers) {
      const p = w.publishers.get(pub.id);
      if (p && pub.mode === 'rate') startPublisher(w, pub.id);
    }
  }
}
