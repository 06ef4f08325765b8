// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is one of the hostile names under test
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Scenario, updateConsumer, updatePublisher, updateQueue } from '../../model';
import { validScenario } from '../testing/arbitraries';
import { kitchenSink, topics, workQueues } from '../testing/fixtures';
import { type CodeFile, generateCode, jsString, pyString } from '.';

const dir = mkdtempSync(join(tmpdir(), 'warren-codegen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/**
 * Syntax-checks generated programs with the real parsers: V8 compiles each JavaScript file as Node
 * compiles a CommonJS module (what `node --check` does, without a process per file) and
 * `python3 -m py_compile` the Python ones.
 */
function check(...groups: CodeFile[][]) {
  const py: string[] = [];
  for (const files of groups) {
    const sub = join(dir, String(n++));
    mkdirSync(sub, { recursive: true });
    for (const f of files) writeFileSync(join(sub, f.name), f.code);
    for (const f of files.filter((x) => x.name.endsWith('.js'))) {
      expect(() => compileFunction(f.code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: f.name }), f.name).not.toThrow();
    }
    py.push(...files.filter((x) => x.name.endsWith('.py')).map((f) => join(sub, f.name)));
  }
  // one Python process for every file (its start-up is most of the cost)
  if (py.length) {
    const r = spawnSync('python3', ['-m', 'py_compile', ...py], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }
}
const file = (files: CodeFile[], name: string) => files.find((f) => f.name === name)!.code;

const HOSTILE = ["it's \"x\"\n", '</script><script>alert(1)</script>', '${process.exit(1)}', '\\', '"""', "'''", '# not a comment', '*/ /*', 'tab\there', 'café ☕ 🐇', '\u2028\u2029', '\u0000\u001f\u007f', 'lone \ud800 surrogate', '{}', 'x\r\ny', 'evil\u202egnp.exe', 'a\u2066b\u2069\u200e\u200f\u061c', 'zero\u200bwidth\u200d\u2060\ufeff'];

describe('string literals', () => {
  it('write bidi controls and zero-width characters as \\u escapes: the displayed program is the program that runs', () => {
    const invisible = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
    for (const s of HOSTILE) {
      expect(jsString(s)).not.toMatch(invisible);
      expect(pyString(s)).not.toMatch(invisible);
    }
    expect(jsString('a\u202eb')).toBe('"a\\u202eb"');
    expect(pyString('a\u202eb')).toBe('"a\\u202eb"');
  });

  it('are read back exactly by node and python3', () => {
    const js = join(dir, 'literals.js');
    writeFileSync(js, `process.stdout.write(JSON.stringify([${HOSTILE.map(jsString).join(', ')}]));`);
    const node = spawnSync(process.execPath, [js], { encoding: 'utf8' });
    expect(JSON.parse(node.stdout)).toEqual(HOSTILE);
    const py = join(dir, 'literals.py');
    writeFileSync(py, `import json, sys\nsys.stdout.write(json.dumps([${HOSTILE.map(pyString).join(', ')}]))\n`);
    const python = spawnSync('python3', [py], { encoding: 'utf8' });
    expect(python.stderr).toBe('');
    expect(JSON.parse(python.stdout)).toEqual(HOSTILE);
  }, 30_000);
});

describe('generated programs', () => {
  const node = generateCode(kitchenSink(), 'node');
  const python = generateCode(kitchenSink(), 'python');

  it('has a setup program, one per publisher and one per subscribed consumer', () => {
    expect(node.map((f) => [f.name, f.role, f.app])).toEqual([
      ['setup.js', 'setup', ''],
      ['producer-orders-api.js', 'producer', 'orders-api'],
      ['consumer-order-worker.js', 'consumer', 'order-worker'],
      ['consumer-auditor.js', 'consumer', 'auditor'],
    ]);
    expect(python.map((f) => f.name)).toEqual(['setup.py', 'producer-orders-api.py', 'consumer-order-worker.py', 'consumer-auditor.py']);
  });

  it('declares exchanges, queues with every x-argument, and bindings (headers and exchange-to-exchange)', () => {
    const setup = file(node, 'setup.js');
    expect(setup).toContain('await ch.assertExchange("ingress", "topic", { durable: true, autoDelete: false, internal: false, arguments: { "alternate-exchange": "unrouted" } });');
    expect(setup).toContain('await ch.assertExchange("orders", "headers", { durable: true, autoDelete: false, internal: true, arguments: {} });');
    expect(setup).toContain('await ch.assertQueue("orders.work", { durable: true, exclusive: false, autoDelete: false, arguments: { "x-dead-letter-exchange": "dlx", "x-dead-letter-routing-key": "retry", "x-queue-type": "quorum", "x-delivery-limit": 3 } });');
    expect(setup).toContain('"x-message-ttl": 5000, "x-max-length": 1000, "x-overflow": "reject-publish", "x-dead-letter-exchange": "ingress"');
    expect(setup).toContain('await ch.bindExchange("orders", "ingress", "order.#", {}); // destination, source');
    expect(setup).toContain('await ch.bindQueue("audit", "orders", "", { "x-match": "any", "region": "eu", "priority": 5, "vip": true });');
    const pySetup = file(python, 'setup.py');
    expect(pySetup).toContain('channel.exchange_declare(exchange="orders", exchange_type="headers", durable=True, auto_delete=False, internal=True, arguments={})');
    expect(pySetup).toContain('channel.exchange_bind(destination="orders", source="ingress", routing_key="order.#", arguments={})');
    expect(pySetup).toContain('channel.queue_bind(queue="audit", exchange="orders", routing_key="", arguments={"x-match": "any", "region": "eu", "priority": 5, "vip": True})');
    expect(pySetup).toContain('"x-single-active-consumer": True');
  });

  it('publishes as the publisher does: confirms, mandatory with a return handler, properties, burst, random keys', () => {
    const p = file(node, 'producer-orders-api.js');
    expect(p).toContain('await connection.createConfirmChannel();');
    expect(p).toContain("channel.on('return'");
    expect(p).toContain('const options = { persistent: true, mandatory: true, timestamp: Math.floor(Date.now() / 1000), contentType: "application/json", priority: 3, expiration: "60000", headers: { "region": "eu", "vip": true }, messageId: "m-1", correlationId: "c-1", replyTo: "replies" };');
    expect(p).toContain('for (let i = 0; i < 20; i++) await publish();');
    // every confirm in (waitForConfirms again after a nack), then connected until Ctrl+C, as the simulated publisher stays
    expect(p).toContain('while (outstanding > 0) await channel.waitForConfirms().catch(() => {});');
    expect(p.indexOf('  await allConfirmed();')).toBeGreaterThan(p.indexOf('await publish();'));
    expect(p).toContain("process.once('SIGINT', () => connection.close()");
    expect(p).not.toContain('mustWait'); // handles its confirms asynchronously
    expect(p).toContain('Math.random() * ROUTING_KEYS.length');
    const py = file(python, 'producer-orders-api.py');
    expect(py).toContain('channel.confirm_delivery()');
    expect(py).toContain('except pika.exceptions.UnroutableError:');
    expect(py).toContain('properties = pika.BasicProperties(delivery_mode=2, timestamp=int(time.time()), content_type="application/json", priority=3, expiration="60000", headers={"region": "eu", "vip": True}, message_id="m-1", correlation_id="c-1", reply_to="replies")');
    expect(py).toContain('for _ in range(20):');
    const rate = file(generateCode(topics(), 'node'), 'producer-emit-log-topic.js');
    expect(rate).toContain('setInterval(() => publish().catch(stop), 500)');
    // the first message at once, then one per interval, as the simulation's rate publisher does
    expect(rate.indexOf('  publish().catch(stop);')).toBeLessThan(rate.indexOf('setInterval('));
    expect(rate).toContain('ROUTING_KEYS[sent % ROUTING_KEYS.length]');
    expect(rate).not.toContain('createConfirmChannel');
    // tutorial 7's other strategies: wait after each message, or after each batch
    const strategy = (wait: 'each' | 'batch') => {
      const doc = kitchenSink();
      const app = doc.apps.find((a) => a.name === 'orders-api')!;
      const r = updatePublisher(doc, app.id, app.publishers[0]!.id, { waitForConfirms: wait, confirmBatchSize: 7 });
      if (!r.ok) throw new Error('updatePublisher');
      return file(generateCode(r.doc, 'node'), 'producer-orders-api.js');
    };
    expect(strategy('each')).toContain('const mustWait = () => outstanding > 0;');
    expect(strategy('batch')).toContain('const BATCH_SIZE = 7;');
    expect(strategy('batch')).toContain('const mustWait = () => inBatch >= BATCH_SIZE;');
    expect(strategy('batch')).toContain('if (--outstanding === 0) inBatch = 0;');
    const viaDefault = file(generateCode(workQueues(), 'python'), 'producer-new-task.py');
    expect(viaDefault).toContain('EXCHANGE = ""  # the default exchange');
    expect(viaDefault).toContain('ROUTING_KEYS = ["task_queue"]');
    expect(viaDefault).toContain('connection.sleep(0.5)');
  }, 30_000);

  it('consumes as the consumer does: qos, ack mode, outcomes, timing, priority, exclusive', () => {
    const c = file(node, 'consumer-order-worker.js');
    expect(c.indexOf('await channel.prefetch(50, true);')).toBeLessThan(c.indexOf('await channel.prefetch(5);'));
    expect(c).toContain('const PROCESSING_MS = 200;');
    expect(c).toContain('const JITTER_MS = 100;');
    expect(c).toContain('const FAIL_PERCENT = 20;');
    expect(c).toContain('Math.random() * 100 < FAIL_PERCENT ? "reject-discard" : "ack"');
    expect(c).toContain('{ noAck: false, exclusive: false, priority: 5 }');
    const auditor = file(node, 'consumer-auditor.js');
    expect(auditor).toContain('{ noAck: true, exclusive: true }');
    expect(auditor).not.toContain('settle(channel, msg');
    const py = file(python, 'consumer-order-worker.py');
    expect(py).toContain('channel.basic_qos(prefetch_count=50, global_qos=True)');
    expect(py).toContain('channel.basic_qos(prefetch_count=5)');
    expect(py).toContain('auto_ack=False, exclusive=False, arguments={"x-priority": 5})');
    expect(py).toContain('channel.basic_reject(tag, requeue=False)');
    expect(file(python, 'consumer-auditor.py')).toContain('auto_ack=True, exclusive=True, arguments=None)');
    expect(c).not.toContain('MS_PER_DOT');
    // a task's weight in dots, as the work-queues tutorial's worker sleeps a second per dot
    const doc = workQueues();
    const app = doc.apps.find((a) => a.name === 'worker1')!;
    const r = updateConsumer(doc, app.id, app.consumers[0]!.id, { msPerDot: 1000 });
    if (!r.ok) throw new Error('updateConsumer');
    const dotted = file(generateCode(r.doc, 'node'), 'consumer-worker1.js');
    expect(dotted).toContain('const MS_PER_DOT = 1000;');
    expect(dotted).toContain("const dots = msg.content.toString().split('.').length - 1;");
    expect(dotted).toContain('PROCESSING_MS + dots * MS_PER_DOT');
    expect(file(generateCode(r.doc, 'python'), 'consumer-worker1.py')).toContain('PROCESSING_MS + body.count(b".") * MS_PER_DOT');
  });

  it('lets the consumer of an exclusive queue declare it, since the queue belongs to its connection', () => {
    let s = topics();
    const r = updateQueue(s, s.queues.find((q) => q.name === 'kern')!.id, { exclusive: true });
    if (!r.ok) throw new Error('fixture');
    s = r.doc;
    const files = generateCode(s, 'node');
    expect(file(files, 'setup.js')).not.toContain('"kern"');
    const own = file(files, 'consumer-receive-kern.js');
    expect(own).toMatch(/async function declareOwnQueues\(ch\) \{\n {2}await ch\.assertQueue\("kern", \{ durable: true, exclusive: true/);
    expect(own).toContain('await ch.bindQueue("kern", "topic_logs", "kern.*", {});');
    expect(file(files, 'consumer-receive-all.js')).not.toContain('"kern"');
    check(files);
  }, 30_000);

  it('answers RPC requests when the consumer is an RPC server: reply to reply-to with the correlation-id, then ack', () => {
    const s0 = workQueues();
    const s = { ...s0, apps: s0.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => ({ ...c, replyToRequests: true })) })) };
    const files = [...generateCode(s, 'node'), ...generateCode(s, 'python')];
    const js = files.find((f) => f.name.endsWith('.js') && f.role === 'consumer')!.code;
    expect(js).toContain('channel.sendToQueue(msg.properties.replyTo, Buffer.from(`reply to ${msg.content}`), { deliveryMode: 1, correlationId: msg.properties.correlationId });');
    expect(js.indexOf('sendToQueue(msg.properties.replyTo')).toBeLessThan(js.indexOf('settle(channel, msg, outcome);'));
    const py = files.find((f) => f.name.endsWith('.py') && f.role === 'consumer')!.code;
    expect(py).toContain("routing_key=properties.reply_to, properties=pika.BasicProperties(delivery_mode=1, correlation_id=properties.correlation_id)");
    check(files);
  }, 30_000);

  it('produces valid JavaScript and Python for the tutorials and the kitchen sink', () => {
    check(...[kitchenSink(), topics(), workQueues()].flatMap((s) => [generateCode(s, 'node'), generateCode(s, 'python')]));
  }, 60_000);

  it('produces valid code whatever the names, keys, bodies and numbers', () => {
    const hostile = (s: Scenario): Scenario => ({
      ...s,
      title: HOSTILE.join(''),
      exchanges: s.exchanges.map((e, i) => ({ ...e, name: `${HOSTILE[i % HOSTILE.length]}${i}` })),
    });
    const samples = fc.sample(validScenario, { numRuns: 12, seed: 42 });
    check(...[...samples, hostile(kitchenSink())].map((s) => [...generateCode(s, 'node'), ...generateCode(s, 'python')]));
  }, 120_000);
});

describe('the header comment of a generated program', () => {
  it('is written in the language of the page', () => {
    const en = generateCode(topics(), 'node')[1]!.code.split('\n')[0];
    const es = generateCode(topics(), 'python', 'es').find((f) => f.role === 'producer')!.code.split('\n')[1];
    expect(en).toMatch(/^\/\/ Producer ["'].+["'], generated by Warren from the scenario ["'].*["']\.$/);
    expect(es).toMatch(/^# Productor ["'].+["']: código generado por Warren a partir del escenario ["'].*["']\.$/);
    expect(generateCode(topics(), 'node', 'es')[0]!.code).toMatch(/^\/\/ Preparación de la topología ["']setup["'].*\n\/\/ Para ejecutarlo: npm install amqplib/);
  });

  it('does not name an untitled scenario', () => {
    const untitled = { ...topics(), title: '  ' };
    expect(generateCode(untitled, 'node')[1]!.code.split('\n')[0]).toMatch(/^\/\/ Producer ["'].+["'], generated by Warren\.$/);
    expect(generateCode(untitled, 'python', 'es')[1]!.code).toContain(': código generado por Warren.\n');
  });
});
