// Names the broker generates (server-named queues "amq.gen-…", direct reply-to addresses
// "amq.rabbitmq.reply-to.…") differ on every run. Scenarios refer to them by reference and
// outcomes show them as stable placeholders, so that a golden is the same on every run and an
// engine that generates other names can still be compared with it.
//
//   {"$queue": "tmp"}   the name the broker gave the queue declared with name "" and "as": "tmp"
//   {"$replyTo": "m1"}  the reply_to property of message m1 as a consumer (or basic.get) received it
//
// In the outcome every occurrence of a generated name (also inside longer strings, e.g. error
// texts) is replaced by "$queue:tmp", or by "$replyTo:CH" for the reply address of channel CH
// (the channel that published the request with reply_to "amq.rabbitmq.reply-to"; a second
// address of the same channel, after it consumed again, is "$replyTo:CH#2").
export const REPLY_TO = 'amq.rabbitmq.reply-to';

export class Names {
  constructor() {
    this.queues = new Map(); // alias -> generated name
    this.placeholders = new Map(); // generated name -> placeholder
    this.replyCount = new Map(); // channel -> reply addresses seen
    this.requestChannel = new Map(); // message id -> channel that published it with reply_to
    this.receivedReplyTo = new Map(); // message id -> reply_to as received
  }

  /** A scenario value: a plain string, or a reference to a generated name. */
  resolve(v) {
    if (v === null || typeof v !== 'object') return v;
    if ('$queue' in v) {
      const n = this.queues.get(v.$queue);
      if (n === undefined) throw new Error(`no server-named queue "${v.$queue}" declared yet`);
      return n;
    }
    if ('$replyTo' in v) {
      const n = this.receivedReplyTo.get(v.$replyTo);
      if (n === undefined) throw new Error(`message "${v.$replyTo}" was not received with a reply_to`);
      return n;
    }
    throw new Error(`unknown reference ${JSON.stringify(v)}`);
  }

  queueDeclared(alias, name) {
    this.queues.set(alias, name);
    this.placeholders.set(name, `$queue:${alias}`);
  }

  requestPublished(id, channel) {
    this.requestChannel.set(id, channel);
  }

  /** A message arrived with this reply_to: remember it, and name a generated reply address. */
  received(id, replyTo) {
    if (typeof replyTo !== 'string') return;
    this.receivedReplyTo.set(id, replyTo);
    if (!replyTo.startsWith(`${REPLY_TO}.`) || this.placeholders.has(replyTo)) return;
    const ch = this.requestChannel.get(id) ?? '?';
    const n = (this.replyCount.get(ch) ?? 0) + 1;
    this.replyCount.set(ch, n);
    this.placeholders.set(replyTo, n === 1 ? `$replyTo:${ch}` : `$replyTo:${ch}#${n}`);
  }

  /** The outcome with every generated name replaced by its placeholder (keys too). */
  anonymize(v) {
    if (!this.placeholders.size) return v;
    const names = [...this.placeholders.keys()].sort((a, b) => b.length - a.length);
    const str = (s) => {
      for (const n of names) if (s.includes(n)) s = s.split(n).join(this.placeholders.get(n));
      return s;
    };
    const walk = (x) => {
      if (typeof x === 'string') return str(x);
      if (Array.isArray(x)) return x.map(walk);
      if (x && typeof x === 'object') {
        const o = {};
        for (const k of Object.keys(x)) o[str(k)] = walk(x[k]);
        return o;
      }
      return x;
    };
    return walk(v);
  }
}
