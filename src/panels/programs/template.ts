/** What a new program starts with: a working amqplib program to change. */
export const NEW_PROGRAM = `const amqp = require('amqplib');

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  const queue = 'hello';
  await channel.assertQueue(queue, { durable: false });

  channel.sendToQueue(queue, Buffer.from('Hello World!'));
  console.log(" [x] Sent 'Hello World!'");

  await channel.close();
  await connection.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;
