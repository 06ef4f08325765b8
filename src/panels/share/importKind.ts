import { type DefinitionsImport, importDefinitions, importScenarioFile, listVhosts, parseDefinitions, type Result, type ShareError, type ShareState, type VhostSummary } from '../../share';
import type { Definitions } from '../../share/definitions';

/** What a file turned out to be. */
export type FileContent =
  | { kind: 'scenario'; state: ShareState }
  /** RabbitMQ definitions with one vhost worth importing: imported already, to show the report */
  | { kind: 'definitions'; result: DefinitionsImport }
  /** RabbitMQ definitions with several: the person chooses */
  | { kind: 'choose-vhost'; defs: Definitions; vhosts: VhostSummary[]; suggested: string }
  | { kind: 'refused'; error: ShareError };

const hasContent = (v: VhostSummary) => v.exchanges + v.queues + v.bindings + v.policies > 0;

/**
 * Reads a file's text as a Warren scenario file or, when it looks like RabbitMQ definitions
 * (share/file.ts asks looksLikeDefinitions), as definitions. All or nothing: a refusal says why.
 */
export function readFileContent(text: string): FileContent {
  const file = importScenarioFile(text);
  if (file.ok) return { kind: 'scenario', state: file.value };
  if (file.error.key !== 'share.file.looksLikeDefinitions') return { kind: 'refused', error: file.error };
  const defs = parseDefinitions(text);
  if (!defs.ok) return { kind: 'refused', error: defs.error };
  const vhosts = listVhosts(defs.value);
  const withContent = vhosts.filter(hasContent);
  if (withContent.length > 1) return { kind: 'choose-vhost', defs: defs.value, vhosts, suggested: withContent[0]!.name };
  return fromDefinitions(importDefinitions(defs.value, { vhost: (withContent[0] ?? vhosts[0])!.name }));
}

/** The import of one vhost, or why it was refused. */
export function fromDefinitions(r: Result<DefinitionsImport>): FileContent {
  return r.ok ? { kind: 'definitions', result: r.value } : { kind: 'refused', error: r.error };
}
