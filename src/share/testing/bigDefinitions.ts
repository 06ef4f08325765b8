/** A pretty-printed definitions file: `vhosts` vhosts of `queues` queues each, each queue bound once. */
export function definitionsFile(vhosts: number, queues: number, pad = 0): string {
  const names = Array.from({ length: vhosts }, (_, v) => `vhost-${v}`);
  return JSON.stringify(
    {
      rabbit_version: '3.10.8',
      vhosts: names.map((name) => ({ name })),
      exchanges: names.map((vhost) => ({ name: 'x', vhost, type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} })),
      queues: names.flatMap((vhost) =>
        Array.from({ length: queues }, (_, i) => ({ name: `queue.${i}`, vhost, durable: true, auto_delete: false, arguments: { 'x-queue-type': 'classic', ...(pad ? { 'x-note': 'n'.repeat(pad) } : {}) } })),
      ),
      bindings: names.flatMap((vhost) => Array.from({ length: queues }, (_, i) => ({ source: 'x', vhost, destination: `queue.${i}`, destination_type: 'queue', routing_key: `key.${i}.#`, arguments: {} }))),
    },
    null,
    2,
  );
}

