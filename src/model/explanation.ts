/**
 * The model never produces English text: it explains itself with an i18n key and parameters, and the UI
 * translates (`t(key, params)`). The keys are listed here so the type checker can prove that both
 * dictionaries in src/i18n/ contain every one of them (see src/panels/modelText.ts).
 */
export const MODEL_MESSAGE_KEYS = [
  // field validation
  'validation.required',
  'validation.integer',
  'validation.number',
  'validation.min',
  'validation.greaterThan',
  'validation.max',
  'validation.oneOf',
  'validation.invalid',
  'validation.tooLong',
  'validation.textTooLong',
  'validation.nameEmpty',
  'validation.nameReserved',
  'validation.nameTaken',
  'validation.expiration',
  'validation.expiresPositive',
  'validation.quorumDurable',
  'validation.quorumExclusive',
  'validation.quorumAutoDelete',
  'validation.quorumPriority',
  'validation.quorumOverflow',
  'validation.deliveryLimitQuorumOnly',
  'validation.dlrkNeedsDlx',
  'validation.predeclaredExchange',
  'validation.streamProperties',
  'validation.streamArgument',
  'validation.xMatch',
  'validation.programName',
  'validation.headerKeyEmpty',
  'validation.headerJson',
  'validation.channelNumberTaken',
  'validation.failOutcome',
  'validation.duplicateId',
  // warnings about a document that AMQP accepts but that will misbehave at run time
  'warning.publishMissingExchange',
  'warning.publishInternalExchange',
  'warning.consumeMissingQueue',
  'warning.replyConsumerNeedsNoAck',
  'warning.replyToWithoutReplyConsumer',
  'warning.streamNotSimulated',
  'warning.dlxMissing',
  'warning.aeMissing',
  'warning.exclusiveConsumerShared',
  'warning.confirmsWithoutConfirmSelect',
  // refused connections: short explanations that teach
  'connect.producerToQueue',
  'connect.producerToApp',
  'connect.producerToInternal',
  'connect.exchangeToApp',
  'connect.queueToQueue',
  'connect.queueToProducer',
  'connect.bindFromDefault',
  'connect.bindToDefault',
  'connect.selfBinding',
  'connect.selfAlternate',
  'connect.duplicateBinding',
  'connect.alternateToQueue',
  'connect.appHasNoPublisher',
  'connect.notAnEndpoint',
  'connect.fix.publishViaDefault',
  'connect.fix.addConsumer',
  // operations
  'op.lastChannel',
  'op.notFound',
  'op.queueRedeclared',
  'op.futureDropped',
  // restoring a saved or shared document
  'restore.recovered',
  'restore.reset',
  'restore.droppedExchange',
  'restore.droppedQueue',
  'restore.droppedBinding',
  'restore.droppedApp',
  'restore.droppedClient',
  'restore.renumberedChannel',
  'restore.renamed',
  'restore.newerVersion',
  'restore.droppedProgram',
] as const;

export type ModelMessageKey = (typeof MODEL_MESSAGE_KEYS)[number];
export type ExplanationParams = Record<string, string | number>;

export interface Explanation {
  key: ModelMessageKey;
  params?: ExplanationParams;
}

export function explain(key: ModelMessageKey, params?: ExplanationParams): Explanation {
  return params ? { key, params } : { key };
}
