import { z } from 'zod';
import { MAX_PRIORITY } from '../model/amq';
import { expirationSchema } from '../model/schemas/clients';
import { headersSchema, idSchema, nonNegativeInt, shortstrSchema } from '../model/schemas/common';
import type { Scenario } from '../model';
import { ARGS_MAX, PROGRAM_NAME, PROGRAM_SOURCE_MAX } from '../model/program';
import type { WorldInput } from '../sim';
import type { ShareProblem } from './errors';
import { formatPath } from './safeJson';
import { decodeWith, encodeWith } from './wire';
import { SCENARIO_SHAPE_V1 } from './wireShapes';

/**
 * The run so far, carried by a link when the teacher asks for it: the virtual time they were looking
 * at, and everything they did during the run (a message published by hand, a consumer stopped or
 * crashed, the broker restarted, an edit of the topology), each at its virtual time. The world is
 * deterministic, so replaying those inputs from the same scenario and seed is the same run: the student
 * sees what the teacher saw, and can rewind it and watch it happen.
 *
 * When the topology was edited during the run, `initial` is the scenario the run started from (the
 * link's `scenario` is the document as it is now).
 */
export interface SharedRun {
  /** the virtual time (ms) the link opens at */
  at: number;
  /** the events the teacher's world had run by then (several can share that instant; see World.steps) */
  steps?: number;
  initial?: Scenario;
  /** each input with its virtual time and the number of events run before it (see World.steps) */
  inputs: { t: number; steps?: number; input: WorldInput }[];
}

/** Bounds for untrusted runs: a day of virtual time, and more hand-made actions than a class makes. */
export const RUN_LIMITS = { atMs: 24 * 3600 * 1000, inputs: 2000, burst: 100_000, downMs: 600_000, bodyChars: 64 * 1024 } as const;

const virtualTime = z.number().finite().min(0).max(RUN_LIMITS.atMs);
const eventCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const publishOverrides = z.strictObject({
  routingKey: shortstrSchema.optional(),
  body: z.string().max(RUN_LIMITS.bodyChars).optional(),
  headers: headersSchema.optional(),
  deliveryMode: z.union([z.literal(1), z.literal(2)]).optional(),
  priority: nonNegativeInt(MAX_PRIORITY).optional(),
  expiration: expirationSchema.optional(),
  mandatory: z.boolean().optional(),
  correlationId: shortstrSchema.optional(),
  replyTo: shortstrSchema.optional(),
  messageId: shortstrSchema.optional(),
});

