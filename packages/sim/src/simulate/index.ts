/** Seeded discrete-event simulation of dossier flows in working time, and its KPIs. */
export { simulate, type SimulateOptions } from './simulate.js';
export { compareScenarios, type ScenarioComparison, type StepComparison, type UnitComparison } from './compare.js';
export {
  parseScenario,
  ScenarioSchema,
  ArrivalsSchema,
  StepScenarioSchema,
  SupplementationScenarioSchema,
  type Scenario,
  type ScenarioInput,
} from './scenario.js';
export {
  DistributionSchema,
  TimeUnitSchema,
  compileDistribution,
  distributionMean,
  normal,
  poisson,
  type Distribution,
  type Sampler,
  type TimeUnit,
  type CompileDistributionOptions,
} from './distributions.js';
export { Random, deriveSeed } from './random.js';
export { EventQueue } from './event-queue.js';
export {
  wilson,
  proportionDifference,
  meanDifference,
  percentile,
  studentQuantile,
  replicationMean,
  replicationDifference,
  type Proportion,
  type Difference,
  type ReplicationMean,
} from './stats.js';
export type { CompareMode } from './clock.js';
export type { SimulationProgress } from './engine.js';
export type { RoutingMode } from './router.js';
export type {
  SimulationResult,
  StepKpi,
  UnitKpi,
  Bottleneck,
  LeadTime,
  TimeShare,
  Replications,
  ReplicationRun,
} from './result.js';
