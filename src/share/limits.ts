/**
 * Caps on untrusted input, checked BEFORE the expensive step they protect (decompressing, parsing,
 * validating), so a hostile link or file costs little. Generous for real use: the biggest gallery
 * scenario is a few kilobytes of JSON; a real broker's definitions with thousands of queues is a few MB.
 */
export const LIMITS = {
  /** Characters of link data after `#s=` (browsers accept long URLs; chat apps and QR codes do not). */
  linkChars: 64 * 1024,
  /** Bytes a link may inflate to: deflate can expand ~1000x, so this is checked while inflating. */
  linkInflatedBytes: 1024 * 1024,
  /** A Warren scenario file. */
  fileChars: 5 * 1024 * 1024,
  /** A RabbitMQ definitions file. */
  definitionsChars: 20 * 1024 * 1024,
  /**
   * Items (queues, exchanges, bindings, policies, users, vhosts, permissions, parameters) in one
   * definitions file, counted before the file is validated item by item: validating is what takes
   * time, so a file listing more is refused at once. Each vhost a scenario imports is capped lower
   * (scenarioNodes, scenarioBindings); this leaves room for files with many vhosts.
   */
  definitionsItems: 50_000,
  /** Nesting of arrays and objects: the deepest legitimate document is about 8 levels. */
  jsonDepth: 40,
  /**
   * Exchanges, queues and apps in one scenario. Far beyond what a canvas can teach with; it bounds the
   * cost of validating untrusted input (the model's cross-checks grow with the square of the count).
   */
  scenarioNodes: 1000,
  scenarioBindings: 5000,
} as const;
