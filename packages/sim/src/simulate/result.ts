/**
 * The result of a simulation (plain JSON, byte-identical for the same inputs and seed) and how it is
 * built from a run's tallies: on-time rates with Wilson intervals, lead-time percentiles, waiting vs
 * processing per step, utilisation per unit, the bottleneck ranking and the apology list.
 */
import { type LeadTimeHistogram, leadTimeHistogram } from '../report/histogram.js';
import { type Duration, formatLocalInstant } from '@tthc/calendar';
import type { CompareMode, DossierClock } from './clock.js';
import type { SimModel } from './model.js';
import type { RunRecorder } from './recorder.js';
import { type Proportion, percentile, type ReplicationMean, summarize, wilson } from './stats.js';
import type { WorkingAxis } from './working-axis.js';

/** Waiting or processing time of a step, in working minutes. */
export interface TimeShare {
  readonly total: number;
  readonly mean: number | null;
}

/** KPIs of one step of the process. */
export interface StepKpi {
  readonly step: string;
  readonly name: string;
  readonly unit: string;
  readonly visits: number;
  /** Visits done within the step's budget (visits with a counted budget, not interrupted by a supplement). */
  readonly onTimeRate: Proportion;
  readonly waiting: TimeShare;
  readonly processing: TimeShare;
  /** waiting / (waiting + processing). */
  readonly waitingShare: number | null;
}

/** KPIs of one performer unit. */
export interface UnitKpi {
  readonly unit: string;
  readonly staff: number;
  readonly visits: number;
  /** Busy officer-minutes over the arrival window. */
  readonly busyMinutes: number;
  /** busyMinutes / (staff × window minutes). */
  readonly utilisation: number | null;
  /** Mean working minutes a dossier waits in this unit's queue. */
  readonly meanWaiting: number | null;
}

/** A unit ranked as a bottleneck. */
export interface Bottleneck {
  readonly rank: number;
  readonly unit: string;
  /** meanWaiting × utilisation (working minutes). */
  readonly score: number;
  readonly meanWaiting: number;
  readonly utilisation: number;
}

/** Lead time from receipt to the end of processing, in working days. */
export interface LeadTime {
  readonly unit: 'workingDay';
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  /** Equal-width bins of lead time (working days) for the report's histogram. */
  readonly histogram: LeadTimeHistogram;
}

/** The result of {@link simulate}. */
export interface SimulationResult {
  readonly formatVersion: 1;
  readonly seed: number;
  readonly procedureCode: string;
  readonly processVersion: string;
  readonly channel: string;
  readonly limit: Duration;
  readonly countingRule: string;
  readonly supplementationPolicy: string;
  readonly compare: CompareMode;
  /** First working instant of the run and the last receipt (the arrival window). */
  readonly window: { readonly from: string; readonly to: string; readonly workingDays: number };
  readonly dossiers: {
    readonly arrived: number;
    readonly finished: number;
    readonly early: number;
    readonly onTime: number;
    readonly late: number;
    readonly supplemented: number;
    /** Requests to supplement made later than the process's requestWithin (ND 61 art. 19(3)). */
    readonly lateSupplementRequests: number;
  };
  /** (early + on time) / finished, with its 95 % Wilson interval (ND 61 art. 30). */
  readonly onTimeRate: Proportion;
  readonly leadTime: LeadTime;
  readonly steps: readonly StepKpi[];
  readonly units: readonly UnitKpi[];
  readonly bottlenecks: readonly Bottleneck[];
  /** Dossiers needing a Phiếu xin lỗi và hẹn lại (ND 61 art. 19(8)), predicted one working day before the due. */
  readonly apology: {
    readonly predicted: number;
    readonly ids: readonly string[];
    readonly truncated: boolean;
    readonly lateNotPredicted: number;
    readonly predictedButNotLate: number;
  };
  readonly events: { readonly total: number; readonly stepEvents: number };
  /**
   * Present when `simulate` ran independent replications (`options.replications`): each run and the
   * Student-t intervals across them. `onTimeRate` is then the across-replication estimate; every other
   * field describes the first replication (seed `options.seed`, the same as a single run).
   */
  readonly replications?: Replications;
}

/** One replication of a replicated simulation. */
export interface ReplicationRun {
  readonly seed: number;
  readonly finished: number;
  readonly onTimeRate: number | null;
  /** Mean lead time in working days. */
  readonly meanLeadTime: number | null;
}

/** Independent replications: estimates with Student-t 95 % intervals across runs (docs/simulation.md). */
export interface Replications {
  readonly count: number;
  readonly onTimeRate: ReplicationMean;
  readonly meanLeadTime: ReplicationMean;
  readonly runs: readonly ReplicationRun[];
}

