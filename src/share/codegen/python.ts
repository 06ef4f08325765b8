import type { AmqpTable } from '../../model';
import { templateParts } from '../../sim/template';
import { pyString, pyValue } from './escape';
import { headerLine, type ProgramKind, runWord } from './headerText';
import { CONNECTION_HINT } from './files';
import type { CodePlan, ConsumerPlan, Declarations, ProducerPlan } from './plan';

/**
 * Python 3 programs using pika's BlockingConnection (as the RabbitMQ tutorials do). Run against
 * RabbitMQ 3.10.8 with pika 1.2 when written (see the share/ README).
 */

const table = (t: AmqpTable) => pyValue(t);
const bool = (b: boolean) => (b ? 'True' : 'False');

function declareTopology(d: Declarations, name: string, comment: string): string {
  const lines = [
    ...d.exchanges.map((e) => `    channel.exchange_declare(exchange=${pyString(e.name)}, exchange_type=${pyString(e.type)}, durable=${bool(e.durable)}, auto_delete=${bool(e.autoDelete)}, internal=${bool(e.internal)}, arguments=${table(e.arguments)})`),
    ...d.queues.map((q) => `    channel.queue_declare(queue=${pyString(q.name)}, durable=${bool(q.durable)}, exclusive=${bool(q.exclusive)}, auto_delete=${bool(q.autoDelete)}, arguments=${table(q.arguments)})`),
    ...d.bindings.map((b) =>
      b.destinationType === 'queue'
        ? `    channel.queue_bind(queue=${pyString(b.destination)}, exchange=${pyString(b.source)}, routing_key=${pyString(b.routingKey)}, arguments=${table(b.arguments)})`
        : `    channel.exchange_bind(destination=${pyString(b.destination)}, source=${pyString(b.source)}, routing_key=${pyString(b.routingKey)}, arguments=${table(b.arguments)})`,
    ),
  ];
  return [`def ${name}(channel):`, `    # ${comment}`, ...(lines.length ? lines : ['    pass'])].join('\n');
}

function header(kind: ProgramKind, plan: CodePlan, app: string, file: string, imports: string[]): string {
  return [
    '#!/usr/bin/env python3',
    `# ${headerLine(plan.locale, kind, pyString(app), plan.title.trim() ? pyString(plan.title) : '')}`,
    `# ${runWord(plan.locale)} pip install pika && python3 ${file}.py   (${CONNECTION_HINT})`,
    ...imports.map((i) => `import ${i}`),
    '',
    'import pika',
    '',
    'AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost")',
    '',
  ].join('\n');
}

const DECLARE_COMMENT = 'Declarations are idempotent: declaring what exists with the same properties changes nothing.';
const footer = ['', '', 'if __name__ == "__main__":', '    main()', ''].join('\n');

/** A client's main(): connect, open a channel, declare the topology on it. */
const MAIN_OPENS_CHANNEL = [
  'def main():',
  '    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))',
  '    channel = connection.channel()',
  '    declare_topology(channel)',
];

export function pythonSetup(plan: CodePlan): string {
  return [
    header('setup', plan, 'setup', 'setup', ['os']),
    declareTopology(plan.shared, 'declare_topology', DECLARE_COMMENT),
    '',
    '',
    'def main():',
    '    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))',
    '    declare_topology(connection.channel())',
    '    print("topology declared")',
    '    connection.close()',
  ].join('\n') + footer;
}

/** A Python expression for a message template: its text and fields, in the sim's order (sim/template.ts). */
function templatePy(template: string): string {
  const parts = templateParts(template).map((p) =>
    'text' in p
      ? pyString(p.text)
      : 'alternatives' in p
        ? `[${p.alternatives.map(pyString).join(', ')}][(n - 1) % ${p.alternatives.length}]`
        : p.field === 'n'
          ? 'str(n)'
          : 'key',
  );
  return parts.length === 0 ? '""' : parts.join(' + ');
}

