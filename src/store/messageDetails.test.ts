import { describe, expect, it } from 'vitest';
import { emptyScenario, type Scenario } from '../model';
import { consumerApp, publisherApp, queue, workQueue } from '../sim/fixtures';
import { type MessageContent, messageDetails } from './messageDetails';
import { messageStory } from './messageStory';
import { SimController } from './simController';

const noBudget = () => false;

function run(c: SimController, ms: number) {
  c.play();
  for (let t = 0; t < ms; t += 10) c.tick(10, noBudget);
  c.pause();
}

/** "work" (TTL 200 ms, dead-lettered through the default exchange to "dead"), no consumer on it. */
function ttlToDead(): Scenario {
  const s = emptyScenario(3);
  s.broker = { showDefaultExchange: true, hopLatencyMs: 20 };
  s.queues = [queue('q-work', 'work', { arguments: { queueType: 'classic', messageTtl: 200, deadLetterExchange: '', deadLetterRoutingKey: 'dead' } }), queue('q-dead', 'dead')];
  s.apps = [publisherApp('app-p', 'producer', { routingKeys: ['work'], message: { body: 'hello {n}', deliveryMode: 2, headers: { tenant: 'acme' } } })];
  return s;
}

const details = (c: SimController, ref: Parameters<SimController['select']>[0] & object, cache = new Map<number, MessageContent>()) =>
  messageDetails({ entries: c.log.entries(), world: c.world, consumers: c.live.getState().consumers }, ref, cache);