/** Rounds to 6 decimals so results print compactly (rounding is deterministic too). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const roundOrNull = (x: number | null): number | null => (x === null ? null : round6(x));

function proportion(successes: number, trials: number): Proportion {
  const w = wilson(successes, trials);
  return { successes, trials, rate: roundOrNull(w.rate), low: round6(w.low), high: round6(w.high) };
}

function share(total: number, n: number): TimeShare {
  return { total: round6(total), mean: n > 0 ? round6(total / n) : null };
}

function leadTime(rec: RunRecorder, workingDayMinutes: number): LeadTime {
  const sorted = rec.sortedLeadTimes().map((x) => x / workingDayMinutes);
  const s = summarize(sorted);
  return {
    unit: 'workingDay',
    n: s.n,
    mean: roundOrNull(s.mean),
    sd: roundOrNull(s.sd),
    p50: roundOrNull(percentile(sorted, 0.5)),
    p90: roundOrNull(percentile(sorted, 0.9)),
    p99: roundOrNull(percentile(sorted, 0.99)),
    max: roundOrNull(percentile(sorted, 1)),
    histogram: leadTimeHistogram(sorted),
  };
}

function stepKpis(model: SimModel, rec: RunRecorder): StepKpi[] {
  return model.stepKeys.map((step, s) => {
    const visits = rec.stepVisits[s]!;
    const wait = rec.stepWaiting[s]!;
    const proc = rec.stepProcessing[s]!;
    return {
      step,
      name: model.stepNames[s]!,
      unit: model.unitNames[model.stepUnit[s]!]!,
      visits,
      onTimeRate: proportion(rec.stepOnTime[s]!, rec.stepCounted[s]!),
      waiting: share(wait, visits),
      processing: share(proc, visits),
      waitingShare: wait + proc > 0 ? round6(wait / (wait + proc)) : null,
    };
  });
}

function unitKpis(model: SimModel, rec: RunRecorder): UnitKpi[] {
  const window = rec.windowEnd;
  return model.unitNames.map((unit, u) => {
    const visits = rec.unitVisits[u]!;
    const staff = model.staff[u]!;
    return {
      unit,
      staff,
      visits,
      busyMinutes: round6(rec.windowBusy[u]!),
      utilisation: window > 0 ? round6(rec.windowBusy[u]! / (staff * window)) : null,
      meanWaiting: visits > 0 ? round6(rec.unitWaiting[u]! / visits) : null,
    };
  });
}

/**
 * Bottlenecks: units ranked by mean waiting × utilisation. Waiting alone can come from a short
 * burst at a unit that is idle most of the time; utilisation alone flags busy units where nobody
 * waits. Their product is large only where dossiers lose time and officers have no slack — where
 * one more officer helps most. Ties keep the process's unit order.
 */
function rankBottlenecks(units: readonly UnitKpi[]): Bottleneck[] {
  return units
    .map((u, k) => ({ u, k, score: (u.meanWaiting ?? 0) * (u.utilisation ?? 0) }))
    .sort((a, b) => b.score - a.score || a.k - b.k)
    .map(({ u, score }, r) => ({
      rank: r + 1,
      unit: u.unit,
      score: round6(score),
      meanWaiting: u.meanWaiting ?? 0,
      utilisation: u.utilisation ?? 0,
    }));
}

/** What {@link buildResult} needs besides the tallies. */
export interface ResultContext {
  readonly seed: number;
  readonly compare: CompareMode;
  readonly arrived: number;
  readonly idOf: (i: number) => string;
  readonly apologyListLimit: number;
}

/**
 * Assembles the result of a run.
 * @example buildResult(model, axis, engine.clock, engine.recorder, { seed: 42, compare: 'date', … })
 */
export function buildResult(
  model: SimModel,
  axis: WorkingAxis,
  clock: DossierClock,
  rec: RunRecorder,
  ctx: ResultContext,
): SimulationResult {
  const units = unitKpis(model, rec);
  const windowEnd = Number.isNaN(rec.windowEnd) ? 0 : rec.windowEnd;
  const predicted = clock.predicted;
  return {
    formatVersion: 1,
    seed: ctx.seed,
    procedureCode: model.procedureCode,
    processVersion: model.processVersion,
    channel: model.channel,
    limit: model.limit,
    countingRule: model.rule,
    supplementationPolicy: model.policy,
    compare: ctx.compare,
    window: {
      from: formatLocalInstant(axis.calendar, axis.originMs),
      to: formatLocalInstant(axis.calendar, axis.toMs(windowEnd)),
      workingDays: round6(windowEnd / model.workingDayMinutes),
    },
    dossiers: {
      arrived: ctx.arrived,
      finished: rec.finished,
      early: rec.early,
      onTime: rec.onTime,
      late: rec.late,
      supplemented: rec.supplemented,
      lateSupplementRequests: rec.lateRequests,
    },
    onTimeRate: proportion(rec.early + rec.onTime, rec.finished),
    leadTime: leadTime(rec, model.workingDayMinutes),
    steps: stepKpis(model, rec),
    units,
    bottlenecks: rankBottlenecks(units),
    apology: {
      predicted: predicted.length,
      ids: predicted.slice(0, ctx.apologyListLimit).map(ctx.idOf),
      truncated: predicted.length > ctx.apologyListLimit,
      lateNotPredicted: rec.lateNotPredicted,
      predictedButNotLate: rec.predictedOnTime,
    },
    events: { total: rec.events, stepEvents: rec.stepEvents },
  };
}
