import { type Node, type Options, parse } from 'acorn';

/**
 * From a program's source to the body of the function that runs it, keeping every line where it was
 * (so that an error's line is the student's line). CommonJS files run as written (sloppy mode, as
 * Node runs them); a file with `import`/`export` is an ES module: its imports become lookups in the
 * module table and it runs in strict mode. Top-level `await` is allowed in both (the body is an async
 * function), which is more lenient than Node for CommonJS and costs nothing.
 */

export type Prepared =
  /** `prefix`: characters put before the program's first line (its columns there shift by as much) */
  | { ok: true; body: string; esm: boolean; prefix: number }
  | { ok: false; error: { message: string; line: number; column: number } };

interface AcornError extends SyntaxError {
  loc?: { line: number; column: number };
}

const COMMON: Options = { ecmaVersion: 'latest', allowHashBang: true, allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true, locations: true };

type AnyNode = Node & Record<string, unknown>;

function syntaxError(e: unknown): Prepared {
  const err = e as AcornError;
  // acorn appends " (line:column)" to its messages: the location is shown separately
  const message = String(err.message ?? e).replace(/ \(\d+:\d+\)$/, '');
  return { ok: false, error: { message: `SyntaxError: ${message}`, line: err.loc?.line ?? 1, column: (err.loc?.column ?? 0) + 1 } };
}

/** Blanks a range of the source, keeping its newlines. */
function blank(src: string, from: number, to: number): string {
  return src.slice(from, to).replace(/[^\n]/g, ' ');
}

export function prepare(source: string, file: string): Prepared {
  const wantsEsm = file.endsWith('.mjs');
  let ast: AnyNode | null = null;
  let scriptError: unknown = null;
  if (!wantsEsm) {
    try {
      ast = parse(source, { ...COMMON, sourceType: 'script' }) as unknown as AnyNode;
    } catch (e) {
      scriptError = e;
    }
  }
  if (ast) return { ok: true, body: stripHashBang(source), esm: false, prefix: 0 };
  let moduleAst: AnyNode;
  try {
    moduleAst = parse(source, { ...COMMON, sourceType: 'module' }) as unknown as AnyNode;
  } catch (e) {
    // report what the student most likely meant: a script's error, unless it was about import/export
    const scriptMsg = String((scriptError as Error | null)?.message ?? '');
    return syntaxError(scriptError && !/import|export|sourceType/.test(scriptMsg) ? scriptError : e);
  }
  const body = transformModule(source, moduleAst);
  return { ok: true, body, esm: true, prefix: body.length - source.length };
}

function stripHashBang(src: string): string {
  if (!src.startsWith('#!')) return src;
  const end = src.indexOf('\n') < 0 ? src.length : src.indexOf('\n');
  return blank(src, 0, end) + src.slice(end);
}

/**
 * ES module → a function body: import declarations are hoisted (as ESM hoists them) into one line
 * of lookups put before the first line, `export` keywords are removed, `import()` and `import.meta`
 * are routed to the module table.
 */
function transformModule(source: string, ast: AnyNode): string {
  const edits: { from: number; to: number; text: string }[] = [];
  const hoisted: string[] = ['"use strict";'];
  let n = 0;
  for (const st of ast.body as AnyNode[]) {
    if (st.type === 'ImportDeclaration') {
      const from = JSON.stringify((st.source as { value: string }).value);
      const m = `__m${++n}`;
      hoisted.push(`const ${m} = __import(${from});`);
      for (const s of st.specifiers as AnyNode[]) {
        const local = (s.local as { name: string }).name;
        if (s.type === 'ImportDefaultSpecifier') hoisted.push(`const ${local} = ${m}.default;`);
        else if (s.type === 'ImportNamespaceSpecifier') hoisted.push(`const ${local} = ${m};`);
        else {
          const imported = s.imported as { name?: string; value?: string };
          hoisted.push(`const ${local} = __named(${m}, ${JSON.stringify(imported.name ?? imported.value)}, ${from});`);
        }
      }
      edits.push({ from: st.start, to: st.end, text: blank(source, st.start, st.end) });
    } else if (st.type === 'ExportNamedDeclaration' || st.type === 'ExportDefaultDeclaration') {
      const decl = st.declaration as AnyNode | null;
      if (!decl) edits.push({ from: st.start, to: st.end, text: blank(source, st.start, st.end) });
      else if (st.type === 'ExportDefaultDeclaration' && !(decl.id && (decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration'))) {
        edits.push({ from: st.start, to: decl.start, text: 'void '.padEnd(decl.start - st.start, ' ') });
      } else edits.push({ from: st.start, to: decl.start, text: blank(source, st.start, decl.start) });
    } else if (st.type === 'ExportAllDeclaration') {
      edits.push({ from: st.start, to: st.end, text: blank(source, st.start, st.end) });
    }
  }
  walk(ast, (node) => {
    // same lengths as what they replace: columns stay where they were
    if (node.type === 'ImportExpression') edits.push({ from: node.start, to: node.start + 6, text: '__dyn_' });
    else if (node.type === 'MetaProperty' && (node.meta as { name: string }).name === 'import') edits.push({ from: node.start, to: node.end, text: '__imeta'.padEnd(node.end - node.start, ' ') });
  });
  edits.sort((a, b) => b.from - a.from);
  let out = stripHashBang(source);
  for (const e of edits) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return hoisted.join(' ') + ' ' + out;
}

/** Visits every node of an ESTree AST. */
function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c === 'object' && typeof (c as AnyNode).type === 'string') walk(c as AnyNode, visit);
    } else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string') walk(v as AnyNode, visit);
  }
}
