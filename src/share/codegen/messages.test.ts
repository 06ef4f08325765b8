import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { BasicProperties } from '../../engine';
import { type Scenario, updatePublisher } from '../../model';
import { World } from '../../sim/world';
import { topics } from '../testing/fixtures';
import { connectionHint, generateCode } from '.';

/**
 * The generated producers send what the simulation sends: the same bodies (templates such as
 * "{key} #{n}" filled by the sim's own rule), properties and headers. Checked by running the message
 * function of each generated program (node, and python3 with a stand-in for pika.BasicProperties)
 * for every message the simulated publisher sent.
 */

function scenario(): Scenario {
  const s = topics();
  const app = s.apps.find((a) => a.publishers.length)!;
  const pub = app.publishers[0]!;
  const r = updatePublisher(s, app.id, pub.id, {
    mode: 'burst',
    burstCount: 6,
    message: { body: '{key} #{n} — ünïcode {x}', deliveryMode: 2, contentType: 'text/plain', priority: 4, expiration: '60000', headers: { region: 'eu', level: 3, vip: true }, messageId: 'id-{n}', correlationId: 'c-{key}', replyTo: 'replies' },
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.doc;
}

/** What the simulated publisher sent: its burst, read back from the queue bound with "#". */
function simulated(s: Scenario) {
  const w = World.create({ ...s, apps: s.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => ({ ...c, running: false })) })) });
  w.advanceTo(5000);
  return w.broker.inspect.readyMessages('all', 100).map((m, i) => ({ n: i + 1, key: m.routingKey, body: m.body, properties: m.properties }));
}

const extract = (code: string, start: string, end: RegExp) => {
  const from = code.indexOf(start);
  if (from < 0) throw new Error(`no ${start}`);
  const m = end.exec(code.slice(from));
  return code.slice(from, from + (m ? m.index + m[0].length : code.length));
};

/** The properties a real client would put on the wire, in the sim's names (timestamp apart: virtual vs wall clock). */
const comparable = (p: BasicProperties) => {
  const { timestamp, ...rest } = p;
  return { ...rest, hasTimestamp: typeof timestamp === 'number' };
};

describe('generated producers send what the simulation sends', () => {
  const s = scenario();
  const sent = simulated(s);

  it('the simulation sent six messages, keys in turn, templates filled', () => {
    expect(sent.map((m) => m.body)).toEqual(['kern.critical #1 — ünïcode {x}', 'kern.info #2 — ünïcode {x}', 'auth.critical #3 — ünïcode {x}', 'cron.warning #4 — ünïcode {x}', 'kern.critical #5 — ünïcode {x}', 'kern.info #6 — ünïcode {x}']);
  });

  it('amqplib: same bodies, properties and headers', () => {
    const code = generateCode(s, 'node').find((f) => f.role === 'producer')!.code;
    // the generated program's own function, run here only (the app never evaluates code)
    const messageFor = new Function(`${extract(code, 'function messageFor', /\n}\n/)}; return messageFor;`)() as (n: number, key: string) => { body: string; options: Record<string, unknown> };
    for (const m of sent) {
      const { body, options } = messageFor(m.n, m.key);
      expect(body).toBe(m.body);
      const { persistent, mandatory, timestamp, ...props } = options;
      expect(mandatory).toBe(false);
      expect(comparable({ ...props, deliveryMode: persistent ? 2 : 1, timestamp } as BasicProperties)).toEqual(comparable(m.properties));
    }
  });

  it('pika: same bodies, properties and headers', () => {
    const code = generateCode(s, 'python').find((f) => f.role === 'producer')!.code;
    const fn = extract(code, 'def message_for', /\n\n\n/);
    const script = [
      'import json, sys, time',
      'class pika:',
      '    class BasicProperties:',
      '        def __init__(self, **kw):',
      '            self.kw = kw',
      fn,
      'out = []',
      `for n, key in ${JSON.stringify(sent.map((m) => [m.n, m.key]))}:`,
      '    body, props = message_for(n, key)',
      '    out.append({"body": body, "props": props.kw})',
      'sys.stdout.write(json.dumps(out))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { body: string; props: Record<string, unknown> }[];
    const names: Record<string, string> = { delivery_mode: 'deliveryMode', content_type: 'contentType', message_id: 'messageId', correlation_id: 'correlationId', reply_to: 'replyTo' };
    got.forEach((g, i) => {
      expect(g.body).toBe(sent[i]!.body);
      const props = Object.fromEntries(Object.entries(g.props).map(([k, v]) => [names[k] ?? k, v]));
      expect(comparable(props as BasicProperties)).toEqual(comparable(sent[i]!.properties));
    });
  });

});

describe('generated consumers and hints', () => {
  it('python consumers print the body as text, as the node ones do', () => {
    const py = generateCode(topics(), 'python').find((f) => f.role === 'consumer')!.code;
    expect(py).not.toContain('{body!r}');
    const line = extract(py, 'def on_message', /\n/);
    expect(line).toBeTruthy();
    const script = ['import json', extract(py, 'def received_text', /\n\n\n/), 'print(received_text(b"kern.info #1 \\xc3\\xbc"))'].join('\n');
    const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('received "kern.info #1 ü"');
  });

  it('the connection hint encodes the vhost as the files do (%2F for "/")', () => {
    for (const language of ['node', 'python'] as const) {
      const hint = connectionHint(language);
      expect(hint).toBe('AMQP_URL=amqp://user:password@host:5672/%2F');
      for (const f of generateCode(topics(), language)) expect(f.code).toContain(hint);
    }
  });
});
