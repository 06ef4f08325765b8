import { z } from 'zod';

/**
 * The shape of a RabbitMQ definitions file, as lenient as the real broker is about what it does not
 * use (unknown keys are allowed; whole sections may be missing) and as strict about the types of what
 * it does use (a section that is not a list, a name that is not a string: RabbitMQ refuses those).
 * Shapes seen in the wild (see shared/reference/definitions.md): 3.6/3.7 (user tags as a string),
 * 3.9+ (queue `type`), 4.x (`rabbitmq_definition_format`, vhost metadata), per-vhost downloads with no
 * `vhost` on entities, and hand-written files that omit most keys.
 */

const table = z.record(z.string(), z.unknown());
const vhost = z.string().optional();

export const rawQueue = z.looseObject({
  name: z.string(),
  vhost,
  durable: z.boolean().optional(),
  auto_delete: z.boolean().optional(),
  type: z.string().optional(),
  arguments: table.optional(),
});

export const rawExchange = z.looseObject({
  name: z.string(),
  vhost,
  type: z.string(),
  durable: z.boolean().optional(),
  auto_delete: z.boolean().optional(),
  internal: z.boolean().optional(),
  arguments: table.optional(),
});

export const rawBinding = z.looseObject({
  source: z.string(),
  destination: z.string(),
  destination_type: z.enum(['queue', 'exchange']),
  routing_key: z.string().optional(),
  vhost,
  arguments: table.optional(),
});

/** 3.10 writes operator policy definitions as a list of [key, value] pairs (checked on a real 3.10.8). */
const policyDefinition = z.union([table, z.array(z.tuple([z.string(), z.unknown()])).transform((pairs) => Object.fromEntries(pairs))]);

export const APPLY_TO = ['queues', 'exchanges', 'all', 'classic_queues', 'quorum_queues', 'streams'] as const;
export type ApplyTo = (typeof APPLY_TO)[number];

const policyBody = {
  pattern: z.string(),
  'apply-to': z.enum(APPLY_TO).optional(),
  definition: policyDefinition,
  priority: z.number().int().optional(),
};

export const rawPolicy = z.looseObject({ name: z.string(), vhost, ...policyBody });

export const rawParameter = z.looseObject({ component: z.string(), name: z.string(), vhost, value: z.unknown() });
export const rawOperatorPolicyValue = z.looseObject(policyBody);

/** Vhost metadata (3.10 keeps it; 4.x writes it in `metadata` and again beside it). Read leniently: it is only reported. */
const vhostMetadata = {
  metadata: z.looseObject({ default_queue_type: z.string().optional(), description: z.unknown().optional(), tags: z.unknown().optional() }).optional(),
  default_queue_type: z.string().optional(),
  description: z.unknown().optional(),
  tags: z.unknown().optional(),
};

export const rawVhost = z.looseObject({
  name: z.string(),
  limits: z.unknown().optional(),
  ...vhostMetadata,
});

export const rawUser = z.looseObject({ name: z.string(), limits: z.unknown().optional() });

const list = <T extends z.ZodType>(item: T) => z.array(item).optional();

/** The `product_name` Warren writes in the definitions it exports (RabbitMQ's HTTP export writes "RabbitMQ"). */
export const WARREN_PRODUCT = 'Warren';

export const rawDefinitions = z.looseObject({
  rabbit_version: z.string().optional(),
  rabbitmq_version: z.string().optional(),
  product_name: z.string().optional(),
  product_version: z.string().optional(),
  rabbitmq_definition_format: z.string().optional(),
  original_vhost_name: z.string().optional(),
  /** 4.x per-vhost files: the vhost's own limits and metadata at the top level. */
  limits: z.unknown().optional(),
  ...vhostMetadata,
  users: list(rawUser),
  vhosts: list(rawVhost),
  permissions: list(z.looseObject({})),
  topic_permissions: list(z.looseObject({})),
  parameters: list(rawParameter),
  global_parameters: list(z.looseObject({ name: z.string() })),
  policies: list(rawPolicy),
  queues: list(rawQueue),
  exchanges: list(rawExchange),
  bindings: list(rawBinding),
});

export type RawDefinitions = z.output<typeof rawDefinitions>;
