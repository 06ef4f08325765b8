import safeRegex from 'safe-regex2';
import type { DefPolicy } from './parse';

/**
 * Which policy applies to a queue or exchange, and what it changes: RabbitMQ's rules as observed on
 * 3.10.8 (shared/reference/definitions.md).
 */

export type QueueKind = 'classic' | 'quorum' | 'stream';
export type PolicyTarget = { kind: 'exchange'; name: string } | { kind: 'queue'; name: string; queueType: QueueKind };

/**
 * Policy keys each queue type does not support: a policy containing one is skipped for that queue as a
 * whole. Copied from RabbitMQ 3.10.8 (`rabbit_classic_queue:capabilities()` and its quorum and stream
 * counterparts, read with `rabbitmqctl eval`).
 */
export const UNSUPPORTED_POLICY_KEYS: Readonly<Record<QueueKind, ReadonlySet<string>>> = {
  classic: new Set(['max-age', 'stream-max-segment-size-bytes', 'queue-leader-locator', 'initial-cluster-size', 'delivery-limit', 'dead-letter-strategy']),
  quorum: new Set([
    'max-priority', 'queue-mode', 'single-active-consumer', 'ha-mode', 'ha-params', 'ha-sync-mode', 'ha-promote-on-shutdown',
    'ha-promote-on-failure', 'queue-master-locator', 'max-age', 'stream-max-segment-size-bytes', 'initial-cluster-size',
  ]),
  stream: new Set([
    'expires', 'message-ttl', 'dead-letter-exchange', 'dead-letter-routing-key', 'max-length', 'max-in-memory-length',
    'max-in-memory-bytes', 'max-priority', 'overflow', 'queue-mode', 'single-active-consumer', 'delivery-limit', 'ha-mode',
    'ha-params', 'ha-sync-mode', 'ha-promote-on-shutdown', 'ha-promote-on-failure', 'queue-master-locator', 'dead-letter-strategy',
  ]),
};

/** What wins when a key is both a queue x-argument and in the effective policy (the reference's table). */
type Rule = 'lower' | 'policy' | 'argument';
const PRECEDENCE: Readonly<Record<'classic' | 'quorum', Readonly<Record<string, Rule>>>> = {
  classic: {
    'message-ttl': 'lower', 'max-length': 'lower', 'max-length-bytes': 'lower', expires: 'lower',
    'dead-letter-exchange': 'argument', 'dead-letter-routing-key': 'argument', overflow: 'argument',
  },
  quorum: {
    'message-ttl': 'lower', 'max-length': 'lower', 'max-length-bytes': 'lower', expires: 'policy', 'delivery-limit': 'lower',
    'dead-letter-exchange': 'argument', 'dead-letter-routing-key': 'argument', overflow: 'policy',
  },
};

/** Policy keys Warren's queues model; any other key of an applied policy is listed as not modelled. */
export const MODELLED_QUEUE_POLICY_KEYS: ReadonlySet<string> = new Set(Object.keys(PRECEDENCE.quorum));

export interface CompiledPolicy extends DefPolicy {
  regex: RegExp;
}

/** Longest pattern Warren evaluates (real ones are short; long ones only slow matching down). */
const MAX_PATTERN = 1000;

/**
 * What becomes of a policy pattern. RabbitMQ compiles it with Erlang's PCRE (unanchored, on the full
 * name) and refuses a file whose pattern does not compile; JavaScript's RegExp agrees on the patterns
 * people write (`^orders\.`, `.*`, `^(?!amq\.).*`).
 * - `ok`: Warren evaluates it as RabbitMQ does;
 * - `refused`: PCRE cannot compile it, so RabbitMQ refuses the file (unbalanced brackets, nothing to
 *   repeat, a reversed range, a variable-length lookbehind, a repeat count over 65535, `\u`);
 * - `pcreOnly`: valid PCRE that JavaScript lacks or reads differently (`(?i)`, `a++`, `(?>…)`,
 *   `(?P<n>…)`, `\Q…\E`, `[[:alpha:]]`, `\p{L}`, `\x{41}`…): RabbitMQ applies it, Warren cannot;
 * - `slow`: it could backtrack catastrophically (nested quantifiers, checked with safe-regex2): a
 *   hostile file could freeze the page, so Warren does not evaluate it.
 * Each example above was checked against RabbitMQ 3.10.8 (refusal.test.ts).
 */
export type PatternStatus = 'ok' | 'refused' | 'pcreOnly' | 'slow';

