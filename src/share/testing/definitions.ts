import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefinitionsImport, importDefinitionsText } from '../definitions';

/** A definitions file from `src/share/definitions/fixtures` (several exported by a real RabbitMQ 3.10.8). */
export const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'definitions', 'fixtures', name), 'utf8');

/** The import of a file expected to import (for the vhost given, if any). */
export function imported(text: string, vhost?: string): DefinitionsImport {
  const r = importDefinitionsText(text, vhost === undefined ? {} : { vhost });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The import report's entry of this kind (`share.defs.report.<key>`), if there is one. */
export const reportEntry = (r: DefinitionsImport, key: string) => r.report.entries.find((e) => e.key === `share.defs.report.${key}`);
