// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 5 (Topics) as amqplib programs, promise API, with the tutorial's animals. */

export const EMIT_LOG_TOPIC = `// emit_log_topic.js: messages with a routing key of dot-separated words, to the topic exchange
// "topic_logs".
// node emit_log_topic.js kern.critical "A critical kernel error"   sends that one and exits;
// without arguments it sends the tutorial's animals, <celerity>.<colour>.<species>, one a second,
// with the key as the message (and a few keys that break that contract).
const amqp = require('amqplib');

const KEYS = ['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox', 'lazy.brown.fox', 'lazy.pink.rabbit', 'quick.brown.fox', 'orange', 'quick.orange.new.rabbit', 'lazy.orange.new.rabbit'];

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  const exchange = 'topic_logs';
  await channel.assertExchange(exchange, 'topic', { durable: false });

  const emit = (key, msg) => {
    channel.publish(exchange, key, Buffer.from(msg));
    console.log(" [x] Sent %s: '%s'", key, msg);
  };

  const args = process.argv.slice(2);
  if (args.length > 0) {
    emit(args[0], args.slice(1).join(' ') || 'Hello World!');
    setTimeout(() => connection.close().then(() => process.exit(0)), 500);
    return;
  }
  let n = 0;
  const next = () => {
    const key = KEYS[n++ % KEYS.length];
    emit(key, key);
  };
  next();
  setInterval(next, 1000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;

export const RECEIVE_LOGS_TOPIC = `// receive_logs_topic.js: gets the messages whose key matches the patterns given.
// * stands for exactly one word, # for zero or more:
// node receive_logs_topic.js "*.orange.*"             the orange animals (the tutorial's Q1)
// node receive_logs_topic.js "*.*.rabbit" "lazy.#"    the rabbits and the lazy ones (Q2)
// node receive_logs_topic.js "#"                      everything
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
  // a message reaches the queue once, however many of these bindings it matches
  for (const pattern of patterns) await channel.bindQueue(q.queue, exchange, pattern);

  await channel.consume(q.queue, (msg) => {
    console.log(" [x] %s: '%s'", msg.fields.routingKey, msg.content.toString());
  }, { noAck: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;
