/** The simulated clients and the world they run in: the public API of src/sim. */
export { CLIENT_FAILURE, type ClientEvent, type ReopenReason, type WorldEvent } from './events';
export type { WorldInput } from './inputs';
export type { PublishOverrides } from './publishing';
export type { ConsumerRt, ConsumerState, PublisherRt } from './runtime';
export { deepEqual } from './equal';
export { type UnroutableTally, World, type WorldSnapshot } from './world';
