/**
 * `simulate` — a seeded Monte-Carlo run of one process under a scenario, on a working calendar.
 */
import { CalendarError, type WorkCalendar } from '@tthc/calendar';
import { type ChannelKind, type MachineRegistry, machineFor, type Procedure, type Process } from '@tthc/core';
import { ArrivalStream, receiptTimes } from './arrivals.js';
import type { CompareMode } from './clock.js';
import { Engine, type SimulationProgress } from './engine.js';
import { compileModel } from './model.js';
import { checkSeed, deriveSeed, Random } from './random.js';
import { buildResult, type Replications, round6, type SimulationResult } from './result.js';
import { createRouter, type RoutingMode } from './router.js';
import { parseScenario, type Scenario } from './scenario.js';
import { type ReplicationMean, replicationMean, wilson } from './stats.js';
import { WorkingAxis } from './working-axis.js';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Integer seed: the same seed gives a byte-identical result. */
  readonly seed: number;
  /** Stop arrivals after this many dossiers. */
  readonly dossiers?: number;
  /** Working days of arrivals (overrides `scenario.horizon`). */
  readonly horizon?: number;
  /** Called every 65,536 events and at the end. */
  readonly onProgress?: (progress: SimulationProgress) => void;
  /** Submission channel whose statutory limit applies. Default `direct` (else the procedure's first). */
  readonly channel?: ChannelKind;
  /** Classification by local `date` (provincial practice, default) or by `instant` (TT 01/2018 art. 13). */
  readonly compare?: CompareMode;
  /** Most dossier ids listed for apology slips. Default 1000. */
  readonly apologyListLimit?: number;
  /** Prefix of generated dossier ids. Default `SIM-`. */
  readonly idPrefix?: string;
  /** Implementations of the guards and actions the process data names (core's `toMachine` registry). */
  readonly registry?: MachineRegistry;
  /**
   * `auto` (default): the machine's answers are memoised per (state, event) when no outcome names a
   * guard, else asked of `transition` on a snapshot per dossier; `exact`: always asked (slower; for
   * registered actions that raise events). Both give the same result wherever `auto` memoises.
   */
  readonly routing?: RoutingMode;
  /**
   * Independent replications (≥ 2): the first uses `seed`, replication r the seed
   * `deriveSeed(seed, 0x7e9, r)`; `onTimeRate` becomes their mean with a Student-t 95 % interval
   * (`method: 'replications'`) and `replications` lists each run. `onProgress` restarts per replication.
   */
  readonly replications?: number;
}

/** Stream tag of replication seeds (distinct from the arrival stream's). */
const REPLICATION_STREAM = 0x7e9;

/** Outcome weights per step from the cumulative table: an outcome of weight 0 is never drawn. */
function weightsOf(cum: readonly Float64Array[]): number[][] {
  return cum.map((c) => Array.from(c, (x, k) => x - (k === 0 ? 0 : c[k - 1]!)));
}

function positive(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new CalendarError('INVALID_OPTIONS', `${field}: expected a whole number ≥ 1, got ${String(value)}`, {
      field,
      value,
    });
  }
  return value;
}

function compareMode(value: CompareMode | undefined): CompareMode {
  if (value === undefined || value === 'date' || value === 'instant') return value ?? 'date';
  throw new CalendarError(
    'INVALID_OPTIONS',
    `options.compare: expected "date" or "instant", got ${JSON.stringify(value)}`,
    {
      field: 'options.compare',
      value,
    },
  );
}

/**
 * Simulates dossiers of `process` arriving, queueing for staff, branching, being sent back for
 * supplementation and finishing, in working time on `calendar`; returns on-time rates with 95 %
 * Wilson intervals, lead times, waiting vs processing, utilisation, bottlenecks and apology slips.
 * @throws {CalendarError} `INVALID_OPTIONS` naming the scenario path or option and the value;
 * `OUT_OF_RANGE` when the run goes past the calendar's range.
 * @example
 * // examples/simulation/ward-scenario.json with the household-business process:
 * const result = simulate(procedure, process, vietnamCalendar(), scenarioJson, { seed: 42 });
 * result.onTimeRate // { successes: 937, trials: 937, rate: 1, low: 0.995917, high: 1 }
 * // A process whose outcomes name guards: pass their implementations (routed by `transition`).
 * simulate(procedure, guardedProcess, vietnamCalendar(), scenarioJson, { seed: 42, registry: { guards: { hasLandTax } } });
 * // Queues correlate dossiers: 10 independent replications give an honest interval.
 * simulate(procedure, process, vietnamCalendar(), scenarioJson, { seed: 42, replications: 10 }).onTimeRate.method // 'replications'
 */
