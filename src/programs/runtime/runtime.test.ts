import { describe, expect, it } from 'vitest';
import { ProgramRun } from '../testing/programRun';
import { EPOCH } from './runtime';

async function run(source: string, opts: { file?: string; args?: string[]; ms?: number; seed?: number } = {}) {
  const r = new ProgramRun();
  const pid = await r.run(opts.file ?? 'p.js', source, opts.args ?? [], opts.seed ?? 7);
  await r.for(opts.ms ?? 5000);
  return { r, pid, out: r.output(pid), rt: r.program(pid) };
}

describe("the program's Node.js world", () => {
  it('runs timers on the virtual clock: setTimeout, setInterval, clearInterval, setImmediate, Date.now and performance.now', async () => {
    const { out, rt } = await run(`
const t0 = Date.now();
console.log('start', t0, new Date().toISOString());
setTimeout(() => console.log('timeout', Date.now() - t0), 1500);
let n = 0;
const iv = setInterval(() => { n++; console.log('tick', n, Date.now() - t0); if (n === 3) clearInterval(iv); }, 400);
setImmediate(() => console.log('immediate', Date.now() - t0, performance.now()));
setTimeout(() => console.log('zero delay is 1 ms', Date.now() - t0), 0);
`);
    expect(out).toContain(`start ${EPOCH} 2025-01-01T00:00:00.000Z`);
    expect(out).toContain('immediate 0 0');
    expect(out).toContain('zero delay is 1 ms 1');
    expect(out).toContain('tick 1 400');
    expect(out).toContain('tick 3 1200');
    expect(out).not.toContain('tick 4');
    expect(out).toContain('timeout 1500');
    // nothing left to wait for: the program exits by itself
    expect(rt.state).toBe('exited');
    expect(rt.exit).toEqual({ kind: 'exit', code: 0 });
  });

  it('has process.argv from the arguments field, env, exit codes and the exit event', async () => {
    const { out, rt } = await run(`
console.log(process.argv.slice(2).join('|'), process.argv[1], typeof process.env);
process.on('exit', (code) => console.log('exit event', code));
process.exitCode = 3;
`, { file: 'emit_log_topic.js', args: ['kern.critical', 'A critical kernel error'] });
    expect(out).toContain('kern.critical|A critical kernel error /app/emit_log_topic.js object');
    expect(out).toContain('exit event 3');
    expect(rt.exit).toEqual({ kind: 'exit', code: 3 });
  });

  it('process.exit ends the program at once, and its connections drop', async () => {
    const { out, rt, r } = await run(`
const amqp = require('amqplib');
amqp.connect().then((c) => { console.log('connected'); process.exit(2); console.log('never'); });
`);
    expect(out).toContain('connected');
    expect(out).not.toContain('never');
    expect(rt.exit).toEqual({ kind: 'exit', code: 2 });
    expect(r.w.broker.inspect.connections()).toHaveLength(0);
  });

  it('Math.random and crypto are seeded: the same seed prints the same numbers, another seed others', async () => {
    const src = `console.log(Math.random(), require('crypto').randomUUID(), require('crypto').randomBytes(4).toString('hex'));`;
    const a = (await run(src, { seed: 1 })).out;
    const b = (await run(src, { seed: 1 })).out;
    const c = (await run(src, { seed: 2 })).out;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^0\.\d+ [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} [0-9a-f]{8}$/);
  });

  it("prints an uncaught error as Node does, with the program's line, and reports where", async () => {
    const { out, rt } = await run(`const x = 1;
function boom() {
  null.foo();
}
setTimeout(boom, 10);
`);
    expect(out).toContain('/app/p.js:3\n  null.foo();\n       ^\n\nTypeError: Cannot read properties of null');
    expect(out).toMatch(/at .*boom \(\/app\/p\.js:3:8\)/);
    expect(rt.exit).toMatchObject({ kind: 'crash', code: 1, error: { line: 3 } });
  });

  it('an error on the first line has its own column, and frames of the wrapper are left out', async () => {
    const { out, rt } = await run(`const x = 1; x.y.z;`);
    // V8 points at the property it could not read
    expect(out).toContain('/app/p.js:1\nconst x = 1; x.y.z;\n                 ^\n\nTypeError');
    expect(out).not.toMatch(/p\.js:2:/);
    expect(rt.exit).toMatchObject({ error: { line: 1, column: 18 } });
  });

  it('an unhandled rejection ends the program (Node 15 and later)', async () => {
    const { out, rt } = await run(`async function main() { throw new Error('nope'); }\nmain();\n`);
    expect(out).toContain('Error: nope');
    expect(rt.exit).toMatchObject({ kind: 'crash', code: 1, error: { message: 'Error: nope', line: 1 } });
  });

  it('reports a syntax error at its line and column, without running anything', async () => {
    const { out, rt } = await run(`console.log('a');\nconst = 5;\n`);
    expect(out).not.toContain('a\n');
    expect(out).toContain('/app/p.js:2');
    expect(rt.exit).toMatchObject({ kind: 'crash', error: { line: 2, column: 7 } });
    expect(rt.exit!.error!.message).toMatch(/^SyntaxError: Unexpected token/);
  });

  it('runs ES modules: import default, namespace and named, top-level await, import.meta', async () => {
    const { out, rt } = await run(`import amqp from 'amqplib';
import * as all from 'amqplib';
import { connect } from 'amqplib';
import { Buffer } from 'node:buffer';
const conn = await connect('amqp://localhost');
console.log(typeof amqp.connect, typeof all.connect, typeof all.default.connect, import.meta.url);
const ch = await conn.createChannel();
const { queue } = await ch.assertQueue('esm', { durable: false });
ch.sendToQueue(queue, Buffer.from('hi'));
await conn.close();
export const unused = 1;
`, { file: 'send.mjs' });
    expect(out).toContain('function function function file:///app/send.mjs');
    expect(rt.exit).toEqual({ kind: 'exit', code: 0 });
  });

  it('a missing named import fails as in Node', async () => {
    const { out, rt } = await run(`import { nope } from 'amqplib';\n`, { file: 'x.mjs' });
    expect(out).toContain("The requested module 'amqplib' does not provide an export named 'nope'");
    expect(rt.state).toBe('crashed');
  });

  it("cannot require other packages or reach the network: Node's errors, with what is available", async () => {
    const { out } = await run(`
try { require('express'); } catch (e) { console.log(e.code, e.message.split('\\n')[0]); }
try { require('fs'); } catch (e) { console.log(e.code); }
fetch('https://example.com').catch((e) => console.log('fetch:', e.message));
`);
    expect(out).toContain("MODULE_NOT_FOUND Cannot find module 'express'");
    expect(out).toContain('MODULE_NOT_FOUND');
    expect(out).toContain('fetch: fetch failed: Warren programs have no network');
  });

  it('uses events, util and timers/promises', async () => {
    const { out } = await run(`
const EventEmitter = require('events');
const { promisify, format, inspect } = require('util');
const { setTimeout: sleep } = require('timers/promises');
const e = new EventEmitter();
e.on('x', (v) => console.log('x', v));
e.emit('x', 5);
(async () => {
  await sleep(250);
  console.log(format('%s=%d %j', 'a', 42, { b: 1 }), inspect({ a: [1, 'two'], b: Buffer.from('hi') }));
  console.log({ nested: { deep: { deeper: { deepest: 1 } } } }, [1, 2], 'str', null, undefined);
})();
`);
    expect(out).toContain('x 5');
    expect(out).toContain("a=42 {\"b\":1} { a: [ 1, 'two' ], b: <Buffer 68 69> }");
    expect(out).toContain("{ nested: { deep: { deeper: [Object] } } } [ 1, 2 ] str null undefined");
  });

  it('Stop with SIGINT runs the handler when the program has one; a program without one is killed (130)', async () => {
    const r = new ProgramRun();
    const graceful = await r.run('g.js', `
const amqp = require('amqplib');
(async () => {
  const c = await amqp.connect();
  process.once('SIGINT', async () => { console.log('closing'); await c.close(); });
})();`);
    const plain = await r.run('k.js', `require('amqplib').connect();`);
    await r.for(500);
    await r.input({ type: 'program-stop', pid: graceful, signal: 'SIGINT' });
    await r.input({ type: 'program-stop', pid: plain, signal: 'SIGINT' });
    await r.for(500);
    expect(r.output(graceful)).toContain('closing');
    expect(r.program(graceful).exit).toEqual({ kind: 'exit', code: 0 });
    expect(r.program(plain).exit).toEqual({ kind: 'killed', code: 130 });
    expect(r.w.broker.inspect.connections()).toHaveLength(0);
  });
});
