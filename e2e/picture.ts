import type { Page } from '@playwright/test';
import { encode } from '../src/share';
import { type GalleryScenario, galleryList } from '../src/scenarios';
import { expect } from './fixtures';
import { settle } from './helpers';

/**
 * What a person sees of the canvas, measured in one pass in the page: on-screen sizes (CSS font size ×
 * the canvas's zoom), the canvas's share of the window, and everything that covers something else.
 * Passed whole to page.evaluate: it must not use anything from outside its own body.
 */
export interface PictureMeasure {
  zoom: number;
  /** the drawing surface's share of the window's area */
  canvasShare: number;
  /** smallest on-screen sizes, px (Infinity when there is none of that kind) */
  name: number;
  figure: number;
  edgeLabel: number;
  token: number;
  /** the smallest on-screen size of any other text drawn on the canvas (kinds, badges, cable heads, lanes, rows…) */
  text: number;
  /** which text that is ("node-kind \"Queue\""), to say what is too small */
  smallest: string;
  /** the room (smaller side, on screen) of the rows that show the messages a consumer holds unacked */
  holdingRoom: number;
  counts: { names: number; figures: number; labels: number };
  minimap: boolean;
  /** one sentence per thing that covers another, or is not in view */
  problems: string[];
}

/** The selectors of what is measured (kept in one place: the page function receives them). */
export const PICTURE_SELECTORS = {
  node: '.react-flow__node:not(.react-flow__node-broker)',
  frame: '.react-flow__node-broker',
  name: '.node-name',
  // Ready / Unacked / Consumers of a queue; sent / recv / ack / nack of a client; a channel lane's figures
  figure: '.queue-counts dt, .queue-counts dd, .queue-consumers dt, .queue-consumers dd, .stat, .stat b, .lane-figure',
  label: '.edge-label, .cable-label',
  overlay: '.react-flow__panel, .canvas-overlay',
  dockBar: '.dock.is-folded .dock-bar',
};

