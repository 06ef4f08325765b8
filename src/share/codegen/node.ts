// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are JavaScript source for the generated programs, template literals included
import type { AmqpTable } from '../../model';
import { templateParts } from '../../sim/template';
import { jsString, jsValue } from './escape';
import { headerLine, type ProgramKind, runWord } from './headerText';
import { CONNECTION_HINT } from './files';
import type { CodePlan, ConsumerPlan, Declarations, ProducerPlan } from './plan';

/**
 * Node.js programs using amqplib (CommonJS, so `node file.js` runs them with no package.json setup).
 * Run against RabbitMQ 3.10.8 with amqplib 2.3.1 when written (see the share/ README).
 */

const table = (t: AmqpTable) => jsValue(t);

function declareTopology(d: Declarations, comment: string): string {
  const lines = [
    ...d.exchanges.map((e) => `  await ch.assertExchange(${jsString(e.name)}, ${jsString(e.type)}, { durable: ${e.durable}, autoDelete: ${e.autoDelete}, internal: ${e.internal}, arguments: ${table(e.arguments)} });`),
    ...d.queues.map((q) => `  await ch.assertQueue(${jsString(q.name)}, { durable: ${q.durable}, exclusive: ${q.exclusive}, autoDelete: ${q.autoDelete}, arguments: ${table(q.arguments)} });`),
    ...d.bindings.map((b) =>
      b.destinationType === 'queue'
        ? `  await ch.bindQueue(${jsString(b.destination)}, ${jsString(b.source)}, ${jsString(b.routingKey)}, ${table(b.arguments)});`
        : `  await ch.bindExchange(${jsString(b.destination)}, ${jsString(b.source)}, ${jsString(b.routingKey)}, ${table(b.arguments)}); // destination, source`,
    ),
  ];
  return [`// ${comment}`, 'async function declareTopology(ch) {', ...(lines.length ? lines : ['  // nothing to declare']), '}'].join('\n');
}

function header(kind: ProgramKind, plan: CodePlan, app: string, file: string): string {
  return [
    `// ${headerLine(plan.locale, kind, jsString(app), plan.title.trim() ? jsString(plan.title) : '')}`,
    `// ${runWord(plan.locale)} npm install amqplib && node ${file}.js   (${CONNECTION_HINT})`,
    "'use strict';",
    "const amqp = require('amqplib');",
    '',
    "const AMQP_URL = process.env.AMQP_URL || 'amqp://localhost';",
    '',
  ].join('\n');
}

const DECLARE_COMMENT = 'Declarations are idempotent: declaring what exists with the same properties changes nothing.';

/** Runs main() and exits with an error status when it fails (every generated program ends so). */
const RUN_MAIN = ['main().catch((err) => {', '  console.error(err);', '  process.exit(1);', '});', ''];

export function nodeSetup(plan: CodePlan): string {
  return [
    header('setup', plan, 'setup', 'setup'),
    declareTopology(plan.shared, DECLARE_COMMENT),
    '',
    'async function main() {',
    '  const connection = await amqp.connect(AMQP_URL);',
    "  connection.on('error', (err) => console.error(`connection error: ${err.message}`));",
    '  const channel = await connection.createChannel();',
    '  await declareTopology(channel);',
    "  console.log('topology declared');",
    '  await connection.close();',
    '}',
    '',
    ...RUN_MAIN,
  ].join('\n');
}

/** A JavaScript expression for a message template: its text and fields, in the sim's order (sim/template.ts). */
function templateJs(template: string): string {
  const parts = templateParts(template).map((p) =>
    'text' in p
      ? jsString(p.text)
      : 'alternatives' in p
        ? `[${p.alternatives.map(jsString).join(', ')}][(n - 1) % ${p.alternatives.length}]`
        : p.field === 'n'
          ? 'String(n)'
          : 'key',
  );
  return parts.length === 0 ? '""' : parts.length === 1 && parts[0]!.startsWith('"') ? parts[0]! : parts.join(' + ');
}

