/**
 * The per-step and summary tables of a replay, accumulated in typed arrays while traces are
 * replayed and turned into plain JSON at the end.
 */
import type { Classification } from '@tthc/core';
import { traceFitness } from './token-replay.js';
import type { DeviationKind, DossierReplay, ReplayResult, StepReplay } from './types.js';
import type { WorkflowNet } from './workflow-net.js';

/** Every deviation kind, in report order. */
export const DEVIATION_KINDS: readonly DeviationKind[] = [
  'skipped-step',
  'unexpected-step',
  'wrong-performer',
  'out-of-order',
  'unknown-activity',
];
export const KIND_INDEX: Readonly<Record<DeviationKind, number>> = {
  'skipped-step': 0,
  'unexpected-step': 1,
  'wrong-performer': 2,
  'out-of-order': 3,
  'unknown-activity': 4,
};

/** Per-step accumulators, one slot per step (kinds: five slots per step). */
export interface StepTotals {
  readonly executions: Int32Array;
  readonly timed: Int32Array;
  readonly late: Int32Array;
  readonly lateTotal: Float64Array;
  readonly lateMax: Float64Array;
  readonly kinds: Int32Array;
}

/**
 * Zeroed per-step accumulators for `n` steps.
 * @example const totals = stepTotals(net.sink);
 */
export function stepTotals(n: number): StepTotals {
  return {
    executions: new Int32Array(n),
    timed: new Int32Array(n),
    late: new Int32Array(n),
    lateTotal: new Float64Array(n),
    lateMax: new Float64Array(n),
    kinds: new Int32Array(n * 5),
  };
}

function kindCounts(read: (i: number) => number): Record<DeviationKind, number> {
  const out = {} as Record<DeviationKind, number>;
  DEVIATION_KINDS.forEach((kind, i) => {
    out[kind] = read(i);
  });
  return out;
}

/**
 * The per-step table.
 * @example stepTable(net, totals)[0] // { step: 'receive', executions: 7, … }
 */
export function stepTable(net: WorkflowNet, totals: StepTotals): StepReplay[] {
  return net.steps.map((step, s) => ({
    step: step.key,
    name: step.name,
    executions: totals.executions[s]!,
    timed: totals.timed[s]!,
    late: totals.late[s]!,
    lateMinutesTotal: totals.lateTotal[s]!,
    lateMinutesMax: totals.lateMax[s]!,
    deviations: kindCounts((i) => totals.kinds[s * 5 + i]!),
  }));
}

/**
 * The summary of a replay (PM4Py metrics on summed token counts; ND 61 art. 30 on-time rate).
 * @example summarise(dossiers, events.length).logFitness // 0.93
 */
export function summarise(dossiers: readonly DossierReplay[], events: number): ReplayResult['summary'] {
  const sums = { missing: 0, consumed: 0, remaining: 0, produced: 0 };
  const kinds = kindCounts(() => 0);
  const classification: Record<Classification | 'unfinished', number> = {
    early: 0,
    'on-time': 0,
    late: 0,
    'in-time': 0,
    overdue: 0,
    unfinished: 0,
  };
  let fitting = 0;
  let fitnessSum = 0;
  let lateSteps = 0;
  for (const d of dossiers) {
    sums.missing += d.missing;
    sums.consumed += d.consumed;
    sums.remaining += d.remaining;
    sums.produced += d.produced;
    if (d.fit) fitting++;
    fitnessSum += d.fitness;
    lateSteps += d.lateSteps.length;
    for (const v of d.deviations) kinds[v.kind]++;
    classification[d.classification ?? 'unfinished']++;
  }
  const traces = dossiers.length;
  return {
    traces,
    events,
    fittingTraces: fitting,
    percFitTraces: traces ? (100 * fitting) / traces : 0,
    averageFitness: traces ? fitnessSum / traces : 0,
    logFitness: traces ? traceFitness(sums) : 0,
    ...sums,
    deviations: kinds,
    classification,
    // ND 61 art. 30: on-time rate = dossiers resolved on time (or early) / dossiers received.
    onTimeRate: traces ? (classification.early + classification['on-time']) / traces : 0,
    lateSteps,
  };
}
