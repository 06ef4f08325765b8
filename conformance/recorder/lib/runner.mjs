// Plays one scenario against the real broker and collects its outcome (README: "Outcome").
import amqp from 'amqplib';
import { Names } from './names.mjs';
import { url } from './node.mjs';
import { OPS } from './ops/index.mjs';
import { fromAmqp, normDeath, parseServerError, sleep, toAmqp } from './values.mjs';

const QUIET_MS = Number(process.env.ORACLE_QUIET_MS || 80); // quiescence window after each step

export class Runner {
  constructor(sc, vhost) {
    this.sc = sc;
    this.vhost = vhost;
    this.conns = new Map(); // name -> amqp connection
    this.chans = new Map(); // name -> {ch, closed, connName, frames}
    this.consumers = new Map(); // consumer name -> state
    this.held = new Map(); // holder name -> [{id, msg, chan}]
    this.settled = new Map(); // holder name -> [{id, msg, chan}] already acked/nacked/rejected
    this.names = new Names();
    this.lastEvent = Date.now();
    this.stepIndex = 'setup';
    this.createdQueues = new Set(); // real names
        this.createdExchanges = new Set();
    this.out = { scenario: sc.name, errors: [], publishes: [], returns: [], deliveries: {}, steps: [], final: null };
  }

  touch() { this.lastEvent = Date.now(); }
  record(fn) { if (!this.frozen) fn(); }
  resolve(v) { return this.names.resolve(v); }

