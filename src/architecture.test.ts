import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down: UI (app, canvas, panels) -> store -> sim -> engine, never back.
 * Each top-level folder of src/ lists the folders it may import from. The lint rule in
 * biome.json guards the engine as well; this test guards every layer.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  engine: [],
  model: ['engine'],
  sim: ['engine', 'model'],
  scenarios: ['engine', 'model', 'sim'],
  share: ['engine', 'model', 'sim', 'scenarios'],
  store: ['engine', 'model', 'sim', 'scenarios', 'share'],
  i18n: [],
  canvas: ['store', 'engine', 'model', 'sim', 'scenarios', 'share', 'i18n', 'panels', 'programs'],
  // programs (issue 13): the amqplib runtime their Web Workers run, the turn log, the tutorials' code
  programs: ['engine', 'model', 'sim', 'scenarios', 'share', 'store'],
  panels: ['store', 'engine', 'model', 'sim', 'scenarios', 'share', 'i18n', 'programs'],
  app: ['store', 'engine', 'model', 'sim', 'scenarios', 'share', 'i18n', 'canvas', 'panels', 'programs'],
};

const src = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function layerOf(file: string): string | undefined {
  const rel = relative(src, file).split(sep);
  return rel.length > 1 ? rel[0] : undefined;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('layering', () => {
  const files = sourceFiles(src).filter((f) => !/\.test\.tsx?$/.test(f));

  it('knows every top-level folder of src/', () => {
    for (const f of files) {
      const layer = layerOf(f);
      if (layer) expect(Object.keys(MAY_IMPORT), relative(src, f)).toContain(layer);
    }
  });

  it('has imports that only point down', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2]!;
        if (!spec.startsWith('.')) continue;
        const to = layerOf(resolve(file, '..', spec));
        if (to && to !== from && !MAY_IMPORT[from]!.includes(to)) {
          violations.push(`${relative(src, file)} imports ${spec} (${from} -> ${to})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps React, zustand, React Flow and framer-motion out of engine and sim', () => {
    const offenders = files
      .filter((f) => ['engine', 'sim'].includes(layerOf(f) ?? ''))
      .filter((f) => /from\s*['"](react|react-dom|zustand|@xyflow\/[^'"]+|framer-motion|motion)['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });
});
