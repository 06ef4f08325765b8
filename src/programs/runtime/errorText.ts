/**
 * What a crashing program prints, the way Node prints it: the file and line, the line itself with a
 * caret under the column, a blank line, then the error and the stack frames of the program's own
 * code (the runtime's frames are left out: they are Warren's, not the student's).
 */

export interface ErrorPlace {
  line: number;
  column: number;
}

/** Where the program's code sits in the function that runs it. */
export interface ProgramFrame {
  url: string;
  /** lines the engine puts before the function body */
  lineOffset: number;
  /** characters put before the program's first line */
  firstLineShift: number;
  /** the program's own lines (frames past them are the wrapper's) */
  lines: number;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A stack position in the compiled function → the program's own line and column (null: not the program's). */
function mapPosition(f: ProgramFrame, line: number, column: number): ErrorPlace | null {
  const l = line - f.lineOffset;
  if (l < 1 || (f.lines > 0 && l > f.lines)) return null;
  return { line: l, column: l === 1 ? Math.max(1, column - f.firstLineShift) : column };
}

/** The first place in the program's own code an error's stack names (1-based). */
export function locate(err: unknown, f: ProgramFrame): ErrorPlace | undefined {
  const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : '';
  const re = new RegExp(`${escapeRe(f.url)}:(\\d+):(\\d+)`);
  for (const frame of stack.split('\n')) {
    const m = re.exec(frame);
    const p = m && mapPosition(f, Number(m[1]), Number(m[2]));
    if (p) return p;
  }
  return undefined;
}

/** The error text: "file:line", the source line and a caret, then the error with the program's frames. */
export function describeError(err: unknown, source: string, place: ErrorPlace | undefined, f: ProgramFrame): string {
  const head: string[] = [];
  if (place) {
    const text = source.split('\n')[place.line - 1];
    if (text !== undefined) head.push(`${f.url}:${place.line}`, text, `${' '.repeat(Math.max(0, place.column - 1))}^`, '');
  }
  return [...head, errorBody(err, f)].join('\n');
}

function errorBody(err: unknown, f: ProgramFrame): string {
  if (typeof err === 'string') return err.startsWith('SyntaxError') ? err : `Uncaught '${err}'`;
  if (!(err instanceof Error)) return `Uncaught ${String(err)}`;
  const re = new RegExp(`${escapeRe(f.url)}:(\\d+):(\\d+)`);
  const lines = (typeof err.stack === 'string' ? err.stack : `${err.name}: ${err.message}`).split('\n');
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  const header = firstFrame < 0 ? lines : lines.slice(0, firstFrame);
  const frames: string[] = [];
  for (const l of firstFrame < 0 ? [] : lines.slice(firstFrame)) {
    const m = re.exec(l);
    const p = m && mapPosition(f, Number(m[1]), Number(m[2]));
    if (!m || !p) continue;
    // "at fn (eval at …, /app/x.js:3:8)" → "at fn (/app/x.js:3:8)"
    const where = `${f.url}:${p.line}:${p.column}`;
    const name = /^\s+at (.*?) \(/.exec(l)?.[1]?.replace(/^Object\.eval$|^eval$/, '<anonymous>');
    frames.push(name ? `    at ${name} (${where})` : `    at ${where}`);
  }
  const extra = Object.entries(err)
    .filter(([k]) => k !== 'stack' && k !== 'message' && k !== 'stackAtStateChange')
    .map(([k, v]) => `  ${k}: ${typeof v === 'string' ? `'${v}'` : String(v)}`);
  const headerText = header.join('\n').startsWith(err.name) ? header.join('\n') : `${err.name}: ${err.message}`;
  return [headerText, ...frames, ...(extra.length ? ['{', extra.join(',\n'), '}'] : [])].join('\n');
}