/** message_for(n, key): the body and properties of message n, as the simulated publisher sends it. */
function messageFor(p: ProducerPlan): string {
  const m = p.message;
  const props = [`delivery_mode=${m.deliveryMode}`, 'timestamp=int(time.time())'];
  if (m.contentType !== undefined) props.push(`content_type=${pyString(m.contentType)}`);
  if (m.priority !== undefined) props.push(`priority=${m.priority}`);
  if (m.expiration !== undefined) props.push(`expiration=${pyString(m.expiration)}`);
  if (Object.keys(m.headers).length) props.push(`headers=${pyValue(m.headers)}`);
  if (m.messageId !== undefined) props.push(`message_id=${templatePy(m.messageId)}`);
  if (m.correlationId !== undefined) props.push(`correlation_id=${templatePy(m.correlationId)}`);
  if (m.replyTo !== undefined) props.push(`reply_to=${pyString(m.replyTo)}`);
  return [
    'def message_for(n, key):',
    '    # Message n (from 1) sent with routing key `key`, as the simulation sends it: "{n}", "{key}" and',
    '    # "{a|b|…}" (one alternative per message, in turn) in the templates are filled in; the timestamp is in seconds.',
    `    body = ${templatePy(m.body)}`,
    `    properties = pika.BasicProperties(${props.join(', ')})`,
    '    return body, properties',
  ].join('\n');
}

export function pythonProducer(plan: CodePlan, p: ProducerPlan): string {
  const loop =
    p.mode === 'rate'
      ? [
          `    # ${p.ratePerSec} message(s) per second until Ctrl+C`,
          '    try:',
          '        while True:',
          '            publish()',
          `            connection.sleep(${1 / p.ratePerSec})  # keeps the connection serviced (heartbeats, returns)`,
          '    except KeyboardInterrupt:',
          '        pass',
        ]
      : p.mode === 'burst'
        ? [`    for _ in range(${p.burstCount}):`, '        publish()']
        : ['    publish()  # "manual": one message per run'];
  return [
    header('producer', plan, p.app, p.file, ['itertools', 'os', 'random', 'time']),
    declareTopology(plan.shared, 'declare_topology', DECLARE_COMMENT),
    '',
    '',
    `EXCHANGE = ${pyString(p.exchange)}${p.exchange === '' ? '  # the default exchange: the routing key names the queue' : ''}`,
    `ROUTING_KEYS = ${pyValue(p.routingKeys)}`,
    `MANDATORY = ${bool(p.mandatory)}`,
    '',
    '',
    messageFor(p),
    '',
    '',
    ...MAIN_OPENS_CHANNEL,
    ...(p.confirmChannel ? ['    # confirm mode: basic_publish waits for the broker\'s ack and raises on a nack or a return', '    channel.confirm_delivery()'] : []),
    ...(p.confirms && p.waitForConfirms !== 'each'
      ? [
          `    # (so this program waits for each confirm; the simulated publisher ${p.waitForConfirms === 'batch' ? `waits once per batch of ${p.confirmBatchSize}` : 'handles its confirms asynchronously'},`,
          "    # which takes pika's asynchronous SelectConnection and its on_delivery_confirmation callback)",
        ]
      : []),
    ...(p.mandatory && !p.confirmChannel
      ? [
          '    # mandatory: a message no queue accepts comes back (basic.return, 312 NO_ROUTE) instead of vanishing',
          '    channel.add_on_return_callback(lambda ch, method, props, body: print(f"returned: {method.reply_code} {method.reply_text} (key {method.routing_key!r})"))',
        ]
      : []),
    p.keyOrder === 'random' ? '    keys = iter(lambda: random.choice(ROUTING_KEYS), None)' : '    keys = itertools.cycle(ROUTING_KEYS)',
    '    sent = 0',
    '',
    '    def publish():',
    '        nonlocal sent',
    '        key = next(keys)',
    '        sent += 1',
    '        body, properties = message_for(sent, key)',
    ...(p.confirmChannel
      ? [
          '        try:',
          '            channel.basic_publish(exchange=EXCHANGE, routing_key=key, body=body.encode(), properties=properties, mandatory=MANDATORY)',
          `            print(f"message {sent} with key {key!r} ${p.confirms ? 'confirmed by the broker' : 'published'}")`,
          '        except pika.exceptions.UnroutableError:',
          '            print(f"message {sent} with key {key!r} returned: no queue accepted it")',
          '        except pika.exceptions.NackError:',
          '            print(f"message {sent} nacked by the broker")',
        ]
      : [
          '        channel.basic_publish(exchange=EXCHANGE, routing_key=key, body=body.encode(), properties=properties, mandatory=MANDATORY)',
          '        print(f"published message {sent} with key {key!r}")',
        ]),
    '',
    ...loop,
    ...(p.mandatory && !p.confirmChannel ? ['    connection.process_data_events(time_limit=1)  # let returned messages arrive'] : []),
    '    connection.close()',
  ].join('\n') + footer;
}

