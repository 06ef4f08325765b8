// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 2 (Work queues) as amqplib programs, callback API. */

export const NEW_TASK = `// new_task.js: puts tasks on the durable queue "task_queue", 1.5 a second.
// With arguments it sends that one task and exits, as in the tutorial:  node new_task.js "A task..."
const amqp = require('amqplib/callback_api');

amqp.connect('amqp://localhost', function (error0, connection) {
  if (error0) throw error0;
  connection.createChannel(function (error1, channel) {
    if (error1) throw error1;
    const queue = 'task_queue';
    // durable: the queue survives a broker restart
    channel.assertQueue(queue, { durable: true });

    function send(msg) {
      // persistent: the message is written to disk, so it survives a restart too
      channel.sendToQueue(queue, Buffer.from(msg), { persistent: true });
      console.log(" [x] Sent '%s'", msg);
    }
    if (process.argv.length > 2) {
      send(process.argv.slice(2).join(' '));
      setTimeout(function () {
        connection.close();
        process.exit(0);
      }, 500);
      return;
    }
    let n = 0;
    const RATE = 1.5; // tasks per second
    send('task #' + ++n);
    setInterval(function () { send('task #' + ++n); }, 1000 / RATE);
  });
});
`;

export const WORKER = `// worker.js: takes tasks from "task_queue" one at a time and acks each when done.
// The argument says how long a task takes, in ms:  node worker.js 4000  (a slow worker).
// Without it, as in the tutorial, each dot in the task takes a second.
const amqp = require('amqplib/callback_api');

const msPerTask = Number(process.argv[2]);

amqp.connect('amqp://localhost', function (error0, connection) {
  if (error0) throw error0;
  connection.createChannel(function (error1, channel) {
    if (error1) throw error1;
    const queue = 'task_queue';
    channel.assertQueue(queue, { durable: true });
    // fair dispatch: no new task until the previous one is acked
    channel.prefetch(1);
    console.log(' [*] Waiting for messages in %s. To exit press CTRL+C', queue);

    channel.consume(queue, function (msg) {
      const task = msg.content.toString();
      const ms = msPerTask >= 0 ? msPerTask : (task.split('.').length - 1) * 1000;
      console.log(' [x] Received %s', task);
      setTimeout(function () {
        console.log(' [x] Done');
        channel.ack(msg);
      }, ms);
    }, {
      // manual acknowledgement: a worker that dies gives its task back
      noAck: false,
    });
  });
});
`;
