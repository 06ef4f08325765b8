import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { lazyText } from '../../i18n/lazyText';
import { useT } from '../../i18n/useLocale';
import type { TurnLog } from '../../programs/host/turnLog';
import { useEditor, useEditorApi } from '../../store/useEditor';
import { runProgram, startRuns } from '../../store/programRuns';
import { useSim } from '../../store/useSim';
import { ProgramConsole } from './ProgramConsole';
import { addFile, deleteFile, freeName, programsOf, renameFile, setFile } from './programsDoc';

import { type InstanceView, useComputing, useInstances } from './useInstances';
import { NEW_PROGRAM } from './template';
import './programs.css';

// CodeMirror (and acorn for the syntax marks) load with the first program shown
const ProgramEditor = lazyText(() => import('./ProgramEditor'));

/** Drafts not yet in the document (typing is committed after a pause, and before every Run). */
const drafts = new Map<string, string>();
const COMMIT_MS = 400;

/**
 * The Programs panel: the scenario's program files (new, rename, delete, an arguments field each,
 * Run — as often as wanted: each run is a new instance), the instances of this run (Stop sends
 * SIGINT, Kill ends the process), the editor of the selected file, and the console of the selected
 * instance.
 */
export function ProgramsPanel() {
  const t = useT();
  const sim = useSim();
  const store = useEditorApi();
  const doc = useEditor((s) => s.doc);
  const files = programsOf(doc).files;
  const instances = useInstances(sim);
  const computing = useComputing(sim);
  const [selected, setSelected] = useState<string | null>(files[0]?.name ?? null);
  const [selectedPid, setSelectedPid] = useState<string | null>(null);
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const file = files.find((f) => f.name === selected) ?? files[0] ?? null;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (file && file.name !== selected) setSelected(file.name);
  }, [file, selected]);

  const commit = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!drafts.size) return;
    let d = store.getState().doc;
    for (const [name, source] of drafts) d = setFile(d, name, { source });
    drafts.clear();
    if (d !== store.getState().doc) store.getState().edit(() => d);
  }, [store]);
  useEffect(() => () => commit(), [commit]);

  const onSource = useCallback(
    (name: string, source: string) => {
      drafts.set(name, source);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(commit, COMMIT_MS);
    },
    [commit],
  );

  const run = (name: string, args: string) => {
    commit();
    const d = store.getState().doc;
    const f = programsOf(d).files.find((x) => x.name === name);
    if (!f) return;
    runProgram(sim, d, f, args);
    setSelectedPid(null);
  };

  const runAll = () => {
    commit();
    startRuns(sim, store.getState().doc);
    setSelectedPid(null);
  };

  const add = () => {
    commit();
    const d = store.getState().doc;
    const r = addFile(d, { name: freeName(d), source: NEW_PROGRAM, args: '' });
    if ('doc' in r) {
      store.getState().edit(() => r.doc);
      setSelected(programsOf(r.doc).files.at(-1)!.name);
    } else setProblem(t(`programs.problem.${r.problem}`));
  };

  const rename = (to: string) => {
    setNameDraft(null);
    if (!file) return;
    commit();
    const r = renameFile(store.getState().doc, file.name, to.trim());
    if ('doc' in r) {
      store.getState().edit(() => r.doc);
      setSelected(to.trim());
      setProblem(null);
    } else setProblem(t(`programs.problem.${r.problem}`, { name: to.trim() }));
  };

  const remove = () => {
    if (!file) return;
    drafts.delete(file.name);
    store.getState().edit((d) => deleteFile(d, file.name));
  };

  // the console shows the instance picked, else the newest of the file being edited
  const current: InstanceView | null = useMemo(() => {
    const picked = instances.find((i) => i.pid === selectedPid);
    if (picked) return picked;
    const ofFile = instances.filter((i) => i.file === file?.name);
    return ofFile.at(-1) ?? instances.at(-1) ?? null;
  }, [instances, selectedPid, file]);

  // where the last crash of this file's current code happened
  const marks = useMemo(() => {
    if (!file) return [];
    const crashed = [...instances].reverse().find((i) => i.file === file.name && i.exit?.kind === 'crash');
    const err = crashed?.exit?.error;
    const source = crashed ? sim.world.programs.get(crashed.pid)?.spec.source : undefined;
    if (!err || err.line === undefined || source !== (drafts.get(file.name) ?? file.source)) return [];
    return [{ line: err.line, column: err.column, message: err.message }];
  }, [instances, file, sim]);

  const log = sim.programTurns as TurnLog | null;

  return (
    <section className="programs" aria-label={t('programs.label')}>
      <div className="programs-side">
        <div className="programs-actions">
          <button type="button" onClick={add}>
            {t('programs.newFile')}
          </button>
          <button type="button" onClick={runAll} disabled={!files.length}>
            {t('programs.runAll')}
          </button>
        </div>
        <p className="programs-computing" role="status">
          {computing ? t('programs.computing', { pid: computing }) : ''}
        </p>
        {problem ? (
          <p className="programs-problem" role="alert">
            {problem}
          </p>
        ) : null}
        {files.length === 0 ? <p className="programs-empty">{t('programs.none')}</p> : null}
        <ul className="programs-files" aria-label={t('programs.files')}>
          {files.map((f) => (
            <li key={f.name} className={f.name === file?.name ? 'is-selected' : undefined}>
              <button type="button" className="program-file" aria-pressed={f.name === file?.name} onClick={() => setSelected(f.name)}>
                {f.name}
              </button>
              <button type="button" className="program-run" aria-label={t('programs.runFile', { file: f.name })} title={`node ${f.name} ${f.args}`.trim()} onClick={() => run(f.name, f.args)}>
                {t('programs.run')}
              </button>
            </li>
          ))}
        </ul>
        {instances.length ? <h3 className="programs-heading">{t('programs.instances')}</h3> : null}
        <ul className="programs-instances" aria-label={t('programs.instances')}>
          {[...instances].reverse().map((i) => (
            <li key={i.pid} className={`state-${i.state}${i.pid === current?.pid ? ' is-selected' : ''}`}>
              <button type="button" className="program-instance" aria-pressed={i.pid === current?.pid} onClick={() => setSelectedPid(i.pid)} title={`node ${i.file} ${i.args.join(' ')}`.trim()}>
                {i.pid} <span className="program-state">{stateText(i, t)}</span>
              </button>
              {i.state === 'running' ? (
                <button type="button" aria-label={t(i.sigint ? 'programs.stopNamed' : 'programs.killNamed', { pid: i.pid })} title={t(i.sigint ? 'programs.stopTitle' : 'programs.killTitle')} onClick={() => sim.input({ type: 'program-stop', pid: i.pid, signal: i.sigint ? 'SIGINT' : 'SIGKILL' })}>
                  {t(i.sigint ? 'programs.stop' : 'programs.kill')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="programs-about">{t('programs.about')}</p>
      </div>
      {file ? (
        <div className="programs-main">
          <div className="programs-file-bar">
            <label>
              <span className="sr-only">{t('programs.fileName')}</span>
              <input
                className="program-name"
                value={nameDraft ?? file.name}
                aria-label={t('programs.fileName')}
                onChange={(e) => setNameDraft(e.target.value)}
                onBlur={(e) => nameDraft !== null && rename(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') rename((e.target as HTMLInputElement).value);
                  if (e.key === 'Escape') setNameDraft(null);
                }}
              />
            </label>
            <label className="program-args">
              <span>{t('programs.args')}</span>
              <input
                value={file.args}
                placeholder={t('programs.argsPlaceholder')}
                aria-label={t('programs.argsOf', { file: file.name })}
                onChange={(e) => store.getState().edit((d) => setFile(d, file.name, { args: e.target.value }))}
                onKeyDown={(e) => e.key === 'Enter' && run(file.name, file.args)}
              />
            </label>
            <button type="button" className="program-run" onClick={() => run(file.name, file.args)}>
              {t('programs.run')}
            </button>
            <button type="button" onClick={remove} aria-label={t('programs.deleteFile', { file: file.name })}>
              {t('programs.delete')}
            </button>
          </div>
          <Suspense fallback={<p className="programs-loading">{t('programs.loadingEditor')}</p>}>
            <ProgramEditor file={file.name} value={drafts.get(file.name) ?? file.source} onChange={(v) => onSource(file.name, v)} marks={marks} label={t('programs.editor', { file: file.name })} />
          </Suspense>
        </div>
      ) : null}
      <ProgramConsole instance={current} log={log} />
    </section>
  );
}

function stateText(i: InstanceView, t: ReturnType<typeof useT>): string {
  switch (i.state) {
    case 'running':
      return t('programs.state.running');
    case 'exited':
      return t('programs.state.exited', { code: i.exit?.code ?? 0 });
    case 'crashed':
      return t(i.exit?.limit === 'cpu' ? 'programs.state.stoppedLoop' : 'programs.state.crashed');
    default:
      return t('programs.state.killed');
  }
}

export default ProgramsPanel;
