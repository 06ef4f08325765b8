import { useEffect, useRef, useState } from 'react';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import type { Scenario } from '../../model';
import { useEditor } from '../../store/useEditor';
import { useLessonContext } from '../../store/useLesson';
import { useSim } from '../../store/useSim';
import { clientNames } from '../clientNames';
import { type Announcement, AnnouncementThrottle, announcementsBetween, type Moment, type Said } from './announcements';

/** How often waiting announcements are looked at (the throttle decides whether one is said). */
const TICK_MS = 500;

function sentence(a: Announcement, t: Translate, doc: Scenario): string {
  switch (a.kind) {
    case 'lesson-complete':
      return t('announce.lessonComplete', { total: a.total });
    case 'step-done':
      return t('announce.stepDone', { step: a.step, total: a.total });
    case 'consumer-down':
      return t(a.state === 'crashed' ? 'announce.consumerCrashed' : 'announce.consumerError', { consumer: clientNames(doc, t).consumer(a.consumer) });
    case 'queue-level':
      if (a.max !== undefined) return t(a.ready >= a.max ? 'announce.queueFull' : 'announce.queueNearlyFull', { queue: a.queue, ready: a.ready, max: a.max });
      return t('announce.queueLevel', { queue: a.queue, level: a.level.toLocaleString(), ready: a.ready });
  }
}

const limits = new WeakMap<Scenario, Record<string, number | undefined>>();
/** Each queue's x-max-length (looked up every frame while playing: kept per document). */
function maxLengths(doc: Scenario): Record<string, number | undefined> {
  let m = limits.get(doc);
  if (!m) {
    m = Object.fromEntries(doc.queues.map((q) => [q.name, q.arguments.maxLength]));
    limits.set(doc, m);
  }
  return m;
}

/**
 * The polite live region: a screen reader hears a lesson step done, a queue filling past a level
 * (80 % and 100 % of its max-length, else 100, 1,000, 10,000 messages) and a consumer crashing, at
 * most one short sentence every few seconds (announcements.ts). A reset or a rewind starts over
 * silently: only what happens while the run moves on is said.
 */
export function LiveAnnouncer() {
  const t = useT();
  const sim = useSim();
  const { progress } = useLessonContext();
  const doc = useEditor((s) => s.doc);
  const latest = useRef({ t, doc });
  latest.current = { t, doc };
  const [said, setSaid] = useState({ n: 0, text: '' });

  useEffect(() => {
    const levels: Said = new Map();
    const throttle = new AnnouncementThrottle();
    let prev: Moment | null = null;
    let epoch = sim.ui.getState().epoch;
    const observe = () => {
      const live = sim.live.getState();
      const p = progress.getState().progress;
      const next: Moment = { queues: live.queues, consumers: live.consumers, lesson: p ? { done: p.done, complete: p.complete } : null };
      if (prev && next.queues === prev.queues && next.consumers === prev.consumers && next.lesson?.done === prev.lesson?.done) return;
      throttle.push(announcementsBetween(prev, next, maxLengths(latest.current.doc), levels));
      prev = next;
    };
    const unsubscribe = [
      sim.live.subscribe(observe),
      progress.subscribe(observe),
      sim.ui.subscribe((s) => {
        if (s.epoch === epoch) return;
        // a reset or a rewind: what the run shows now is not news
        epoch = s.epoch;
        throttle.clear();
        levels.clear();
        prev = null;
      }),
    ];
    const timer = setInterval(() => {
      const { t: tr, doc: d } = latest.current;
      const out = throttle.take(performance.now(), (a) => sentence(a, tr, d));
      if (!out) return;
      const text = [...out.say, ...(out.dropped > 0 ? [tr('announce.more', { n: out.dropped })] : [])].join(' ');
      setSaid((s) => ({ n: s.n + 1, text }));
    }, TICK_MS);
    return () => {
      for (const u of unsubscribe) u();
      clearInterval(timer);
    };
  }, [sim, progress]);

  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {/* a new node each time: the same words said twice are read twice */}
      <span key={said.n}>{said.text}</span>
    </div>
  );
}
