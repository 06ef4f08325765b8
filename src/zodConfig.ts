/**
 * zod without its JIT: by default it compiles a fast parser per object schema with `new Function`,
 * which the page's Content-Security-Policy (script-src 'self', no 'unsafe-eval': see vite.config.ts)
 * forbids; even its probe for whether it may would be reported as a violation. The flag is read when
 * a schema is created, so this must run before anything defines one. In the app every `import … from
 * 'zod'` resolves to this module (vite.config.ts, resolve.alias), which configures zod and passes it
 * on: whichever chunk creates a schema, and whenever it loads (zod is not part of the first load), it
 * has imported this first. vitest runs it as a setup file. e2e/app.spec.ts checks the built site runs
 * with no CSP violation.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z, z as default } from 'zod/v4';