/** messageFor(n, key): the body and publish options of message n, as the simulated publisher sends it. */
function messageFor(p: ProducerPlan): string {
  const m = p.message;
  const opts: string[] = [`persistent: ${m.deliveryMode === 2}`, `mandatory: ${p.mandatory}`, 'timestamp: Math.floor(Date.now() / 1000)'];
  if (m.contentType !== undefined) opts.push(`contentType: ${jsString(m.contentType)}`);
  if (m.priority !== undefined) opts.push(`priority: ${m.priority}`);
  if (m.expiration !== undefined) opts.push(`expiration: ${jsString(m.expiration)}`);
  if (Object.keys(m.headers).length) opts.push(`headers: ${jsValue(m.headers)}`);
  if (m.messageId !== undefined) opts.push(`messageId: ${templateJs(m.messageId)}`);
  if (m.correlationId !== undefined) opts.push(`correlationId: ${templateJs(m.correlationId)}`);
  if (m.replyTo !== undefined) opts.push(`replyTo: ${jsString(m.replyTo)}`);
  return [
    '// Message n (from 1) sent with routing key `key`, as the simulation sends it: "{n}", "{key}" and',
    '// "{a|b|…}" (one alternative per message, in turn) in the templates are filled in; the timestamp is in seconds.',
    'function messageFor(n, key) {',
    `  const body = ${templateJs(m.body)};`,
    `  const options = { ${opts.join(', ')} };`,
    '  return { body, options };',
    '}',
  ].join('\n');
}

/**
 * How a publisher that waits for confirms waits (tutorial 7's strategies, as the simulated publisher
 * does): before its next message, until every message is confirmed: after each message ('each'), or
 * once a batch of messages has gone out since everything was last confirmed ('batch').
 */
function confirmWaits(p: ProducerPlan): string[] {
  if (!p.confirms) return [];
  return [
    '  let outstanding = 0; // published, confirm not back yet',
    ...(p.waitForConfirms === 'batch' ? [`  const BATCH_SIZE = ${p.confirmBatchSize};`, '  let inBatch = 0; // published since every message was last confirmed'] : []),
    ...(p.waitForConfirms === 'each' ? ['  const mustWait = () => outstanding > 0; // one message at a time: wait for its confirm before the next'] : []),
    ...(p.waitForConfirms === 'batch' ? ['  const mustWait = () => inBatch >= BATCH_SIZE; // a whole batch out: wait for its confirms before the next'] : []),
    '  // waitForConfirms() waits for every message published so far but rejects at the first nack: call it again',
    '  async function allConfirmed() {',
    '    while (outstanding > 0) await channel.waitForConfirms().catch(() => {});',
    '  }',
  ];
}

