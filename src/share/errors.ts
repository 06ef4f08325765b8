import type { ModelMessageKey } from '../model';

/**
 * Everything share/ says to a person is an i18n key with parameters: this folder never produces English
 * text. The keys are listed here so a test can prove both dictionaries in src/i18n/ have every one, and
 * the UI can type-check its translation of them (as src/panels/modelText.ts does for the model's keys).
 */
export const SHARE_MESSAGE_KEYS = [
  // reading untrusted text (links, files)
  'share.error.empty',
  'share.error.notJson',
  'share.error.tooDeep',
  'share.error.tooManyNodes',
  'share.error.tooManyBindings',
  'share.error.forbiddenKey',
  'share.error.invalid',
  'share.error.invalidScenario',
  'share.error.newerVersion',
  'share.error.unsupportedVersion',
  // links
  'share.link.tooLarge',
  'share.link.tooBigToShare',
  'share.link.malformed',
  'share.link.corrupt',
  'share.link.decompressedTooLarge',
  // scenario files
  'share.file.tooLarge',
  'share.file.tooLargeAny',
  'share.file.notWarren',
  'share.file.looksLikeDefinitions',
  // problem details (a path inside the input and what is wrong there)
  'share.problem.expected',
  'share.problem.unknownValue',
  'share.problem.outOfRange',
  'share.problem.nullValue',
  'share.problem.required',
  'share.problem.invalid',
  // RabbitMQ definitions: the whole file is refused
  'share.defs.error.notDefinitions',
  'share.defs.error.looksLikeWarren',
  'share.defs.error.tooLarge',
  'share.defs.error.tooManyItems',
  'share.defs.error.invalid',
  'share.defs.error.unknownVhost',
  // RabbitMQ definitions: the import report
  'share.defs.title',
  'share.defs.report.metadata',
  'share.defs.report.users',
  'share.defs.report.userLimits',
  'share.defs.report.permissions',
  'share.defs.report.topicPermissions',
  'share.defs.report.vhostLimits',
  'share.defs.report.vhostMetadata',
  'share.defs.report.defaultQueueType3',
  'share.defs.report.defaultQueueType4',
  'share.defs.report.defaultQueueTypeUnknown',
  'share.defs.report.parameter',
  'share.defs.report.globalParameter',
  'share.defs.report.otherVhost',
  'share.defs.report.perVhostFile',
  'share.defs.report.predeclaredExchange',
  'share.defs.report.unknownExchangeType',
  'share.defs.report.exchangeArgument',
  'share.defs.report.invalidExchange',
  'share.defs.report.duplicateExchange',
  'share.defs.report.streamQueue',
  'share.defs.report.queueArgument',
  'share.defs.report.invalidQueue',
  'share.defs.report.duplicateQueue',
  'share.defs.report.danglingBinding',
  'share.defs.report.danglingBindingHand',
  'share.defs.report.bindingSkipped',
  'share.defs.report.predeclaredSource',
  'share.defs.report.longRoutingKey',
  'share.defs.report.bindingArgument',
  'share.defs.report.policyApplied',
  'share.defs.report.operatorPolicyApplied',
  'share.defs.report.policyKeptArgument',
  'share.defs.report.policyDisqualified',
  'share.defs.report.policyTie',
  'share.defs.report.policyDroppedKey',
  'share.defs.report.policyNotModelled',
  'share.defs.report.policyRefused',
  'share.defs.report.policyUnsupportedPattern',
  // RabbitMQ definitions: what an export leaves out
  // RabbitMQ definitions: what a real broker would refuse (and where its import would stop)
  'share.defs.refusal.policyPattern',
  'share.defs.refusal.operatorPattern',
  'share.defs.refusal.operatorKeys',
  'share.defs.export.exclusiveQueue',
  'share.defs.export.exclusiveBinding',
  'share.defs.export.apps',
] as const;

export type ShareMessageKey = (typeof SHARE_MESSAGE_KEYS)[number];
export type MessageParams = Record<string, string | number>;

/** One thing wrong with an input: where (a JSON-ish path such as `queues[3].arguments.x-max-length`) and what. */
export interface ShareProblem {
  key: ShareMessageKey | ModelMessageKey;
  params?: MessageParams;
  path?: string;
}

/** Why an input was refused. Nothing was applied: the caller's current work is untouched. */
export interface ShareError {
  key: ShareMessageKey;
  params?: MessageParams;
  /** The individual problems, when there are several (a file with three bad queues lists three). */
  problems?: ShareProblem[];
}

export type Result<T, E = ShareError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail(key: ShareMessageKey, params?: MessageParams, problems?: ShareProblem[]): { ok: false; error: ShareError } {
  const error: ShareError = { key };
  if (params) error.params = params;
  if (problems && problems.length > 0) error.problems = problems;
  return { ok: false, error };
}
