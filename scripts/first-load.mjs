// The JavaScript a first visit must fetch before it can draw its canvas, gzipped (what a static
// host serving gzip sends), read from a build's manifest (dist/.vite/manifest.json): the entry
// index.html loads (its script and what that imports, which the page modulepreloads), and the chunks
// the entry (src/app/main.tsx) fetches at once for that kind of visit, each with what it imports.
// Chunks loaded later, on first use (the inspector, the dock's panels, dialogs, the validating
// edits), are not counted. Shared by bench/firstLoad.ts (which also times the first canvas) and by
// `npm test`'s build stage, where it fails when a new visit's first load is over the budget:
//   node scripts/first-load.mjs [--dist=dist] [--budget=250000]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * What each kind of visit makes the entry fetch before it renders, by source module (see main.tsx):
 * the first part of the dictionary (the keys the first canvas's code mentions: the build splits it,
 * see vite.config.ts; the rest is fetched after the first canvas), the app, and the validators and
 * the link's decoder when there is something to read. vite.config.ts's FIRST_LOAD names the same
 * modules (besides the dictionary).
 */
export const VISIT_FETCHES = {
  /** nothing saved, no link: the empty editor */
  new: ['src/i18n/parts/en.first.ts', 'src/app/start.tsx'],
  /** work in the autosave slot: its validators too */
  returning: ['src/i18n/parts/en.first.ts', 'src/app/start.tsx', 'src/store/restoring.ts'],
  /** a share link: the validators, the link's decoder and the shared-work reader */
  link: ['src/i18n/parts/en.first.ts', 'src/app/start.tsx', 'src/store/restoring.ts', 'src/app/boot.ts', 'src/store/sharedWork.ts'],
};

/** The first-load chunks (files under dist/) of a visit that fetches `fetches`, or null without a manifest. */
export function firstLoadChunks(dist, fetches) {
  const path = join(dist, '.vite', 'manifest.json');
  if (!existsSync(path)) return null;
  const m = JSON.parse(readFileSync(path, 'utf8'));
  const out = new Set();
  const add = (key) => {
    const c = m[key];
    if (!c || out.has(c.file)) return;
    out.add(c.file);
    for (const i of c.imports ?? []) add(i);
  };
  for (const [key, c] of Object.entries(m)) if (c.isEntry && key.endsWith('.html')) add(key);
  for (const [key, c] of Object.entries(m)) if (c.isEntry && !key.endsWith('.html') && key.includes('main')) add(key);
  for (const f of fetches) {
    if (!m[f]) throw new Error(`${f} is not a chunk of this build: the entry no longer fetches it? (update VISIT_FETCHES)`);
    add(f);
  }
  return [...out].filter((f) => f.endsWith('.js')).sort();
}

const gzCache = new Map();
/** A file's size gzipped at level 9. */
export function gzipped(path) {
  let n = gzCache.get(path);
  if (n === undefined) {
    n = gzipSync(readFileSync(path), { level: 9 }).length;
    gzCache.set(path, n);
  }
  return n;
}

/** Each visit's first-load chunks and their gzipped total (bytes). */
export function firstLoad(dist) {
  const out = {};
  for (const [visit, fetches] of Object.entries(VISIT_FETCHES)) {
    const chunks = firstLoadChunks(dist, fetches);
    if (!chunks) throw new Error(`${dist} has no .vite/manifest.json: build with manifest: true (vite.config.ts)`);
    const sizes = chunks.map((f) => [f, gzipped(join(dist, f))]).sort((a, b) => b[1] - a[1]);
    out[visit] = { bytes: sizes.reduce((s, x) => s + x[1], 0), sizes };
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const dist = option('dist') ?? 'dist';
  const budget = Number(option('budget') ?? 250_000);
  const visits = firstLoad(dist);
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  for (const [visit, { bytes, sizes }] of Object.entries(visits)) {
    console.log(`${visit}: ${kb(bytes)} gzip — ${sizes.map(([f, n]) => `${f.replace('assets/', '')} ${kb(n)}`).join(', ')}`);
  }
  if (visits.new.bytes > budget) {
    console.error(`first load: a new visit fetches ${kb(visits.new.bytes)} of JavaScript (gzip) before its first canvas; the budget is ${kb(budget)}. Load what the first canvas does not need on first use (dynamic import()).`);
    process.exit(1);
  }
  console.log(`first load: a new visit fetches ${kb(visits.new.bytes)} (budget ${kb(budget)})`);
}
