import type { z } from 'zod';
import { type DocIssue, SCENARIO_VERSION, type Scenario, scenarioShape, toFieldIssues, validateScenario } from '../model';
import { fail, ok, type Result, type ShareProblem } from './errors';
import { type Lesson, lessonSchema } from './lesson';
import { LIMITS } from './limits';
import { restoreRun, type SharedRun } from './run';
import { formatPath } from './safeJson';
import { isScenarioId, type ScenarioId } from '../scenarios';

export const SHARE_MODES = ['edit', 'embed'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

/** Everything a link (or a scenario file) carries. */
export interface ShareState {
  v: 1;
  /** The whole document: topology, positions, client settings, seed. */
  scenario: Scenario;
  /** Simulation speed the teacher used (1 = real time). */
  speed?: number;
  lesson?: Lesson;
  /** 'embed' opens the player without the editing chrome. */
  mode?: ShareMode;
  /** The gallery scenario it started from: the reader sees its explanation (what to watch, what to try). */
  gallery?: ScenarioId;
  /** The run so far (the teacher's time and actions), when the teacher chose to share it. */
  run?: SharedRun;
}

export const SPEED_MIN = 0.01;
export const SPEED_MAX = 1000;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks decoded, untrusted data and returns a ShareState, or every problem found with where it is.
 * Unlike restoring the user's own autosave (src/model/restore.ts, which keeps what it can), shared data
 * is all or nothing: a link that does not validate entirely was damaged or tampered with, and opening
 * half of it would show the student something the teacher never made.
 */
export function restoreShareState(raw: unknown): Result<ShareState> {
  if (!isObj(raw)) return fail('share.error.invalid', { count: 1 }, [{ key: 'share.problem.expected', params: { type: 'object' } }]);
  const scenario = restoreScenarioStrict(raw.scenario, 'scenario');
  if (!scenario.ok) return scenario;
  const problems: ShareProblem[] = [];
  const state: ShareState = { v: 1, scenario: scenario.value };
  if (raw.speed !== undefined) {
    const s = raw.speed;
    if (typeof s === 'number' && Number.isFinite(s) && s >= SPEED_MIN && s <= SPEED_MAX) state.speed = s;
    else problems.push({ key: 'share.problem.outOfRange', params: { min: SPEED_MIN, max: SPEED_MAX }, path: 'speed' });
  }
  if (raw.mode !== undefined) {
    if ((SHARE_MODES as readonly unknown[]).includes(raw.mode)) state.mode = raw.mode as ShareMode;
    else problems.push({ key: 'share.problem.unknownValue', params: { options: SHARE_MODES.join(', ') }, path: 'mode' });
  }
  if (raw.gallery !== undefined) {
    // An id this Warren does not know (a newer gallery) only loses the explanation: the scenario is whole.
    if (typeof raw.gallery === 'string' && raw.gallery.length <= 64) {
      if (isScenarioId(raw.gallery)) state.gallery = raw.gallery;
    } else problems.push({ key: 'share.problem.expected', params: { type: 'string' }, path: 'gallery' });
  }
  if (raw.lesson !== undefined) {
    const r = lessonSchema.safeParse(raw.lesson);
    if (r.success) state.lesson = r.data;
    else problems.push(...zodProblems(r.error, ['lesson']));
  }
  if (raw.run !== undefined) {
    const r = restoreRun(raw.run, restoreScenarioStrict);
    if (r.run) state.run = r.run;
    problems.push(...r.problems);
  }
  return problems.length ? fail('share.error.invalid', { count: problems.length }, problems) : ok(state);
}

/**
 * A scenario from outside, validated entirely by the model's own rules: the zod schemas (types, bounds,
 * AMQP rules such as "quorum queues are durable") and then validateScenario's cross-entity rules
 * (unique names and ids, bindings whose ends exist). `at` prefixes the problems' paths.
 */
export function restoreScenarioStrict(raw: unknown, at?: string | (string | number)[]): Result<Scenario> {
  const prefix = at === undefined ? [] : Array.isArray(at) ? at : [at];
  if (!isObj(raw)) {
    return fail('share.error.invalidScenario', { count: 1 }, [{ key: 'share.problem.required', path: formatPath(prefix) || undefined }]);
  }
  const version = raw.version ?? SCENARIO_VERSION;
  if (typeof version === 'number' && version > SCENARIO_VERSION) return fail('share.error.newerVersion', { version });
  const tooMany = checkCounts(raw);
  if (tooMany) return tooMany;
  const parsed = scenarioShape.safeParse({ ...raw, version }, { reportInput: true });
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, prefix);
    return fail('share.error.invalidScenario', { count: problems.length }, problems);
  }
  const scenario = parsed.data as Scenario;
  const errors = validateScenario(scenario).filter((i) => i.severity === 'error');
  if (errors.length) {
    const problems = errors.map((i) => docProblem(scenario, i, prefix));
    return fail('share.error.invalidScenario', { count: problems.length }, problems);
  }
  return ok(scenario);
}

/** Refuses documents too big to validate quickly, before validating them (see LIMITS). */
function checkCounts(raw: Record<string, unknown>) {
  const count = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]).length : 0);
  const nodes = count('exchanges') + count('queues') + count('apps');
  if (nodes > LIMITS.scenarioNodes) return fail('share.error.tooManyNodes', { count: nodes, max: LIMITS.scenarioNodes });
  const bindings = count('bindings');
  if (bindings > LIMITS.scenarioBindings) return fail('share.error.tooManyBindings', { count: bindings, max: LIMITS.scenarioBindings });
  return null;
}

function zodProblems(error: z.ZodError, prefix: (string | number)[]): ShareProblem[] {
  return toFieldIssues(error).map((i) => ({ ...i.explanation, path: formatPath([...prefix, ...i.path]) }));
}

const COLLECTION = { exchange: 'exchanges', queue: 'queues', binding: 'bindings', app: 'apps' } as const;

function docProblem(s: Scenario, issue: DocIssue, prefix: (string | number)[]): ShareProblem {
  const collection = issue.kind in COLLECTION ? COLLECTION[issue.kind as keyof typeof COLLECTION] : 'apps';
  const list: { id: string }[] = s[collection];
  const index = list.findIndex((x) => x.id === issue.id);
  return { ...issue.explanation, path: formatPath([...prefix, collection, index, ...issue.path]) };
}