  async conn(name = 'main') {
    let c = this.conns.get(name);
    if (c) return c;
    c = await amqp.connect(url(this.vhost));
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
    w = { name, ch, closed: false, connName, frames: null };
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
    // publisher confirms as the client receives them (recorded by publish steps with "observe")
    ch.on('ack', (f) => { w.frames?.push({ ack: f.deliveryTag, multiple: !!f.multiple }); this.touch(); });
    ch.on('nack', (f) => { w.frames?.push({ nack: f.deliveryTag, multiple: !!f.multiple }); this.touch(); });
    ch.on('return', (msg) => {
      if (this.frozen) return;
      const id = msg.content.toString();
      this.out.returns.push({ id, replyCode: msg.fields.replyCode, replyText: msg.fields.replyText, exchange: msg.fields.exchange, routingKey: msg.fields.routingKey });
      w.frames?.push({ return: id });
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
    const id = msg.content.toString();
    const r = { id, redelivered: !!msg.fields.redelivered, exchange: msg.fields.exchange, routingKey: msg.fields.routingKey, deliveryTag: msg.fields.deliveryTag };
    if (p.priority !== undefined && p.priority !== null) r.priority = p.priority;
    if (p.expiration !== undefined && p.expiration !== null) r.expiration = p.expiration;
    if (p.replyTo !== undefined && p.replyTo !== null) r.replyTo = p.replyTo;
    if (p.correlationId !== undefined && p.correlationId !== null) r.correlationId = p.correlationId;
    this.names.received(id, p.replyTo);
    const h = p.headers || {};
    const hk = Object.keys(h).filter((k) => k !== 'x-death').sort();
    if (hk.length) {
      r.headers = {};
      for (const k of hk) r.headers[k] = fromAmqp(h[k]);
    }
    if (Array.isArray(h['x-death'])) r.deaths = h['x-death'].map(normDeath);
    return Object.assign(r, extra);
  }

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

  // Settle (or hold) a message. `on` is the channel the method is sent on: normally the one that
  // received the message (w); a settle step may name another one (the message then stays held).
  applyAction(w, action, msg, holder, multiple = false, on = w) {
    const ch = on.ch;
    if (multiple && action !== 'hold' && on === w) {
      // ack/nack with multiple=true also settles every earlier outstanding delivery on this channel
      const tag = msg.fields.deliveryTag;
      for (const [h, list] of this.held) this.held.set(h, list.filter((e) => !(e.chan === w && e.msg.fields.deliveryTag <= tag)));
    }
    if (action !== 'hold' && on === w) {
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

  // ------------------------------------------------------------ topology ----
  adminChan(st) {
    if (st.channel) return st.channel;
    return st.connection ? `__admin:${st.connection}` : '__admin';
  }

  async declareExchange(e) {
    const r = await this.rpc(this.adminChan(e), (ch) => (e.passive ? ch.checkExchange(e.name) : ch.assertExchange(e.name, e.type, {
      durable: !!e.durable, autoDelete: !!e.autoDelete, internal: !!e.internal, arguments: toAmqp(e.arguments || {}),
    })), e.connection);
    if (r.ok && !e.passive) this.createdExchanges.add(e.name);
    return r;
  }

  async declareQueue(q) {
    const name = this.resolve(q.name);
    const r = await this.rpc(this.adminChan(q), (ch) => (q.passive ? ch.checkQueue(name) : ch.assertQueue(name, {
      durable: !!q.durable, exclusive: !!q.exclusive, autoDelete: !!q.autoDelete, arguments: toAmqp(q.arguments || {}),
    })), q.connection);
    if (r.ok && !q.passive) {
      const real = r.ok.queue;
      if (name === '' && q.as) this.names.queueDeclared(q.as, real);
      this.createdQueues.add(real);
    }
    return r;
  }

  async bind(b, unbind = false) {
    const args = toAmqp(b.arguments || {});
    const dest = this.resolve(b.destination);
    const src = this.resolve(b.source);
    const rk = this.resolve(b.routingKey || '');
    return this.rpc(this.adminChan(b), (ch) => {
      if ((b.destinationType || 'queue') === 'exchange') return unbind ? ch.unbindExchange(dest, src, rk, args) : ch.bindExchange(dest, src, rk, args);
      return unbind ? ch.unbindQueue(dest, src, rk, args) : ch.bindQueue(dest, src, rk, args);
    }, b.connection);
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

  // ------------------------------------------------------------- run ----
  async step(st, i) {
    this.stepIndex = i;
    const rec = { step: i, op: st.op };
    const op = OPS[st.op];
    if (!op) throw new Error(`unknown op ${st.op}`);
    await op(this, st, rec, () => this.out.steps.push(rec));
    await this.quiesce();
  }

  async run() {
    const sc = this.sc;
    await this.conn('main');
    for (const e of sc.exchanges || []) await this.declareExchange(e);
    for (const q of sc.queues || []) await this.declareQueue(q);
    for (const b of sc.bindings || []) await this.bind(b);
    for (let i = 0; i < (sc.steps || []).length; i++) await this.step(sc.steps[i], i);
    this.stepIndex = 'final';
    await this.quiesce();
    // final snapshot: depth of every queue declared by the scenario, then contents (basic.get, no-ack)
    const names = [...new Set(this.declaredNames())];
    const fin = { queues: {}, held: {} };
    for (const n of names) fin.queues[n] = await this.checkQueue(n);
    if (sc.finalDrain !== false) {
      for (const n of names) if (fin.queues[n].exists) fin.queues[n].messages = await this.drainQueue(n, '__final');
    }
    for (const [holder, list] of [...this.held].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (list.length) fin.held[holder] = list.map((h) => h.id);
    }
    this.out.final = fin;
    this.frozen = true; // nothing that happens during cleanup is recorded
    return this.names.anonymize(this.out);
  }

  // Every queue the scenario declares (setup, then declareQueue steps; failed ones too), by the
  // name it asked for; a server-named queue ("as") by the name the broker gave it.
  *declaredNames() {
    for (const q of [...(this.sc.queues || []), ...(this.sc.steps || []).filter((s) => s.op === 'declareQueue' && !s.passive)]) {
      if (q.name === '' && q.as) {
        const real = this.names.queues.get(q.as);
        if (real !== undefined) yield real;
      } else if (typeof q.name === 'string') yield q.name;
    }
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
