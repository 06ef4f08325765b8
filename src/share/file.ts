import type { Scenario } from '../model';
import { looksLikeDefinitions } from './definitions/detect';
import { fail, type Result } from './errors';
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
  const parsed = parseUntrustedJson(text, { maxChars: LIMITS.fileChars, maxDepth: LIMITS.jsonDepth });
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
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
