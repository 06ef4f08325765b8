#!/usr/bin/env node
// Differential-testing oracle runner.
// Executes engine-neutral AMQP 0-9-1 scenarios (JSON, see README.md) against a
// REAL RabbitMQ broker on 127.0.0.1 and writes one golden outcome JSON per scenario.
//
//   node run-real.mjs scenarios/ golden/ [--only substring] [--vhost NAME] [--keep-vhost]
//
// Isolation: every run creates a fresh, uniquely named vhost (oracle-<time>-<pid>)
// via rabbitmqctl (through ./broker.sh ctl), so scenario names are used verbatim
// (no name mangling: default-exchange routing keys, DLX routing keys and x-death
// contents stay engine-neutral). Every scenario deletes all queues/exchanges it
// created; the vhost is deleted at the end of the run.
import amqp from 'amqplib';
import defs from 'amqplib/lib/defs.js';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOST = process.env.AMQP_HOST || '127.0.0.1';
const PORT = Number(process.env.AMQP_PORT || 5672);
if (!['127.0.0.1', 'localhost', '::1'].includes(HOST)) {
  console.error(`refusing to connect to non-loopback host ${HOST}`);
  process.exit(2);
}
const QUIET_MS = Number(process.env.ORACLE_QUIET_MS || 80); // quiescence window after each step
const MAX_DELIVERIES = 500; // safety valve against requeue loops

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- values ----
// Neutral value encoding (README "Field values"):
//   JSON string -> longstr, integer -> signed integer, non-integer -> double,
//   boolean -> bool, null -> void, array -> array, object -> nested table,
//   {"$type": T, "value": V} -> explicit AMQP type T.
const TYPE_MAP = {
  string: 'string', longstr: 'string', bool: 'boolean', boolean: 'boolean',
  byte: 'byte', short: 'short', int: 'int', long: 'long', double: 'double',
  float: 'float', timestamp: 'timestamp', void: 'void',
};
function toAmqp(v) {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(toAmqp);
  if (typeof v === 'object') {
    if ('$type' in v) {
      const t = TYPE_MAP[v.$type];
      if (!t) throw new Error(`unknown $type ${v.$type}`);
      if (t === 'void') return null;
      if (t === 'string') return String(v.value);
      if (t === 'boolean') return !!v.value;
      return { '!': t, value: v.value };
    }
    const o = {};
    for (const k of Object.keys(v)) o[k] = toAmqp(v[k]);
    return o;
  }
  return v;
}
function fromAmqp(v) {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return { $type: 'bytes', value: v.toString('hex') };
  if (Array.isArray(v)) return v.map(fromAmqp);
  if (typeof v === 'object') {
    if ('!' in v) return { $type: v['!'], value: v.value };
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = fromAmqp(v[k]);
    return o;
  }
  return v;
}
function normDeath(d) {
  const o = {};
  for (const k of Object.keys(d).sort()) {
    if (k === 'time') continue; // wall-clock timestamp: nondeterministic
    o[k] = fromAmqp(d[k]);
  }
  return o;
}

// ------------------------------------------------------------- helpers ----
function parseServerError(err, vhost) {
  // amqplib rejects with Error objects, or (basic.get) with the raw close frame
  let msg;
  let code = null;
  if (err?.fields && typeof err.fields.replyCode === 'number') {
    code = err.fields.replyCode;
    msg = String(err.fields.replyText);
  } else {
    msg = String((err?.message) || err);
    if (err && typeof err.code === 'number') code = err.code;
  }
  let text = msg;
  const m = msg.match(/(?:closed by server|Connection closed): (\d+) \(([^)]*)\) with message "(.*)"$/s);
  if (m) { code = Number(m[1]); text = m[3]; }
  if (vhost) text = text.split(vhost).join('<vhost>');
  return { code, text };
}

