import { describe, expect, it } from 'vitest';
import { GALLERY } from '../scenarios';
import { decode, parseShareHash } from '../share';
import { type ShareSource, shareLinks, shareStateOf } from './shareLink';

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
