/** The "code" scenarios' ids (the seven tutorials as amqplib programs), in gallery order. */
export const CODE_SCENARIO_IDS = [
  'hello-world-code',
  'work-queues-code',
  'publish-subscribe-code',
  'routing-code',
  'topics-code',
  'rpc-code',
  'publisher-confirms-code',
] as const;
export type CodeScenarioId = (typeof CODE_SCENARIO_IDS)[number];
