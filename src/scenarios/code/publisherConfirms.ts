// biome-ignore-all lint/suspicious/noTemplateCurlyInString: program source text, template literals included
/** Tutorial 7 (Publisher confirms) as an amqplib program, promise API: the tutorial's three strategies. */

export const PUBLISHER_CONFIRMS = `// publisher_confirms.js: tutorial 7's three ways of handling publisher confirms, timed.
// node publisher_confirms.js individually   waits for each message's confirm before the next
// node publisher_confirms.js batches        waits until each batch of 10 is confirmed
// node publisher_confirms.js async          publishes on and handles the confirms as they come
// Each publishes 100 messages to a queue of its own and prints how long it took. Given a strategy,
// it keeps its connection open afterwards (Stop it to end); without one it runs the three in turn,
// each on a connection of its own, and exits, as the tutorial's PublisherConfirms.java does.
const amqp = require('amqplib');

const MESSAGE_COUNT = 100;
const BATCH_SIZE = 10;

// one message per round trip to the broker
async function publishIndividually(channel) {
  const queue = 'publish-individually';
  await channel.assertQueue(queue, { durable: false });
  const start = Date.now();
  for (let i = 1; i <= MESSAGE_COUNT; i++) {
    channel.sendToQueue(queue, Buffer.from(queue + ' #' + i));
    // rejects if the broker nacks the message
    await channel.waitForConfirms();
  }
  report('individually', start);
}

// one round trip per batch
async function publishInBatches(channel) {
  const queue = 'publish-in-batches';
  await channel.assertQueue(queue, { durable: false });
  const start = Date.now();
  let outstanding = 0;
  for (let i = 1; i <= MESSAGE_COUNT; i++) {
    channel.sendToQueue(queue, Buffer.from(queue + ' #' + i));
    if (++outstanding === BATCH_SIZE) {
      await channel.waitForConfirms();
      outstanding = 0;
    }
  }
  if (outstanding > 0) await channel.waitForConfirms();
  report('in batches of ' + BATCH_SIZE, start);
}

// never waits: a callback per message keeps track of the confirms still outstanding
async function handleConfirmsAsync(channel) {
  const queue = 'publish-async';
  await channel.assertQueue(queue, { durable: false });
  const start = Date.now();
  await new Promise((resolve) => {
    let outstanding = MESSAGE_COUNT;
    for (let i = 1; i <= MESSAGE_COUNT; i++) {
      const body = queue + ' #' + i;
      channel.sendToQueue(queue, Buffer.from(body), {}, (err) => {
        // a nacked message could be published again here
        if (err) console.log(' [!] %s nacked by the broker', body);
        if (--outstanding === 0) resolve();
      });
    }
  });
  report('asynchronously', start);
}

function report(how, start) {
  const ms = Date.now() - start;
  console.log(' [x] Published %d messages %s in %d ms (%d msg/s)', MESSAGE_COUNT, how, ms, Math.round((MESSAGE_COUNT * 1000) / Math.max(ms, 1)));
}

const STRATEGIES = { individually: publishIndividually, batches: publishInBatches, async: handleConfirmsAsync };

async function main() {
  const name = process.argv[2];
  if (name !== undefined && !STRATEGIES[name]) {
    console.log('Usage: publisher_confirms.js [individually|batches|async]');
    process.exit(1);
  }
  for (const strategy of name ? [STRATEGIES[name]] : Object.values(STRATEGIES)) {
    const connection = await amqp.connect('amqp://localhost');
    // a confirm channel: the broker acks (or nacks) every message it takes responsibility for
    const channel = await connection.createConfirmChannel();
    await strategy(channel);
    if (name) {
      process.once('SIGINT', () => connection.close());
      return;
    }
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;