/** Every input but 'scenario', whose document is checked by the scenario's own strict restore. */
const simpleInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('publish'), publisher: idSchema, overrides: publishOverrides.optional() }),
  z.strictObject({ type: z.literal('burst'), publisher: idSchema, count: z.number().int().min(1).max(RUN_LIMITS.burst).optional() }),
  z.strictObject({ type: z.literal('consumer-start'), consumer: idSchema }),
  z.strictObject({ type: z.literal('consumer-stop'), consumer: idSchema }),
  z.strictObject({ type: z.literal('consumer-crash'), consumer: idSchema }),
  z.strictObject({ type: z.literal('broker-restart'), downMs: z.number().int().min(0).max(RUN_LIMITS.downMs).optional() }),
  z.strictObject({ type: z.literal('redeclare'), kind: z.enum(['queue', 'exchange']), name: shortstrSchema }),
  z.strictObject({
    type: z.literal('program-start'),
    program: z.strictObject({
      file: z.string().regex(PROGRAM_NAME),
      source: z.string().max(PROGRAM_SOURCE_MAX),
      args: z.array(z.string().max(ARGS_MAX)).max(100),
      seed: z.number().int().min(0).max(0xffffffff),
    }),
  }),
  z.strictObject({ type: z.literal('program-stop'), pid: z.string().regex(/^[\w.-]+ #\d{1,4}$/), signal: z.enum(['SIGINT', 'SIGKILL']) }),
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The wire form: scenarios (the initial one, and edits) in the compact scenario form. */
export function encodeRun(run: SharedRun): Obj {
  return {
    a: run.at,
    ...(run.steps === undefined ? {} : { s: run.steps }),
    ...(run.initial ? { i: encodeWith(SCENARIO_SHAPE_V1, run.initial as unknown as Obj) } : {}),
    n: run.inputs.map(({ t, steps, input }) => {
      const wire = input.type === 'scenario' ? { type: 'scenario', s: encodeWith(SCENARIO_SHAPE_V1, input.scenario as unknown as Obj) } : input;
      return steps === undefined ? [t, wire] : [t, wire, steps];
    }),
  };
}

/** Back from the wire form; anything of an unexpected shape is left for restoreRun to refuse. */
export function decodeRun(wire: unknown): unknown {
  if (!isObj(wire)) return wire;
  const inputs = Array.isArray(wire.n)
    ? wire.n.map((item) => {
        if (!Array.isArray(item) || item.length < 2 || item.length > 3) return item;
        const [t, input, steps] = item as [unknown, unknown, unknown];
        const at = steps === undefined ? { t } : { t, steps };
        if (isObj(input) && input.type === 'scenario' && 's' in input) return { ...at, input: { type: 'scenario', scenario: decodeWith(SCENARIO_SHAPE_V1, input.s) } };
        return { ...at, input };
      })
    : wire.n;
  return { at: wire.a, ...(wire.s === undefined ? {} : { steps: wire.s }), ...(wire.i === undefined ? {} : { initial: decodeWith(SCENARIO_SHAPE_V1, wire.i) }), inputs };
}

/**
 * Checks a decoded, untrusted run: times within bounds and in order, every input one that Warren
 * records, every scenario in it valid by the model's rules. Inputs naming a client the scenario does
 * not have are harmless (the world ignores them, as it would after the client was deleted).
 */
export function restoreRun(raw: unknown, strictScenario: (raw: unknown, at: (string | number)[]) => { ok: true; value: Scenario } | { ok: false; error: { problems?: ShareProblem[] } }): { run?: SharedRun; problems: ShareProblem[] } {
  const problems: ShareProblem[] = [];
  const at = (...p: (string | number)[]) => formatPath(['run', ...p]);
  if (!isObj(raw)) return { problems: [{ key: 'share.problem.expected', params: { type: 'object' }, path: at() }] };
  const time = virtualTime.safeParse(raw.at);
  if (!time.success) problems.push({ key: 'share.problem.outOfRange', params: { min: 0, max: RUN_LIMITS.atMs }, path: at('at') });
  const atSteps = raw.steps === undefined ? undefined : eventCount.safeParse(raw.steps);
  if (atSteps && !atSteps.success) problems.push({ key: 'share.problem.invalid', path: at('steps') });
  let initial: Scenario | undefined;
  if (raw.initial !== undefined) {
    const s = strictScenario(raw.initial, ['run', 'initial']);
    if (s.ok) initial = s.value;
    else problems.push(...(s.error.problems ?? [{ key: 'share.problem.invalid', path: at('initial') }]));
  }
  if (!Array.isArray(raw.inputs)) return { problems: [...problems, { key: 'share.problem.expected', params: { type: 'array' }, path: at('inputs') }] };
  if (raw.inputs.length > RUN_LIMITS.inputs) return { problems: [...problems, { key: 'share.problem.outOfRange', params: { min: 0, max: RUN_LIMITS.inputs }, path: at('inputs') }] };
  const inputs: SharedRun['inputs'] = [];
  let last = 0;
  raw.inputs.forEach((item: unknown, i) => {
    if (!isObj(item)) {
      problems.push({ key: 'share.problem.expected', params: { type: 'object' }, path: at('inputs', i) });
      return;
    }
    const t = virtualTime.safeParse(item.t);
    if (!t.success || t.data < last) {
      problems.push({ key: 'share.problem.outOfRange', params: { min: last, max: RUN_LIMITS.atMs }, path: at('inputs', i, 't') });
      return;
    }
    last = t.data;
    const steps = item.steps === undefined ? undefined : eventCount.safeParse(item.steps);
    if (steps && !steps.success) {
      problems.push({ key: 'share.problem.invalid', path: at('inputs', i, 'steps') });
      return;
    }
    const when = steps ? { t: t.data, steps: steps.data } : { t: t.data };
    const input = item.input;
    if (isObj(input) && input.type === 'scenario') {
      const s = strictScenario(input.scenario, ['run', 'inputs', i, 'scenario']);
      if (s.ok) inputs.push({ ...when, input: { type: 'scenario', scenario: s.value } });
      else problems.push(...(s.error.problems ?? [{ key: 'share.problem.invalid', path: at('inputs', i) }]));
      return;
    }
    const r = simpleInput.safeParse(input);
    if (r.success) inputs.push({ ...when, input: r.data as WorldInput });
    else problems.push({ key: 'share.problem.invalid', path: at('inputs', i) });
  });
  if (problems.length || !time.success) return { problems };
  return { run: { at: time.data, ...(atSteps?.success ? { steps: atSteps.data } : {}), ...(initial ? { initial } : {}), inputs }, problems };
}
