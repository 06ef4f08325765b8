import { fixture } from '../testing/definitions';
import { describe, expect, it } from 'vitest';
import { importDefinitionsText, listVhosts, parseDefinitions } from '.';


describe('a per-vhost download from the 3.10 management UI (GET /api/definitions/orders on a real 3.10.8)', () => {
  // Its queues, exchanges and bindings carry no "vhost"; its policies and operator policies keep theirs.
  const text = fixture('rabbitmq-3.10.8-vhost-orders.json');

  it('is one vhost: the one its policies name', () => {
    const d = parseDefinitions(text);
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    expect(listVhosts(d.value)).toEqual([{ name: 'orders', exchanges: 2, queues: 4, bindings: 4, policies: 2 }]);
  });

  it('applies its policies and operator policies to its queues, as the broker does', () => {
    const r = importDefinitionsText(text);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.report.vhost).toBe('orders');
    const work = r.value.scenario.queues.find((q) => q.name === 'orders.work');
    // policy "ttl" (^orders\.): message-ttl 60000, max-length 100; operator policy max-length 1000 (the lower wins)
    expect(work?.arguments).toEqual({ queueType: 'classic', messageTtl: 60000, maxLength: 100 });
    expect(r.value.report.entries.filter((e) => e.key === 'share.defs.report.otherVhost')).toEqual([]);
    expect(r.value.report.entries.find((e) => e.key === 'share.defs.report.perVhostFile')?.params).toEqual({ vhost: 'orders' });
  });

  it('a hand-written file without any vhost is "/", as before', () => {
    const r = importDefinitionsText(JSON.stringify({ queues: [{ name: 'q' }], policies: [{ name: 'p', pattern: '.*', definition: { 'max-length': 1 } }] }));
    expect(r.ok && [r.value.report.vhost, r.value.scenario.queues[0]?.arguments.maxLength]).toEqual(['/', 1]);
  });
});
