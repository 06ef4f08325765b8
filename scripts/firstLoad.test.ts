import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script run by npm test, no type declarations
import { firstLoad, firstLoadChunks } from './first-load.mjs';

// A scratch build: index.html's script imports a shared chunk; the entry fetches the app (which
// imports its chunk and the shared one) and a dictionary; a dialog is loaded later, on first use.
const dist = mkdtempSync(join(tmpdir(), 'warren-first-load-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_entry.js'], dynamicImports: ['src/app/start.tsx'] },
  '_entry.js': { file: 'assets/entry.js' },
  'src/app/start.tsx': { file: 'assets/start.js', isDynamicEntry: true, imports: ['_app.js', '_entry.js'], dynamicImports: ['src/panels/Dialog.tsx'] },
  '_app.js': { file: 'assets/app.js', css: ['assets/app.css'] },
  'src/panels/Dialog.tsx': { file: 'assets/Dialog.js', isDynamicEntry: true, imports: ['_app.js'] },
  'src/i18n/parts/en.first.ts': { file: 'assets/en.first.js', isDynamicEntry: true },
  'src/store/restoring.ts': { file: 'assets/restoring.js', isDynamicEntry: true },
  'src/app/boot.ts': { file: 'assets/boot.js', isDynamicEntry: true },
  'src/store/sharedWork.ts': { file: 'assets/sharedWork.js', isDynamicEntry: true },
};
mkdirSync(join(dist, '.vite'), { recursive: true });
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
for (const c of Object.values(manifest)) writeFileSync(join(dist, c.file), `export const x = ${JSON.stringify(c.file.repeat(50))};`);

describe('first-load JavaScript', () => {
  it('counts the entry and what it imports, and what a visit fetches with its imports, not what loads on first use', () => {
    expect(firstLoadChunks(dist, ['src/i18n/parts/en.first.ts', 'src/app/start.tsx'])).toEqual(['assets/app.js', 'assets/en.first.js', 'assets/entry.js', 'assets/index.js', 'assets/start.js']);
  });

  it('adds up the gzipped sizes per kind of visit: a link fetches more than a new visit', () => {
    const visits = firstLoad(dist);
    expect(visits.new.sizes.map(([f]: [string, number]) => f)).not.toContain('assets/Dialog.js');
    expect(visits.link.bytes).toBeGreaterThan(visits.returning.bytes);
    expect(visits.returning.bytes).toBeGreaterThan(visits.new.bytes);
  });

  it('refuses a build whose entry no longer fetches a module it expects, rather than count too little', () => {
    expect(() => firstLoadChunks(dist, ['src/app/gone.tsx'])).toThrow(/not a chunk of this build/);
  });
});
