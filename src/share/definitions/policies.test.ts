import { describe, expect, it } from 'vitest';
import type { DefPolicy } from './parse';
import { applyQueuePolicy, choosePolicy, compilePolicies, mergePolicies, type PolicyTarget } from './policies';

const policy = (name: string, definition: Record<string, unknown>, extra: Partial<DefPolicy> = {}): DefPolicy => ({
  name, place: 'policies[0]', pattern: '.*', applyTo: 'all', definition, priority: 0, operator: false, ...extra,
});
const compiled = (...ps: DefPolicy[]) => compilePolicies(ps).usable;
const classic = (name = 'q'): PolicyTarget => ({ kind: 'queue', name, queueType: 'classic' });
const quorum = (name = 'q'): PolicyTarget => ({ kind: 'queue', name, queueType: 'quorum' });
const effective = (xargs: Record<string, unknown>, type: 'classic' | 'quorum', def: Record<string, unknown>) =>
  applyQueuePolicy(xargs, type, mergePolicies(compiled(policy('p', def))[0])).arguments;

describe('which policy applies', () => {
  it('matches the pattern unanchored on the full name, and apply-to', () => {
    const ps = compiled(policy('a', { 'max-length': 1 }, { pattern: 'der' }), policy('b', { 'max-length': 2 }, { pattern: '^x', applyTo: 'exchanges', priority: 9 }));
    expect(choosePolicy(ps, classic('orders'), false).policy?.name).toBe('a');
    expect(choosePolicy(ps, classic('x-orders'), false).policy?.name).toBe('a'); // 'b' is for exchanges only
    expect(choosePolicy(ps, { kind: 'exchange', name: 'x1' }, false).policy?.name).toBe('b');
    expect(choosePolicy(ps, classic('queue'), false).policy).toBeUndefined();
  });

  it('honours the 4.x queue-type apply-to values', () => {
    const ps = compiled(policy('c', {}, { applyTo: 'classic_queues' }), policy('qq', {}, { applyTo: 'quorum_queues' }), policy('s', {}, { applyTo: 'streams', priority: 5 }));
    expect(choosePolicy(ps, classic(), false).policy?.name).toBe('c');
    expect(choosePolicy(ps, quorum(), false).policy?.name).toBe('qq');
  });

  it('skips a whole policy holding a key the queue type does not support, so a lower one applies', () => {
    const ps = compiled(policy('dl', { 'delivery-limit': 3, 'max-length': 7 }, { priority: 5 }), policy('ml', { 'max-length': 9 }, { priority: 1 }));
    const c = choosePolicy(ps, classic('lost'), false); // checked on RabbitMQ 3.10.8: "lost" got policy "ml"
    expect(c.policy?.name).toBe('ml');
    expect(c.disqualified.map((d) => [d.policy.name, d.keys])).toEqual([['dl', ['delivery-limit']]]);
    expect(choosePolicy(ps, quorum('lost'), false).policy?.name).toBe('dl');
    expect(choosePolicy(compiled(policy('prio', { 'max-priority': 5 })), quorum(), false).policy).toBeUndefined();
  });

  it('takes the highest priority; on a tie the first by name, reporting the others', () => {
    const ps = compiled(policy('b', {}, { priority: 3 }), policy('a', {}, { priority: 3 }), policy('z', {}, { priority: 1 }));
    const c = choosePolicy(ps, classic(), false);
    expect([c.policy?.name, c.tie.map((p) => p.name)]).toEqual(['a', ['b']]);
  });

  it('chooses user and operator policies separately', () => {
    const ps = compiled(policy('user', { 'max-length': 5 }), policy('op', { 'max-length': 3 }, { operator: true }));
    expect(choosePolicy(ps, classic(), false).policy?.name).toBe('user');
    expect(choosePolicy(ps, classic(), true).policy?.name).toBe('op');
  });

  it('does not evaluate patterns that could hang the page or that JavaScript cannot read', () => {
    const r = compilePolicies([policy('evil', {}, { pattern: '(a+)+$' }), policy('pcre', {}, { pattern: '(?i)abc' }), policy('long', {}, { pattern: 'a'.repeat(2000) }), policy('ok', {}, { pattern: '^(?!amq\\.).*' })]);
    expect(r.unusable.map((u) => [u.policy.name, u.status])).toEqual([['evil', 'slow'], ['pcre', 'pcreOnly'], ['long', 'slow']]);
    expect(r.usable.map((p) => p.name)).toEqual(['ok']);
  });
});

describe('operator policies merge with the lower numeric value', () => {
  it('keeps the lower of each numeric key, and the operator keys the user policy lacks', () => {
    const [user, op] = compiled(policy('u', { 'message-ttl': 60000, 'dead-letter-exchange': 'dlx', 'max-length': 10 }), policy('o', { 'message-ttl': 5000, 'max-length': 50, expires: 1000 }, { operator: true }));
    const merged = mergePolicies(user, op);
    expect(Object.fromEntries([...merged].map(([k, v]) => [k, [v.value, v.policy.name]]))).toEqual({
      'message-ttl': [5000, 'o'],
      'dead-letter-exchange': ['dlx', 'u'],
      'max-length': [10, 'u'],
      expires: [1000, 'o'],
    });
  });
});

describe('x-argument versus policy (the reference table)', () => {
  it.each([
    ['message-ttl', 'classic', 100, 50, 50],
    ['message-ttl', 'classic', 50, 100, 50],
    ['max-length', 'classic', 10, 5, 5],
    ['max-length-bytes', 'quorum', 10, 20, 10],
    ['expires', 'classic', 9000, 8000, 8000],
    ['expires', 'classic', 8000, 9000, 8000],
    ['expires', 'quorum', 8000, 9000, 9000],
    ['delivery-limit', 'quorum', 5, 3, 3],
    ['delivery-limit', 'quorum', 3, 5, 3],
    ['dead-letter-exchange', 'classic', 'mine', 'policy', 'mine'],
    ['dead-letter-exchange', 'quorum', 'mine', 'policy', 'mine'],
    ['dead-letter-routing-key', 'quorum', 'mine', 'policy', 'mine'],
    ['overflow', 'classic', 'drop-head', 'reject-publish', 'drop-head'],
    ['overflow', 'quorum', 'drop-head', 'reject-publish', 'reject-publish'],
  ] as const)('%s on a %s queue: argument %s, policy %s -> %s', (key, type, arg, pol, expected) => {
    expect(effective({ [`x-${key}`]: arg }, type, { [key]: pol })[`x-${key}`]).toBe(expected);
  });

  it('turns a key only in the policy into an argument, leaves arguments only on the queue, lists what it does not model', () => {
    const e = applyQueuePolicy({ 'x-max-priority': 5 }, 'classic', mergePolicies(compiled(policy('p', { 'message-ttl': 10, 'queue-mode': 'lazy', 'ha-mode': 'all' }))[0]));
    expect(e.arguments).toEqual({ 'x-max-priority': 5, 'x-message-ttl': 10 });
    expect(e.applied.map((a) => a.key)).toEqual(['message-ttl']);
    expect(e.notModelled.map((a) => a.key)).toEqual(['queue-mode', 'ha-mode']);
  });
});
