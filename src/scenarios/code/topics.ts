// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 5 (Topics) as amqplib programs, promise API. */

export const EMIT_LOG_TOPIC = `// emit_log_topic.js: logs with a "<facility>.<severity>" key, to the topic exchange "topic_logs".
// node emit_log_topic.js kern.critical "A critical kernel error"   sends that one and exits;
// without arguments it sends a few keys in turn, 1.5 a second.
const amqp = require('amqplib');

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  const exchange = 'topic_logs';
  await channel.assertExchange(exchange, 'topic', { durable: false });

  const emit = (key, msg) => {
    channel.publish(exchange, key, Buffer.from(msg));
    console.log(" [x] Sent %s: '%s'", key, msg);
  };

  const [key, ...words] = process.argv.slice(2);
  if (key) {
    emit(key, words.join(' ') || 'Hello World!');
    setTimeout(() => connection.close().then(() => process.exit(0)), 500);
    return;
  }
  const keys = ['kern.critical', 'auth.info', 'cron.warning', 'kern.info', 'auth.critical'];
  let n = 0;
  const next = () => {
    const k = keys[n % keys.length];
    n++;
    emit(k, k + ' #' + n);
  };
  next();
  setInterval(next, 1000 / 1.5);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;

export const RECEIVE_LOGS_TOPIC = `// receive_logs_topic.js: gets the logs whose key matches the patterns given.
// * stands for exactly one word, # for zero or more:
// node receive_logs_topic.js "#"            everything
// node receive_logs_topic.js "kern.*"       all of the kernel
// node receive_logs_topic.js "*.critical"   every critical log
const amqp = require('amqplib');

const patterns = process.argv.slice(2);
if (patterns.length === 0) {
  console.log('Usage: receive_logs_topic.js <facility>.<severity>');
  process.exit(1);
}

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  const exchange = 'topic_logs';
  await channel.assertExchange(exchange, 'topic', { durable: false });

  const q = await channel.assertQueue('', { exclusive: true });
  console.log(' [*] Waiting for logs in %s. To exit press CTRL+C', q.queue);
  for (const pattern of patterns) await channel.bindQueue(q.queue, exchange, pattern);

  await channel.prefetch(10);
  let work = Promise.resolve();
  await channel.consume(q.queue, (msg) => {
    work = work.then(() => new Promise((done) => setTimeout(() => {
      console.log(" [x] %s: '%s'", msg.fields.routingKey, msg.content.toString());
      channel.ack(msg);
      done();
    }, 150)));
  }, { noAck: false });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;
