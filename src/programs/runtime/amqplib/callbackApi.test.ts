import { describe, expect, it } from 'vitest';
import { ProgramRun } from '../../testing/programRun';

async function run(source: string, ms = 5000) {
  const r = new ProgramRun();
  const pid = await r.run('cb.js', source);
  await r.for(ms);
  return { r, pid, out: r.output(pid) };
}

describe('amqplib callback API against the broker', () => {
  it('runs the tutorial-style nested callbacks: declare, bind, publish, consume, ack', async () => {
    const { out, r, pid } = await run(`
var amqp = require('amqplib/callback_api');
amqp.connect('amqp://localhost', function (error0, connection) {
  if (error0) throw error0;
  connection.createChannel(function (error1, channel) {
    if (error1) throw error1;
    channel.assertExchange('direct_logs', 'direct', { durable: false });
    channel.assertQueue('', { exclusive: true }, function (error2, q) {
      if (error2) throw error2;
      console.log('queue', q.queue.slice(0, 8), q.messageCount);
      channel.bindQueue(q.queue, 'direct_logs', 'error');
      channel.prefetch(1);
      channel.consume(q.queue, function (msg) {
        console.log('got', msg.fields.routingKey, msg.content.toString());
        channel.ack(msg);
      }, { noAck: false }, function (err, ok) {
        console.log('consuming', err, ok.consumerTag.slice(0, 9));
        channel.publish('direct_logs', 'error', Buffer.from('disk full'));
        channel.publish('direct_logs', 'info', Buffer.from('hello'));
      });
    });
  });
});
`);
    expect(out).toContain('queue amq.gen- 0');
    expect(out).toContain('consuming null amq.ctag-');
    expect(out).toContain('got error disk full');
    expect(out).not.toContain('got info');
    expect(r.of('acked')).toHaveLength(1);
    expect(r.program(pid).state).toBe('running');
  });

  it('every method reports to its callback, and chains', async () => {
    const { out } = await run(`
const amqp = require('amqplib/callback_api');
amqp.connect(function (err, conn) {
  conn.createConfirmChannel(function (err, ch) {
    ch.assertExchange('x', 'topic', {}, function (e, ok) { console.log('ax', e, JSON.stringify(ok)); })
      .checkExchange('x', function (e, ok) { console.log('cx', e, JSON.stringify(ok)); })
      .assertQueue('q', { durable: false }, function (e, ok) { console.log('aq', e, JSON.stringify(ok)); })
      .checkQueue('q', function (e, ok) { console.log('cq', e, ok.queue); })
      .bindQueue('q', 'x', 'a.*', {}, function (e) { console.log('bq', e); })
      .assertExchange('y', 'fanout')
      .bindExchange('y', 'x', '#', {}, function (e) { console.log('bx', e); publishAndGet(); });
    // RPCs wait their turn on a channel but a publish goes at once: publish once the binding is there
    function publishAndGet() {
    ch.publish('x', 'a.b', Buffer.from('m'), { persistent: true }, function (err) { console.log('confirmed', err); });
    ch.waitForConfirms(function (err) {
      console.log('all confirmed', err);
      ch.get('q', {}, function (e, msg) {
        console.log('get', e, msg.content.toString(), msg.fields.messageCount);
        ch.nack(msg, false, true);
        ch.get('q', { noAck: true }, function (e, again) {
          console.log('again', again.content.toString(), again.fields.redelivered);
          ch.purgeQueue('q', function (e, ok) { console.log('purge', JSON.stringify(ok)); });
          ch.unbindQueue('q', 'x', 'a.*', {}, function (e) { console.log('uq', e); });
          ch.unbindExchange('y', 'x', '#', {}, function (e) { console.log('ux', e); });
          ch.deleteExchange('y', {}, function (e) { console.log('dx', e); });
          ch.deleteQueue('q', {}, function (e, ok) {
            console.log('dq', JSON.stringify(ok));
            ch.recover(function (e) { console.log('recover', e); ch.close(function (e) { console.log('closed', e); conn.close(); }); });
          });
        });
      });
    });
    }
  });
});
`);
    for (const line of ['ax null {"exchange":"x"}', 'cx null {}', 'aq null {"queue":"q","messageCount":0,"consumerCount":0}', 'cq null q', 'bq null', 'bx null', 'confirmed null', 'all confirmed undefined', 'get null m 0', 'again m true', 'purge {"messageCount":0}', 'uq null', 'ux null', 'dx null', 'dq {"messageCount":0}', 'recover null', 'closed null']) {
      expect(out).toContain(line);
    }
  });

  it('passes the broker\'s refusal to the callback, shaped as amqplib does', async () => {
    const { out } = await run(`
const amqp = require('amqplib/callback_api');
amqp.connect('amqp://localhost', (err, conn) => {
  conn.createChannel((err, ch) => {
    ch.on('error', (e) => console.log('error event', e.code));
    ch.checkExchange('nope', (err, ok) => {
      console.log('cb', err.message, err.code, err.classId, err.methodId, ok);
      conn.close();
    });
  });
});
`);
    expect(out).toContain(`cb Operation failed: ExchangeDeclare; 404 (NOT-FOUND) with message "NOT_FOUND - no exchange 'nope' in vhost '/'" 404 40 10 undefined`);
    expect(out).toContain('error event 404');
  });

  it('an exception thrown in a callback crashes the program, as in Node', async () => {
    const { out, r, pid } = await run(`
const amqp = require('amqplib/callback_api');
amqp.connect('amqp://localhost', function (err, conn) {
  conn.createChannel(function (err, ch) {
    ch.checkQueue('missing', function (err) {
      if (err) throw err;
    });
  });
});
`);
    // the error was made by amqplib: Node would show amqplib's frames, the program has none of its own
    expect(out).toContain(`Error: Operation failed: QueueDeclare; 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'missing' in vhost '/'"`);
    expect(r.program(pid).exit).toMatchObject({ kind: 'crash', code: 1 });
  });
});
