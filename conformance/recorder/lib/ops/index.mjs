// Every step op, by name: op(runner, step, rec, keep) runs one step; `rec` is the step's record,
// `keep()` adds it to the outcome's "steps" (results and errors).
import { LIFECYCLE_OPS } from './lifecycle.mjs';
import { CONSUME_OPS } from './consume.mjs';
import { PUBLISH_OPS } from './publish.mjs';
import { SETTLE_OPS } from './settle.mjs';
import { TOPOLOGY_OPS } from './topology.mjs';

export const OPS = { ...PUBLISH_OPS, ...CONSUME_OPS, ...SETTLE_OPS, ...TOPOLOGY_OPS, ...LIFECYCLE_OPS };
