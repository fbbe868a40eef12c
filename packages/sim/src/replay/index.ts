/** Event-log replay and conformance: reading logs, token-based replay, deviations, lateness. */
export { readEventLog, type LogFormat, type ReadEventLogOptions } from './read-log.js';
export { fieldsOfHeaders, headerKey, type LogColumns, type LogField } from './columns.js';
export { replay, type ReplayOptions } from './replay.js';
export { DEVIATION_KINDS } from './tables.js';
export { workflowNet, type WorkflowNet } from './workflow-net.js';
export { traceFitness } from './token-replay.js';
export { foldText } from './fold.js';
export { parseLogTimestamp } from './timestamp.js';
export type {
  LogEvent,
  LogPerformer,
  LogProblem,
  EventLog,
  Deviation,
  DeviationKind,
  TokenCounts,
  LateStep,
  DossierReplay,
  StepReplay,
  ReplaySummary,
  ReplayResult,
} from './types.js';
