import { type DefinitionsImport, importDefinitions, listVhosts, readShareFile, type Result, type ShareError, type ShareState, type VhostSummary } from '../../share';
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
 * Reads a file's text as a Warren scenario file or RabbitMQ definitions (share/file.ts readShareFile:
 * the kind is known before a size limit applies). All or nothing: a refusal says why.
 */
export function readFileContent(text: string): FileContent {
  const file = readShareFile(text);
  if (!file.ok) return { kind: 'refused', error: file.error };
  if (file.value.kind === 'scenario') return { kind: 'scenario', state: file.value.state };
  const defs = file.value.defs;
  const vhosts = listVhosts(defs);
  const withContent = vhosts.filter(hasContent);
  if (withContent.length > 1) return { kind: 'choose-vhost', defs, vhosts, suggested: withContent[0]!.name };
  return fromDefinitions(importDefinitions(defs, { vhost: (withContent[0] ?? vhosts[0])!.name }));
}

/** The import of one vhost, or why it was refused. */
export function fromDefinitions(r: Result<DefinitionsImport>): FileContent {
  return r.ok ? { kind: 'definitions', result: r.value } : { kind: 'refused', error: r.error };
}