export function measurePicture(sel: typeof PICTURE_SELECTORS): PictureMeasure {
  type R = { x: number; y: number; w: number; h: number };
  const flow = document.querySelector<HTMLElement>('.react-flow')!;
  const pane = flow.getBoundingClientRect();
  const vp = document.querySelector<HTMLElement>('.react-flow__viewport')!;
  const zoom = Number(/scale\(([\d.]+)\)/.exec(vp.style.transform)?.[1] ?? 1);
  const box = (el: Element): R => {
    const b = el.getBoundingClientRect();
    return { x: b.x, y: b.y, w: b.width, h: b.height };
  };
  const visible = (el: Element) => {
    const s = getComputedStyle(el);
    const b = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0 && b.width > 0 && b.height > 0;
  };
  // 1 px of tolerance: borders that touch do not overlap
  const hit = (a: R, b: R, slack = 1) => a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
  const inside = (a: R, b: R) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;
  const px = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize) * zoom;
  const minOf = (list: Element[]) => list.reduce((m, el) => Math.min(m, px(el)), Number.POSITIVE_INFINITY);
  const nameOf = (el: Element) => el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '?';
  const round = (n: number) => Math.round(n * 10) / 10;
  // what of a text is seen: its box clipped by the boxes that clip it (an ellipsed row ends before the handle)
  const seen = (r: R, el: Element, stop: Element): R | null => {
    let out = r;
    for (let a: Element | null = el; a && a !== stop; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const c = box(a);
      const x0 = Math.max(out.x, c.x);
      const y0 = Math.max(out.y, c.y);
      const x1 = Math.min(out.x + out.w, c.x + c.w);
      const y1 = Math.min(out.y + out.h, c.y + c.h);
      if (x1 <= x0 || y1 <= y0) return null;
      out = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    }
    return out;
  };

  const nodes = [...flow.querySelectorAll(sel.node)].filter(visible);
  const names = [...flow.querySelectorAll(sel.name)].filter(visible);
  const figures = [...flow.querySelectorAll(sel.figure)].filter(visible);
  const labels = [...flow.querySelectorAll(sel.label)].filter(visible);
  const overlays = [...document.querySelectorAll(sel.overlay)].filter(visible);
  const frameEl = flow.querySelector(sel.frame);
  const problems: string[] = [];
  const paneBox: R = { x: pane.x, y: pane.y, w: pane.width, h: pane.height };

  const nodeBoxes = nodes.map((n) => ({ el: n, name: nameOf(n), r: box(n), inBroker: n.classList.contains('react-flow__node-exchange') || n.classList.contains('react-flow__node-queue') }));
  for (let i = 0; i < nodeBoxes.length; i++) {
    const a = nodeBoxes[i]!;
    if (!inside(a.r, paneBox)) problems.push(`${a.name} is not wholly in view`);
    for (let j = i + 1; j < nodeBoxes.length; j++) {
      const b = nodeBoxes[j]!;
      if (hit(a.r, b.r)) problems.push(`${a.name} overlaps ${b.name}`);
    }
  }
  if (frameEl) {
    const f = box(frameEl);
    for (const n of nodeBoxes) {
      if (n.inBroker && !inside(n.r, f)) problems.push(`${n.name} crosses the broker frame's edge`);
      if (!n.inBroker && hit(n.r, f)) problems.push(`${n.name} overlaps the broker frame`);
    }
  }
  const labelBoxes = labels.map((l) => ({ name: `label "${l.textContent?.trim().slice(0, 24)}"`, r: box(l) }));
  for (let i = 0; i < labelBoxes.length; i++) {
    const a = labelBoxes[i]!;
    for (let j = i + 1; j < labelBoxes.length; j++) {
      const b = labelBoxes[j]!;
      if (hit(a.r, b.r)) problems.push(`${a.name} overlaps ${b.name}`);
    }
    for (const n of nodeBoxes) if (hit(a.r, n.r)) problems.push(`${a.name} overlaps ${n.name}`);
  }
  for (const o of overlays) {
    const r = box(o);
    const what = o.getAttribute('aria-label') ?? o.className.toString().split(' ').find((c) => c !== 'react-flow__panel') ?? 'panel';
    for (const n of nodeBoxes) if (hit(r, n.r)) problems.push(`${what} covers ${n.name}`);
    for (const l of labelBoxes) if (hit(r, l.r)) problems.push(`${what} covers ${l.name}`);
  }
  // the folded dock's tabs float in the bottom strip: they cover no node, label, zoom control or legend
  const dockBar = document.querySelector(sel.dockBar);
  if (dockBar && visible(dockBar)) {
    const r = box(dockBar);
    for (const n of nodeBoxes) if (hit(r, n.r)) problems.push(`the folded dock's tabs cover ${n.name}`);
    for (const l of labelBoxes) if (hit(r, l.r)) problems.push(`the folded dock's tabs cover ${l.name}`);
    for (const o of overlays) {
      if (o.classList.contains('canvas-top') || o.contains(dockBar)) continue;
      if (hit(r, box(o))) problems.push(`the folded dock's tabs cover ${o.getAttribute('aria-label') ?? o.className.toString().split(' ').find((c) => c !== 'react-flow__panel') ?? 'panel'}`);
    }
  }
  // handles on the nodes never sit on text
  for (const n of nodeBoxes) {
    const handles = [...n.el.querySelectorAll('.react-flow__handle')].filter((h) => visible(h) && h.getBoundingClientRect().width >= 3).map(box);
    if (handles.length === 0) continue;
    const walker = document.createTreeWalker(n.el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.textContent?.trim() || !t.parentElement || !visible(t.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const rect of range.getClientRects()) {
        const tr = seen({ x: rect.x, y: rect.y, w: rect.width, h: rect.height }, t.parentElement, n.el);
        if (tr && handles.some((h) => hit(h, tr, 0.5))) {
          problems.push(`a handle covers "${t.textContent.trim().slice(0, 20)}" in ${n.name}`);
          break;
        }
      }
    }
  }
  // every text on the canvas (in the zoomed viewport), not only the kinds above: nothing drawn there may be smaller
  let text = Number.POSITIVE_INFINITY;
  let smallest = '';
  const viewport = flow.querySelector('.react-flow__viewport') ?? flow;
  const texts = document.createTreeWalker(viewport, NodeFilter.SHOW_TEXT);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) {
    const el = t.parentElement;
    if (!t.textContent?.trim() || !el || !visible(el) || el.closest('.sr-only')) continue;
    const size = px(el);
    if (size < text) {
      text = size;
      smallest = `${el.className.toString().split(' ')[0] || el.tagName.toLowerCase()} "${t.textContent.trim().slice(0, 20)}"`;
    }
  }
  // the chips of what a consumer holds unacked need a row that can show them (not the few px the counts leave)
  const holdingRoom = [...flow.querySelectorAll('.chip-list.holding')]
    .filter((el) => getComputedStyle(el).display !== 'none')
    .reduce((m, el) => {
      const b = el.getBoundingClientRect();
      return Math.min(m, b.width, b.height);
    }, Number.POSITIVE_INFINITY);
  const hook = (window as unknown as { __warren?: { tokenPx?: () => number } }).__warren;
  const token = hook?.tokenPx?.() ?? Math.max(4, Math.min(11, Math.round(8 * zoom)));
  return {
    zoom: Math.round(zoom * 1000) / 1000,
    canvasShare: round((pane.width * pane.height * 100) / (innerWidth * innerHeight)) / 100,
    name: round(minOf(names)),
    figure: round(minOf(figures)),
    edgeLabel: round(minOf(labels)),
    token: round(token),
    text: round(text),
    smallest,
    holdingRoom: round(holdingRoom),
    counts: { names: names.length, figures: figures.length, labels: labels.length },
    minimap: document.querySelector('.react-flow__minimap') !== null,
    problems: [...new Set(problems)],
  };
}