const SETTLE = [
  'def settle(channel, tag, outcome):',
  '    if outcome == "ack":',
  '        channel.basic_ack(tag)',
  '    elif outcome == "nack-requeue":',
  '        channel.basic_nack(tag, requeue=True)',
  '    elif outcome == "nack-discard":',
  '        channel.basic_nack(tag, requeue=False)  # dead-lettered if the queue has a DLX',
  '    elif outcome == "reject-requeue":',
  '        channel.basic_reject(tag, requeue=True)',
  '    elif outcome == "reject-discard":',
  '        channel.basic_reject(tag, requeue=False)  # dead-lettered if the queue has a DLX',
  '',
  '',
];

export function pythonConsumer(plan: CodePlan, c: ConsumerPlan): string {
  const qos = c.qos.map((q) =>
    q.global
      ? `    channel.basic_qos(prefetch_count=${q.prefetchCount}, global_qos=True)  # channel-wide: shared by every consumer on this channel`
      : `    channel.basic_qos(prefetch_count=${q.prefetchCount})  # per consumer: ${q.prefetchCount ? `at most ${q.prefetchCount} unacknowledged message(s) at a time` : 'no limit'}`,
  );
  const args = c.priority !== 0 ? pyValue({ 'x-priority': c.priority }) : 'None';
  return [
    header('consumer', plan, c.app, c.file, ['json', 'os', 'random', 'time']),
    declareTopology(plan.shared, 'declare_topology', DECLARE_COMMENT),
    '',
    '',
    declareTopology(c.own, 'declare_own_queues', 'Exclusive queues belong to the connection that declares them: this program declares its own.'),
    '',
    '',
    `QUEUE = ${pyString(c.queue)}`,
    `PROCESSING_MS = ${c.processingMs}  # each message takes this long, give or take JITTER_MS`,
    ...(c.msPerDot > 0 ? [`MS_PER_DOT = ${c.msPerDot}  # and this long more for every dot in the body (a task's weight, as in the work-queues tutorial)`] : []),
    `JITTER_MS = ${c.jitterMs}`,
    `FAIL_PERCENT = ${c.failPercent}  # share of messages that fail and get the failure outcome`,
    '',
    '',
    ...(c.noAck ? [] : SETTLE),
    'def received_text(body):',
    '    # the body as text, quoted as the Node.js programs print it',
    '    return "received " + json.dumps(body.decode("utf-8", errors="replace"), ensure_ascii=False)',
    '',
    '',
    'def on_message(channel, method, properties, body):',
    '    print(received_text(body) + (" (redelivered)" if method.redelivered else ""))',
    c.msPerDot > 0
      ? '    time.sleep(max(0, PROCESSING_MS + body.count(b".") * MS_PER_DOT + (random.random() * 2 - 1) * JITTER_MS) / 1000)'
      : '    time.sleep(max(0, PROCESSING_MS + (random.random() * 2 - 1) * JITTER_MS) / 1000)',
    ...(c.noAck
      ? ['    # no-ack: the broker considered the message delivered as soon as it sent it', ...pyReply(c.replyToRequests, '')]
      : [
          `    outcome = ${pyString(c.failOutcome)} if random.random() * 100 < FAIL_PERCENT else ${pyString(c.outcome)}`,
          ...pyReply(c.replyToRequests, "outcome == 'ack' and "),
          '    settle(channel, method.delivery_tag, outcome)',
        ]),
    '',
    '',
    ...MAIN_OPENS_CHANNEL,
    '    declare_own_queues(channel)',
    ...qos,
    `    channel.basic_consume(queue=QUEUE, on_message_callback=on_message, auto_ack=${bool(c.noAck)}, exclusive=${bool(c.exclusive)}, arguments=${args})`,
    '    print(f"consuming from {QUEUE!r}; Ctrl+C to stop")',
    '    try:',
    '        channel.start_consuming()',
    '    except KeyboardInterrupt:',
    '        channel.stop_consuming()',
    '    connection.close()',
  ].join('\n') + footer;
}

/** RPC server: answer on the default exchange, to the queue the request named, with its correlation-id. */
function pyReply(on: boolean, cond: string): string[] {
  if (!on) return [];
  return [
    `    if ${cond}properties.reply_to:`,
    '        # RPC server: answer on the default exchange, to the queue the request named, with its correlation-id',
    "        channel.basic_publish(exchange='', routing_key=properties.reply_to, properties=pika.BasicProperties(delivery_mode=1, correlation_id=properties.correlation_id), body=b'reply to ' + body)",
  ];
}
