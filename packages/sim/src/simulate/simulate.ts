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
import { buildResult, type SimulationResult } from './result.js';
import { createRouter, type RoutingMode } from './router.js';
import { parseScenario, type Scenario } from './scenario.js';
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
}

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
