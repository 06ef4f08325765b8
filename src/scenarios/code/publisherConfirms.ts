// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 7 (Publisher confirms) as amqplib programs, promise API. */

export const PUBLISHER = `// publisher.js: publishes orders on a confirm channel, 2 a second, and reports each ack or nack.
// The queue holds at most 10 orders and refuses more (reject-publish): the broker then nacks.
const amqp = require('amqplib');

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  // a confirm channel: the broker acks (or nacks) every message it takes responsibility for
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue('orders', { durable: true, maxLength: 10, overflow: 'reject-publish' });

  let n = 0;
  let acked = 0;
  let nacked = 0;
  const publish = () => {
    const order = 'order #' + ++n;
    channel.sendToQueue('orders', Buffer.from(order), { persistent: true }, (err) => {
      if (err) console.log(' [!] %s nacked by the broker (%d so far)', order, ++nacked);
      else console.log(' [x] %s confirmed (%d so far)', order, ++acked);
    });
  };
  publish();
  setInterval(publish, 500);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;

export const ORDER_WORKER = `// order_worker.js: handles orders one at a time (0.7 s each) and acks them.
const amqp = require('amqplib');

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  await channel.assertQueue('orders', { durable: true, maxLength: 10, overflow: 'reject-publish' });
  await channel.prefetch(1);
  await channel.consume('orders', (msg) => {
    setTimeout(() => {
      console.log(' [x] Handled %s', msg.content.toString());
      channel.ack(msg);
    }, 700);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;
