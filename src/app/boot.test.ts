import { describe, expect, it } from 'vitest';
import { GALLERY } from '../scenarios';
import { encode, SHARE_FORMAT_VERSION } from '../share';
import { openingFrom } from './boot';

const base = 'https://example.org/warren/';
const data = encode({ v: 1, scenario: GALLERY.topics.scenario, speed: 3 });

describe('how the page opens', () => {
  it('opens the own work without a link', () => {
    expect(openingFrom({ href: base })).toEqual({ kind: 'own' });
    expect(openingFrom({ href: `${base}#other=1` })).toEqual({ kind: 'own' });
  });

  it('opens a shared view, or the player with embed=1 (or a link made for embedding)', () => {
    expect(openingFrom({ href: `${base}#s=${data}` })).toEqual({ kind: 'shared', state: { v: 1, scenario: GALLERY.topics.scenario, speed: 3 }, data });
    expect(openingFrom({ href: `${base}#s=${data}&embed=1` })).toMatchObject({ kind: 'embed', data });
    const embedded = encode({ v: 1, scenario: GALLERY.topics.scenario, mode: 'embed' });
    expect(openingFrom({ href: `${base}#s=${embedded}` })).toMatchObject({ kind: 'embed' });
  });

  it('says why a link cannot be opened: damaged, from a newer Warren, too large', () => {
    expect(openingFrom({ href: `${base}#s=${data.slice(0, data.length - 12)}` })).toMatchObject({ kind: 'error', error: { key: 'share.link.corrupt' }, embed: false });
    expect(openingFrom({ href: `${base}#s=${SHARE_FORMAT_VERSION + 1}.abc&embed=1` })).toEqual({ kind: 'error', error: { key: 'share.error.newerVersion', params: { version: 2 } }, embed: true });
    expect(openingFrom({ href: `${base}#s=1.${'A'.repeat(70_000)}` })).toMatchObject({ kind: 'error', error: { key: 'share.link.tooLarge' } });
    expect(openingFrom({ href: `${base}#s=<script>` })).toMatchObject({ kind: 'error', error: { key: 'share.link.malformed' } });
  });
});
