/**
 * The scenario document: what the user builds and shares, as plain data, and the pure operations on it.
 * The editor (src/store, src/canvas, src/panels), the simulation (src/sim) and sharing (src/share) all
 * import from here. The zod schemas are in schemas/: only what reads or edits the document needs them,
 * and nothing the first canvas needs imports them (the app loads them after it, see store/editOps.ts).
 */
export * from './amq';
export * from './amqpPlan';
export * from './app';
export * from './badges';
export * from './binding';
export * from './clients';
export * from './common';
export * from './exchange';
export * from './explanation';
export * from './geometry';
export * from './ids';
export * from './links';
export * from './makeRoom';
export * from './names';
export * from './ops/add';
export * from './ops/appClients';
export * from './ops/clipboard';
export * from './ops/connect';
export * from './ops/connectPlan';
export * from './ops/keyFollow';
export * from './ops/remove';
export * from './ops/move';
export * from './ops/result';
export * from './ops/update';
export * from './placement';
export * from './program';
export * from './ports';
export * from './prefetch';
export * from './queue';
export * from './queueArguments';
export * from './restore';
export * from './scenario';
export * from './schemas/app';
export * from './schemas/binding';
export * from './schemas/clients';
export * from './schemas/common';
export * from './schemas/exchange';
export * from './schemas/program';
export * from './schemas/queue';
export * from './schemas/scenario';
export * from './validate';
export * from './warnings';
export * from './zodIssues';
