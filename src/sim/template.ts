/**
 * Message templates: a publisher's body, message-id and correlation-id may hold "{n}" (the message's
 * number for this publisher, from 1), "{key}" (its routing key) and "{a|b|c}" (one of the
 * alternatives in turn: a for message 1, b for 2, c for 3, a again for 4…; heavy and light tasks,
 * say, with "Task {n}{.....|.}"). Anything else, "{x}" or a lone brace included, is text. The rule
 * lives here only: the simulation fills templates with it, and the generated programs
 * (share/codegen) build their code from the same parts, so a student running them against RabbitMQ
 * sees the bodies the canvas showed.
 */
export type TemplatePart = { text: string } | { field: 'n' | 'key' } | { alternatives: string[] };

/** A template split into text, fields and alternatives, in order (no empty text parts). */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  const push = (i: number, part: TemplatePart, next: number) => {
    if (i > from) parts.push({ text: template.slice(from, i) });
    parts.push(part);
    from = next;
  };
  for (let i = template.indexOf('{'); i >= 0; i = template.indexOf('{', Math.max(i + 1, from))) {
    if (template.startsWith('{n}', i)) push(i, { field: 'n' }, i + 3);
    else if (template.startsWith('{key}', i)) push(i, { field: 'key' }, i + 5);
    else {
      const end = template.indexOf('}', i);
      const inner = end < 0 ? '' : template.slice(i + 1, end);
      if (inner.includes('|') && !inner.includes('{')) push(i, { alternatives: inner.split('|') }, end + 1);
    }
  }
  if (from < template.length) parts.push({ text: template.slice(from) });
  return parts;
}

/**
 * Parsed templates, by template text: a publisher fills the same template for every message it
 * sends (a thousand a second in a busy run), and parsing it each time was most of the cost of a
 * send. The parts are shared and never changed. Bounded: a scenario has a handful of templates,
 * and a composer typing new ones only ever adds a few.
 */
const parsed = new Map<string, readonly TemplatePart[]>();
const MAX_PARSED = 256;

function partsOf(template: string): readonly TemplatePart[] {
  let parts = parsed.get(template);
  if (parts === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parts = templateParts(template);
    parsed.set(template, parts);
  }
  return parts;
}

/** The template filled in for message `n` sent with `key`. */
export function fillTemplate(template: string, n: number, key: string): string {
  if (template.indexOf('{') < 0) return template;
  const parts = partsOf(template);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if ('text' in p) out += p.text;
    else if ('alternatives' in p) out += p.alternatives[(n - 1) % p.alternatives.length];
    else out += p.field === 'n' ? String(n) : key;
  }
  return out;
}
