import type { ReactNode } from 'react';
import type { Translate } from '../i18n/translate';

/**
 * User-provided names (queues, exchanges, apps, titles; imported from files and links too) are shown
 * bidi-isolated: a right-to-left override or another bidi control inside a name then cannot reverse
 * the text around it (the rest of a log line, a banner, a heading). The one place that says how:
 * `<Name>` in JSX (a <bdi> element, isolated by the browser); `isolate()` marks a name inside a
 * translated sentence (Unicode's first-strong isolate ... pop isolate), and `<Isolated>` renders such
 * a sentence with each marked name in a <bdi>, so the page's text holds no invisible marks.
 */
export function Name({ children }: { children: string }) {
  return <bdi className="name">{children}</bdi>;
}

const FSI = '\u2068';
const PDI = '\u2069';

/** A name to put inside a sentence: isolated with FSI ... PDI. */
export const isolate = (name: string): string => `${FSI}${name}${PDI}`;

/** Every string parameter of a sentence isolated (numbers need no isolation). */
export function isolateParams<P extends Record<string, string | number>>(params: P): P {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? isolate(v) : v;
  return out as P;
}

/** A translator whose string parameters are isolated: for sentences made of names (log lines, reports). */
export function isolating(t: Translate): Translate {
  return (key, params) => t(key, params && isolateParams(params));
}

/**
 * A sentence whose names were marked with isolate(): each marked span becomes a <bdi> (nested marks
 * nest), and the marks themselves are not rendered. Unbalanced marks are tolerated.
 */
export function Isolated({ text }: { text: string }): ReactNode {
  if (!/[\u2068\u2069]/.test(text)) return text;
  const stack: ReactNode[][] = [[]];
  let key = 0;
  let run = '';
  const flush = () => {
    if (run) stack[stack.length - 1]!.push(run);
    run = '';
  };
  for (const ch of text) {
    if (ch === FSI) {
      flush();
      stack.push([]);
    } else if (ch === PDI) {
      flush();
      if (stack.length > 1) {
        const inner = stack.pop()!;
        stack[stack.length - 1]!.push(<bdi key={key++}>{inner}</bdi>);
      }
    } else run += ch;
  }
  flush();
  while (stack.length > 1) {
    const inner = stack.pop()!;
    stack[stack.length - 1]!.push(<bdi key={key++}>{inner}</bdi>);
  }
  return stack[0];
}

/** Text without the isolation marks (to search it, or to compare it with what a person typed). */
export const withoutIsolates = (text: string): string => text.replace(/[\u2068\u2069]/g, '');
