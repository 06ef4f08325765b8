/**
 * RabbitMQ definitions (`rabbitmqctl export_definitions`, the management UI's download,
 * `GET /api/definitions[/vhost]`) in and out of Warren.
 */
import type { Result } from '../errors';
import { type DefinitionsImport, importDefinitions } from './importer';
import { parseDefinitions } from './parse';

export { looksLikeDefinitions } from './detect';
export { type DefinitionsExport, type ExportOptions, exportDefinitions } from './exporter';
export { type DefinitionsImport, importDefinitions } from './importer';
export { type Definitions, parseDefinitions } from './parse';
export type { ImportReport, ReportEntry, ReportSection } from './report';
export { defaultVhost, listVhosts, type VhostSummary } from './vhosts';

/** Parse, validate and import one vhost (default "/") in one call: all or nothing. */
export function importDefinitionsText(text: unknown, opts: { vhost?: string } = {}): Result<DefinitionsImport> {
  const defs = parseDefinitions(text);
  return defs.ok ? importDefinitions(defs.value, opts) : defs;
}
