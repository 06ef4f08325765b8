import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { type MessageContent, messageDetails } from '../../store/messageDetails';
import type { MessageRef } from '../../store/simController';
import { SimController } from '../../store/simController';
import { workQueue } from '../../sim/fixtures';
import { clientNames } from '../clientNames';
import { whereNow } from './whereNow';

const en = translator('en');
const es = translator('es');

function at(c: SimController, ms: number) {
  c.play();
  while (c.world.now < ms) c.tick(5, () => false);
  c.pause();
}

const where = (c: SimController, ref: MessageRef, t = en) => {
  const entries = c.log.entries();
  const d = messageDetails({ entries, world: c.world, consumers: c.live.getState().consumers }, ref, new Map<number, MessageContent>());
  return whereNow(d, t, clientNames(c.scenario, t, entries));
};

describe('where a message is now', () => {
  it('follows one message from the publisher to its ack, in words', () => {
    const c = new SimController(workQueue({ consumers: 1, latency: 100, processingMs: 300 }));
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    const ref = { publisher: 'app-p-pub', seq: 1 };
    expect(where(c, ref)).toEqual(["Travelling from producer to exchange (AMQP default); arrives at 00:00.100."]);
    at(c, 150);
    expect(where(c, ref)).toEqual(['On its way to queue work.']);
    at(c, 250);
    expect(where(c, ref)).toEqual([expect.stringMatching(/^Unacked from queue work on connection \d+ \(worker-1\), channel 1, delivery tag 1 \(worker-1\)\.$/)]);
    at(c, 350);
    const held = where(c, ref);
    expect(held).toContain('worker-1 is working on it.');
    at(c, 1000);
    expect(where(c, ref)).toEqual(['Consumed from work: acked by worker-1.']);
    expect(where(c, ref, es)).toEqual(['Consumido de work: worker-1 hizo ack.']);
  });

  it('says where a waiting message stands in its queue', () => {
    const c = new SimController(workQueue({ consumers: 0, latency: 10 }));
    for (let i = 0; i < 3; i++) c.input({ type: 'publish', publisher: 'app-p-pub' });
    at(c, 100);
    expect(where(c, { publisher: 'app-p-pub', seq: 3 })).toEqual(['Ready in queue work, position 3 (1 = next to be delivered).']);
  });
});
