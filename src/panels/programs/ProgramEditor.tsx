import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, linter, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { parse } from 'acorn';
import { useEffect, useRef } from 'react';

/**
 * The program editor: CodeMirror 6 with JavaScript highlighting, line numbers, bracket matching,
 * search, and errors marked at their line: syntax errors as the student types (parsed with acorn, as
 * the runtime will), and the error a run of this file crashed with. Loaded on first use (its own chunk).
 */
export interface EditorMark {
  line: number;
  column?: number;
  message: string;
}

interface Props {
  /** which file: the editor keeps one state (and undo history) per file */
  file: string;
  value: string;
  onChange: (value: string) => void;
  marks: EditorMark[];
  label: string;
}

const states = new Map<string, EditorState>();

function syntaxCheck(view: EditorView): Diagnostic[] {
  const src = view.state.doc.toString();
  const opts = { ecmaVersion: 'latest', allowHashBang: true, allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true } as const;
  try {
    parse(src, { ...opts, sourceType: 'script' });
    return [];
  } catch (scriptError) {
    try {
      parse(src, { ...opts, sourceType: 'module' });
      return [];
    } catch (e) {
      const err = (/import|export/.test(String((scriptError as Error).message)) ? e : scriptError) as SyntaxError & { pos?: number };
      const pos = Math.min(err.pos ?? 0, src.length);
      return [{ from: pos, to: Math.min(src.length, pos + 1), severity: 'error', message: String(err.message).replace(/ \(\d+:\d+\)$/, '') }];
    }
  }
}

function toDiagnostics(state: EditorState, marks: EditorMark[]): Diagnostic[] {
  return marks.flatMap((m) => {
    if (m.line < 1 || m.line > state.doc.lines) return [];
    const line = state.doc.line(m.line);
    const from = Math.min(line.to, line.from + Math.max(0, (m.column ?? 1) - 1));
    return [{ from, to: Math.max(from, line.to), severity: 'error' as const, message: m.message }];
  });
}

export function ProgramEditor({ file, value, onChange, marks, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const labelConf = useRef(new Compartment());

  // one EditorView; each file keeps its own state (text, selection, undo history). The value and the
  // label are read when the file changes; later ones come from the editor itself and the effects below
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const make = (doc: string) =>
      EditorState.create({
        doc,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          javascript(),
          linter(syntaxCheck, { delay: 400 }),
          lintGutter(),
          labelConf.current.of(EditorView.contentAttributes.of({ 'aria-label': label })),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) change.current(u.state.doc.toString());
          }),
        ],
      });
    let state = states.get(file);
    if (!state || state.doc.toString() !== value) state = make(value);
    if (!view.current) view.current = new EditorView({ state, parent: host.current! });
    else view.current.setState(state);
    const v = view.current;
    return () => {
      states.set(file, v.state);
    };
  }, [file]);

  // a value changed from outside (undo in the app, a new scenario): the editor follows
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch({ effects: labelConf.current.reconfigure(EditorView.contentAttributes.of({ 'aria-label': label })) });
  }, [label]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const syntax = syntaxCheck(v);
    v.dispatch(setDiagnostics(v.state, [...syntax, ...toDiagnostics(v.state, marks)]));
  }, [marks]);

  useEffect(() => () => view.current?.destroy(), []);

  return <div className="program-editor" ref={host} />;
}

export default ProgramEditor;
