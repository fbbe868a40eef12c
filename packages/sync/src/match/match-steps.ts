/**
 * Step matching: which step of one process is which step of another. Keys first (the same system's
 * stable ids), then name similarity, then performer and position; a pair below the threshold is not
 * made (the steps are reported as added/removed) and a tie is reported, never guessed (DESIGN §5).
 */
import type { Process, Step } from '@tthc/core';
import { foldVietnamese, type UnitNameOptions } from '../normalize.js';
import { factsNameSimilarity, factsPerformerSimilarity, positionSimilarity, stepFacts } from './similarity.js';

/** A step with its index in its process (the index gives the canonical path `/steps/<index>`). */
export interface IndexedStep {
  readonly step: Step;
  readonly index: number;
}

/** What made a pair: the same key, a similar name, or the same performer at the same place. */
export type MatchBy = 'key' | 'name' | 'performer-position';

/** Two steps judged to be the same step. */
export interface StepPair {
  readonly a: IndexedStep;
  readonly b: IndexedStep;
  /** 1 for a key match; otherwise 0.5 × name + 0.3 × performer + 0.2 × position similarity. */
  readonly confidence: number;
  readonly by: MatchBy;
}

/** Steps that tie for the same partner(s): reported, not paired. */
export interface AmbiguousMatch {
  readonly a: readonly IndexedStep[];
  readonly b: readonly IndexedStep[];
  readonly confidence: number;
}

/** The result of {@link matchSteps}. Every step appears exactly once across the four lists. */
export interface StepMatching {
  readonly pairs: readonly StepPair[];
  readonly onlyA: readonly IndexedStep[];
  readonly onlyB: readonly IndexedStep[];
  readonly ambiguous: readonly AmbiguousMatch[];
}

/** Options of {@link matchSteps}. */
export interface MatchOptions extends UnitNameOptions {
  /** Lowest confidence of a pair; below it the steps stay unpaired. Default 0.5. */
  readonly threshold?: number;
  /** Pair equal keys first. Default true; turn off when the two systems' keys mean nothing to each other. */
  readonly byKey?: boolean;
}

/** Default {@link MatchOptions.threshold}: a step needs more than the same performer at the same place. */
export const DEFAULT_MATCH_THRESHOLD = 0.5;

/** Name similarity from which a pair is said to be made by name. */
const NAME_PAIR = 0.5;

/**
 * Most candidate pairs scored exhaustively (about half a second). Larger remainders are pruned to a
 * window around each step's relative place plus equal folded names; below it results are exact.
 */
export const MAX_SCORED_PAIRS = 1_000_000;

/** Scores closer than this are a tie (float noise of the weighted sum). */
const TIE = 1e-9;

interface Candidate {
  readonly i: number;
  readonly j: number;
  readonly score: number;
  readonly name: number;
}

function indexed(p: Process): IndexedStep[] {
  return p.steps.map((step, index) => ({ step, index }));
}

function keyPairs(a: Process, b: Process): StepPair[] {
  const firstInB = new Map<string, number>();
  b.steps.forEach((s, j) => {
    if (!firstInB.has(s.key)) firstInB.set(s.key, j);
  });
  const seen = new Set<string>();
  const pairs: StepPair[] = [];
  a.steps.forEach((s, i) => {
    const j = firstInB.get(s.key);
    // Duplicate keys are a lint error; only the first step of a key is paired by key.
    if (j === undefined || seen.has(s.key)) return;
    seen.add(s.key);
    pairs.push({ a: { step: s, index: i }, b: { step: b.steps[j]!, index: j }, confidence: 1, by: 'key' });
  });
  return pairs;
}

