import type { Scenario } from '../model';
import { looksLikeDefinitions } from './definitions/detect';
import { type Definitions, parseDefinitionsValue } from './definitions/parse';
import { fail, ok, type Result, type ShareError } from './errors';
import type { Lesson } from './lesson';
import { LIMITS } from './limits';
import { restoreShareState, type ShareState } from './restore';
import { parseUntrustedJson } from './safeJson';
import type { ScenarioId } from '../scenarios';

/** `{ "warren": 1, ... }`: the marker says what the file is, its value which format. */
export const FILE_MARKER = 'warren';
export const FILE_FORMAT_VERSION = 1;

export interface ScenarioFileContent {
  scenario: Scenario;
  speed?: number;
  lesson?: Lesson;
  gallery?: ScenarioId;
}

/**
 * A scenario as a JSON file people can read, diff and keep in a course repository: the full document
 * (not the link's compact form), pretty-printed, marker first.
 */
export function exportScenarioFile(content: ScenarioFileContent): string {
  const { scenario, speed, lesson, gallery } = content;
  return `${JSON.stringify({ [FILE_MARKER]: FILE_FORMAT_VERSION, scenario, speed, lesson, gallery }, null, 2)}\n`;
}

/**
 * Reads a scenario file with the same defences as a link: size and depth capped before parsing,
 * dangerous keys refused, then everything validated; the result is all or nothing, with every problem
 * listed, so the caller can show them and leave the current work untouched.
 */
export function importScenarioFile(text: unknown): Result<ShareState> {
  const parsed = parseUntrustedJson(text, { maxChars: LIMITS.fileChars, maxDepth: LIMITS.jsonDepth, tooLarge: 'share.file.tooLarge' });
  if (!parsed.ok) return parsed;
  return scenarioFromJson(parsed.value);
}

function scenarioFromJson(raw: unknown): Result<ShareState> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !(FILE_MARKER in raw)) {
    return fail(looksLikeDefinitions(raw) ? 'share.file.looksLikeDefinitions' : 'share.file.notWarren');
  }
  const file = raw as Record<string, unknown>;
  const version = file[FILE_MARKER];
  if (typeof version !== 'number' || !Number.isInteger(version)) return fail('share.file.notWarren');
  if (version > FILE_FORMAT_VERSION) return fail('share.error.newerVersion', { version });
  if (version < FILE_FORMAT_VERSION) return fail('share.error.unsupportedVersion', { version });
  return restoreShareState({ scenario: file.scenario, speed: file.speed, lesson: file.lesson, gallery: file.gallery });
}

/** What a file is, from its first characters (it may be too big to parse): its limit depends on it. */
export type SniffedKind = 'scenario' | 'definitions' | 'unknown';

/** How much of a file's beginning sniffFileKind needs. */
export const SNIFF_CHARS = 4096;

const DEFINITIONS_KEYS = /"(?:rabbit_version|rabbitmq_version|product_name|product_version|rabbitmq_definition_format|queues|exchanges|bindings|policies|vhosts|users|permissions)"\s*:/;

/**
 * Warren writes the marker first (`{ "warren": 1, ...`); RabbitMQ writes its version or a section near
 * the top. Only a hint for choosing the size limit: the parsed file decides what it is.
 */
export function sniffFileKind(text: string): SniffedKind {
  const head = text.slice(0, SNIFF_CHARS);
  if (/^\uFEFF?\s*\{\s*"warren"\s*:/.test(head)) return 'scenario';
  if (DEFINITIONS_KEYS.test(head)) return 'definitions';
  return 'unknown';
}

/** Why a file of `size` characters is too big, naming the limit of what it seems to be. */
export function fileTooLarge(kind: SniffedKind, size: number): ShareError | null {
  const max = kind === 'scenario' ? LIMITS.fileChars : LIMITS.definitionsChars;
  if (size <= max) return null;
  if (kind === 'scenario') return { key: 'share.file.tooLarge', params: { size, max } };
  if (kind === 'definitions') return { key: 'share.defs.error.tooLarge', params: { size, max } };
  return { key: 'share.file.tooLargeAny', params: { size, max, fileMax: LIMITS.fileChars } };
}

export type FileContentKind = { kind: 'scenario'; state: ShareState } | { kind: 'definitions'; defs: Definitions };

/**
 * A file the person opened: a Warren scenario file or RabbitMQ definitions. What it is is known before
 * any limit is applied (a 6 MB definitions file is not refused with the 5 MB scenario-file limit), and
 * it is parsed once: a definitions file then has its items counted before they are validated.
 */
export function readShareFile(text: unknown): Result<FileContentKind> {
  if (typeof text !== 'string') return fail('share.error.notJson');
  const sniffed = sniffFileKind(text);
  const tooLarge = fileTooLarge(sniffed, text.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  const parsed = parseUntrustedJson(text, { maxChars: LIMITS.definitionsChars, maxDepth: LIMITS.jsonDepth, tooLarge: 'share.file.tooLargeAny' });
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && FILE_MARKER in raw) {
    const big = fileTooLarge('scenario', text.length);
    if (big) return { ok: false, error: big };
    const state = scenarioFromJson(raw);
    return state.ok ? ok({ kind: 'scenario', state: state.value }) : state;
  }
  if (!looksLikeDefinitions(raw)) return fail('share.file.notWarren');
  const defs = parseDefinitionsValue(raw);
  return defs.ok ? ok({ kind: 'definitions', defs: defs.value }) : defs;
}

/**
 * A file name from the title: letters and digits of any script kept, everything a file system or a
 * shell could trip on replaced by '-'.
 */
export function scenarioFileName(scenario: Pick<Scenario, 'title'>, suffix = '.warren.json'): string {
  const slug = scenario.title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${slug || 'scenario'}${suffix}`;
}
