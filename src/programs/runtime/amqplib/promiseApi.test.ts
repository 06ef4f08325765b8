import { describe, expect, it } from 'vitest';
import { ProgramRun } from '../../testing/programRun';

/** Runs one promise-API program to its end and returns what it printed. */
async function run(body: string, ms = 5000) {
  const r = new ProgramRun();
  const pid = await r.run('test.js', `const amqp = require('amqplib');\n(async () => {\n${body}\n})().catch((e) => { console.log('FAILED', e.message); process.exit(1); });`);
  await r.for(ms);
  return { r, pid, out: r.output(pid) };
}

describe('amqplib promise API against the broker', () => {
  it('declares, checks, binds, unbinds and deletes exchanges and queues, with amqplib\'s reply fields', async () => {
    const { r, out, pid } = await run(`
const c = await amqp.connect('amqp://localhost');
const ch = await c.createChannel();
console.log('ax', JSON.stringify(await ch.assertExchange('logs', 'fanout', { durable: false })));
console.log('ax2', JSON.stringify(await ch.assertExchange('e2e', 'direct')));
console.log('cx', JSON.stringify(await ch.checkExchange('logs')));
console.log('bx', JSON.stringify(await ch.bindExchange('e2e', 'logs', '')));
const q = await ch.assertQueue('', { exclusive: true });
console.log('server-named', q.queue.startsWith('amq.gen-'), q.messageCount, q.consumerCount);
console.log('aq', JSON.stringify(await ch.assertQueue('jobs', { messageTtl: 60000, maxLength: 5 })));
console.log('bq', JSON.stringify(await ch.bindQueue('jobs', 'e2e', 'k')));
ch.publish('logs', '', Buffer.from('one'));
ch.publish('logs', '', Buffer.from('two'));
await new Promise((res) => setTimeout(res, 1000));
console.log('cq', JSON.stringify(await ch.checkQueue('jobs')));
console.log('uq', JSON.stringify(await ch.unbindQueue('jobs', 'e2e', 'k')));
console.log('ux', JSON.stringify(await ch.unbindExchange('e2e', 'logs', '')));
console.log('pq', JSON.stringify(await ch.purgeQueue('jobs')));
console.log('dq', JSON.stringify(await ch.deleteQueue('jobs')));
console.log('dx', JSON.stringify(await ch.deleteExchange('e2e')));
await ch.close();
await c.close();
console.log('done');
`);
    expect(out).toContain('ax {"exchange":"logs"}');
    expect(out).toContain('ax2 {"exchange":"e2e"}');
    expect(out).toContain('cx {}');
    expect(out).toContain('server-named true 0 0');
    expect(out).toContain('aq {"queue":"jobs","messageCount":0,"consumerCount":0}');
    // both messages went logs → e2e → jobs (routing key "" for the fanout, then "k" by the direct binding? no: key "")
    expect(out).toMatch(/cq \{"queue":"jobs","messageCount":\d,"consumerCount":0\}/);
    expect(out).toContain('pq {"messageCount"');
    expect(out).toContain('dq {"messageCount":0}');
    expect(out).toContain('done');
    expect(r.program(pid).state).toBe('exited');
    expect(r.w.broker.inspect.queue('jobs')).toBeUndefined();
    // the queue was declared with amqplib's option names as x-arguments
    expect(r.of('queue-declared').find((e) => e.queue === 'jobs')!.arguments).toEqual({ 'x-message-ttl': 60000, 'x-max-length': 5 });
    // amqplib declares durable unless told otherwise
    expect(r.of('exchange-declared').find((e) => e.exchange === 'e2e')!.durable).toBe(true);
  });

  it('publishes with options as message properties, and consumes, acks, nacks and rejects', async () => {
    const { r, out } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
await ch.assertQueue('q', { durable: false });
await ch.assertQueue('dead', { durable: false });
ch.sendToQueue('q', Buffer.from('a'), { persistent: true, headers: { 'x-n': 1 }, correlationId: 'c1', replyTo: 'r', priority: 3, expiration: 60000, messageId: 'm1', contentType: 'text/plain', type: 't', appId: 'app' });
ch.sendToQueue('q', Buffer.from('b'));
ch.sendToQueue('q', Buffer.from('c'));
let n = 0;
await ch.prefetch(10);
const { consumerTag } = await ch.consume('q', (msg) => {
  n++;
  const p = msg.properties;
  console.log('got', msg.content.toString(), msg.fields.deliveryTag, msg.fields.redelivered, msg.fields.routingKey, JSON.stringify(p.headers), p.deliveryMode, p.correlationId, p.replyTo, p.priority, p.expiration, p.messageId, p.contentType, p.type, p.appId, p.timestamp);
  if (msg.content.toString() === 'a') ch.ack(msg);
  if (msg.content.toString() === 'b') ch.nack(msg, false, false);
  if (msg.content.toString() === 'c') ch.reject(msg, false);
});
console.log('tag', consumerTag.startsWith('amq.ctag-'));
await new Promise((res) => setTimeout(res, 2000));
await ch.cancel(consumerTag);
console.log('n', n);
await c.close();
`);
    expect(out).toContain('got a 1 false q {"x-n":1} 2 c1 r 3 60000 m1 text/plain t app undefined');
    expect(out).toContain('got b 2 false q {} undefined undefined');
    expect(out).toContain('tag true');
    expect(out).toContain('n 3');
    expect(r.of('acked')).toHaveLength(1);
    expect(r.of('nacked').map((e) => e.method)).toEqual(['basic.nack', 'basic.reject']);
    expect(r.queue('q')!.ready + r.queue('q')!.unacked).toBe(0);
  });

  it('gets, recovers, nacks and acks everything at once', async () => {
    const { out, r } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
await ch.assertQueue('g', { durable: false });
for (const x of ['1', '2', '3', '4']) ch.sendToQueue('g', Buffer.from(x));
await new Promise((res) => setTimeout(res, 1000));
const m1 = await ch.get('g');
console.log('get', m1.content.toString(), m1.fields.deliveryTag, m1.fields.messageCount, m1.fields.redelivered);
const m2 = await ch.get('g', { noAck: false });
console.log('get', m2.content.toString(), m2.fields.deliveryTag);
await ch.recover();
await new Promise((res) => setTimeout(res, 1000));
const m3 = await ch.get('g');
console.log('redelivered', m3.content.toString(), m3.fields.redelivered);
ch.nackAll(true);
await new Promise((res) => setTimeout(res, 1000));
const all = [];
for (let i = 0; i < 4; i++) all.push((await ch.get('g')).content.toString());
console.log('all', all.join(','));
ch.ackAll();
await new Promise((res) => setTimeout(res, 1000));
console.log('empty', await ch.get('g'));
await c.close();
`, 8000);
    expect(out).toContain('get 1 1 3 false');
    expect(out).toContain('get 2 2');
    expect(out).toContain('redelivered 1 true');
    expect(out).toContain('empty false');
    expect(r.queue('g')!.ready).toBe(0);
  });

  it('confirms: publish callbacks, waitForConfirms, and mandatory returns', async () => {
    const { out } = await run(`
const c = await amqp.connect();
const ch = await c.createConfirmChannel();
await ch.assertQueue('cq', { durable: false });
ch.on('return', (msg) => console.log('returned', msg.fields.replyCode, msg.fields.replyText, msg.fields.routingKey, msg.content.toString()));
ch.sendToQueue('cq', Buffer.from('x'), {}, (err) => console.log('confirm 1', err));
ch.publish('', 'nowhere', Buffer.from('y'), { mandatory: true }, (err) => console.log('confirm 2', err));
console.log('waited', (await ch.waitForConfirms()).length);
await c.close();
`);
    expect(out).toContain('confirm 1 null');
    expect(out).toContain('returned 312 NO_ROUTE nowhere y');
    expect(out).toContain('confirm 2 null');
    expect(out).toContain('waited 2');
    expect(out.indexOf('returned')).toBeLessThan(out.indexOf('confirm 2'));
  });

  it('consume options: consumerTag, exclusive (a second consumer is refused), priority and arguments reach the broker', async () => {
    const { out, r } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
await ch.assertQueue('solo', { durable: false });
const ok = await ch.consume('solo', () => {}, { consumerTag: 'mine', exclusive: true, priority: 5, arguments: { 'x-note': 'hi' } });
console.log('tag', ok.consumerTag);
const other = await c.createChannel();
other.on('error', () => {});
await other.consume('solo', () => {}).catch((e) => console.log(e.message));
await c.close();
`);
    expect(out).toContain('tag mine');
    expect(out).toContain(`Operation failed: BasicConsume; 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - queue 'solo' in vhost '/' in exclusive use"`);
    const added = r.of('consumer-added').find((e) => e.consumerTag === 'mine')!;
    expect(added).toMatchObject({ exclusive: true, priority: 5 });
  });

  it('publish returns false when the write buffer is full, and drain follows', async () => {
    const { out } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
await ch.assertQueue('burst', { durable: false });
let sent = 0;
let ok = true;
while (ok) { ok = ch.sendToQueue('burst', Buffer.from('m')); sent++; }
console.log('full after', sent);
ch.once('drain', async () => {
  console.log('drained');
  await c.close();
});
`);
    expect(out).toContain('full after 1024');
    expect(out).toContain('drained');
  });

  it('a consumer cancelled by the broker gets null when its queue is deleted', async () => {
    const { out } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
await ch.assertQueue('gone', { durable: false });
await ch.consume('gone', (msg) => console.log('msg', msg));
const other = await c.createChannel();
await other.deleteQueue('gone');
await new Promise((res) => setTimeout(res, 1000));
await c.close();
`);
    expect(out).toContain('msg null');
  });
});

