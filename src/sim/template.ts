/**
 * Message templates: a publisher's body, message-id and correlation-id may hold "{n}" (the message's
 * number for this publisher, from 1) and "{key}" (its routing key). Anything else, "{x}" or a lone
 * brace included, is text. The rule lives here only: the simulation fills templates with it, and the
 * generated programs (share/codegen) build their code from the same parts, so a student running them
 * against RabbitMQ sees the bodies the canvas showed.
 */
export type TemplatePart = { text: string } | { field: 'n' | 'key' };

/** A template split into text and fields, in order (no empty text parts). */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  for (let i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
    const field = template.startsWith('{n}', i) ? 'n' : template.startsWith('{key}', i) ? 'key' : null;
    if (!field) continue;
    if (i > from) parts.push({ text: template.slice(from, i) });
    parts.push({ field });
    from = i + (field === 'n' ? 3 : 5);
    i = from - 1;
  }
  if (from < template.length) parts.push({ text: template.slice(from) });
  return parts;
}

/** Does the template hold a field (so each message gets its own value)? */
export const hasFields = (template: string): boolean => templateParts(template).some((p) => 'field' in p);

/** The template filled in for message `n` sent with `key`. */
export function fillTemplate(template: string, n: number, key: string): string {
  if (template.indexOf('{') < 0) return template;
  let out = '';
  for (const p of templateParts(template)) out += 'text' in p ? p.text : p.field === 'n' ? String(n) : key;
  return out;
}
