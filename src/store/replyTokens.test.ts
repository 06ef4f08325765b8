import { describe, expect, it } from 'vitest';
import { linkId } from '../model';
import { rpcDirectReplyTo } from '../scenarios/tutorials/rpcDirectReplyTo';
import { World } from '../sim';
import { TokenTracker } from './tokens';

describe('direct reply-to tokens', () => {
  it('replies travel the direct reply-to line from the server to the client, each from send (or delivery) to arrival', () => {
    const s = structuredClone(rpcDirectReplyTo.scenario);
    const w = World.create(s);
    const tokens = new TokenTracker();
    const seen: { from: string; to: string; link?: string; t0: number; t1: number }[] = [];
    for (let t = 100; t <= 12_000; t += 100) {
      w.advanceTo(t);
      tokens.ingest(w.drainEvents(), s, s.broker.hopLatencyMs);
      for (const seg of tokens.segments) if (seg.link?.startsWith('reply:') && !seen.some((x) => x.t0 === seg.t0 && x.t1 === seg.t1)) seen.push(seg);
      tokens.prune(w.now);
    }
    const link = linkId.directReply('app-rpc_server-sub', 'app-rpc_client-sub');
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const seg of seen) {
      expect([seg.from, seg.to, seg.link]).toEqual(['app-rpc_server', 'app-rpc_client', link]);
      expect(seg.t1).toBeGreaterThan(seg.t0);
    }
    // nothing of a reply flies to the broker frame or a queue
    expect(tokens.segments.filter((x) => x.key.startsWith('amq.rabbitmq.reply-to.') && !x.link?.startsWith('reply:'))).toEqual([]);
  });
});
