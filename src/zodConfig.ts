import { z } from 'zod';

/**
 * zod without its JIT: by default it compiles a fast parser per object schema with `new Function`,
 * which the page's Content-Security-Policy (script-src 'self', no 'unsafe-eval': see vite.config.ts)
 * forbids; even its probe for whether it may would be reported as a violation. The flag is read when
 * a schema is created, so this must run before anything defines one: the build puts this module in
 * zod's own chunk, right after zod (vite.config.ts manualChunks), which every chunk with a schema
 * imports; app/main.tsx imports it first for the dev server; vitest's setupFiles for the tests.
 * e2e/app.spec.ts checks the built site runs with no CSP violation.
 */
z.config({ jitless: true });