/** The on-screen minimums the picture must meet (issue 10); present mode raises the names'. */
export const MINIMUM = { name: 14, figure: 12, edgeLabel: 12, token: 8, text: 12, chip: 8 };

/** Waits until the view stops moving (fit view, measured nodes). */

/**
 * A code scenario's picture grows as its programs run (from Web Workers, slower on a busy machine):
 * waits until its programs' apps are drawn and the count of nodes has held still for a second.
 */
export async function programsDrawn(page: Page) {
  await expect.poll(() => page.locator('.react-flow__node-app').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  let last = -1;
  let still = 0;
  for (let i = 0; i < 100 && still < 4; i++) {
    const n = await page.locator('.react-flow__node').count();
    still = n === last ? still + 1 : 0;
    last = n;
    await page.waitForTimeout(250);
  }
}

/** Measures the picture as it is now. */
export async function measure(page: Page): Promise<PictureMeasure> {
  await settle(page);
  return page.evaluate(measurePicture, PICTURE_SELECTORS);
}

/** Everything wrong with a measure, as sentences (empty when the picture meets the bar). */
export function shortfalls(where: string, m: PictureMeasure, min = MINIMUM): string[] {
  const out: string[] = [];
  if (m.counts.names === 0) out.push(`${where}: no node names found`);
  if (m.name < min.name) out.push(`${where}: node names ${m.name}px < ${min.name}`);
  if (m.figure < min.figure) out.push(`${where}: live figures ${m.figure}px < ${min.figure}`);
  if (m.edgeLabel < min.edgeLabel) out.push(`${where}: edge labels ${m.edgeLabel}px < ${min.edgeLabel}`);
  if (m.token < min.token) out.push(`${where}: tokens ${m.token}px < ${min.token}`);
  if (m.holdingRoom < min.chip) out.push(`${where}: the unacked messages' chips get ${m.holdingRoom}px < ${min.chip}`);
  if (m.text < min.text) out.push(`${where}: canvas text ${m.smallest} ${m.text}px < ${min.text}`);
  for (const p of m.problems) out.push(`${where}: ${p}`);
  return out;
}

/** The embedded player's link for a gallery scenario (as the Share dialog makes it). */
export function embedHash(g: GalleryScenario): string {
  const data = encode({ v: 1, scenario: g.scenario, speed: g.speed, lesson: g.lesson, gallery: g.id });
  return `#s=${data}&embed=1`;
}

export { galleryList, settle };

/** Opens a gallery scenario from the gallery dialog, as a person does. */
export async function openFromGallery(page: Page, title: string) {
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario gallery' });
  await dialog.getByRole('article').getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden();
}
