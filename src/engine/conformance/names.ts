import type { NameRef } from './scenario';

/** The pseudo-queue of direct reply-to. */
export const REPLY_TO = 'amq.rabbitmq.reply-to';

/**
 * Names the broker generates (server-named queues "amq.gen-…", direct reply-to addresses) differ
 * between RabbitMQ runs and the engine. Scenarios refer to them by reference and outcomes show
 * stable placeholders, exactly as the recorder does (conformance/recorder/lib/names.mjs):
 * "$queue:ALIAS" for a server-named queue, "$replyTo:CHANNEL" for the reply address of the channel
 * that published the request ("$replyTo:CHANNEL#2" for its second address, after consuming again).
 */
export class GeneratedNames {
  readonly queues = new Map<string, string>();
  private placeholders = new Map<string, string>();
  private replyCount = new Map<string, number>();
  private requestChannel = new Map<string, string>();
  private receivedReplyTo = new Map<string, string>();

  resolve(v: NameRef): string;
  resolve(v: NameRef | undefined): string | undefined;
  resolve(v: NameRef | undefined): string | undefined {
    if (v === undefined || typeof v === 'string') return v;
    if ('$queue' in v) {
      const n = this.queues.get(v.$queue);
      if (n === undefined) throw new Error(`no server-named queue "${v.$queue}" declared yet`);
      return n;
    }
    const n = this.receivedReplyTo.get(v.$replyTo);
    if (n === undefined) throw new Error(`message "${v.$replyTo}" was not received with a reply_to`);
    return n;
  }

  queueDeclared(alias: string, name: string): void {
    this.queues.set(alias, name);
    this.placeholders.set(name, `$queue:${alias}`);
  }

  requestPublished(id: string, channel: string): void {
    this.requestChannel.set(id, channel);
  }

  /** A message arrived with this reply_to: remember it, and name a generated reply address. */
  received(id: string, replyTo: string | undefined): void {
    if (replyTo === undefined) return;
    this.receivedReplyTo.set(id, replyTo);
    if (!replyTo.startsWith(`${REPLY_TO}.`) || this.placeholders.has(replyTo)) return;
    const ch = this.requestChannel.get(id) ?? '?';
    const n = (this.replyCount.get(ch) ?? 0) + 1;
    this.replyCount.set(ch, n);
    this.placeholders.set(replyTo, n === 1 ? `$replyTo:${ch}` : `$replyTo:${ch}#${n}`);
  }

  /** The outcome with every generated name (also inside longer strings, and in keys) replaced. */
  anonymize<T>(v: T): T {
    if (!this.placeholders.size) return v;
    const names = [...this.placeholders.keys()].sort((a, b) => b.length - a.length);
    const str = (s: string) => {
      let out = s;
      for (const n of names) if (out.includes(n)) out = out.split(n).join(this.placeholders.get(n)!);
      return out;
    };
    const walk = (x: unknown): unknown => {
      if (typeof x === 'string') return str(x);
      if (Array.isArray(x)) return x.map(walk);
      if (x !== null && typeof x === 'object') {
        const o: Record<string, unknown> = {};
        for (const [k, val] of Object.entries(x)) o[str(k)] = walk(val);
        return o;
      }
      return x;
    };
    return walk(v) as T;
  }
}
