// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 3 (Publish/Subscribe) as amqplib programs, callback API. */

export const EMIT_LOG = `// emit_log.js: publishes log messages to the fanout exchange "logs", 1.5 a second.
// With arguments it publishes that one message and exits:  node emit_log.js "info: Hello World!"
const amqp = require('amqplib/callback_api');

amqp.connect('amqp://localhost', function (error0, connection) {
  if (error0) throw error0;
  connection.createChannel(function (error1, channel) {
    if (error1) throw error1;
    const exchange = 'logs';
    // fanout: every queue bound to it gets a copy; the routing key is ignored
    channel.assertExchange(exchange, 'fanout', { durable: false });

    function emit(msg) {
      channel.publish(exchange, '', Buffer.from(msg));
      console.log(' [x] Sent %s', msg);
    }
    if (process.argv.length > 2) {
      emit(process.argv.slice(2).join(' '));
      setTimeout(function () {
        connection.close();
        process.exit(0);
      }, 500);
      return;
    }
    let n = 0;
    const RATE = 1.5;
    emit('log #' + ++n);
    setInterval(function () { emit('log #' + ++n); }, 1000 / RATE);
  });
});
`;

export const RECEIVE_LOGS = `// receive_logs.js: a subscriber with its own queue, bound to "logs".
// node receive_logs.js         prints each log (auto-ack)
// node receive_logs.js --save  "writes it to disk" (0.4 s each) and acks it when written
const amqp = require('amqplib/callback_api');

const save = process.argv[2] === '--save';

amqp.connect('amqp://localhost', function (error0, connection) {
  if (error0) throw error0;
  connection.createChannel(function (error1, channel) {
    if (error1) throw error1;
    const exchange = 'logs';
    channel.assertExchange(exchange, 'fanout', { durable: false });

    // '' lets the broker name the queue (amq.gen-…); exclusive: it is ours, and goes when we go
    channel.assertQueue('', { exclusive: true }, function (error2, q) {
      if (error2) throw error2;
      console.log(' [*] Waiting for messages in %s. To exit press CTRL+C', q.queue);
      channel.bindQueue(q.queue, exchange, '');
      if (save) channel.prefetch(10);

      let writing = Promise.resolve();
      channel.consume(q.queue, function (msg) {
        if (!save) {
          console.log(' [x] %s', msg.content.toString());
          return;
        }
        // one write at a time, in order
        writing = writing.then(function () {
          return new Promise(function (done) {
            setTimeout(function () {
              console.log(' [x] Saved %s', msg.content.toString());
              channel.ack(msg);
              done();
            }, 400);
          });
        });
      }, { noAck: !save });
    });
  });
});
`;