function candidates(
  a: Process,
  b: Process,
  freeA: readonly number[],
  freeB: readonly number[],
  options: MatchOptions,
): Candidate[] {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const out: Candidate[] = [];
  // Every free step is scored against every free step of the other side: its facts are read once.
  const factsB = freeB.map((j) => stepFacts(b.steps[j]!, options));
  const bounded = freeA.length * freeB.length > MAX_SCORED_PAIRS;
  // Past the budget (issue 12: 10k unkeyed steps took minutes), each step is scored only against the
  // steps near its relative place and those with the same folded name: linear, never every pair.
  const half = Math.max(1, Math.floor(MAX_SCORED_PAIRS / Math.max(1, freeA.length) / 2));
  const byName = new Map<string, number[]>();
  if (bounded) {
    freeB.forEach((j, k) => {
      const key = foldVietnamese(b.steps[j]!.name);
      const list = byName.get(key);
      if (list === undefined) byName.set(key, [k]);
      else list.push(k);
    });
  }
  for (let ka = 0; ka < freeA.length; ka++) {
    const i = freeA[ka]!;
    const fa = stepFacts(a.steps[i]!, options);
    let near: Iterable<number>;
    if (!bounded) near = freeB.keys();
    else {
      const centre = freeA.length <= 1 ? 0 : Math.round((ka * (freeB.length - 1)) / (freeA.length - 1));
      const ks = new Set<number>();
      for (let k = Math.max(0, centre - half); k <= Math.min(freeB.length - 1, centre + half); k++) ks.add(k);
      for (const k of byName.get(foldVietnamese(a.steps[i]!.name)) ?? []) ks.add(k);
      near = ks;
    }
    for (const k of near) {
      const j = freeB[k]!;
      const fb = factsB[k]!;
      const name = factsNameSimilarity(fa, fb);
      const score =
        0.5 * name +
        0.3 * factsPerformerSimilarity(fa, fb) +
        0.2 * positionSimilarity(i, a.steps.length, j, b.steps.length);
      if (score >= threshold - TIE) out.push({ i, j, score, name });
    }
  }
  // Highest first; index order breaks exact ties only for iteration, ties are then detected.
  return out.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
}

/**
 * Pairs the steps of two processes. Equal keys pair first (confidence 1). The remaining steps are
 * scored (0.5 name + 0.3 performer + 0.2 position) and paired greedily from the best score down;
 * scores under `threshold` are not paired. When a step has two partners with the same best score,
 * all the tied steps go to `ambiguous` instead of being guessed.
 * @example
 * const m = matchSteps(isoProcess, portalProcess, { byKey: false });
 * m.pairs.map((p) => [p.a.step.key, p.b.step.key, p.by]); // [['B1', 'tiep-nhan', 'name'], …]
 */
export function matchSteps(a: Process, b: Process, options: MatchOptions = {}): StepMatching {
  const pairs = options.byKey === false ? [] : keyPairs(a, b);
  const usedA = new Set(pairs.map((p) => p.a.index));
  const usedB = new Set(pairs.map((p) => p.b.index));
  const freeA = a.steps.map((_, i) => i).filter((i) => !usedA.has(i));
  const freeB = b.steps.map((_, j) => j).filter((j) => !usedB.has(j));
  const ambiguous: AmbiguousMatch[] = [];
  const list = candidates(a, b, freeA, freeB, options);
  for (let at = 0; at < list.length; at++) {
    const c = list[at]!;
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    // A tie can only come later in the list (sorted by score; an earlier candidate of a free step
    // would have been taken) and within TIE of this score: scan that stretch, not the whole list.
    const tiedA: Candidate[] = [];
    const tiedB: Candidate[] = [];
    for (let k = at + 1; k < list.length && c.score - list[k]!.score < TIE; k++) {
      const o = list[k]!;
      if (o.j === c.j && o.i !== c.i && !usedA.has(o.i)) tiedA.push(o);
      if (o.i === c.i && o.j !== c.j && !usedB.has(o.j)) tiedB.push(o);
    }
    if (tiedA.length > 0 || tiedB.length > 0) {
      const is = [c.i, ...tiedA.map((o) => o.i)].sort((x, y) => x - y);
      const js = [c.j, ...tiedB.map((o) => o.j)].sort((x, y) => x - y);
      for (const i of is) usedA.add(i);
      for (const j of js) usedB.add(j);
      ambiguous.push({
        a: is.map((i) => ({ step: a.steps[i]!, index: i })),
        b: js.map((j) => ({ step: b.steps[j]!, index: j })),
        confidence: c.score,
      });
      continue;
    }
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push({
      a: { step: a.steps[c.i]!, index: c.i },
      b: { step: b.steps[c.j]!, index: c.j },
      confidence: c.score,
      by: c.name >= NAME_PAIR ? 'name' : 'performer-position',
    });
  }
  // Every paired or ambiguous step is in usedA/usedB, and only those: the rest is unpaired.
  return {
    pairs: pairs.sort((x, y) => x.a.index - y.a.index),
    onlyA: indexed(a).filter((s) => !usedA.has(s.index)),
    onlyB: indexed(b).filter((s) => !usedB.has(s.index)),
    ambiguous,
  };
}