export function nodeProducer(plan: CodePlan, p: ProducerPlan): string {
  const waits = p.waitForConfirms !== 'no';
  const period = 1000 / p.ratePerSec;
  const stop = [
    '  process.once(\'SIGINT\', () => stop());',
    '  async function stop(err) {',
    ...(waits ? ['    stopped = true;', '    clearTimeout(timer);'] : ['    clearInterval(timer);']),
    '    if (err) console.error(err);',
    ...(p.confirmChannel ? ['    await channel.waitForConfirms().catch(() => {});'] : []),
    '    await connection.close().catch(() => {});',
    '  }',
  ];
  const rate = waits
    ? [
        `  // ${p.ratePerSec} message(s) per second until Ctrl+C, the first one at once (as the simulation does);`,
        '  // when it has to wait for confirms, it sends as soon as they are in and keeps time from then on',
        `  const PERIOD_MS = ${Number.isInteger(period) ? period : `1000 / ${p.ratePerSec}`};`,
        '  let stopped = false;',
        '  let timer;',
        '  (async () => {',
        '    let start = Date.now();',
        '    let count = 0;',
        '    while (!stopped) {',
        '      if (mustWait()) {',
        '        await allConfirmed();',
        '        start = Date.now();',
        '        count = 0;',
        '      }',
        '      if (stopped) break;',
        '      await publish();',
        '      count++;',
        '      await new Promise((resolve) => { timer = setTimeout(resolve, start + count * PERIOD_MS - Date.now()); });',
        '    }',
        '  })().catch(stop);',
        ...stop,
      ]
    : [
        `  // ${p.ratePerSec} message(s) per second until Ctrl+C, the first one at once (as the simulation does)`,
        '  publish().catch(stop);',
        `  const timer = setInterval(() => publish().catch(stop), ${Math.max(1, Math.round(period))});`,
        ...stop,
      ];
  const staysConnected = [
    '  // like the simulated publisher, it stays connected (its Burst button sends more) until Ctrl+C',
    "  process.once('SIGINT', () => connection.close().catch(() => {}));",
  ];
  const send =
    p.mode === 'rate'
      ? rate
      : p.mode === 'burst'
        ? [
            ...(p.confirms ? ['  const started = Date.now();'] : []),
            `  for (let i = 0; i < ${p.burstCount}; i++) await publish();`,
            ...(p.confirms
              ? [
                  '  await allConfirmed(); // every publish acked or nacked by the broker',
                  `  const ms = Date.now() - started;`,
                  `  console.log(\`${p.burstCount} messages confirmed in \${ms} ms (\${Math.round((${p.burstCount} * 1000) / Math.max(ms, 1))} msg/s)\`);`,
                ]
              : []),
            ...staysConnected,
          ]
        : [
            '  await publish(); // "manual": one message per run',
            ...(p.confirms ? ['  await allConfirmed(); // acked or nacked by the broker'] : p.confirmChannel ? ['  await channel.waitForConfirms(); // acked or nacked by the broker'] : []),
            ...(p.mandatory && !p.confirmChannel
              ? ['  await channel.prefetch(0); // a round trip: the broker answers it only after sending every earlier basic.return']
              : []),
            '  await connection.close();',
          ];
  // the confirm callback: one fewer outstanding (a batch ends when every message is confirmed)
  const settled = p.waitForConfirms === 'batch' ? ['      if (--outstanding === 0) inBatch = 0;'] : ['      outstanding--;'];
  return [
    header('producer', plan, p.app, p.file),
    declareTopology(plan.shared, DECLARE_COMMENT),
    '',
    `const EXCHANGE = ${jsString(p.exchange)};${p.exchange === '' ? ' // the default exchange: the routing key names the queue' : ''}`,
    `const ROUTING_KEYS = ${jsValue(p.routingKeys)};`,
    '',
    messageFor(p),
    '',
    'async function main() {',
    '  const connection = await amqp.connect(AMQP_URL);',
    "  connection.on('error', (err) => console.error(`connection error: ${err.message}`));",
    `  const channel = await connection.${p.confirmChannel ? 'createConfirmChannel' : 'createChannel'}();`,
    '  await declareTopology(channel);',
    ...(p.mandatory
      ? [
          '  // mandatory: a message no queue accepts comes back (basic.return, 312 NO_ROUTE) instead of vanishing',
          "  channel.on('return', (msg) => console.log(`returned: ${msg.fields.replyCode} ${msg.fields.replyText} (key ${JSON.stringify(msg.fields.routingKey)})`));",
        ]
      : []),
    ...confirmWaits(p),
    '  let sent = 0;',
    '  const nextKey = () =>',
    p.keyOrder === 'random' ? '    ROUTING_KEYS[Math.floor(Math.random() * ROUTING_KEYS.length)];' : '    ROUTING_KEYS[sent % ROUTING_KEYS.length];',
    '  async function publish() {',
    ...(waits && p.mode !== 'rate' ? ['    if (mustWait()) await allConfirmed();'] : []),
    '    const key = nextKey();',
    '    const n = ++sent;',
    '    const { body, options } = messageFor(n, key);',
    ...(p.confirms ? ['    outstanding++;'] : []),
    ...(p.waitForConfirms === 'batch' ? ['    inBatch++;'] : []),
    ...(p.confirms
      ? [
          '    const ok = channel.publish(EXCHANGE, key, Buffer.from(body), options, (err) => {',
          "      console.log(`message ${n} ${err ? 'nacked' : 'confirmed'} by the broker`);",
          ...settled,
          '    });',
        ]
      : ['    const ok = channel.publish(EXCHANGE, key, Buffer.from(body), options);']),
    '    console.log(`published message ${n} with key ${JSON.stringify(key)}`);',
    "    if (!ok) await new Promise((resolve) => channel.once('drain', resolve)); // the socket buffer is full: wait",
    '  }',
    ...send,
    '}',
    '',
    ...RUN_MAIN,
  ].join('\n');
}

const SETTLE = [
  'function settle(channel, msg, outcome) {',
  '  switch (outcome) {',
  "    case 'ack': return channel.ack(msg);",
  "    case 'nack-requeue': return channel.nack(msg, false, true);",
  "    case 'nack-discard': return channel.nack(msg, false, false); // dead-lettered if the queue has a DLX",
  "    case 'reject-requeue': return channel.reject(msg, true);",
  "    case 'reject-discard': return channel.reject(msg, false); // dead-lettered if the queue has a DLX",
  '  }',
  '}',
  '',
];

