import { describe, expect, it } from 'vitest';
import { World } from '../sim';
import { workQueue } from '../sim/fixtures';
import { EventLog } from './eventLog';

describe('the event log', () => {
  it('shows the first failed publish of a broker outage, not the flood (the recovery row counts them)', () => {
    const w = World.create(workQueue({ rate: 20, consumers: 1, latency: 10 }));
    w.advanceTo(1000);
    w.drainEvents();
    w.input({ type: 'broker-restart', downMs: 2000 });
    w.advanceTo(6000);
    const evs = w.drainEvents();
    const log = new EventLog();
    log.append(evs);
    const rows = log.entries().map((x) => x.e);
    expect(evs.filter((e) => e.type === 'publish-failed').length).toBeGreaterThan(30);
    expect(rows.filter((e) => e.type === 'publish-failed')).toHaveLength(1);
    expect(rows.filter((e) => e.type === 'client-state' && e.app === 'app-p' && e.consumer === undefined).map((e) => (e.type === 'client-state' ? e.state : ''))).toEqual(['reconnecting', 'recovered']);
  });
});
