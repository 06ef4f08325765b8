const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const VERSION_KEYS = ['rabbit_version', 'rabbitmq_version', 'product_name', 'product_version', 'rabbitmq_definition_format'];
const SECTIONS = ['queues', 'exchanges', 'bindings', 'policies', 'users', 'vhosts', 'permissions'];

/**
 * Does this parsed JSON look like a RabbitMQ definitions file? Used to point a person who dropped one
 * on the wrong importer to the right one. Hand-written files often lack the version keys, so a
 * top-level `queues`/`exchanges`/... array also counts.
 */
export function looksLikeDefinitions(raw: unknown): boolean {
  if (!isObj(raw)) return false;
  return VERSION_KEYS.some((k) => k in raw) || SECTIONS.some((k) => Array.isArray(raw[k]));
}
