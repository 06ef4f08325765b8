import { describe, expect, it } from 'vitest';
import { REPLY_TO_QUEUE } from '../../engine';
import { deriveLinks } from '../../model';
import { Run } from '../testing/run';
import { rpcDirectReplyTo } from './rpcDirectReplyTo';

const [burst, crash, start] = rpcDirectReplyTo.tryThis.map((t) => t.action!);
const CLIENT = 'app-rpc_client-sub';

describe('gallery: RPC with direct reply-to', () => {
  it('requests carry the client channel\'s generated address; every reply reaches the client with no queue in between', () => {
    const r = new Run(rpcDirectReplyTo.scenario).until(12_000);
    const requests = r.deliveries({ queue: 'rpc_queue' });
    expect(requests.length).toBeGreaterThanOrEqual(4);
    const address = requests[0]!.properties.replyTo!;
    expect(address.startsWith(`${REPLY_TO_QUEUE}.`)).toBe(true);
    for (const d of requests) expect(d.properties.replyTo).toBe(address);
    const replies = r.deliveries({ queue: REPLY_TO_QUEUE, consumerTag: CLIENT });
    expect(replies.length).toBeGreaterThanOrEqual(4);
    for (const d of replies) {
      expect(d.noAck).toBe(true);
      expect(d.routingKey).toBe(address);
      expect(d.body).toBe(`reply to fib(${d.properties.correlationId!.slice('corr-'.length)})`);
      // the channel's next delivery tag, never used up: the client receives nothing else
      expect(d.deliveryTag).toBe(1);
    }
    expect(r.of('client-error')).toEqual([]);
    expect(r.of('unroutable')).toEqual([]);
  });

  it('draws the reply path: a direct reply-to line from the server back to the client\'s reply consumer', () => {
    const links = deriveLinks(rpcDirectReplyTo.scenario).filter((l) => l.kind === 'directReply');
    expect(links.map((l) => [l.source, l.target, l.targetHandle])).toEqual([['app-rpc_server', 'app-rpc_client', CLIENT]]);
  });

  it('replies to a crashed client are dropped; started again, it gets a new address and its answers', () => {
    const r = new Run(rpcDirectReplyTo.scenario).until(500).input(burst!).for(1500).input(crash!).for(6000);
    const first = r.deliveries({ queue: 'rpc_queue' })[0]!.properties.replyTo!;
    // the server still answers what was waiting, but nobody listens at that address any more
    expect(r.of('unroutable').length).toBeGreaterThan(0);
    const before = r.deliveries({ queue: REPLY_TO_QUEUE }).length;
    r.input(start!).for(8000);
    const later = r.deliveries({ queue: 'rpc_queue' }).at(-1)!.properties.replyTo!;
    expect(later).not.toBe(first);
    expect(r.deliveries({ queue: REPLY_TO_QUEUE }).length).toBeGreaterThan(before);
  });
});
