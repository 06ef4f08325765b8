// Value encoding between the engine-neutral scenario format and amqplib (README "Field values"):
//   JSON string -> longstr, integer -> signed integer (amqplib picks the narrowest width),
//   non-integer -> double, boolean -> bool, null -> void, array -> array, object -> nested table,
//   {"$type": T, "value": V} -> explicit AMQP type T.
const TYPE_MAP = {
  string: 'string', longstr: 'string', bool: 'boolean', boolean: 'boolean',
  byte: 'byte', short: 'short', int: 'int', long: 'long', double: 'double',
  float: 'float', timestamp: 'timestamp', void: 'void',
};

export function toAmqp(v) {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(toAmqp);
  if (typeof v === 'object') {
    if ('$type' in v) {
      const t = TYPE_MAP[v.$type];
      if (!t) throw new Error(`unknown $type ${v.$type}`);
      if (t === 'void') return null;
      if (t === 'string') return String(v.value);
      if (t === 'boolean') return !!v.value;
      return { '!': t, value: v.value };
    }
    const o = {};
    for (const k of Object.keys(v)) o[k] = toAmqp(v[k]);
    return o;
  }
  return v;
}

export function fromAmqp(v) {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return { $type: 'bytes', value: v.toString('hex') };
  if (Array.isArray(v)) return v.map(fromAmqp);
  if (typeof v === 'object') {
    if ('!' in v) return { $type: v['!'], value: v.value };
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = fromAmqp(v[k]);
    return o;
  }
  return v;
}

export function normDeath(d) {
  const o = {};
  for (const k of Object.keys(d).sort()) {
    if (k === 'time') continue; // wall-clock timestamp: nondeterministic
    o[k] = fromAmqp(d[k]);
  }
  return o;
}

export function parseServerError(err, vhost) {
  // amqplib rejects with Error objects, or (basic.get) with the raw close frame
  let msg;
  let code = null;
  if (err?.fields && typeof err.fields.replyCode === 'number') {
    code = err.fields.replyCode;
    msg = String(err.fields.replyText);
  } else {
    msg = String(err?.message || err);
    if (err && typeof err.code === 'number') code = err.code;
  }
  let text = msg;
  const m = msg.match(/(?:closed by server|Connection closed): (\d+) \(([^)]*)\) with message "(.*)"$/s);
  if (m) { code = Number(m[1]); text = m[3]; }
  if (vhost) text = text.split(vhost).join('<vhost>');
  return { code, text };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
