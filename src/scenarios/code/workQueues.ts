// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 2 (Work queues) as amqplib programs, callback API, as the RabbitMQ tutorial writes them. */

export const NEW_TASK = `// new_task.js: puts tasks on the durable queue "task_queue". Each dot in a task is a second of work.
// node new_task.js "A task..."   sends that one task and exits, as in the tutorial;
// without arguments it sends the tutorial's five tasks in turn, "First message." to
// "Fifth message.....", one every 2 seconds, as if you ran it again and again.
const amqp = require('amqplib/callback_api');

const TASKS = ['First message.', 'Second message..', 'Third message...', 'Fourth message....', 'Fifth message.....'];

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
    function next() {
      send(TASKS[n++ % TASKS.length]);
    }
    next();
    setInterval(next, 2000);
  });
});
`;

export const WORKER = `// worker.js: takes tasks from "task_queue" one at a time, works a second for every dot in the
// task, and acks it when done.
const amqp = require('amqplib/callback_api');

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
      const secs = msg.content.toString().split('.').length - 1;
      console.log(' [x] Received %s', msg.content.toString());
      setTimeout(function () {
        console.log(' [x] Done');
        channel.ack(msg);
      }, secs * 1000);
    }, {
      // manual acknowledgement: a worker that dies gives its task back
      noAck: false,
    });
  });
});
`;
