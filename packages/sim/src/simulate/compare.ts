/**
 * What-if: the differences between two simulation results (b − a) with their uncertainty — on-time
 * rates by Newcombe's interval for a difference of proportions, mean lead time by Welch's interval;
 * when both results have replications, by t intervals across replications instead (paired under
 * common random numbers).
 */
import type { SimulationResult } from './result.js';
import { type Difference, meanDifference, proportionDifference, replicationDifference } from './stats.js';

/** A step's on-time rate in both scenarios. */
export interface StepComparison {
  readonly step: string;
  readonly onTimeRate: Difference;
  readonly meanWaiting: { readonly a: number | null; readonly b: number | null };
}

/** A unit's utilisation and waiting in both scenarios. */
export interface UnitComparison {
  readonly unit: string;
  readonly staff: { readonly a: number | null; readonly b: number | null };
  readonly utilisation: { readonly a: number | null; readonly b: number | null };
  readonly meanWaiting: { readonly a: number | null; readonly b: number | null };
}

/** The result of {@link compareScenarios}. */
export interface ScenarioComparison {
  /**
   * Rates b − a with a 95 % Newcombe interval; `significant` when it excludes 0. When both results
   * have replications: the t interval across replications (`method`), paired when the seeds match.
   */
  readonly onTimeRate: Difference;
  /** Mean lead time (working days) b − a with a 95 % Welch interval (across replications when both have them). */
  readonly meanLeadTime: Difference;
  readonly leadTime: {
    readonly p50: { readonly a: number | null; readonly b: number | null };
    readonly p90: { readonly a: number | null; readonly b: number | null };
  };
  readonly late: { readonly a: number; readonly b: number };
  readonly steps: readonly StepComparison[];
  readonly units: readonly UnitComparison[];
  /** Same seed in both: the runs share random numbers, so the intervals (which assume independence) are conservative. */
  readonly commonRandomNumbers: boolean;
}

/**
 * Compares two results of the same process (e.g. the ward today vs one more officer).
 * @example
 * // The example ward with one reviewing officer (a) and with two (b), seed 42:
 * const d = compareScenarios(simulate(p, q, cal, oneOfficer, { seed: 42 }), simulate(p, q, cal, ward, { seed: 42 }));
 * d.onTimeRate // { a: 0.159018, b: 1, difference: 0.840982, low: 0.815847, high: 0.862998, significant: true }
 */
export function compareScenarios(a: SimulationResult, b: SimulationResult): ScenarioComparison {
  const stepsB = new Map(b.steps.map((s) => [s.step, s]));
  const unitsB = new Map(b.units.map((u) => [u.unit, u]));
  const unitsA = new Map(a.units.map((u) => [u.unit, u]));
  const unitNames = [...a.units.map((u) => u.unit), ...b.units.map((u) => u.unit).filter((u) => !unitsA.has(u))];
  const ra = a.replications;
  const rb = b.replications;
  // Same seed and count: replication r of a and of b share their random numbers, so pair them.
  const paired = a.seed === b.seed && ra?.count === rb?.count;
  const runs = (r: NonNullable<typeof ra>, key: 'onTimeRate' | 'meanLeadTime') => r.runs.map((x) => x[key]);
  return {
    onTimeRate:
      ra && rb
        ? replicationDifference(runs(ra, 'onTimeRate'), runs(rb, 'onTimeRate'), { paired })
        : proportionDifference(a.onTimeRate, b.onTimeRate),
    meanLeadTime:
      ra && rb
        ? replicationDifference(runs(ra, 'meanLeadTime'), runs(rb, 'meanLeadTime'), { paired })
        : meanDifference(a.leadTime, b.leadTime),
    leadTime: {
      p50: { a: a.leadTime.p50, b: b.leadTime.p50 },
      p90: { a: a.leadTime.p90, b: b.leadTime.p90 },
    },
    late: { a: a.dossiers.late, b: b.dossiers.late },
    steps: a.steps
      .filter((s) => stepsB.has(s.step))
      .map((s) => {
        const t = stepsB.get(s.step)!;
        return {
          step: s.step,
          onTimeRate: proportionDifference(s.onTimeRate, t.onTimeRate),
          meanWaiting: { a: s.waiting.mean, b: t.waiting.mean },
        };
      }),
    units: unitNames.map((unit) => {
      const x = unitsA.get(unit);
      const y = unitsB.get(unit);
      return {
        unit,
        staff: { a: x?.staff ?? null, b: y?.staff ?? null },
        utilisation: { a: x?.utilisation ?? null, b: y?.utilisation ?? null },
        meanWaiting: { a: x?.meanWaiting ?? null, b: y?.meanWaiting ?? null },
      };
    }),
    commonRandomNumbers: a.seed === b.seed,
  };
}
