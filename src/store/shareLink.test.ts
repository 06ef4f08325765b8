import { describe, expect, it } from 'vitest';
import { GALLERY } from '../scenarios';
import { decode, LIMITS, parseShareHash } from '../share';
import { checkedShareLinks, type ShareSource, shareLinks, shareStateOf } from './shareLink';

const at = { href: 'https://teacher.example.edu/courses/amqp/warren/index.html?term=2#notes' };
const fromGallery = (id: keyof typeof GALLERY, speed = 1): ShareSource => {
  const g = GALLERY[id];
  return { doc: g.scenario, speed, lesson: g.lesson ?? null, galleryId: id };
};

describe('share links', () => {
  it('opens exactly what was shared: document, speed, lesson and gallery origin', () => {
    const src = fromGallery('topic-logs', 2.5);
    const { data, link, embedLink } = shareLinks(src, 'Warren', at);
    expect(link.startsWith('https://teacher.example.edu/courses/amqp/warren/index.html?term=2#s=')).toBe(true);
    expect(parseShareHash(link.slice(link.indexOf('#')))).toEqual({ data, embed: false });
    expect(parseShareHash(embedLink.slice(embedLink.indexOf('#')))).toEqual({ data, embed: true });
    expect(decode(data)).toEqual({ ok: true, value: { v: 1, scenario: src.doc, speed: 2.5, lesson: src.lesson, gallery: 'topic-logs' } });
  });

  it('leaves the defaults out (speed 1, no lesson, not from the gallery)', () => {
    expect(shareStateOf({ doc: GALLERY.rpc.scenario, speed: 1, lesson: null, galleryId: null })).toEqual({ v: 1, scenario: GALLERY.rpc.scenario });
  });

  it('keeps a typical tutorial link (the whole URL) under 2,000 characters, lesson included', () => {
    const sizes = Object.fromEntries((['hello-world', 'work-queues', 'publish-subscribe', 'routing', 'topics', 'rpc', 'publisher-confirms', 'work-queues-speeds', 'routing-severity', 'topic-logs'] as const).map((id) => [id, shareLinks(fromGallery(id, 2), 'Warren', at).link.length]));
    // measured when written: hello-world 407, work-queues 1,215, routing 1,299, topics 1,315 (lessons in two languages)
    for (const [id, n] of Object.entries(sizes)) expect(n, id).toBeLessThan(2000);
  });

  it('gives an iframe snippet of the player, titled after the scenario, every attribute escaped', () => {
    const doc = { ...GALLERY['hello-world'].scenario, title: 'Hello "<b>world</b>"' };
    const { embedSnippet, embedLink } = shareLinks({ doc, speed: 1, lesson: null, galleryId: null }, 'Warren', at);
    expect(embedSnippet).toContain('title="Hello &quot;&lt;b&gt;world&lt;/b&gt;&quot;"');
    expect(embedSnippet).toContain(`src="${embedLink.replace(/&/g, '&amp;')}"`);
    expect(shareLinks({ doc: { ...doc, title: ' ' }, speed: 1, lesson: null, galleryId: null }, 'Warren scenario', at).embedSnippet).toContain('title="Warren scenario"');
  });
});

describe('a link is offered only when opening it would work: the same limits on both sides', () => {
  const withBody = (body: string): ShareSource => {
    const src = fromGallery('hello-world');
    return { ...src, doc: { ...src.doc, apps: src.doc.apps.map((a) => ({ ...a, publishers: a.publishers.map((p) => ({ ...p, message: { ...p.message, body } })) })) } };
  };

  it('a scenario too big for a link (a 75 KB random body): says so, with the link limit, and offers no link', () => {
    let x = 7;
    const next = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x >>> 0;
    };
    const noise = Array.from({ length: 75_000 }, () => String.fromCharCode(33 + (next() % 90))).join('');
    const src = withBody(noise);
    expect(decode(shareLinks(src, 'Warren', at).data).ok).toBe(false); // what opening would say
    const r = checkedShareLinks(src, 'Warren', at);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.key).toBe('share.link.tooBigToShare');
    expect(r.error.params?.max).toBe(LIMITS.linkChars);
    expect(Number(r.error.params?.size)).toBeGreaterThan(LIMITS.linkChars);
  });

  it('a lesson step over 5,000 characters: refused before the link, with the text limit (not the 255-byte name limit)', () => {
    const src = fromGallery('topics');
    const lesson = { ...src.lesson!, steps: [{ text: 'x'.repeat(5001) }] };
    const r = checkedShareLinks({ ...src, lesson }, 'Warren', at);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.key).toBe('share.error.invalid');
    expect(r.error.problems).toEqual([{ key: 'validation.textTooLong', params: { max: 5000 }, path: 'lesson.steps[0].text' }]);
  });

  it('a normal scenario: the links', () => {
    const r = checkedShareLinks(fromGallery('topics'), 'Warren', at);
    expect(r.ok && r.value.link).toBe(shareLinks(fromGallery('topics'), 'Warren', at).link);
  });
});
