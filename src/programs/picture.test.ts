import { describe, expect, it } from 'vitest';
import { defaultExchangePosition, nominalApp, nominalExchange, programSeed, splitArgs } from '../model';
import { tidyLayout } from '../model/tidy';
import { GALLERY } from '../scenarios';
import { liveConnections, programConnection } from '../store/liveLanes';
import { loadProgramLayout, ProgramView, withExtras } from '../store/programView';
import { ProgramRun } from './testing/programRun';

/**
 * Programs drawn as the simulated clients are (issue 10 × issue 13): their cables and lanes read the
 * broker's connection and channels, and the nodes the programs add keep clear of the document's.
 */
async function helloCode(): Promise<ProgramRun> {
  const doc = GALLERY['hello-world-code'].scenario;
  const r = new ProgramRun(doc);
  for (const run of doc.programs!.runs) {
    const f = doc.programs!.files.find((x) => x.name === run.file)!;
    await r.input({ type: 'program-start', program: { file: f.name, source: f.source, args: splitArgs(run.args), seed: programSeed(doc.seed, f.name, 1) } });
  }
  return r.until(3_000);
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('programs on the canvas', () => {
  it('their cables and lanes show the broker connection and open channels, and badges find their cable', async () => {
    const r = await helloCode();
    const live = liveConnections(r.w, {});
    const send = [...r.w.programs.values()].find((p) => p.spec.file === 'send.js')!;
    const number = send.conns[1]!;
    expect(number).not.toBeNull();
    const conn = live[`${send.pid} · connection 1`]!;
    expect(conn.number).toBe(number);
    expect(Object.values(conn.channels)).toEqual([expect.objectContaining({ open: true })]);
    expect(programConnection(r.w, number!)).toEqual({ app: send.pid, conn: `${send.pid} · connection 1` });
  });

  it('the default exchange of a code scenario sits where the layout with the programs put it, clear of them', async () => {
    const r = await helloCode();
    const doc = GALLERY['hello-world-code'].scenario;
    // the layout the programs' nodes are placed with loads on first use (the app builds again once it has)
    await loadProgramLayout();
    const view = new ProgramView();
    const drawn = withExtras(doc, view.build(doc, r.w));
    expect(drawn.apps).toHaveLength(2);
    const def = { ...defaultExchangePosition(drawn), ...nominalExchange(null) };
    for (const a of drawn.apps) expect(overlaps(def, { ...a.position, ...nominalApp(a) }), a.name).toBe(false);
    for (const q of drawn.queues) expect(overlaps(def, { ...q.position, width: 220, height: 96 }), q.name).toBe(false);
    // after a tidy layout of the document alone (it places the default exchange), the programs follow it
    const tidied = tidyLayout(doc);
    expect(tidied.layout?.defaultExchange).toBeDefined();
    const after = withExtras(tidied, view.build(tidied, r.w));
    const def2 = { ...tidied.layout!.defaultExchange!, ...nominalExchange(null) };
    for (const a of after.apps) expect(overlaps(def2, { ...a.position, ...nominalApp(a) }), a.name).toBe(false);
  });
});
