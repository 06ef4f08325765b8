import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { POSITION_MAX, validateScenario, ZOOM_MAX } from '../model';
import { decode, encode } from './codec';
import { toBase64url } from './compress';
import { LIMITS } from './limits';
import type { ShareState } from './restore';
import { validScenario } from './testing/arbitraries';
import { kitchenSink, topics, workQueues } from './testing/fixtures';

/** Link data for arbitrary JSON text, as a forger would make it. */
const forge = (json: string, version = 1) => `${version}.${toBase64url(deflateSync(new TextEncoder().encode(json)))}`;
const errorOf = (data: unknown) => {
  const r = decode(data);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('share codec: round trips', () => {
  it.each([
    ['work queues', workQueues],
    ['topics', topics],
    ['kitchen sink', kitchenSink],
  ])('restores the %s scenario exactly, with speed, lesson and mode', (_, make) => {
    const state: ShareState = {
      v: 1,
      scenario: make(),
      speed: 2.5,
      mode: 'embed',
      lesson: { title: 'Bind it', steps: [{ text: 'Bind queue B to `kern.*`', goal: { kind: 'delivered', queue: 'B', key: 'kern.*' } }, { text: 'Done' }] },
    };
    const r = decode(encode(state));
    expect(r).toEqual({ ok: true, value: state });
  });

  it('keeps typical tutorial links well under 2,000 characters', () => {
    const sizes = { workQueues: encode({ v: 1, scenario: workQueues() }).length, topics: encode({ v: 1, scenario: topics() }).length };
    // measured when written: work queues 408, topics 546 (the kitchen sink, with every feature, 885; topics with a 4-step lesson, 790)
    expect(sizes.workQueues).toBeLessThan(600);
    expect(sizes.topics).toBeLessThan(800);
    expect(encode({ v: 1, scenario: kitchenSink() }).length).toBeLessThan(2000);
  });

  it('writes only URL-safe characters, with the format version in front', () => {
    expect(encode({ v: 1, scenario: topics() })).toMatch(/^1\.[A-Za-z0-9_-]+$/);
  });

  it('round-trips random valid scenarios exactly', () => {
    fc.assert(
      fc.property(validScenario, fc.option(fc.double({ min: 0.01, max: 1000, noNaN: true }), { nil: undefined }), (scenario, speed) => {
        expect(validateScenario(scenario).filter((i) => i.severity === 'error')).toEqual([]);
        const state: ShareState = speed === undefined ? { v: 1, scenario } : { v: 1, scenario, speed };
        expect(decode(encode(state))).toEqual({ ok: true, value: state });
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('share codec: refusing bad links', () => {
  const good = encode({ v: 1, scenario: topics() });

  it('says what is wrong with empty, foreign and malformed data', () => {
    expect(errorOf('').key).toBe('share.error.empty');
    expect(errorOf('   ').key).toBe('share.error.empty');
    expect(errorOf(undefined).key).toBe('share.link.malformed');
    expect(errorOf('hello world').key).toBe('share.link.malformed');
    expect(errorOf('1.abc$def').key).toBe('share.link.malformed');
    expect(errorOf('N4IgLg...').key).toBe('share.link.malformed');
  });

  it('recognises a link from a newer Warren, and one from a version it no longer reads', () => {
    expect(errorOf(good.replace(/^1\./, '2.'))).toEqual({ key: 'share.error.newerVersion', params: { version: 2 } });
    expect(errorOf(good.replace(/^1\./, '0.'))).toEqual({ key: 'share.error.unsupportedVersion', params: { version: 0 } });
    // a newer scenario document inside a version-1 link
    expect(errorOf(forge(JSON.stringify({ s: { V: 7 } })))).toEqual({ key: 'share.error.newerVersion', params: { version: 7 } });
  });

  it('refuses truncated and tampered links', () => {
    for (const cut of [good.length - 1, good.length - 10, Math.floor(good.length / 2), 3]) {
      expect(['share.link.corrupt', 'share.error.notJson', 'share.error.invalidScenario', 'share.error.invalid']).toContain(errorOf(good.slice(0, cut)).key);
    }
    expect(errorOf('1.' + 'A'.repeat(50)).key).toBe('share.link.corrupt');
    expect(errorOf(forge('{"s": {"X": [')).key).toBe('share.error.notJson');
    expect(errorOf(`1.${toBase64url(deflateSync(new Uint8Array([0xff, 0xfe, 0x7b])))}`).key).toBe('share.link.corrupt');
  });

  it('caps the link length before inflating and the inflated size while inflating', () => {
    expect(errorOf('1.' + 'A'.repeat(LIMITS.linkChars))).toMatchObject({ key: 'share.link.tooLarge', params: { max: LIMITS.linkChars } });
    const bomb = `1.${toBase64url(deflateSync(new Uint8Array(4 * 1024 * 1024).fill(32), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(LIMITS.linkChars);
    expect(errorOf(bomb)).toEqual({ key: 'share.link.decompressedTooLarge', params: { max: LIMITS.linkInflatedBytes } });
  });

  it('refuses documents with more entities than a scenario holds, before validating them', () => {
    const queues = Array.from({ length: LIMITS.scenarioNodes + 1 }, (_, i) => ({ i: `q${i}`, n: `q${i}` }));
    expect(errorOf(forge(JSON.stringify({ s: { Q: queues } })))).toEqual({ key: 'share.error.tooManyNodes', params: { count: LIMITS.scenarioNodes + 1, max: LIMITS.scenarioNodes } });
  });

  it('refuses coordinates no canvas can show (1e308 would leave a blank canvas fit view cannot recover)', () => {
    const s = topics();
    const far = { ...s, queues: s.queues.map((q, i) => (i === 0 ? { ...q, position: { x: 1e308, y: 0 } } : q)), layout: { viewport: { x: 0, y: 0, zoom: 1e300 } } };
    const e = errorOf(encode({ v: 1, scenario: far }));
    expect(e.key).toBe('share.error.invalidScenario');
    expect(e.problems).toEqual([
      { key: 'validation.max', params: { max: POSITION_MAX }, path: 'scenario.queues[0].position.x' },
      { key: 'validation.max', params: { max: ZOOM_MAX }, path: 'scenario.layout.viewport.zoom' },
    ]);
  });

  it('refuses prototype-pollution keys and deep nesting before looking at the content', () => {
    expect(errorOf(forge('{"s": {"__proto__": {"polluted": true}}}'))).toEqual({ key: 'share.error.forbiddenKey', params: { key: '__proto__', path: 's.__proto__' } });
    expect(errorOf(forge('{"s": {"X": [{"constructor": {"prototype": 1}}]}}')).params).toMatchObject({ key: 'constructor', path: 's.X[0].constructor' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(forge('['.repeat(5000) + ']'.repeat(5000)))).toEqual({ key: 'share.error.tooDeep', params: { max: LIMITS.jsonDepth } });
  });

  it('lists every invalid field with its path', () => {
    const e = errorOf(forge(JSON.stringify({ s: { X: [{ i: 'x1', n: 'amq.mine', t: 'fancy' }], Q: [{ i: 'q1', n: 'q', g: { p: 'high' } }] } })));
    expect(e.key).toBe('share.error.invalidScenario');
    expect(e.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'validation.nameReserved', path: 'scenario.exchanges[0].name' }),
        expect.objectContaining({ key: 'validation.oneOf', path: 'scenario.exchanges[0].type' }),
        expect.objectContaining({ key: 'validation.number', path: 'scenario.queues[0].arguments.maxPriority' }),
      ]),
    );
    const dup = errorOf(forge(JSON.stringify({ s: { Q: [{ i: 'q1', n: 'same' }, { i: 'q2', n: 'same' }] } })));
    expect(dup.problems).toEqual([{ key: 'validation.nameTaken', params: { name: 'same' }, path: 'scenario.queues[0].name' }, { key: 'validation.nameTaken', params: { name: 'same' }, path: 'scenario.queues[1].name' }]);
    expect(errorOf(forge(JSON.stringify({ s: { X: {} } }))).key).toBe('share.error.invalidScenario');
    expect(errorOf(forge(JSON.stringify({ x: 1 }))).key).toBe('share.error.invalidScenario');
    expect(errorOf(forge('[1,2]')).key).toBe('share.error.invalid');
  });

  it('checks speed, mode and lesson too', () => {
    const e = errorOf(forge(JSON.stringify({ s: {}, x: -1, m: 'admin', l: { title: 3, steps: [] } })));
    expect(e.key).toBe('share.error.invalid');
    expect(e.problems!.map((p) => p.path)).toEqual(['speed', 'mode', 'lesson.title']);
  });

  it('keeps names with markup as plain data', () => {
    const s = topics();
    s.queues[0]!.name = '<img src=x onerror=alert(1)>';
    s.apps[1]!.consumers[0]!.queue = s.queues[0]!.name;
    const r = decode(encode({ v: 1, scenario: s }));
    expect(r.ok && r.value.scenario.queues[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `1.${s}`), fc.nat({ max: good.length }).chain((i) => fc.string({ maxLength: 3 }).map((s) => good.slice(0, i) + s + good.slice(i + s.length)))), (data) => {
        const r = decode(data);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
