/**
 * Sharing: links, scenario files, RabbitMQ definitions and generated client code. Everything here is
 * pure (no React, no DOM) except url.ts, the only module that touches `location` and `history`.
 * Nothing here produces English: errors and reports are i18n keys with parameters (errors.ts).
 */
export { decode, encode, SHARE_FORMAT_VERSION } from './codec';
export { asPrograms, CODE_LANGUAGES, type CodeFile, type CodeLanguage, CONNECTION_HINT, connectionHint, generateCode } from './codegen';
export {
  type DefinitionsExport,
  type DefinitionsImport,
  defaultVhost,
  type ExportOptions,
  exportDefinitions,
  type ImportReport,
  importDefinitions,
  importDefinitionsText,
  listVhosts,
  looksLikeDefinitions,
  parseDefinitions,
  type ReportEntry,
  type ReportSection,
  type VhostSummary,
} from './definitions';
export { embedCode, type EmbedOptions } from './embed';
export { fail, type MessageParams, type Result, SHARE_MESSAGE_KEYS, type ShareError, type ShareMessageKey, type ShareProblem } from './errors';
export { exportScenarioFile, FILE_FORMAT_VERSION, type FileContentKind, fileTooLarge, importScenarioFile, readShareFile, SNIFF_CHARS, type ScenarioFileContent, type SniffedKind, scenarioFileName, sniffFileKind } from './file';
export { type Lesson, lessonSchema } from './lesson';
export { LIMITS } from './limits';
export { restoreScenarioStrict, restoreShareState, SHARE_MODES, type ShareMode, type ShareState, SPEED_MAX, SPEED_MIN } from './restore';
export { RUN_LIMITS, type SharedRun } from './run';
export { loadSharedState } from './open';
export { formatShareHash, type HistoryLike, type LocationLike, pageUrl, parseShareHash, readShareHash, type ShareHash, shareUrl, writeShareHash } from './url';
