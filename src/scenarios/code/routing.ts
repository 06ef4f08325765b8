// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 4 (Routing) as amqplib programs, promise API. */

export const EMIT_LOG_DIRECT = `// emit_log_direct.js: logs with a severity, to the direct exchange "direct_logs".
// node emit_log_direct.js error "Run. Run. Or it will explode."   sends that one and exits;
// without arguments it sends info, warning and error in turn, 1.5 a second.
const amqp = require('amqplib');

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  const exchange = 'direct_logs';
  await channel.assertExchange(exchange, 'direct', { durable: false });

  const emit = (severity, msg) => {
    // the severity is the routing key: a queue gets the logs whose key it is bound with
    channel.publish(exchange, severity, Buffer.from(msg));
    console.log(" [x] Sent %s: '%s'", severity, msg);
  };

  const [severity, ...words] = process.argv.slice(2);
  if (severity) {
    emit(severity, words.join(' ') || 'Hello World!');
    setTimeout(() => connection.close().then(() => process.exit(0)), 500);
    return;
  }
  const severities = ['info', 'warning', 'error'];
  let n = 0;
  const next = () => {
    const s = severities[n % severities.length];
    n++;
    emit(s, s + ': log #' + n);
  };
  next();
  setInterval(next, 1000 / 1.5);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;

export const RECEIVE_LOGS_DIRECT = `// receive_logs_direct.js: gets the logs of the severities given as arguments.
// node receive_logs_direct.js warning error
// node receive_logs_direct.js info warning error
const amqp = require('amqplib');

const severities = process.argv.slice(2);
if (severities.length === 0) {
  console.log('Usage: receive_logs_direct.js [info] [warning] [error]');
  process.exit(1);
}

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  const exchange = 'direct_logs';
  await channel.assertExchange(exchange, 'direct', { durable: false });

  const q = await channel.assertQueue('', { exclusive: true });
  console.log(' [*] Waiting for logs in %s. To exit press CTRL+C', q.queue);
  // one binding per severity
  for (const severity of severities) await channel.bindQueue(q.queue, exchange, severity);

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
