import { describe, expect, it } from 'vitest';
import { ProgramRun } from '../testing/programRun';

describe('a first program', () => {
  it('sends and receives hello', async () => {
    const r = new ProgramRun();
    const recv = await r.run('receive.js', `
const amqp = require('amqplib');
(async () => {
  const conn = await amqp.connect('amqp://localhost');
  const ch = await conn.createChannel();
  await ch.assertQueue('hello', { durable: false });
  console.log(' [*] Waiting for messages in %s', 'hello');
  ch.consume('hello', (msg) => console.log(' [x] Received %s', msg.content.toString()), { noAck: true });
})();
`);
    const send = await r.run('send.js', `
const amqp = require('amqplib');
(async () => {
  const conn = await amqp.connect('amqp://localhost');
  const ch = await conn.createChannel();
  await ch.assertQueue('hello', { durable: false });
  ch.sendToQueue('hello', Buffer.from('Hello World!'));
  console.log(" [x] Sent 'Hello World!'");
  setTimeout(() => { conn.close(); process.exit(0); }, 500);
})();
`);
    await r.until(2000);
    expect(r.output(recv)).toContain('[x] Received Hello World!');
    expect(r.output(send)).toContain("[x] Sent 'Hello World!'");
    expect(r.program(send).state).toBe('exited');
    expect(r.program(recv).state).toBe('running');
  });
});
