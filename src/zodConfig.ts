import { z } from 'zod';

/**
 * zod without its JIT: by default it compiles a fast parser per object schema with `new Function`,
 * which the page's Content-Security-Policy (script-src 'self', no 'unsafe-eval': see vite.config.ts)
 * forbids; even its probe for whether it may would be reported as a violation. The flag is read when
 * a schema is created, so this module is imported before anything that defines one (first import of
 * app/main.tsx; vitest's setupFiles, so tests run the same parsers).
 */
z.config({ jitless: true });