function ctl(args) {
  const cmd = process.env.ORACLE_CTL || path.join(HERE, 'broker.sh');
  return execFileSync(cmd, ['ctl', ...args], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

// Stop and start the broker node keeping its state (durable entities, persistent messages); the
// node stays down for at least downMs. Default: `./broker.sh restart <downMs>`; override with
// ORACLE_RESTART (a shell command line; it gets the down time in the env var ORACLE_DOWN_MS).
function restartNode(downMs = 0) {
  return new Promise((resolve, reject) => {
    const cb = (err, stdout, stderr) => (err ? reject(new Error(`broker restart failed: ${err.message} ${stderr}`)) : resolve(stdout));
    const opts = { timeout: 180000, env: { ...process.env, ORACLE_DOWN_MS: String(downMs) } };
    if (process.env.ORACLE_RESTART) execFile('/bin/sh', ['-c', process.env.ORACLE_RESTART], opts, cb);
    else execFile(path.join(HERE, 'broker.sh'), ['restart', String(downMs)], opts, cb);
  });
}

// ------------------------------------------------------------ scenario ----
class Runner {
  constructor(sc, vhost) {
    this.sc = sc;
    this.vhost = vhost;
    this.conns = new Map(); // name -> amqp connection
    this.chans = new Map(); // name -> {ch, closed, conn}
    this.consumers = new Map(); // consumer name -> state
    this.held = new Map(); // holder name -> [{id, msg, chan}]
    this.settled = new Map(); // holder name -> [{id, msg, chan}] already acked/nacked/rejected
    this.lastEvent = Date.now();
    this.stepIndex = 'setup';
    this.createdQueues = new Set();
    this.createdExchanges = new Set();
    this.out = {
      scenario: sc.name,
      errors: [],
      publishes: [],
      returns: [],
      deliveries: {},
      steps: [],
      final: null,
    };
  }

  touch() { this.lastEvent = Date.now(); }

  record(fn) { if (!this.frozen) fn(); }

  async conn(name = 'main') {
    let c = this.conns.get(name);
    if (c) return c;
    const vh = encodeURIComponent(this.vhost);
    c = await amqp.connect(`amqp://guest:guest@${HOST}:${PORT}/${vh}`);
    c.on('error', (e) => {
      // a broker restart closes every connection: reported by the restartBroker step, not as an error
      if (this.restarting) { this.restartClosed.set(name, parseServerError(e, this.vhost).code); this.touch(); return; }
      this.record(() => this.out.errors.push({ step: this.stepIndex, connection: name, ...parseServerError(e, this.vhost) }));
      this.touch();
    });
    c.on('close', (err) => {
      if (this.restarting && !this.restartClosed.has(name)) this.restartClosed.set(name, err ? parseServerError(err, this.vhost).code : null);
      if (this.conns.get(name) === c) this.conns.delete(name);
    });
    this.conns.set(name, c);
    return c;
  }

  async chan(name, connName = 'main') {
    let w = this.chans.get(name);
    if (w && !w.closed) return w;
    const c = await this.conn(connName);
    const ch = await c.createConfirmChannel();
    w = { name, ch, closed: false, connName };
    ch.on('error', (e) => {
      this.record(() => this.out.errors.push({ step: this.stepIndex, channel: name, ...parseServerError(e, this.vhost) }));
      this.touch();
    });
    ch.on('close', () => {
      w.closed = true;
      // messages held on this channel are gone (requeued by the broker)
      for (const [holder, list] of this.held) this.held.set(holder, list.filter((h) => h.chan !== w));
      this.touch();
    });
    ch.on('return', (msg) => {
      if (this.frozen) return;
      this.out.returns.push({
        id: msg.content.toString(),
        replyCode: msg.fields.replyCode,
        replyText: msg.fields.replyText,
        exchange: msg.fields.exchange,
        routingKey: msg.fields.routingKey,
      });
      this.touch();
    });
    this.chans.set(name, w);
    return w;
  }

  // Run an RPC on a named channel; on a server channel error record it and return {error}.
  async rpc(chanName, fn, connName) {
    const w = await this.chan(chanName, connName);
    try {
      return { ok: await fn(w.ch) };
    } catch (e) {
      await sleep(20); // let the channel/connection 'error' events land first
      const pe = parseServerError(e, this.vhost);
      // The server's channel.close / connection.close is recorded by the 'error' handlers;
      // only record the rejection if nothing was recorded for this step yet.
      const prior = this.out.errors.filter((x) => x.step === this.stepIndex && (x.channel === chanName || x.connection));
      const serverErr = prior.length ? prior[prior.length - 1] : null;
      if (!serverErr) this.out.errors.push({ step: this.stepIndex, channel: chanName, ...pe });
      w.closed = true;
      return { error: serverErr ? { code: serverErr.code, text: serverErr.text } : pe };
    }
  }

  msgRecord(msg, extra = {}) {
    const p = msg.properties || {};
    const r = {
      id: msg.content.toString(),
      redelivered: !!msg.fields.redelivered,
      exchange: msg.fields.exchange,
      routingKey: msg.fields.routingKey,
      deliveryTag: msg.fields.deliveryTag,
    };
    if (p.priority !== undefined && p.priority !== null) r.priority = p.priority;
    if (p.expiration !== undefined && p.expiration !== null) r.expiration = p.expiration;
    const h = p.headers || {};
    const hk = Object.keys(h).filter((k) => k !== 'x-death').sort();
    if (hk.length) {
      r.headers = {};
      for (const k of hk) r.headers[k] = fromAmqp(h[k]);
    }
    if (Array.isArray(h['x-death'])) r.deaths = h['x-death'].map(normDeath);
    return Object.assign(r, extra);
  }

  // ------------------------------------------------------------ setup ----
  async declareExchange(e) {
    const r = await this.rpc(e.connection ? `__admin:${e.connection}` : '__admin', (ch) => ch.assertExchange(e.name, e.type, {
      durable: !!e.durable, autoDelete: !!e.autoDelete, internal: !!e.internal,
      arguments: toAmqp(e.arguments || {}),
    }), e.connection);
    if (r.ok) this.createdExchanges.add(e.name);
    return r;
  }
  async declareQueue(q) {
    const r = await this.rpc(q.connection ? `__admin:${q.connection}` : '__admin', (ch) => ch.assertQueue(q.name, {
      durable: !!q.durable, exclusive: !!q.exclusive, autoDelete: !!q.autoDelete,
      arguments: toAmqp(q.arguments || {}),
    }), q.connection);
    if (r.ok) this.createdQueues.add(q.name);
    return r;
  }
  async bind(b, unbind = false) {
    const args = toAmqp(b.arguments || {});
    const kind = b.destinationType || 'queue';
    return this.rpc('__admin', (ch) => {
      if (kind === 'exchange') {
        return unbind ? ch.unbindExchange(b.destination, b.source, b.routingKey || '', args)
          : ch.bindExchange(b.destination, b.source, b.routingKey || '', args);
      }
      return unbind ? ch.unbindQueue(b.destination, b.source, b.routingKey || '', args)
        : ch.bindQueue(b.destination, b.source, b.routingKey || '', args);
    });
  }

  // ------------------------------------------------------------ steps ----
  resolveAction(state, msg) {
    const pol = state.policy;
    if (typeof pol === 'string') return pol;
    const id = msg.content.toString();
    if (pol.byId && pol.byId[id] !== undefined) {
      const v = pol.byId[id];
      if (typeof v === 'string') return v;
      const n = (state.seenById[id] = (state.seenById[id] || 0) + 1);
      return v[Math.min(n, v.length) - 1];
    }
    if (pol.redelivered && msg.fields.redelivered) return pol.redelivered;
    if (pol.actions && state.actionIdx < pol.actions.length) return pol.actions[state.actionIdx++];
    return pol.then || 'ack';
  }

  applyAction(w, action, msg, holder, multiple = false) {
    const ch = w.ch;
    if (multiple && action !== 'hold') {
      // ack/nack with multiple=true also settles every earlier outstanding delivery on this channel
      const tag = msg.fields.deliveryTag;
      for (const [h, list] of this.held) {
        this.held.set(h, list.filter((e) => !(e.chan === w && e.msg.fields.deliveryTag <= tag)));
      }
    }
    if (action !== 'hold') {
      if (!this.settled.has(holder)) this.settled.set(holder, []);
      this.settled.get(holder).push({ id: msg.content.toString(), msg, chan: w });
    }
    switch (action) {
      case 'ack': ch.ack(msg, multiple); break;
      case 'nack-requeue': ch.nack(msg, multiple, true); break;
      case 'nack-discard': ch.nack(msg, multiple, false); break;
      case 'reject-requeue': ch.reject(msg, true); break;
      case 'reject-discard': ch.reject(msg, false); break;
      case 'hold': {
        if (!this.held.has(holder)) this.held.set(holder, []);
        this.held.get(holder).push({ id: msg.content.toString(), msg, chan: w });
        break;
      }
      default: throw new Error(`unknown action ${action}`);
    }
  }

  async publishOne(st, id) {
    const w = await this.chan(st.channel || 'pub', st.connection);
    const opts = {
      mandatory: !!st.mandatory,
      deliveryMode: st.persistent ? 2 : 1,
    };
    if (st.headers) opts.headers = toAmqp(st.headers);
    if (st.priority !== undefined) opts.priority = st.priority;
    if (st.expiration !== undefined) opts.expiration = String(st.expiration);
    const rec = { id, confirm: null };
    this.out.publishes.push(rec);
    const rk = st.routingKey || '';
    await new Promise((resolve) => {
      try {
        w.ch.publish(st.exchange || '', rk, Buffer.from(id), opts, (err) => {
          rec.confirm = !err ? 'ack' : (/nacked/.test(err.message) ? 'nack' : 'channel-closed');
          this.touch();
          resolve();
        });
      } catch (_e) {
        rec.confirm = 'channel-closed';
        resolve();
      }
      // If the channel gets closed (e.g. 404 exchange) the callback fires with an error.
    });
  }

  async quiesce(minMs = 0) {
    const start = Date.now();
    this.touch();
    for (;;) {
      await sleep(10);
      const now = Date.now();
      if (now - this.lastEvent >= QUIET_MS && now - start >= minMs) return;
      if (now - start > 10000) return;
    }
  }

  async step(st, i) {
    this.stepIndex = i;
    const rec = { step: i, op: st.op };
    const keep = () => this.out.steps.push(rec);
    switch (st.op) {
      case 'publish': {
        const ids = st.ids || [st.id];
        for (const id of ids) await this.publishOne(st, id);
        break;
      }
      case 'consume': {
        const chName = st.channel || st.consumer;
        const w = await this.chan(chName, st.connection);
        if (st.prefetch !== undefined) await this.rpc(chName, (ch) => ch.prefetch(st.prefetch, !!st.prefetchGlobal));
        const state = {
          name: st.consumer, policy: st.policy || 'ack', actionIdx: 0, seenById: {}, count: 0, chanName: chName, tag: st.consumer,
        };
        this.consumers.set(st.consumer, state);
        if (!this.out.deliveries[st.consumer]) this.out.deliveries[st.consumer] = [];
        const list = this.out.deliveries[st.consumer];
        const opts = { consumerTag: st.consumer, noAck: !!st.noAck, exclusive: !!st.exclusive };
        if (st.priority !== undefined) opts.priority = st.priority;
        if (st.arguments) opts.arguments = toAmqp(st.arguments);
        const r = await this.rpc(chName, (ch) => ch.consume(st.queue, (msg) => {
          this.touch();
          if (this.frozen) return;
          if (msg === null) { list.push({ cancelledByServer: true }); return; }
          state.count++;
          if (state.count > MAX_DELIVERIES) return; // runaway requeue loop
          if (st.noAck) { list.push(this.msgRecord(msg)); return; }
          const action = this.resolveAction(state, msg);
          list.push(this.msgRecord(msg, { action }));
          try { this.applyAction(w, action, msg, st.consumer); } catch (_e) { /* channel gone */ }
        }, opts), st.connection);
        if (r.error) { rec.error = r.error.code; keep(); }
        break;
      }
      case 'cancel': {
        const state = this.consumers.get(st.consumer);
        const r = await this.rpc(state.chanName, (ch) => ch.cancel(state.tag));
        if (r.error) { rec.error = r.error.code; keep(); }
        break;
      }
      case 'settle': {
        const holder = st.holder || st.consumer;
        // repeat=true re-settles a message that was already settled (protocol error case)
        const list = st.repeat ? [...(this.settled.get(holder) || [])] : (this.held.get(holder) || []);
        const ids = st.ids || list.map((h) => h.id);
        for (const id of ids) {
          const idx = list.findIndex((h) => h.id === id);
          if (idx < 0) { rec.missing = (rec.missing || []).concat(id); continue; }
          const [h] = list.splice(idx, 1);
          try { this.applyAction(h.chan, st.action, h.msg, holder, !!st.multiple); } catch (_e) { /* ignore */ }
        }
        if (rec.missing) keep();
        break;
      }
      case 'get': {
        const chName = st.channel || '__get';
        const noAck = st.noAck !== undefined ? !!st.noAck : !st.action;
        const r = await this.rpc(chName, (ch) => ch.get(st.queue, { noAck }), st.connection);
        rec.queue = st.queue;
        if (r.error) { rec.error = r.error.code; keep(); break; }
        const msg = r.ok;
        if (!msg) { rec.result = null; keep(); break; }
        rec.result = this.msgRecord(msg, { messageCount: msg.fields.messageCount });
        if (!noAck) {
          const w = this.chans.get(chName);
          this.applyAction(w, st.action, msg, st.as || chName);
          rec.result.action = st.action;
        }
        keep();
        break;
      }
      case 'drain': {
        rec.queue = st.queue;
        rec.messages = await this.drainQueue(st.queue, st.channel || '__get');
        keep();
        break;
      }
      case 'check': {
        rec.queue = st.queue;
        Object.assign(rec, await this.checkQueue(st.queue));
        keep();
        break;
      }
      case 'purge': {
        const r = await this.rpc('__admin', (ch) => ch.purgeQueue(st.queue));
        rec.queue = st.queue;
        if (r.error) rec.error = r.error.code; else rec.messageCount = r.ok.messageCount;
        keep();
        break;
      }
      case 'wait':
        await sleep(st.ms || 0);
        break;
      case 'closeChannel': {
        const w = this.chans.get(st.channel);
        if (w && !w.closed) { try { await w.ch.close(); } catch (_e) { /* already closed */ } w.closed = true; }
        break;
      }
      case 'restartBroker': {
        Object.assign(rec, await this.restartBroker(st.downMs || 0));
        keep();
        break;
      }
      case 'recover': {
        // basic.recover on a channel: requeue=true (default) requeues every unacked message of the channel
        const chName = st.channel;
        const requeue = st.requeue !== undefined ? !!st.requeue : true;
        const w = await this.chan(chName, st.connection);
        const before = new Set();
        for (const list of this.held.values()) for (const h of list) if (h.chan === w) before.add(h);
        const r = await this.rpc(chName, (ch) => ch.rpc(defs.BasicRecover, { requeue }, defs.BasicRecoverOk), st.connection);
        if (r.error) { rec.error = r.error.code; keep(); break; }
        // the recovered deliveries' tags are void now (redeliveries received meanwhile stay held)
        for (const [holder, list] of this.held) this.held.set(holder, list.filter((h) => !before.has(h)));
        break;
      }
      case 'closeConnection': {
        const c = this.conns.get(st.connection);
        if (c) { try { await c.close(); } catch (_e) { /* ignore */ } this.conns.delete(st.connection); }
        for (const w of this.chans.values()) if (w.connName === st.connection) w.closed = true;
        break;
      }
      case 'declareQueue': { const r = await this.declareQueue(st); if (r.error) { rec.error = r.error.code; keep(); } break; }
      case 'declareExchange': { const r = await this.declareExchange(st); if (r.error) { rec.error = r.error.code; keep(); } break; }
      case 'deleteQueue': {
        const r = await this.rpc('__admin', (ch) => ch.deleteQueue(st.queue || st.name, { ifUnused: !!st.ifUnused, ifEmpty: !!st.ifEmpty }));
        rec.queue = st.queue || st.name;
        if (r.error) rec.error = r.error.code; else rec.messageCount = r.ok.messageCount;
        keep();
        break;
      }
      case 'deleteExchange': {
        const r = await this.rpc('__admin', (ch) => ch.deleteExchange(st.exchange || st.name, { ifUnused: !!st.ifUnused }));
        if (r.error) { rec.error = r.error.code; keep(); }
        break;
      }
      case 'bind': case 'unbind': {
        const r = await this.bind(st, st.op === 'unbind');
        if (r.error) { rec.error = r.error.code; keep(); }
        break;
      }
      default:
        throw new Error(`unknown op ${st.op}`);
    }
    await this.quiesce();
  }

  // Stop + start the broker on the same state. Every connection is closed by the broker (close code
  // recorded per connection); afterwards the connections and channels that were open are re-opened
  // (no qos, no consumers: later `consume` steps must re-register), and the step records which of
  // the queues/exchanges declared so far survived.
  async restartBroker(downMs) {
    const openConns = [...this.conns.keys()];
    const openChans = [...this.chans.values()].filter((w) => !w.closed).map((w) => ({ name: w.name, connName: w.connName }));
    this.restarting = true;
    this.restartClosed = new Map();
    try {
      await restartNode(downMs);
      for (let t = 0; t < 1000 && this.conns.size; t++) await sleep(10); // every old connection has seen its close
    } finally {
      this.restarting = false;
    }
    for (const w of this.chans.values()) w.closed = true;
    for (const list of this.held.values()) list.length = 0;
    for (const n of openConns) await this.conn(n);
    for (const c of openChans) await this.chan(c.name, c.connName);
    const rec = { connectionsClosed: {}, queues: {}, exchanges: {} };
    for (const n of [...this.restartClosed.keys()].sort()) rec.connectionsClosed[n] = this.restartClosed.get(n);
    for (const n of this.createdQueues) rec.queues[n] = await this.checkQueue(n);
    for (const n of this.createdExchanges) rec.exchanges[n] = await this.checkExchange(n);
    return rec;
  }

  async checkExchange(x) {
    const c = await this.conn('main');
    const ch = await c.createChannel();
    ch.on('error', () => {});
    try {
      await ch.checkExchange(x);
      await ch.close();
      return true;
    } catch (e) {
      const code = parseServerError(e).code;
      return code === 404 ? false : { error: code };
    }
  }

  async checkQueue(q) {
    // a throwaway channel so that a 404 does not disturb the scenario's channels
    const c = await this.conn('main');
    const ch = await c.createChannel();
    ch.on('error', () => {});
    try {
      const ok = await ch.checkQueue(q);
      await ch.close();
      return { exists: true, messageCount: ok.messageCount, consumerCount: ok.consumerCount };
    } catch (e) {
      const code = parseServerError(e).code;
      // 404: no such queue; anything else (e.g. 405 exclusive queue of another connection) is an error, not absence
      return code === 404 ? { exists: false, code } : { error: code };
    }
  }

  async drainQueue(q, chName) {
    const out = [];
    for (let n = 0; n < 10000; n++) {
      const r = await this.rpc(chName, (ch) => ch.get(q, { noAck: true }));
      if (r.error) { out.push({ error: r.error.code }); break; }
      if (!r.ok) break;
      out.push(this.msgRecord(r.ok));
    }
    return out;
  }

  async run() {
    const sc = this.sc;
    await this.conn('main');
    for (const e of sc.exchanges || []) await this.declareExchange(e);
    for (const q of sc.queues || []) await this.declareQueue(q);
    for (const b of sc.bindings || []) await this.bind(b);
    for (let i = 0; i < (sc.steps || []).length; i++) {
      await this.step(sc.steps[i], i);
    }
    this.stepIndex = 'final';
    await this.quiesce();
    // final snapshot: depth of every queue declared by the scenario, then contents (basic.get, no-ack)
    const names = [...new Set([...(sc.queues || []).map((q) => q.name), ...(sc.steps || []).filter((s) => s.op === 'declareQueue').map((s) => s.name)])];
    const fin = { queues: {}, held: {} };
    for (const n of names) fin.queues[n] = await this.checkQueue(n);
    if (sc.finalDrain !== false) {
      for (const n of names) {
        if (fin.queues[n].exists) fin.queues[n].messages = await this.drainQueue(n, '__final');
      }
    }
    for (const [holder, list] of [...this.held].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (list.length) fin.held[holder] = list.map((h) => h.id);
    }
    this.out.final = fin;
    this.frozen = true; // nothing that happens during cleanup is recorded
    return this.out;
  }

  async cleanup() {
    for (const w of this.chans.values()) {
      if (!w.closed) { try { await w.ch.close(); } catch (_e) { /* ignore */ } }
    }
    try {
      const c = await this.conn('main');
      const ch = await c.createChannel();
      ch.on('error', () => {});
      for (const q of this.createdQueues) { try { await ch.deleteQueue(q); } catch (_e) { break; } }
      const ch2 = await c.createChannel();
      ch2.on('error', () => {});
      for (const x of this.createdExchanges) { try { await ch2.deleteExchange(x); } catch (_e) { break; } }
    } catch (_e) { /* ignore */ }
    for (const c of this.conns.values()) { try { await c.close(); } catch (_e) { /* ignore */ } }
  }
}

// ---------------------------------------------------------------- main ----
function listScenarios(dir) {
  const out = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) out.push(...listScenarios(p));
    else if (f.endsWith('.json')) out.push(p);
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--only', '--vhost'].includes(args[i - 1])));
  const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
  const [scDir = 'scenarios', outDir = 'golden'] = pos;
  const only = opt('--only');
  fs.mkdirSync(outDir, { recursive: true });

  let vhost = opt('--vhost');
  let created = false;
  if (!vhost) {
    vhost = `oracle-${Date.now()}-${process.pid}`;
    try {
      ctl(['add_vhost', vhost]);
      ctl(['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
      created = true;
    } catch (e) {
      console.error(`could not create vhost via rabbitmqctl (${e.message.split('\n')[0]}); falling back to "/"`);
      vhost = '/';
    }
  }
  let version = 'unknown';
  {
    const c = await amqp.connect(`amqp://guest:guest@${HOST}:${PORT}/${encodeURIComponent(vhost)}`);
    const sp = c.connection.serverProperties || {};
    version = `${sp.product} ${sp.version}`;
    await c.close();
  }
  console.log(`broker: ${version}  vhost: ${vhost}`);
  // Guard: a golden must never encode a broker-internal crash. If the broker log is readable,
  // count "crashed queue" / crasher reports around every scenario and fail the scenario if any appear.
  const LOG = process.env.ORACLE_BROKER_LOG || '/tmp/rmq-oracle/log/rabbit@localhost.log';
  const crashCount = () => {
    try { return (fs.readFileSync(LOG, 'utf8').match(/Restarting crashed queue|crasher:/g) || []).length; } catch (_e) { return -1; }
  };
  let files = listScenarios(scDir);
  if (only) files = files.filter((f) => f.includes(only));
  let failed = 0;
  for (const f of files) {
    const sc = JSON.parse(fs.readFileSync(f, 'utf8'));
    const rel = path.relative(scDir, f);
    const r = new Runner(sc, vhost);
    let out;
    const t0 = Date.now();
    const crashesBefore = crashCount();
    try {
      out = await r.run();
      await sleep(50);
      const crashesAfter = crashCount();
      if (crashesBefore >= 0 && crashesAfter > crashesBefore) throw new Error(`broker log reports a crash during this scenario (${LOG})`);
    } catch (e) {
      failed++;
      console.error(`FAIL ${rel}: ${e.stack || e}`);
      await r.cleanup();
      continue;
    }
    await r.cleanup();
    const ordered = {
      scenario: sc.name, category: sc.category, broker: version,
      errors: out.errors, publishes: out.publishes, returns: out.returns,
      deliveries: out.deliveries, steps: out.steps, final: out.final,
    };
    const dest = path.join(outDir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, JSON.stringify(ordered, null, 2) + '\n');
    console.log(`ok   ${rel} (${Date.now() - t0} ms)`);
  }
  if (created && !args.includes('--keep-vhost')) {
    try { ctl(['delete_vhost', vhost]); } catch (_e) { console.error(`could not delete vhost ${vhost}`); }
  }
  console.log(`${files.length - failed} scenarios ok, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