describe('amqplib errors, as amqplib shapes them', () => {
  it('an RPC the broker refuses rejects with "Operation failed" and the channel emits "Channel closed by server", then close', async () => {
    const { out, r, pid } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
ch.on('error', (e) => console.log('error event:', e.message, e.code, e.classId, e.methodId));
ch.on('close', () => console.log('close event'));
try {
  await ch.checkQueue('missing');
} catch (e) {
  console.log('rejected:', e.message, e.code, e.classId, e.methodId);
}
try {
  await ch.assertQueue('x');
} catch (e) {
  console.log('after:', e.name, e.message);
}
await c.close();
`);
    expect(out).toContain(`rejected: Operation failed: QueueDeclare; 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'missing' in vhost '/'" 404 50 10`);
    expect(out).toContain(`error event: Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'missing' in vhost '/'" 404 50 10`);
    expect(out.indexOf('error event')).toBeLessThan(out.indexOf('close event'));
    expect(out).toContain('after: IllegalOperationError Channel closed');
    expect(r.program(pid).state).toBe('exited');
  });

  it('an inequivalent redeclare is 406 PRECONDITION-FAILED', async () => {
    const { out } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
ch.on('error', () => {});
await ch.assertQueue('d', { durable: true });
await ch.assertQueue('d', { durable: false }).catch((e) => console.log(e.message));
await c.close();
`);
    expect(out).toContain(`Operation failed: QueueDeclare; 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'd' in vhost '/': received 'false' but current is 'true'"`);
  });

  it('an unhandled channel error takes the connection down, and crashes a program that does not listen to it', async () => {
    const { out, r, pid } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
ch.publish('no-such-exchange', 'k', Buffer.from('x'));
await new Promise((res) => setTimeout(res, 2000));
console.log('not reached');
`);
    expect(out).toContain(`Error: Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no exchange 'no-such-exchange' in vhost '/'"`);
    expect(out).not.toContain('not reached');
    expect(r.program(pid).state).toBe('crashed');
    expect(r.program(pid).exit).toMatchObject({ kind: 'crash', code: 1 });
  });

  it('acking an unknown delivery tag closes the channel with 406 (basic.ack)', async () => {
    const { out } = await run(`
const c = await amqp.connect();
c.on('error', (e) => console.log('connection error', e.message));
const ch = await c.createChannel();
ch.on('error', (e) => console.log('channel error', e.message, e.classId, e.methodId));
ch.ack({ fields: { deliveryTag: 42 } });
await new Promise((res) => setTimeout(res, 1000));
await c.close();
`);
    expect(out).toContain('channel error Channel closed by server: 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - unknown delivery tag 42" 60 80');
  });

  it('methods on a closed channel throw IllegalOperationError; content must be a Buffer', async () => {
    const { out } = await run(`
const c = await amqp.connect();
const ch = await c.createChannel();
try { ch.sendToQueue('q', 'a string'); } catch (e) { console.log(e.name, e.message); }
await ch.close();
try { ch.sendToQueue('q', Buffer.from('x')); } catch (e) { console.log(e.name, e.message); }
await ch.close().catch((e) => console.log('close again:', e.message));
await c.close();
await c.close().catch((e) => console.log('conn again:', e.message));
`);
    expect(out).toContain('TypeError content is not a buffer');
    expect(out).toContain('IllegalOperationError Channel closed');
    expect(out).toContain('close again: Channel closed');
    expect(out).toContain('conn again: Connection closed');
  });

  it('refuses another vhost and wrong credentials, as RabbitMQ does at the handshake', async () => {
    const { out } = await run(`
await amqp.connect('amqp://localhost/shop').catch((e) => console.log(e.message));
await amqp.connect('amqp://bob:secret@localhost').catch((e) => console.log(e.message));
`);
    expect(out).toContain('Handshake terminated by server: 530 (NOT-ALLOWED) with message "NOT_ALLOWED - vhost shop not found"');
    expect(out).toContain('Handshake terminated by server: 403 (ACCESS-REFUSED)');
  });

  it('a broker restart closes the connection with 320 CONNECTION-FORCED', async () => {
    const r = new ProgramRun();
    const pid = await r.run('t.js', `
const amqp = require('amqplib');
(async () => {
  const c = await amqp.connect();
  c.on('error', (e) => console.log('error', e.message));
  c.on('close', () => console.log('closed'));
})();`);
    await r.for(500);
    await r.input({ type: 'broker-restart', downMs: 1000 });
    await r.for(1000);
    expect(r.output(pid)).toContain('error Connection closed: 320 (CONNECTION-FORCED)');
    expect(r.output(pid)).toContain('closed');
    expect(r.program(pid).state).toBe('exited');
  });
});
