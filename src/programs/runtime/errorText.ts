/**
 * What a crashing program prints, the way Node prints it: the file and line, the line itself with a
 * caret under the column, a blank line, then the error and the stack frames of the program's own
 * code (the runtime's frames are left out: they are Warren's, not the student's).
 */

export interface ErrorPlace {
  line: number;
  column: number;
}

/** The first place in the program's own code an error's stack names (1-based). */
export function locate(err: unknown, url: string, lineOffset: number): ErrorPlace | undefined {
  const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : '';
  const re = new RegExp(`${escapeRe(url)}:(\\d+):(\\d+)`);
  for (const frame of stack.split('\n')) {
    const m = re.exec(frame);
    if (m) return { line: Number(m[1]) - lineOffset, column: Number(m[2]) };
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The error text: "file:line", the source line and a caret, then the error with the program's frames. */
export function describeError(err: unknown, source: string, url: string, place: ErrorPlace | undefined, lineOffset = 0): string {
  const head: string[] = [];
  if (place) {
    const text = source.split('\n')[place.line - 1];
    if (text !== undefined) head.push(`${url}:${place.line}`, text, `${' '.repeat(Math.max(0, place.column - 1))}^`, '');
  }
  return [...head, errorBody(err, url, lineOffset)].join('\n');
}

function errorBody(err: unknown, url: string, lineOffset: number): string {
  if (typeof err === 'string') return err.startsWith('SyntaxError') ? err : `Uncaught '${err}'`;
  if (!(err instanceof Error)) return `Uncaught ${String(err)}`;
  const re = new RegExp(`${escapeRe(url)}:(\\d+):(\\d+)`, 'g');
  const lines = (typeof err.stack === 'string' ? err.stack : `${err.name}: ${err.message}`).split('\n');
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  const header = firstFrame < 0 ? lines : lines.slice(0, firstFrame);
  const frames = firstFrame < 0 ? [] : lines.slice(firstFrame).filter((l) => l.includes(url)).map((l) => l.replace(re, (_m, a: string, b: string) => `${url}:${Number(a) - lineOffset}:${b}`).replace(/eval at .*?, /, '').replace(/\(.*?(\/app\/)/, '($1'));
  const extra = Object.entries(err)
    .filter(([k]) => k !== 'stack' && k !== 'message' && k !== 'stackAtStateChange')
    .map(([k, v]) => `  ${k}: ${typeof v === 'string' ? `'${v}'` : String(v)}`);
  const headerText = header.join('\n').startsWith(err.name) ? header.join('\n') : `${err.name}: ${err.message}`;
  return [headerText, ...frames, ...(extra.length ? ['{', extra.join(',\n'), '}'] : [])].join('\n');
}
