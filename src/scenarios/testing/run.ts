import type { Delivered } from '../../engine';
import { applyConnection, checkConnection, type Scenario } from '../../model';
import type { Lesson } from '../../model/lesson';
import { World, type WorldEvent, type WorldInput } from '../../sim';
import { LessonTracker } from '../goals/tracker';

/**
 * Runs a gallery document in a World for tests, the way the app does: time advances in frames,
 * the user's inputs (and edits, as the 'scenario' input the store sends) arrive between frames, and
 * a lesson tracker (when given) reads every frame's events. Not imported by the app.
 */
export class Run {
  readonly w: World;
  readonly events: WorldEvent[] = [];
  doc: Scenario;
  tracker: LessonTracker | null;

  constructor(doc: Scenario, lesson?: Lesson) {
    this.doc = structuredClone(doc);
    this.w = World.create(this.doc);
    this.tracker = lesson ? new LessonTracker(lesson) : null;
    this.take();
  }

  /** Advances to virtual time `t` in frames of `frameMs`. */
  until(t: number, frameMs = 100): this {
    while (this.w.now < t) {
      this.w.advanceTo(Math.min(t, this.w.now + frameMs));
      this.take();
    }
    return this;
  }

  for(ms: number): this {
    return this.until(this.w.now + ms);
  }

  input(cmd: WorldInput): this {
    this.w.input(cmd);
    this.take();
    return this;
  }

  /** A document edit while running, as the editor makes it. */
  edit(f: (doc: Scenario) => Scenario): this {
    this.doc = f(this.doc);
    return this.input({ type: 'scenario', scenario: this.doc });
  }

  /** Draws a binding line from an exchange to a queue (by names), through the editor's own operation. */
  bind(exchangeName: string, queueName: string, routingKey: string): this {
    return this.edit((doc) => {
      const x = doc.exchanges.find((e) => e.name === exchangeName)!;
      const q = doc.queues.find((e) => e.name === queueName)!;
      const plan = checkConnection(doc, { node: x.id }, { node: q.id });
      if (plan.action === 'refuse') throw new Error(`refused: ${plan.reason.key}`);
      const r = applyConnection(doc, plan, { routingKey, arguments: {} });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.doc;
    });
  }

  of<T extends WorldEvent['type']>(type: T, since = 0): Extract<WorldEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<WorldEvent, { type: T }> => e.type === type && e.t >= since);
  }

  /** Routing keys of the messages that landed in a queue (published keys, in arrival order). */
  keysIn(queue: string, since = 0): string[] {
    const keys = new Map(this.of('published').map((e) => [e.msgId, e.routingKey]));
    return this.of('enqueued', since)
      .filter((e) => e.queue === queue)
      .map((e) => keys.get(e.msgId) ?? '?');
  }

  deliveries(filter: Partial<Pick<Delivered, 'queue' | 'consumerTag'>> = {}, since = 0): Delivered[] {
    return this.of('delivered', since).filter((e) => (filter.queue === undefined || e.queue === filter.queue) && (filter.consumerTag === undefined || e.consumerTag === filter.consumerTag));
  }

  consumer(id: string) {
    return this.w.consumers.get(id)!;
  }

  publisher(id: string) {
    return this.w.publishers.get(id)!;
  }

  queue(name: string) {
    return this.w.broker.inspect.queue(name);
  }

  private take(): void {
    const evs = this.w.drainEvents();
    for (const e of evs) this.events.push(e);
    this.tracker?.ingest(evs, this.w.broker);
  }
}