export function simulate(
  procedure: Procedure,
  process: Process,
  calendar: WorkCalendar,
  scenario: Scenario | unknown,
  options: SimulateOptions,
): SimulationResult {
  const seed = checkSeed(options?.seed, 'options.seed');
  const sc = parseScenario(scenario);
  const count = options.replications;
  if (count === undefined) return simulateOnce(procedure, process, calendar, sc, seed, options);
  if (!Number.isSafeInteger(count) || count < 2) {
    throw new CalendarError(
      'INVALID_OPTIONS',
      `options.replications: expected a whole number ≥ 2, got ${String(count)}`,
      { field: 'options.replications', value: count },
    );
  }
  const results = Array.from({ length: count }, (_, r) =>
    simulateOnce(procedure, process, calendar, sc, r === 0 ? seed : deriveSeed(seed, REPLICATION_STREAM, r), options),
  );
  return withReplications(results);
}

const rounded = (m: ReplicationMean): ReplicationMean => {
  const r = (x: number | null) => (x === null ? null : round6(x));
  return { ...m, mean: r(m.mean), sd: r(m.sd), low: r(m.low), high: r(m.high) };
};

/** The first replication's result with the across-replication on-time rate and the `replications` block. */
function withReplications(results: readonly SimulationResult[]): SimulationResult {
  const first = results[0]!;
  const onTime = rounded(replicationMean(results.map((r) => r.onTimeRate.rate)));
  const replications: Replications = {
    count: results.length,
    onTimeRate: onTime,
    meanLeadTime: rounded(replicationMean(results.map((r) => r.leadTime.mean))),
    runs: results.map((r) => ({
      seed: r.seed,
      finished: r.dossiers.finished,
      onTimeRate: r.onTimeRate.rate,
      meanLeadTime: r.leadTime.mean,
    })),
  };
  const clamp = (x: number | null, fallback: number) => (x === null ? fallback : Math.min(1, Math.max(0, x)));
  const successes = results.reduce((a, r) => a + r.onTimeRate.successes, 0);
  const trials = results.reduce((a, r) => a + r.onTimeRate.trials, 0);
  // Never narrower than the pooled binomial (Wilson) interval: when the replications agree exactly —
  // every one 100 % on time — the t interval collapses to a point, but the dossiers still are a sample.
  const pooled = wilson(successes, trials);
  return {
    ...first,
    onTimeRate: {
      successes,
      trials,
      rate: onTime.mean,
      low: round6(Math.min(clamp(onTime.low, 0), pooled.low)),
      high: round6(Math.max(clamp(onTime.high, 1), pooled.high)),
      method: 'replications',
    },
    replications,
  };
}

function simulateOnce(
  procedure: Procedure,
  process: Process,
  calendar: WorkCalendar,
  sc: Scenario,
  seed: number,
  options: SimulateOptions,
): SimulationResult {
  const model = compileModel(procedure, process, sc, {
    channel: options.channel,
    workingDayMinutes: calendar.workingDayMinutes,
  });
  const times = sc.arrivals.times ? receiptTimes(sc.arrivals.times) : undefined;
  const axis = times ? WorkingAxis.fromInstant(calendar, times[0]!) : WorkingAxis.fromDate(calendar, sc.start!);
  const arrivals = new ArrivalStream(
    axis,
    sc.arrivals,
    new Random(deriveSeed(seed, 0xa7)),
    {
      horizonDays: positive(options.horizon, 'options.horizon') ?? sc.horizon,
      maxDossiers: positive(options.dossiers, 'options.dossiers'),
      workingDayMinutes: calendar.workingDayMinutes,
    },
    times,
  );
  const compare = compareMode(options.compare);
  const supplementable = model.supplement.probability > 0 && model.supplement.maxRounds > 0;
  const router = createRouter(process, machineFor(process, options.registry), {
    routing: options.routing,
    outcomeWeights: weightsOf(model.outcomeCum),
    supplementStep: supplementable ? model.supplement.step : -1,
  });
  const engine = new Engine(model, router, axis, arrivals, seed, compare, options.onProgress);
  engine.run();
  const prefix = options.idPrefix ?? 'SIM-';
  return buildResult(model, axis, engine.clock, engine.recorder, {
    seed,
    compare,
    arrived: engine.arrivedCount,
    idOf: (i) => `${prefix}${String(i + 1).padStart(6, '0')}`,
    apologyListLimit: options.apologyListLimit ?? 1000,
  });
}
