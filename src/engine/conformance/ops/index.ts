import type { ConformanceRunner, StepRecord } from '../runner';
import type { Step } from '../scenario';
import { CONSUME_OPS } from './consume';
import { LIFECYCLE_OPS } from './lifecycle';
import { PUBLISH_OPS } from './publish';
import { SETTLE_OPS } from './settle';
import { TOPOLOGY_OPS } from './topology';

/** One step op: runs the step to completion; `keep()` adds `rec` to the outcome's steps. */
export type Op = (r: ConformanceRunner, st: Step, rec: StepRecord, keep: () => void) => void;

/** Every op of the scenario format, by name (the recorder's lib/ops has the same families). */
export const OPS: Record<string, Op> = { ...PUBLISH_OPS, ...CONSUME_OPS, ...SETTLE_OPS, ...TOPOLOGY_OPS, ...LIFECYCLE_OPS };
