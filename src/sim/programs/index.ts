/** Programs on the world's clock (the world's side of src/programs): see src/programs/README.md. */
export type * from './protocol';
export { TURN_LIMITS } from './protocol';
export { type ProgramConsumerRt, type ProgramItem, type ProgramPublishRt, type ProgramRt, type ProgramState, programIds, chKey } from './state';
export { type PendingTurn, type TurnSource, applyTurnOutput } from './turns';
export { startProgram, stopProgram } from './lifecycle';
