// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 6 (RPC) as amqplib programs, promise API. */

export const RPC_SERVER = `// rpc_server.js: answers fib(n) requests from "rpc_queue", one at a time (0.8 s each).
const amqp = require('amqplib');

function fibonacci(n) {
  return n === 0 || n === 1 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  const queue = 'rpc_queue';
  await channel.assertQueue(queue, { durable: false });
  // one request at a time: the next waits in the queue (another server could take it)
  await channel.prefetch(1);
  console.log(' [x] Awaiting RPC requests');

  await channel.consume(queue, (msg) => {
    const n = parseInt(msg.content.toString(), 10);
    console.log(' [.] fib(%d)', n);
    // computing takes a while
    setTimeout(() => {
      // the answer goes to the queue the request named, with the request's correlation id
      channel.sendToQueue(msg.properties.replyTo, Buffer.from(String(fibonacci(n))), { correlationId: msg.properties.correlationId });
      channel.ack(msg);
    }, 800);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;

export const RPC_CLIENT = `// rpc_client.js: asks rpc_server.js for fib(n) and waits for the answer on its own callback queue.
// node rpc_client.js 30   asks once and exits; without an argument it asks fib(1), fib(2)… every 2 s.
const amqp = require('amqplib');

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  // the callback queue: named by the broker, ours only
  const q = await channel.assertQueue('', { exclusive: true });

  const waiting = new Map(); // correlation id → what to do with the answer
  await channel.consume(q.queue, (msg) => {
    const answer = waiting.get(msg.properties.correlationId);
    if (answer) {
      waiting.delete(msg.properties.correlationId);
      answer(msg.content.toString());
    }
  }, { noAck: true });

  let calls = 0;
  const call = (n) =>
    new Promise((resolve) => {
      const correlationId = 'corr-' + ++calls;
      waiting.set(correlationId, resolve);
      console.log(' [x] Requesting fib(%d)', n);
      channel.sendToQueue('rpc_queue', Buffer.from(String(n)), { correlationId, replyTo: q.queue });
    });

  const once = process.argv[2];
  if (once) {
    console.log(' [.] Got %s', await call(parseInt(once, 10)));
    await connection.close();
    return;
  }
  let n = 0;
  const ask = () => {
    const k = ++n;
    call(k).then((r) => console.log(' [.] Got fib(%d) = %s', k, r));
  };
  ask();
  setInterval(ask, 2000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;
