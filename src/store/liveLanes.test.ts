import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../model';
import { World } from '../sim';
import { consumerApp, queue } from '../sim/fixtures';
import { liveConnections } from './liveLanes';

/** One consuming app on channel 1 with the channel's and the consumer's own basic.qos. */
function lane(channel: { prefetchCount: number; prefetchGlobal: boolean }, own: number) {
  const s = emptyScenario(1);
  s.queues = [queue('q1', 'work')];
  const app = consumerApp('c', 'worker', { queue: 'work', prefetchCount: own });
  app.connections[0]!.channels[0] = { ...app.connections[0]!.channels[0]!, ...channel };
  s.apps = [app];
  const w = World.create(s);
  w.advanceTo(100);
  return liveConnections(w, {})['c-conn']!.channels['c-ch']!;
}

describe('a lane says which prefetch limits its consumers', () => {
  it("per consumer: the consumer's own, not the channel's global=false default it replaced", () => {
    expect(lane({ prefetchCount: 0, prefetchGlobal: false }, 2)).toMatchObject({ prefetch: 2, sharedPrefetch: 0, shared: false });
    expect(lane({ prefetchCount: 50, prefetchGlobal: false }, 2)).toMatchObject({ prefetch: 2, sharedPrefetch: 0 });
  });

  it('with basic.qos global=true: both the shared limit and each one\'s own', () => {
    expect(lane({ prefetchCount: 5, prefetchGlobal: true }, 2)).toMatchObject({ prefetch: 2, sharedPrefetch: 5, shared: true });
    expect(lane({ prefetchCount: 5, prefetchGlobal: true }, 0)).toMatchObject({ prefetch: 0, sharedPrefetch: 5, shared: true });
  });
});
