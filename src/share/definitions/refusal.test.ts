import { fixture, imported } from '../testing/definitions';
import { describe, expect, it } from 'vitest';
import type { DefinitionsImport } from '.';
import { patternStatus } from './policies';

const keys = (r: DefinitionsImport) => r.report.entries.map((e) => e.key.replace('share.defs.report.', ''));

describe('files RabbitMQ 3.10 would refuse (checked with rabbitmqctl import_definitions on 3.10.8)', () => {
  it('an invalid policy pattern: says RabbitMQ would refuse the file and where it stops; Warren can import it anyway', () => {
    const r = imported(fixture('invalid-policy-regex.json'));
    expect(r.report.refusal).toEqual({ key: 'share.defs.refusal.policyPattern', params: { policy: 'p2-bad', place: 'policies[1]', vhost: 'shop', pattern: '[unclosed' } });
    expect(r.report.entries[0]).toEqual({ section: 'file', ...r.report.refusal });
    // imported anyway: everything but the refused policy
    expect(r.report.imported).toEqual({ exchanges: 2, queues: 1, bindings: 2 });
    expect(r.report.entries.find((e) => e.key === 'share.defs.report.policyRefused')?.params).toEqual({ policy: 'p2-bad' });
    expect(keys(r)).not.toContain('policyUnsupportedPattern');
  });

  it('an operator policy with keys 3.10 does not accept in operator policies: said, and not applied', () => {
    const r = imported(fixture('operator-policy-rejected.json'));
    expect(r.report.refusal).toEqual({ key: 'share.defs.refusal.operatorKeys', params: { policy: 'op-bad', place: 'parameters[1]', vhost: 'shop', keys: 'dead-letter-exchange' } });
    const q = r.scenario.queues.find((x) => x.name === 'a.q1');
    // p1 and the accepted operator policy apply; the refused one's dead-letter-exchange does not
    expect(q?.arguments).toEqual({ queueType: 'classic', messageTtl: 1000, maxLength: 50 });
    expect(r.report.entries.find((e) => e.key === 'share.defs.report.policyRefused')?.params).toEqual({ policy: 'op-bad' });
  });

  it('a file RabbitMQ accepts has no refusal', () => {
    expect(imported(fixture('rabbitmq-3.10.8-export.json')).report.refusal).toBeUndefined();
    expect(imported(fixture('multi-vhost.json')).report.refusal).toBeUndefined();
  });

  it('tells the patterns PCRE refuses from those Warren cannot evaluate (each checked on 3.10.8)', () => {
    const refused = ['[unclosed', '(abc', 'abc)', '*x', 'a**', '\\', 'x{2,1}', '[z-a]', '{1}', '(?<=a+)b', '(?<!ab?)c', 'x{99999}', '\\u0041'];
    const pcreOnly = ['(?i)WORK', 'a++', '(?>a)', '(?P<n>a)', '(?i:a)', '\\Qa.b\\E', '[[:alpha:]]', '\\p{L}', '\\x{41}'];
    const fine = ['^orders\\.', '.*', '^(?!amq\\.).*', 'a{,3}', '(?<n>a)\\k<n>', 'a{1', '[\\d-z]', '\\cA', '(?<=ab)c'];
    expect(refused.filter((p) => patternStatus(p) !== 'refused')).toEqual([]);
    expect(pcreOnly.filter((p) => patternStatus(p) !== 'pcreOnly')).toEqual([]);
    expect(fine.filter((p) => patternStatus(p) !== 'ok')).toEqual([]);
    expect(patternStatus('(a+)+$')).toBe('slow');
  });
});