export function nodeConsumer(plan: CodePlan, c: ConsumerPlan): string {
  const qos = c.qos.map((q) =>
    q.global
      ? `  await channel.prefetch(${q.prefetchCount}, true); // channel-wide: shared by every consumer on this channel${c.sharedChannel ? ' (in the scenario, other consumers share it)' : ''}`
      : `  await channel.prefetch(${q.prefetchCount}); // per consumer: ${q.prefetchCount ? `at most ${q.prefetchCount} unacknowledged message(s) at a time` : 'no limit'}`,
  );
  const reply = (cond: string) =>
    c.replyToRequests
      ? [
          `      if (${cond}msg.properties.replyTo) {`,
          '        // RPC server: answer on the default exchange, to the queue the request named, with its correlation-id',
          '        channel.sendToQueue(msg.properties.replyTo, Buffer.from(`reply to ${msg.content}`), { deliveryMode: 1, correlationId: msg.properties.correlationId });',
          '      }',
        ]
      : [];
  const settle = c.noAck
    ? ['      // no-ack: the broker considered the message delivered as soon as it sent it', ...reply('')]
    : [
        `      const outcome = Math.random() * 100 < FAIL_PERCENT ? ${jsString(c.failOutcome)} : ${jsString(c.outcome)};`,
        '      try {',
        ...reply("outcome === 'ack' && ").map((l) => `  ${l}`),
        '        settle(channel, msg, outcome);',
        '      } catch (err) {',
        "        console.error(`could not settle: ${err.message}`); // the channel closed meanwhile (Ctrl+C)",
        '      }',
      ];
  return [
    header('consumer', plan, c.app, c.file),
    declareTopology(plan.shared, DECLARE_COMMENT),
    '',
    declareTopology(c.own, 'Exclusive queues belong to the connection that declares them: this program declares its own.').replace('async function declareTopology', 'async function declareOwnQueues'),
    '',
    `const QUEUE = ${jsString(c.queue)};`,
    `const PROCESSING_MS = ${c.processingMs}; // each message takes this long, give or take JITTER_MS`,
    ...(c.msPerDot > 0 ? [`const MS_PER_DOT = ${c.msPerDot}; // and this long more for every dot in the body (a task's weight, as in the work-queues tutorial)`] : []),
    `const JITTER_MS = ${c.jitterMs};`,
    `const FAIL_PERCENT = ${c.failPercent}; // share of messages that fail and get the failure outcome`,
    '',
    ...(c.noAck ? [] : SETTLE),
    'async function main() {',
    '  const connection = await amqp.connect(AMQP_URL);',
    "  connection.on('error', (err) => console.error(`connection error: ${err.message}`));",
    '  const channel = await connection.createChannel();',
    '  await declareTopology(channel);',
    '  await declareOwnQueues(channel);',
    ...qos,
    '  // one message at a time, in the order they arrive (the others wait in the prefetch buffer)',
    '  let working = Promise.resolve();',
    '  const work = (msg) =>',
    '    new Promise((done) => {',
    ...(c.msPerDot > 0
      ? ["      const dots = msg.content.toString().split('.').length - 1;", '      const ms = Math.max(0, PROCESSING_MS + dots * MS_PER_DOT + (Math.random() * 2 - 1) * JITTER_MS);']
      : ['      const ms = Math.max(0, PROCESSING_MS + (Math.random() * 2 - 1) * JITTER_MS);']),
    '      setTimeout(() => {',
    ...settle.map((l) => `  ${l}`),
    '        done();',
    '      }, ms);',
    '    });',
    '  await channel.consume(',
    '    QUEUE,',
    '    (msg) => {',
    "      if (msg === null) return console.log('the broker cancelled this consumer');",
    "      console.log(`received ${JSON.stringify(msg.content.toString())}${msg.fields.redelivered ? ' (redelivered)' : ''}`);",
    '      working = working.then(() => work(msg));',
    '    },',
    `    { noAck: ${c.noAck}, exclusive: ${c.exclusive}${c.priority !== 0 ? `, priority: ${c.priority}` : ''} },`,
    '  );',
    `  console.log(\`consuming from \${JSON.stringify(QUEUE)}; Ctrl+C to stop\`);`,
    "  process.once('SIGINT', () => connection.close().catch(() => {}));",
    '}',
    '',
    ...RUN_MAIN,
  ].join('\n');
}