const PCRE_ONLY_ESCAPES = new Set('QEAZzGhHvVRKXCNpPgeo');
const PCRE_ONLY_GROUP = /^\(\?(?:[a-zA-Z]*-?[a-zA-Z]*[:)]|>|P[<=>]|#|R\)|[+-]?\d|&|\(|\|)/;
/** PCRE's largest repeat count. */
const MAX_REPEAT = 65535;

export function patternStatus(pattern: string): PatternStatus {
  const syntax = pcreSyntax(pattern);
  if (syntax !== 'ok') return syntax;
  try {
    new RegExp(pattern);
  } catch {
    return 'refused';
  }
  // safe-regex2 cannot parse lookbehinds: they are checked as the plain groups they contain
  return pattern.length <= MAX_PATTERN && safeRegex(pattern.replace(/\(\?<[=!]/g, '(?:')) ? 'ok' : 'slow';
}

/** A scan for what PCRE reads differently from JavaScript (escapes, groups, classes, quantifiers). */
function pcreSyntax(p: string): 'ok' | 'refused' | 'pcreOnly' {
  let verdict: 'ok' | 'pcreOnly' = 'ok';
  const lookbehinds: number[] = []; // open lookbehind groups, by depth
  let depth = 0;
  let lastWasQuantifier = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const quantifierBefore = lastWasQuantifier;
    lastWasQuantifier = false;
    if (c === '\\') {
      const e = p[i + 1];
      if (e === 'u') return 'refused'; // PCRE has no \u escape
      if (e !== undefined && (PCRE_ONLY_ESCAPES.has(e) || (e === 'x' && p[i + 2] === '{'))) verdict = 'pcreOnly';
      i++;
    } else if (c === '[') {
      // a character class: PCRE's POSIX classes, escapes inside, up to the closing bracket
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      for (; j < p.length && p[j] !== ']'; j++) {
        if (p[j] === '\\') j++;
        else if (p[j] === '[' && p[j + 1] === ':') verdict = 'pcreOnly';
      }
      i = j;
    } else if (c === '(') {
      depth++;
      const rest = p.slice(i, i + 6);
      if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) lookbehinds.push(depth);
      else if (PCRE_ONLY_GROUP.test(rest)) verdict = 'pcreOnly';
    } else if (c === ')') {
      if (lookbehinds[lookbehinds.length - 1] === depth) lookbehinds.pop();
      depth--;
    } else if (c === '*' || c === '+' || c === '?') {
      if (c === '+' && quantifierBefore) verdict = 'pcreOnly'; // possessive: a++, a*+, a{2}+
      else if (!(c === '?' && (quantifierBefore || p[i - 1] === '('))) {
        if (lookbehinds.length) return 'refused'; // PCRE lookbehinds have a fixed length
        lastWasQuantifier = true;
      }
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
      if (m) {
        const max = m[3] ? Number(m[3]) : Number(m[1]);
        if (Number(m[1]) > MAX_REPEAT || max > MAX_REPEAT) return 'refused';
        if (lookbehinds.length && (m[2] === undefined ? false : m[3] !== m[1])) return 'refused';
        i += m[0].length - 1;
        lastWasQuantifier = true;
      }
    }
  }
  return verdict;
}

/**
 * Compiles the patterns that Warren evaluates as RabbitMQ does; the others are not applied, with why:
 * a pattern RabbitMQ itself refuses (`refused`, see brokerRefusal), or one Warren cannot evaluate.
 */
export function compilePolicies(policies: readonly DefPolicy[]): { usable: CompiledPolicy[]; unusable: { policy: DefPolicy; status: Exclude<PatternStatus, 'ok'> }[] } {
  const usable: CompiledPolicy[] = [];
  const unusable: { policy: DefPolicy; status: Exclude<PatternStatus, 'ok'> }[] = [];
  for (const p of policies) {
    const status = patternStatus(p.pattern);
    if (status === 'ok') usable.push({ ...p, regex: new RegExp(p.pattern) });
    else unusable.push({ policy: p, status });
  }
  return { usable, unusable };
}

function fits(applyTo: DefPolicy['applyTo'], t: PolicyTarget): boolean {
  switch (applyTo) {
    case 'all':
      return true;
    case 'exchanges':
      return t.kind === 'exchange';
    case 'queues':
      return t.kind === 'queue';
    case 'classic_queues':
      return t.kind === 'queue' && t.queueType === 'classic';
    case 'quorum_queues':
      return t.kind === 'queue' && t.queueType === 'quorum';
    case 'streams':
      return t.kind === 'queue' && t.queueType === 'stream';
  }
}

