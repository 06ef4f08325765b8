import { describe, expect, it } from 'vitest';
import { GALLERY } from '../scenarios';
import { decode, encode, exportScenarioFile, importScenarioFile } from '../share';
import { restoreRun } from '../share/run';
import { restoreScenarioStrict } from '../share/restore';

/** Programs are part of the scenario: they travel in links, files and embeds, restored defensively. */
describe('programs in links and files', () => {
  const doc = GALLERY['work-queues-code'].scenario;

  it('a link carries the programs and their runs, and reads them back exactly', () => {
    const data = encode({ v: 1, scenario: doc });
    const back = decode(data);
    expect(back.ok && back.value.scenario.programs).toEqual(doc.programs);
    // two tutorial programs compress to about 1,400 characters: under the 2,000 a link should stay under
    expect(data.length).toBeGreaterThan(1000);
    expect(data.length).toBeLessThan(2000);
  });

  it('a scenario file carries them too', () => {
    const r = importScenarioFile(exportScenarioFile({ scenario: doc }));
    expect(r.ok && r.value.scenario.programs).toEqual(doc.programs);
  });

  it('refuses a link whose programs are not programs, saying where', () => {
    const bad = { ...doc, programs: { files: [{ name: '../etc/passwd', source: 'x' }], runs: [] } };
    const r = decode(encode({ v: 1, scenario: bad as never }));
    expect(r.ok).toBe(false);
    const tooLong = { ...doc, programs: { files: [{ name: 'a.js', source: 'x'.repeat(100_001) }], runs: [] } };
    expect(decode(encode({ v: 1, scenario: tooLong as never })).ok).toBe(false);
  });

  it('a shared run keeps program-start and program-stop inputs, checked input by input', () => {
    const f = doc.programs!.files[0]!;
    const start = { type: 'program-start', program: { file: f.name, source: f.source, args: ['300'], seed: 5 } };
    const stop = { type: 'program-stop', pid: `${f.name} #1`, signal: 'SIGKILL' };
    const ok = restoreRun({ at: 5000, inputs: [{ t: 0, input: start }, { t: 3000, input: stop }] }, (raw) => restoreScenarioStrict(raw));
    expect(ok.problems).toEqual([]);
    expect(ok.run!.inputs.map((i) => i.input)).toEqual([start, stop]);
    const evil = restoreRun({ at: 5000, inputs: [{ t: 0, input: { ...start, program: { ...start.program, file: '<script>.js' } } }] }, (raw) => restoreScenarioStrict(raw));
    expect(evil.problems.length).toBeGreaterThan(0);
    const badSignal = restoreRun({ at: 5000, inputs: [{ t: 0, input: { ...stop, signal: 'SIGHUP' } }] }, (raw) => restoreScenarioStrict(raw));
    expect(badSignal.problems.length).toBeGreaterThan(0);
  });
});
