import { describe, expect, it } from 'vitest';
import { logsTopology } from './testing/build';
import { addStep, defaultGoal, lessonIssues, matchesTopic, moveStep, removeStep, textIn, updateStep, withTextIn } from './lesson';
import { GOAL_TYPES, goalSchema, lessonSchema, restoreLesson } from './schemas/lesson';

describe('lesson schema', () => {
  it('accepts the minimal link shape: string texts, goals optional, unknown fields kept', () => {
    const link = { title: 'Topics', steps: [{ text: 'Watch', goal: { type: 'acked', count: 2 } }, { text: 'Read this', extra: 1 }], author: 'ana' };
    const r = lessonSchema.safeParse(link);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(link);
  });

  it('accepts texts by language', () => {
    expect(lessonSchema.safeParse({ title: { en: 'Hi', es: 'Hola' }, steps: [{ text: { es: 'Enlaza la cola' } }] }).success).toBe(true);
    expect(lessonSchema.safeParse({ title: { 'not a tag': 'x' }, steps: [] }).success).toBe(false);
  });

  it('refuses unknown goal types and bad parameters', () => {
    expect(lessonSchema.safeParse({ title: '', steps: [{ text: 'x', goal: { type: 'teleported' } }] }).success).toBe(false);
    expect(lessonSchema.safeParse({ title: '', steps: [{ text: 'x', goal: { type: 'acked', count: 0 } }] }).success).toBe(false);
    expect(lessonSchema.safeParse({ title: '', steps: [{ text: 'x', goal: { type: 'binding-exists', exchange: 'x' } }] }).success).toBe(false);
  });

  it('lists every goal type once', () => {
    expect(new Set(GOAL_TYPES).size).toBe(GOAL_TYPES.length);
    expect(GOAL_TYPES).toContain('message-enqueued');
    expect(GOAL_TYPES).toContain('binding-exists');
  });
});

describe('restoreLesson', () => {
  it('reads a valid lesson as is', () => {
    const lesson = { title: 'T', steps: [{ text: 'a', goal: { type: 'expired', queue: 'q' } }] };
    expect(restoreLesson(lesson)).toEqual({ lesson, problems: [] });
    expect(restoreLesson(undefined)).toEqual({ lesson: null, problems: [] });
  });

  it('keeps what it can: a bad goal leaves a reading step, a bad step is left out, each listed', () => {
    const r = restoreLesson({ title: 'T', steps: [{ text: 'a', goal: { type: 'from-the-future' } }, { text: 42 }, { text: 'c' }] });
    expect(r.lesson).toEqual({ title: 'T', steps: [{ text: 'a' }, { text: 'c' }] });
    expect(r.problems.map((p) => [p.key, p.params?.n])).toEqual([
      ['lesson.restore.droppedGoal', 1],
      ['lesson.restore.droppedStep', 2],
    ]);
  });

  it('refuses what is not a lesson', () => {
    for (const bad of ['x', 3, [], { title: 'no steps' }, { title: {}, steps: 'x' }]) {
      expect(restoreLesson(bad).lesson).toBeNull();
      expect(restoreLesson(bad).problems[0]!.key).toBe('lesson.restore.invalid');
    }
  });
});

describe('texts', () => {
  it('picks the language, then its base, then English, then anything', () => {
    expect(textIn({ en: 'Hi', es: 'Hola' }, 'es')).toBe('Hola');
    expect(textIn({ en: 'Hi', es: 'Hola' }, 'es-AR')).toBe('Hola');
    expect(textIn({ en: 'Hi', es: 'Hola' }, 'fr')).toBe('Hi');
    expect(textIn({ es: 'Hola' }, 'en')).toBe('Hola');
    expect(textIn('Same', 'es')).toBe('Same');
  });

  it('edits one language and keeps the others', () => {
    expect(withTextIn({ en: 'Hi' }, 'es', 'Hola')).toEqual({ en: 'Hi', es: 'Hola' });
    expect(withTextIn('Hi', 'es', 'Hola')).toEqual({ es: 'Hola' });
    expect(withTextIn({ es: 'Hola' }, 'es', '')).toBe('');
  });
});

describe('matchesTopic', () => {
  it.each([
    ['kern.*', 'kern.critical', true],
    ['kern.*', 'kern', false],
    ['kern.*', 'kern.a.b', false],
    ['*.critical', 'auth.critical', true],
    ['#', '', true],
    ['#', 'a.b.c', true],
    ['kern.#', 'kern', true],
    ['a.#.z', 'a.b.c.z', true],
    ['a.#.z', 'a.z', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
  ])('%s ~ %s = %s', (p, k, want) => expect(matchesTopic(p, k)).toBe(want));
});

describe('lessonIssues', () => {
  it('names what a goal refers to that the topology lacks', () => {
    const { doc, c } = logsTopology();
    const consumer = doc.apps.find((a) => a.id === c)!.consumers[0]!.id;
    const issues = lessonIssues(
      {
        title: 'x',
        steps: [
          { text: 'ok', goal: { type: 'message-enqueued', queue: 'errors' } },
          { text: 'bad', goal: { type: 'binding-exists', exchange: 'nope', queue: 'gone' } },
          { text: '', goal: { type: 'acked', consumer } },
          { text: 'who', goal: { type: 'acked', consumer: 'ghost' } },
        ],
      },
      doc,
    );
    expect(issues.map((i) => [i.step, i.explanation.key])).toEqual([
      [1, 'lesson.issue.missingQueue'],
      [1, 'lesson.issue.missingExchange'],
      [2, 'lesson.issue.emptyText'],
      [3, 'lesson.issue.missingConsumer'],
    ]);
  });
});

describe('lesson editing', () => {
  const l = { title: 't', steps: [{ text: 'a' }, { text: 'b', goal: { type: 'acked' as const } }, { text: 'c' }] };
  it('adds, removes, moves and updates steps without touching the original', () => {
    expect(addStep(l).steps.map((s) => s.text)).toEqual(['a', 'b', 'c', '']);
    expect(removeStep(l, 1).steps.map((s) => s.text)).toEqual(['a', 'c']);
    expect(moveStep(l, 2, -1).steps.map((s) => s.text)).toEqual(['a', 'c', 'b']);
    expect(moveStep(l, 0, -1)).toBe(l);
    expect(moveStep(l, 2, 1)).toBe(l);
    expect(updateStep(l, 1, { goal: undefined }).steps[1]).toEqual({ text: 'b' });
    expect(updateStep(l, 0, { text: 'A' }).steps[0]).toEqual({ text: 'A' });
    expect(l.steps.map((s) => s.text)).toEqual(['a', 'b', 'c']);
  });

  it('makes default goals that name things of the topology and pass the schema', () => {
    const { doc } = logsTopology();
    for (const type of GOAL_TYPES) {
      const g = defaultGoal(type, doc);
      expect(g.type).toBe(type);
      expect(goalSchema.safeParse(g).success, type).toBe(true);
      expect(lessonIssues({ title: 't', steps: [{ text: 'x', goal: g }] }, doc), type).toEqual([]);
    }
    expect(defaultGoal('binding-exists', doc)).toEqual({ type: 'binding-exists', exchange: 'logs', queue: 'errors' });
  });
});
