// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 1 ("Hello World!") as amqplib programs, callback API, as the RabbitMQ tutorial writes them. */

export const SEND = `// send.js: sends "Hello World!" to the queue "hello", once a second.
// (The RabbitMQ tutorial's send.js sends one message and exits: give it a message as its
// argument to do just that, e.g.  node send.js "Hi there")
const amqp = require('amqplib/callback_api');

amqp.connect('amqp://localhost', function (error0, connection) {
  if (error0) throw error0;
  connection.createChannel(function (error1, channel) {
    if (error1) throw error1;
    const queue = 'hello';
    // declaring is idempotent: the queue is created only if it does not exist yet
    channel.assertQueue(queue, { durable: false });

    const once = process.argv[2];
    if (once) {
      channel.sendToQueue(queue, Buffer.from(once));
      console.log(' [x] Sent %s', once);
      setTimeout(function () {
        connection.close();
        process.exit(0);
      }, 500);
      return;
    }
    let n = 0;
    function send() {
      const msg = 'Hello World! #' + ++n;
      channel.sendToQueue(queue, Buffer.from(msg));
      console.log(' [x] Sent %s', msg);
    }
    send();
    setInterval(send, 1000);
  });
});
`;

export const RECEIVE = `// receive.js: prints what arrives in the queue "hello".
const amqp = require('amqplib/callback_api');

amqp.connect('amqp://localhost', function (error0, connection) {
  if (error0) throw error0;
  connection.createChannel(function (error1, channel) {
    if (error1) throw error1;
    const queue = 'hello';
    channel.assertQueue(queue, { durable: false });
    console.log(' [*] Waiting for messages in %s. To exit press CTRL+C', queue);

    channel.consume(queue, function (msg) {
      console.log(' [x] Received %s', msg.content.toString());
    }, {
      // automatic acknowledgement: the broker forgets a message as soon as it sends it
      noAck: true,
    });
  });
});
`;
