import type { Kernel } from '../kernel';
import { Connection } from './connection';
import { handshakeError } from './errors';

/**
 * amqp.connect(url, socketOptions): the URL as amqplib reads it (amqp://user:pass@host:port/vhost,
 * or an object with the same parts). Every host reaches the simulated broker; the broker decides
 * on the vhost and the credentials.
 */
export function openConnection(kernel: Kernel, url: unknown, socketOptions: unknown, cb: (err: Error | null, c?: Connection) => void): void {
  let parts: { user: string; password: string; vhost: string };
  try {
    parts = parseUrl(url);
  } catch (e) {
    cb(e as Error);
    return;
  }
  const opts = (socketOptions ?? {}) as { credentials?: { username?: string; password?: string }; clientProperties?: { connection_name?: unknown } };
  if (opts.credentials?.username !== undefined) parts.user = String(opts.credentials.username);
  if (opts.credentials?.password !== undefined) parts.password = String(opts.credentials.password);
  const name = opts.clientProperties?.connection_name === undefined ? kernel.clientName : String(opts.clientProperties.connection_name);
  const conn = kernel.nextConnection();
  const rid = kernel.expect((err) => {
    if (err) cb(handshakeError(err));
    else cb(null, new Connection(kernel, conn));
  });
  kernel.send({ op: 'connection.open', rid, conn, vhost: parts.vhost, user: parts.user, password: parts.password, name });
}

function parseUrl(url: unknown): { user: string; password: string; vhost: string } {
  if (url === undefined || url === null) return { user: 'guest', password: 'guest', vhost: '/' };
  if (typeof url === 'object') {
    const o = url as { username?: unknown; password?: unknown; vhost?: unknown };
    return { user: o.username === undefined ? 'guest' : String(o.username), password: o.password === undefined ? 'guest' : String(o.password), vhost: o.vhost === undefined ? '/' : String(o.vhost) };
  }
  const s = String(url);
  const m = /^(amqps?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]*)(\/[^?#]*)?/.exec(s);
  if (!m) throw new Error(`Expected amqp: or amqps: as the protocol; got ${s.split(':')[0] || s}`);
  const dec = (x: string | undefined, d: string) => (x === undefined || x === '' ? d : decodeURIComponent(x));
  const path = m[5];
  // "amqp://host" and "amqp://host/" both mean the vhost "/"; "/%2F" is "/" too
  const vhost = path === undefined || path === '/' || path === '' ? '/' : decodeURIComponent(path.slice(1));
  return { user: dec(m[2], 'guest'), password: dec(m[3], 'guest'), vhost };
}
