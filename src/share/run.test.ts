import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { updateQueue } from '../model';
import { decode, encode } from './codec';
import { toBase64url } from './compress';
import type { ShareState } from './restore';
import { RUN_LIMITS, type SharedRun } from './run';
import { workQueues } from './testing/fixtures';
import { encodeWith } from './wire';
import { SHARE_SHAPE_V1 } from './wireShapes';

const forge = (json: unknown) => `1.${toBase64url(deflateSync(new TextEncoder().encode(JSON.stringify(json))))}`;

function sampleRun(): { state: ShareState; run: SharedRun } {
  const scenario = workQueues();
  const worker = scenario.apps.find((a) => a.name === 'worker1')!;
  const producer = scenario.apps.find((a) => a.name === 'new_task')!;
  const q = scenario.queues[0]!;
  const r = updateQueue(scenario, q.id, { arguments: { ...q.arguments, maxLength: 5 } });
  if (!r.ok) throw new Error('fixture');
  const run: SharedRun = {
    at: 12_345.5,
    steps: 777,
    initial: scenario,
    inputs: [
      { t: 0, steps: 0, input: { type: 'publish', publisher: producer.publishers[0]!.id, overrides: { routingKey: 'task_queue', body: 'Hola <b>mundo</b>', headers: { n: 1, ok: true }, priority: 3 } } },
      { t: 2500, steps: 40, input: { type: 'consumer-crash', consumer: worker.consumers[0]!.id } },
      { t: 2500, steps: 40, input: { type: 'burst', publisher: producer.publishers[0]!.id, count: 20 } },
      { t: 4000, steps: 180, input: { type: 'scenario', scenario: r.doc } },
      { t: 9000, input: { type: 'broker-restart', downMs: 1500 } },
      { t: 10_600, steps: 450, input: { type: 'redeclare', kind: 'queue', name: q.name } },
      { t: 11_000, steps: 500, input: { type: 'consumer-start', consumer: worker.consumers[0]!.id } },
    ],
  };
  return { state: { v: 1, scenario: r.doc, speed: 2, run }, run };
}

const problemsOf = (data: string) => {
  const r = decode(data);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

/** A link as `encode` would write it, with the run's wire form replaced. */
function withRunWire(runWire: unknown): string {
  const { state } = sampleRun();
  const wire = encodeWith(SHARE_SHAPE_V1, { scenario: state.scenario });
  return forge({ ...wire, u: runWire });
}

describe('share codec: the run so far', () => {
  it('round-trips a run with every kind of input, edits of the topology included', () => {
    const { state } = sampleRun();
    expect(decode(encode(state))).toEqual({ ok: true, value: state });
  });

  it('stays a short link: six actions and an edit add a few hundred characters', () => {
    const { state } = sampleRun();
    const without = encode({ ...state, run: undefined }).length;
    const withRun = encode(state).length;
    // measured when written: 425 without the run, 721 with it (the two scenarios compress against each other)
    expect(withRun - without).toBeLessThan(600);
    expect(withRun).toBeLessThan(2000);
  });

  it('a link without a run still opens (links made before runs could be shared)', () => {
    const { state } = sampleRun();
    const r = decode(encode({ ...state, run: undefined }));
    expect(r.ok && r.value.run).toBe(undefined);
  });

  it.each([
    ['a time out of range', { a: -5, n: [] }, 'run.at'],
    ['a time beyond a day', { a: RUN_LIMITS.atMs + 1, n: [] }, 'run.at'],
    ['inputs going back in time', { a: 10, n: [[5, { type: 'consumer-stop', consumer: 'c' }], [4, { type: 'consumer-stop', consumer: 'c' }]] }, 'run.inputs[1].t'],
    ['an input Warren does not record', { a: 10, n: [[1, { type: 'eval', code: 'alert(1)' }]] }, 'run.inputs[0]'],
    ['an input with extra fields', { a: 10, n: [[1, { type: 'consumer-stop', consumer: 'c', extra: 1 }]] }, 'run.inputs[0]'],
    ['a client id that is not an id', { a: 10, n: [[1, { type: 'publish', publisher: '<img src=x onerror=alert(1)>' }]] }, 'run.inputs[0]'],
    ['a huge burst', { a: 10, n: [[1, { type: 'burst', publisher: 'p', count: 1e9 }]] }, 'run.inputs[0]'],
    ['a negative event count', { a: 10, n: [[1, { type: 'consumer-stop', consumer: 'c' }, -1]] }, 'run.inputs[0].steps'],
    ['a fractional event count for the moment', { a: 10, s: 2.5, n: [] }, 'run.steps'],
    ['an invalid edit of the topology', { a: 10, n: [[1, { type: 'scenario', s: { Q: [{ i: 'q1', n: 'dup' }, { i: 'q2', n: 'dup' }] } }]] }, 'run.inputs[0].scenario'],
    ['inputs that are not a list', { a: 10, n: 'oops' }, 'run.inputs'],
  ])('refuses %s, saying where', (_, runWire, path) => {
    const error = problemsOf(withRunWire(runWire));
    expect(error.key).toBe('share.error.invalid');
    expect(error.problems?.some((p) => p.path?.startsWith(path))).toBe(true);
  });

  it('refuses more inputs than a class makes', () => {
    const n = Array.from({ length: RUN_LIMITS.inputs + 1 }, (_, i) => [i, { type: 'consumer-stop', consumer: 'c' }]);
    const error = problemsOf(withRunWire({ a: 10, n }));
    expect(error.problems?.[0]?.path).toBe('run.inputs');
  });
});
