import { afterEach, describe, expect, it, vi } from 'vitest';
import { importDefinitions, listVhosts } from './definitions';
import { rawDefinitions } from './definitions/schema';
import { LIMITS } from './limits';
import { exportScenarioFile, fileTooLarge, readShareFile, sniffFileKind } from './file';
import { findForbiddenKey } from './safeJson';
import { definitionsFile } from './testing/bigDefinitions';
import { topics } from './testing/fixtures';

/**
 * Big files take the cheap path: the kind is sniffed before a size limit applies, and a definitions
 * file's items are counted before they are validated one by one (validating is what takes seconds).
 * Timings are measured by `npm run bench:definitions` (bench/definitions.ts), not asserted here.
 */

afterEach(() => vi.restoreAllMocks());

describe('big files', () => {
  it('a 6 MB definitions file is read as definitions, not refused with the 5 MB scenario-file limit', () => {
    const text = definitionsFile(12, 800, 280);
    expect(text.length).toBeGreaterThan(6_000_000);
    expect(text.length).toBeLessThan(7_000_000);
    const r = readShareFile(text);
    if (!r.ok || r.value.kind !== 'definitions') throw new Error(JSON.stringify(r));
    expect(listVhosts(r.value.defs)).toHaveLength(12);
    const one = importDefinitions(r.value.defs, { vhost: 'vhost-3' });
    expect(one.ok && one.value.report.imported).toEqual({ exchanges: 1, queues: 800, bindings: 800 });
  });

  it('a 20 MB file listing more items than Warren reads is refused by counting, before any item is validated', () => {
    const validate = vi.spyOn(rawDefinitions, 'safeParse');
    const text = definitionsFile(55, 1000); // 110,110 items
    expect(text.length).toBeGreaterThan(20_000_000);
    expect(text.length).toBeLessThanOrEqual(LIMITS.definitionsChars);
    expect(readShareFile(text)).toEqual({ ok: false, error: { key: 'share.defs.error.tooManyItems', params: { count: 110_110, max: LIMITS.definitionsItems } } });
    expect(validate).not.toHaveBeenCalled();
  });

  it('a 20 MB file within the item limit is validated and accepted', () => {
    const validate = vi.spyOn(rawDefinitions, 'safeParse');
    const text = definitionsFile(20, 1000, 650); // 40,040 items of about 1 KB
    expect(text.length).toBeGreaterThan(20_000_000);
    expect(text.length).toBeLessThanOrEqual(LIMITS.definitionsChars);
    const r = readShareFile(text);
    expect(r.ok && r.value.kind).toBe('definitions');
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('a file over every limit is refused before it is parsed, naming the limit of what it is', () => {
    const pad = ' '.repeat(LIMITS.definitionsChars);
    const scenario = exportScenarioFile({ scenario: topics() });
    const parse = vi.spyOn(JSON, 'parse');
    expect(readShareFile(`{"rabbit_version":"3.10.8","queues":[]${pad}}`)).toMatchObject({ ok: false, error: { key: 'share.defs.error.tooLarge', params: { max: LIMITS.definitionsChars } } });
    expect(readShareFile(scenario.replace('\n}', `${' '.repeat(LIMITS.fileChars)}}`))).toMatchObject({ ok: false, error: { key: 'share.file.tooLarge', params: { max: LIMITS.fileChars } } });
    expect(readShareFile(`[${pad}]`)).toMatchObject({ ok: false, error: { key: 'share.file.tooLargeAny', params: { max: LIMITS.definitionsChars, fileMax: LIMITS.fileChars } } });
    expect(parse).not.toHaveBeenCalled();
  });

  it('a scenario file whose marker is not first is still held to the scenario-file limit', () => {
    const text = `{"scenario":{},${' '.repeat(LIMITS.fileChars)}"warren":1}`;
    expect(sniffFileKind(text)).toBe('unknown');
    expect(readShareFile(text)).toMatchObject({ ok: false, error: { key: 'share.file.tooLarge', params: { max: LIMITS.fileChars } } });
  });

  it('sniffs the kind from the first characters, as a dropped file too big to read is sniffed', () => {
    expect(sniffFileKind(exportScenarioFile({ scenario: topics() }))).toBe('scenario');
    expect(sniffFileKind('\uFEFF{\n  "rabbit_version": "3.10.8",')).toBe('definitions');
    expect(sniffFileKind('{"queues": [')).toBe('definitions');
    expect(sniffFileKind('{"shopping": ["milk"]}')).toBe('unknown');
    expect(fileTooLarge('scenario', LIMITS.fileChars)).toBeNull();
  });

  it('finds a forbidden key deep in a big file, with its path', () => {
    const value = JSON.parse(definitionsFile(2, 300));
    value.queues[421].arguments = JSON.parse('{"__proto__": {"polluted": true}}');
    expect(findForbiddenKey(value)).toEqual({ key: '__proto__', path: 'queues[421].arguments.__proto__' });
  });
});
