import { describe, expect, it } from 'vitest';
import { encode } from './codec';
import { embedCode } from './embed';
import { loadSharedState } from './open';
import { type HistoryLike, pageUrl, parseShareHash, readShareHash, shareUrl, writeShareHash } from './url';
import { topics } from './testing/fixtures';

function fakeBrowser(href: string) {
  const loc = { href };
  const calls: string[] = [];
  const hist: HistoryLike = {
    state: { keep: true },
    replaceState(data, _unused, url) {
      expect(data).toEqual({ keep: true });
      calls.push(url!);
      loc.href = url!;
    },
  };
  return { loc, hist, calls };
}

describe('URL hash', () => {
  it('reads the data and the embed flag, keeping "+" as it is', () => {
    expect(parseShareHash('#s=1.ab+c_d-&embed=1')).toEqual({ data: '1.ab+c_d-', embed: true });
    expect(parseShareHash('#embed&s=1.x')).toEqual({ data: '1.x', embed: true });
    expect(parseShareHash('#s=1.x&embed=0')).toEqual({ data: '1.x', embed: false });
    expect(parseShareHash('')).toEqual({ data: null, embed: false });
    expect(parseShareHash('#s=')).toEqual({ data: null, embed: false });
    expect(parseShareHash('#%E0%A4%A=1&s=1.%41')).toEqual({ data: '1.A', embed: false });
    expect(readShareHash({ href: 'https://x.org/a/b/?q=1#s=1.abc' })).toEqual({ data: '1.abc', embed: false });
    expect(readShareHash(undefined)).toEqual({ data: null, embed: false });
  });

  it('builds share links from the current location, under any sub-path and query, replacing the old hash', () => {
    expect(shareUrl('1.abc', {}, { href: 'https://teach.example/courses/rabbit/warren/?lang=es#s=1.old&embed=1' })).toBe(
      'https://teach.example/courses/rabbit/warren/?lang=es#s=1.abc',
    );
    expect(shareUrl('1.abc', { embed: true }, { href: 'http://127.0.0.1:4173/' })).toBe('http://127.0.0.1:4173/#s=1.abc&embed=1');
    expect(shareUrl('1.abc', {}, { href: 'file:///home/me/warren/index.html#other=2' })).toBe('file:///home/me/warren/index.html#s=1.abc&other=2');
  });

  it('gives the page without its shared data, other parameters kept', () => {
    expect(pageUrl({ href: 'https://x.org/w/?q=1#s=1.abc&embed=1&other=2' })).toBe('https://x.org/w/?q=1#other=2');
    expect(pageUrl({ href: 'https://x.org/w/#s=1.abc' })).toBe('https://x.org/w/');
  });

  it('writes the hash with replaceState only when it changes, and can remove it', () => {
    const { loc, hist, calls } = fakeBrowser('https://x.org/w/#s=1.old');
    writeShareHash('1.new', {}, loc, hist);
    writeShareHash('1.new', {}, loc, hist);
    expect(calls).toEqual(['https://x.org/w/#s=1.new']);
    writeShareHash(null, {}, loc, hist);
    expect(calls).toEqual(['https://x.org/w/#s=1.new', 'https://x.org/w/']);
    writeShareHash('1.a', {}, undefined, hist); // no browser: nothing to do
    expect(calls).toHaveLength(2);
  });

  it('decodes the shared state the page was opened with, embed from the flag or the payload', () => {
    const data = encode({ v: 1, scenario: topics(), mode: 'embed' });
    const opened = loadSharedState({ href: `https://x.org/#s=${data}` });
    expect(opened?.embed).toBe(true);
    expect(opened?.result.ok && opened.result.value.scenario.title).toBe('Topics');
    expect(loadSharedState({ href: 'https://x.org/' })).toBeNull();
    const bad = loadSharedState({ href: 'https://x.org/#s=1.AAAA&embed=1' });
    expect(bad).toMatchObject({ embed: true, result: { ok: false, error: { key: 'share.link.corrupt' } } });
  });
});

describe('embed code', () => {
  it('makes an iframe with escaped attributes and sane sizes', () => {
    const code = embedCode('https://x.org/#s=1.abc&embed=1', { title: 'Topics "<b>" & co', width: 10, height: 1e9 });
    expect(code).toBe(
      '<iframe src="https://x.org/#s=1.abc&amp;embed=1" title="Topics &quot;&lt;b&gt;&quot; &amp; co" width="200" height="4000" style="border:0" loading="lazy" allowfullscreen></iframe>',
    );
    expect(embedCode('u', { title: 't' })).toContain('width="960" height="540"');
  });
});
