/**
 * Token-based replay of one trace on a process's workflow net (Rozinat & van der Aalst, "Conformance
 * checking of processes based on monitoring real behavior", Information Systems 33(1), 2008; the
 * token replay of PM4Py). Firing a transition whose input place is empty adds a *missing* token;
 * every firing *consumes* one token and *produces* one; the initial marking counts as produced and
 * the final marking as consumed; tokens left over are *remaining*. Trace fitness is
 * ½(1 − m/c) + ½(1 − r/p).
 *
 * Beside the counts, the replay names deviations: a step fired while the dossier was elsewhere is
 * `out-of-order` when the steps in between come later in the trace, else those steps were
 * `skipped-step`; a step with no path from where the dossier was is an `unexpected-step`.
 */
import { defaultOutput, type WorkflowNet } from './workflow-net.js';

/** Reusable scratch space of a replay (allocated once per log, not per event). */
export interface ReplayScratch {
  readonly marking: Int32Array;
  /** Per place: when its last token was produced (epoch ms). */
  readonly tokenAt: Float64Array;
  /** Per step: the last position in the trace where it occurs (−1 when absent). */
  readonly lastPos: Int32Array;
  /** Per step: 1 when an earlier out-of-order step was reported for it, so it is not reported again. */
  readonly deferred: Uint8Array;
}

/**
 * Allocates the scratch space of a net.
 * @example const scratch = replayScratch(workflowNet(process));
 */
export function replayScratch(net: WorkflowNet): ReplayScratch {
  return {
    marking: new Int32Array(net.places),
    tokenAt: new Float64Array(net.places),
    lastPos: new Int32Array(net.sink).fill(-1),
    deferred: new Uint8Array(net.sink),
  };
}

/** What the token replay reports for a missing token. */
export interface MissingTokenReport {
  /** Steps skipped on the way from where the dossier was. */
  readonly skipped: number[];
  /** A step in between comes later in the trace: the fired step came too early. */
  readonly early: number;
  /** No path from where the dossier was (e.g. a repeat without a loop, or after the end). */
  readonly unexpected: boolean;
}

/**
 * Explains a missing token for step `s` fired at trace position `k` with the dossier at `cursor`.
 * Steps between `cursor` and `s` that occur later in the trace are marked deferred.
 * @example explainMissing(net, scratch, reviewPlace, issueId, 2) // { skipped: [signId], early: -1, … }
 */
export function explainMissing(
  net: WorkflowNet,
  scratch: ReplayScratch,
  cursor: number,
  s: number,
  k: number,
): MissingTokenReport {
  const { nextHop, places } = net;
  if (scratch.deferred[s]) {
    scratch.deferred[s] = 0;
    return { skipped: [], early: -1, unexpected: false };
  }
  if (nextHop[cursor * places + s] === -1) return { skipped: [], early: -1, unexpected: true };
  const skipped: number[] = [];
  let early = -1;
  for (let p = cursor; p !== s; p = nextHop[p * places + s]!) {
    // Only step places are steps; the sink and "after" places are not.
    if (p >= net.sink) continue;
    if (scratch.lastPos[p]! > k) {
      scratch.deferred[p] = 1;
      if (early === -1) early = p;
    } else skipped.push(p);
  }
  return { skipped, early, unexpected: false };
}

/**
 * The place step `s` produces into: its outcome's step when the log names the outcome, else the
 * step's default output (its one next place, or its "after" place when it has several outcomes).
 * @example outputPlace(net, signId, 'not-approved') // the review step's place
 */
export function outputPlace(net: WorkflowNet, s: number, outcome: string | undefined): number {
  const outs = net.outcomePlaces[s]!;
  if (outcome !== undefined && outs.length > 1) {
    const i = net.outcomeNames[s]!.indexOf(outcome);
    if (i >= 0) return outs[i]!;
  }
  return defaultOutput(net, s);
}

/**
 * The first place among step `s`'s inputs that holds a token, or −1 (a missing token).
 * @example enabledInput(net, scratch.marking, reviewId) // reviewId while a token waits there
 */
export function enabledInput(net: WorkflowNet, marking: Int32Array, s: number): number {
  for (const p of net.inputs[s]!) if (marking[p]! > 0) return p;
  return -1;
}

/**
 * Records where each step last occurs in the trace `order[from…to)` (for out-of-order detection).
 * @example indexTrace(scratch, stepIds, order, offsets[d], offsets[d + 1]);
 */
export function indexTrace(
  scratch: ReplayScratch,
  stepIds: Int32Array,
  order: Int32Array,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) {
    const s = stepIds[order[k]!]!;
    if (s >= 0) scratch.lastPos[s] = k;
  }
}

/**
 * Clears what {@link indexTrace} and the replay wrote for the trace `order[from…to)`.
 * @example resetTrace(scratch, stepIds, order, offsets[d], offsets[d + 1]);
 */
export function resetTrace(
  scratch: ReplayScratch,
  stepIds: Int32Array,
  order: Int32Array,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) {
    const s = stepIds[order[k]!]!;
    if (s >= 0) {
      scratch.lastPos[s] = -1;
      scratch.deferred[s] = 0;
    }
  }
  scratch.marking.fill(0);
}

/**
 * Trace fitness from token counts: ½(1 − m/c) + ½(1 − r/p) (PM4Py token replay; a ratio with a zero
 * denominator counts as 0).
 * @example traceFitness({ missing: 1, consumed: 5, remaining: 1, produced: 5 }) // 0.8
 */
export function traceFitness(t: { missing: number; consumed: number; remaining: number; produced: number }): number {
  const m = t.consumed > 0 ? t.missing / t.consumed : 0;
  const r = t.produced > 0 ? t.remaining / t.produced : 0;
  return 0.5 * (1 - m) + 0.5 * (1 - r);
}