describe('message details', () => {
  it('follows a message from its publisher counter to the broker, its queue and its consumer', () => {
    const c = new SimController(workQueue({ consumers: 1, latency: 50, processingMs: 100 }));
    c.input({ type: 'publish', publisher: 'app-p-pub', overrides: { headers: { trace: 'abc' } } });
    // still travelling to the broker: no id yet, the publish is known
    let d = details(c, { publisher: 'app-p-pub', seq: 1 });
    expect(d.msgId).toBeUndefined();
    expect(d.sent?.routingKey).toBe('work');
    expect(d.content?.source).toBe('publish');

    run(c, 60); // arrived: ready in "work" or already on its way to the consumer
    d = details(c, { publisher: 'app-p-pub', seq: 1 });
    expect(d.msgId).toBeDefined();
    expect(d.content?.properties.headers).toEqual({ trace: 'abc' });
    expect(d.story?.route.map((x) => x.e.type)).toContain('published');

    run(c, 1000); // delivered, processed and acked
    const id = d.msgId!;
    d = details(c, { msgId: id });
    expect(d.locations).toEqual([]);
    expect(d.story?.copies).toEqual([{ state: 'acked', queue: 'work', consumer: 'app-c1-sub' }]);
    // the content now comes from the delivery recorded in the log
    expect(d.content?.source).toBe('delivery');
    expect(d.content?.properties.headers).toEqual({ trace: 'abc' });
    const types = d.story!.route.map((x) => x.e.type);
    expect(types[0]).toBe('publish-sent');
    expect(types.indexOf('published')).toBeLessThan(types.indexOf('enqueued'));
    expect(types.indexOf('delivered')).toBeLessThan(types.indexOf('acked'));
  });

  it('tells where a held message is: unacked on a channel and held by its consumer', () => {
    const c = new SimController(workQueue({ consumers: 1, latency: 10, processingMs: 5000 }));
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    run(c, 200);
    const d = details(c, { publisher: 'app-p-pub', seq: 1 });
    expect(d.locations).toHaveLength(1);
    expect(d.locations[0]).toMatchObject({ where: 'unacked', queue: 'work', deliveryTag: 1 });
    expect(d.content?.source).toBe('channel');
    expect(d.holders).toEqual([{ consumer: 'app-c1-sub', busy: true }]);
    expect(d.story?.copies[0]).toMatchObject({ state: 'unacked', queue: 'work', consumer: 'app-c1-sub' });
  });

  it('follows the dead-letter lineage both ways, with x-death in the copy', () => {
    const c = new SimController(ttlToDead());
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    run(c, 100);
    const original = details(c, { publisher: 'app-p-pub', seq: 1 });
    expect(original.locations[0]).toMatchObject({ where: 'ready', queue: 'work', position: 0 });
    const cache = new Map<number, MessageContent>();
    details(c, { msgId: original.msgId! }, cache); // seen while it was in the queue
    run(c, 400);
    const gone = details(c, { msgId: original.msgId! }, cache);
    expect(gone.locations).toEqual([]);
    const fate = gone.story!.copies[0]!;
    expect(fate).toMatchObject({ state: 'dead-lettered', queue: 'work', reason: 'expired', exchange: '' });
    // never delivered: the content comes from what was seen while it was in the queue
    expect(gone.content?.source).toBe('queue');
    expect(gone.content?.body).toBe('hello 1');
    const copyId = fate.state === 'dead-lettered' ? fate.newMsgId : -1;
    expect(gone.story!.children).toEqual([copyId]);

    const copy = details(c, { msgId: copyId });
    expect(copy.story!.ancestors).toEqual([original.msgId]);
    expect(copy.locations[0]).toMatchObject({ where: 'ready', queue: 'dead' });
    const xDeath = copy.content!.properties.headers!['x-death'] as Record<string, unknown>[];
    expect(xDeath[0]).toMatchObject({ count: 1, reason: 'expired', queue: 'work' });
    // one route for the family: the client's publish of the original comes first, the copy's enqueue last
    const route = copy.story!.route.map((x) => x.e.type);
    expect(route.slice(0, 2)).toEqual(['publish-sent', 'published']);
    expect(route).toContain('dead-lettered');
    expect(route.at(-1)).toBe('enqueued');
    expect(copy.story!.truncated).toBe(false);
  });

  it('knows a message that no queue took (unroutable)', () => {
    const s = emptyScenario(1);
    s.broker = { showDefaultExchange: true, hopLatencyMs: 10 };
    s.queues = [queue('q-a', 'a')];
    s.apps = [publisherApp('app-p', 'p', { routingKeys: ['nowhere'] }), consumerApp('app-c', 'c', { queue: 'a', processingMs: 10 })];
    const c = new SimController(s);
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    run(c, 100);
    const d = details(c, { publisher: 'app-p-pub', seq: 1 });
    expect(d.story?.stage).toBe('unroutable');
    expect(d.story?.copies).toEqual([]);
  });

  it('marks a story whose start fell out of the log', () => {
    const story = messageStory([{ seq: 7, e: { type: 'acked', t: 5, msgId: 9, queue: 'q', deliveryTag: 1, connection: 1, channel: 1 } }], 9);
    expect(story.truncated).toBe(true);
    expect(story.copies).toEqual([{ state: 'acked', queue: 'q', consumer: undefined }]);
  });

  it('shows a message that left the broker undelivered (expired, dropped) as the broker received it, headers and x-death included', () => {
    const s = ttlToDead();
    s.queues[1] = queue('q-dead', 'dead', { arguments: { queueType: 'classic', maxLength: 1 } });
    const c = new SimController(s);
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    c.input({ type: 'publish', publisher: 'app-p-pub' });
    run(c, 600);
    // both expired in work; in dead (max-length 1) the first dead-lettered copy was dropped for the second
    const dropped = c.log.entries().find((x) => x.e.type === 'dropped' && x.e.queue === 'dead')!.e as { msgId: number };
    const d = details(c, { msgId: dropped.msgId });
    expect(d.locations).toEqual([]);
    expect(d.content?.source).toBe('received');
    const death = d.content?.properties.headers?.['x-death'] as { reason: string }[];
    expect(death[0]?.reason).toBe('expired');
    expect(d.content?.properties.headers?.tenant).toBe('acme');
  });
});
