import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Proves that the lint rule guarding src/engine/ fires: the fixtures are linted with the
// project's own biome.json, placed at src/engine/ in a scratch project.
const root = resolve(import.meta.dirname, '..');
const biome = join(root, 'node_modules', '.bin', 'biome');
const scratch = mkdtempSync(join(tmpdir(), 'warren-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Diagnostic {
  category: string;
  location: { start?: { line: number } };
}

function lintAsEngineFile(fixture: string): Diagnostic[] {
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  delete config.$schema;
  writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
  mkdirSync(join(scratch, 'src', 'engine'), { recursive: true });
  rmSync(join(scratch, 'src', 'engine', 'fixture.ts'), { force: true });
  copyFileSync(join(root, 'scripts', 'lint-fixtures', fixture), join(scratch, 'src', 'engine', 'fixture.ts'));
  let out: string;
  try {
    out = execFileSync(biome, ['lint', '--reporter=json', '.'], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // biome exits non-zero when it finds errors
  }
  return (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('the engine purity lint rule', () => {
  it('flags every import of UI libraries, the wall clock, Math.random, timers and the DOM', () => {
    const lines = readFileSync(join(root, 'scripts', 'lint-fixtures', 'engine-impurities.ts'), 'utf8').split('\n');
    const diagnostics = lintAsEngineFile('engine-impurities.ts');
    const expected = lines.flatMap((text, i) => {
      const m = text.match(/expect: (\w+)/);
      return m ? [{ line: i + 1, rule: m[1]! }] : [];
    });
    expect(expected.length).toBeGreaterThanOrEqual(12);
    for (const { line, rule } of expected) {
      const hit = diagnostics.some((d) => d.location.start?.line === line && d.category.endsWith(`/${rule}`));
      expect(hit, `line ${line}: ${lines[line - 1]}`).toBe(true);
    }
  });

  it('lets pure engine code through', () => {
    expect(lintAsEngineFile('engine-pure.ts')).toEqual([]);
  });
});
