/**
 * @tthc/sim — seeded simulation of dossier flows in working time (on-time rate ± CI, bottlenecks,
 * what-if) and event-log replay/conformance for auditors.
 * @packageDocumentation
 */
export * from './simulate/index.js';
export * from './replay/index.js';
export * from './report/index.js';