/** Byte order of UTF-8, as Erlang compares binaries (JS compares UTF-16 code units). */
function compareNames(a: string, b: string): number {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) if (ea[i] !== eb[i]) return ea[i]! - eb[i]!;
  return ea.length - eb.length;
}

export interface PolicyChoice {
  policy?: CompiledPolicy;
  /** Other matching policies with the same priority: RabbitMQ does not define which wins. */
  tie: CompiledPolicy[];
  /** Matching policies skipped because they hold keys the queue's type does not support. */
  disqualified: { policy: CompiledPolicy; keys: string[] }[];
}

/**
 * The one policy (user or operator, as asked) that applies to a target: among those whose apply-to fits
 * and whose pattern matches the full name, those with a key the queue type does not support are
 * dropped, then the highest priority wins. Ties: first by name, and reported.
 */
export function choosePolicy(policies: readonly CompiledPolicy[], target: PolicyTarget, operator: boolean): PolicyChoice {
  const disqualified: PolicyChoice['disqualified'] = [];
  const candidates = policies.filter((p) => {
    if (p.operator !== operator || !fits(p.applyTo, target) || !p.regex.test(target.name)) return false;
    if (target.kind === 'queue') {
      const keys = Object.keys(p.definition).filter((k) => UNSUPPORTED_POLICY_KEYS[target.queueType].has(k));
      if (keys.length) {
        disqualified.push({ policy: p, keys });
        return false;
      }
    }
    return true;
  });
  candidates.sort((a, b) => b.priority - a.priority || compareNames(a.name, b.name));
  const [policy, ...rest] = candidates;
  return { policy, tie: rest.filter((p) => p.priority === policy?.priority), disqualified };
}

export interface PolicyValue {
  value: unknown;
  policy: CompiledPolicy;
}

/** The user policy's keys, with each operator policy key merged in: numeric conflicts take the lower value. */
export function mergePolicies(user?: CompiledPolicy, operator?: CompiledPolicy): Map<string, PolicyValue> {
  const out = new Map<string, PolicyValue>();
  if (user) for (const [k, value] of Object.entries(user.definition)) out.set(k, { value, policy: user });
  if (operator) {
    for (const [k, value] of Object.entries(operator.definition)) {
      const mine = out.get(k);
      const keepUser = mine && typeof mine.value === 'number' && typeof value === 'number' && mine.value <= value;
      if (!keepUser) out.set(k, { value, policy: operator });
    }
  }
  return out;
}

export interface QueuePolicyEffect {
  /** The queue's x-arguments with the policy applied. */
  arguments: Record<string, unknown>;
  /** Keys whose value now comes from a policy. */
  applied: { key: string; value: unknown; policy: CompiledPolicy }[];
  /** Keys where the queue's own x-argument won over a different policy value. */
  keptArgument: { key: string; argument: unknown; policyValue: unknown; policy: CompiledPolicy }[];
  /** Keys of the applied policies that Warren does not simulate (queue-mode, ha-mode...). */
  notModelled: { key: string; policy: CompiledPolicy }[];
}

/** Applies the effective (merged) policy to a classic or quorum queue's x-arguments. */
export function applyQueuePolicy(xargs: Record<string, unknown>, queueType: 'classic' | 'quorum', policy: Map<string, PolicyValue>): QueuePolicyEffect {
  const effect: QueuePolicyEffect = { arguments: { ...xargs }, applied: [], keptArgument: [], notModelled: [] };
  for (const [key, pv] of policy) {
    const rule = PRECEDENCE[queueType][key];
    if (!rule) {
      if (!MODELLED_QUEUE_POLICY_KEYS.has(key)) effect.notModelled.push({ key, policy: pv.policy });
      continue;
    }
    const x = `x-${key}`;
    if (!Object.hasOwn(xargs, x)) {
      effect.arguments[x] = pv.value;
      effect.applied.push({ key, value: pv.value, policy: pv.policy });
      continue;
    }
    const arg = xargs[x];
    const usePolicy = rule === 'policy' || (rule === 'lower' && typeof arg === 'number' && typeof pv.value === 'number' && pv.value < arg);
    if (usePolicy) {
      effect.arguments[x] = pv.value;
      if (pv.value !== arg) effect.applied.push({ key, value: pv.value, policy: pv.policy });
    } else if (pv.value !== arg) {
      effect.keptArgument.push({ key, argument: arg, policyValue: pv.value, policy: pv.policy });
    }
  }
  return effect;
}
