import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import type { WorldEvent } from '../sim';
import { sentence } from './log/sentence';
import { Isolated, isolate, isolating, Name, withoutIsolates } from './Name';

const RLO = '\u202e';

describe('user-provided names are bidi-isolated', () => {
  it('<Name> is a <bdi>: a right-to-left override inside cannot reverse the text around it', () => {
    expect(renderToStaticMarkup(<p>queue <Name>{`evil${RLO}gnp`}</Name> ready</p>)).toBe(`<p>queue <bdi class="name">evil${RLO}gnp</bdi> ready</p>`);
  });

  it('a log line isolates every name in it, and renders each in a <bdi> with no mark left in the text', () => {
    const t = isolating(translator('en'));
    const names = { publisher: (id: string) => id, exchange: (name: string) => `'${name}'`, consumer: (id: string) => id, connection: (n: number) => `#${n}` } as never;
    const e = { type: 'enqueued', t: 0, msgId: 4, queue: `evil${RLO}q`, depth: 2 } as WorldEvent;
    const line = sentence(e, t, names);
    expect(line).toContain(isolate(`evil${RLO}q`));
    expect(withoutIsolates(line)).toBe(sentence(e, translator('en'), names));
    const html = renderToStaticMarkup(<Isolated text={line} />);
    expect(html).toContain(`<bdi>evil${RLO}q</bdi>`);
    expect(html).not.toMatch(/[\u2068\u2069]/);
  });

  it('renders nested and unbalanced marks without losing text', () => {
    expect(renderToStaticMarkup(<Isolated text={`a${isolate(`b${isolate('c')}d`)}e`} />)).toBe('a<bdi>b<bdi>c</bdi>d</bdi>e');
    expect(renderToStaticMarkup(<Isolated text={'x\u2069y\u2068z'} />)).toBe('xy<bdi>z</bdi>');
    expect(renderToStaticMarkup(<Isolated text="plain" />)).toBe('plain');
  });
});
