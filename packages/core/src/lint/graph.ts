/**
 * The step graph of a process: steps are nodes, outcomes with a `next` are edges. Pure helpers for
 * the linter (reachability, loops, longest and main paths). Walks are iterative: a process may have thousands of steps.
 */
import type { Outcome, Process } from '../model/process.js';

/** Nodes are step indexes; `keyIndex` keeps the first step of each key. */
export interface StepGraph {
  readonly keyIndex: ReadonlyMap<string, number>;
  /** Successor step indexes per step, in outcome order, without duplicates. */
  readonly next: readonly (readonly number[])[];
  /** True when the step can end the process (no outcomes, or an outcome with `next: null`). */
  readonly canEnd: readonly boolean[];
  /** Index of the start step, or `undefined` when `process.start` names no step. */
  readonly start: number | undefined;
}

/** Builds the graph; outcomes pointing nowhere are left out (the linter reports them). */
export function buildStepGraph(process: Process): StepGraph {
  const keyIndex = new Map<string, number>();
  process.steps.forEach((s, i) => {
    if (!keyIndex.has(s.key)) keyIndex.set(s.key, i);
  });
  const next = process.steps.map((s) => {
    const out: number[] = [];
    for (const o of s.outcomes) {
      const j = o.next === null ? undefined : keyIndex.get(o.next);
      if (j !== undefined && !out.includes(j)) out.push(j);
    }
    return out;
  });
  const canEnd = process.steps.map((s) => s.outcomes.length === 0 || s.outcomes.some((o) => o.next === null));
  const startKey = process.start ?? process.steps[0]?.key;
  const start = startKey === undefined ? undefined : keyIndex.get(startKey);
  return { keyIndex, next, canEnd, start };
}

/** Steps reachable from the start (the start included). */
export function reachableFrom(graph: StepGraph): Set<number> {
  const seen = new Set<number>();
  if (graph.start === undefined) return seen;
  const stack = [graph.start];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    for (const j of graph.next[i] ?? []) if (!seen.has(j)) stack.push(j);
  }
  return seen;
}

/** Strongly connected components (Tarjan), each as a sorted list of step indexes. */
export function stronglyConnected(graph: StepGraph): number[][] {
  const n = graph.next.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  // Iterative Tarjan (issue 12: a 10k-step chain overflowed the recursive one): each frame is a step
  // and the position of the next successor to look at.
  const visit = (root: number): void => {
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const v = frame[0];
      const succ = graph.next[v] ?? [];
      if (frame[1] < succ.length) {
        const w = succ[frame[1]++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          comp.push(w);
        } while (w !== v);
        out.push(comp.sort((x, y) => x - y));
      }
    }
  };
  for (let v = 0; v < n; v++) if (index[v] === -1) visit(v);
  return out;
}

/**
 * Loops a dossier can enter but never leave: components with a cycle, no edge out and no step
 * that can end the process.
 */
export function closedLoops(graph: StepGraph): number[][] {
  return stronglyConnected(graph).filter((comp) => {
    const members = new Set(comp);
    const first = comp[0]!;
    const isCycle = comp.length > 1 || (graph.next[first] ?? []).includes(first);
    if (!isCycle) return false;
    return comp.every((v) => !graph.canEnd[v] && (graph.next[v] ?? []).every((w) => members.has(w)));
  });
}

/** A path of steps with its total weight. */
export interface WeightedPath {
  readonly steps: readonly number[];
  readonly weight: number;
  /** True when the search stopped at its work limit; the result is then the best path seen. */
  readonly truncated: boolean;
}

/** Work limit of {@link longestPath}: step visits before giving up on exhaustive search. */
const MAX_VISITS = 200_000;

/**
 * The heaviest path from the start to a step that can end the process, visiting no step twice
 * (send-back loops are rework, not planned time). Exhaustive depth-first search with a work
 * limit; `undefined` when no end is reachable.
 */
export function longestPath(graph: StepGraph, weights: readonly number[]): WeightedPath | undefined {
  if (graph.start === undefined) return undefined;
  let best: { steps: number[]; weight: number } | undefined;
  let visits = 0;
  const onPath = new Set<number>();
  const path: number[] = [];
  // Iterative depth-first search (a recursive one overflowed the stack on long chains): a frame is a
  // step on the path, the weight up to it and the next successor to try.
  const frames: { v: number; weight: number; next: number }[] = [];
  const enter = (v: number, acc: number): void => {
    if (++visits > MAX_VISITS) return;
    onPath.add(v);
    path.push(v);
    const weight = acc + (weights[v] ?? 0);
    if (graph.canEnd[v] && (best === undefined || weight > best.weight)) best = { steps: [...path], weight };
    frames.push({ v, weight, next: 0 });
  };
  enter(graph.start, 0);
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    const succ = graph.next[f.v] ?? [];
    if (f.next < succ.length && visits <= MAX_VISITS) {
      const w = succ[f.next++]!;
      if (!onPath.has(w)) enter(w, f.weight);
      continue;
    }
    frames.pop();
    path.pop();
    onPath.delete(f.v);
  }
  return best && { ...best, truncated: visits > MAX_VISITS };
}

/**
 * The main path: from the start, each step's first outcome, as process tables list the normal
 * flow first. Stops at an end (`next: null` or no outcomes), a missing target or a step seen before.
 */
export function mainPath(process: Process, graph: StepGraph, weights: readonly number[]): WeightedPath | undefined {
  if (graph.start === undefined) return undefined;
  const steps: number[] = [];
  const seen = new Set<number>();
  let weight = 0;
  let v: number | undefined = graph.start;
  while (v !== undefined && !seen.has(v)) {
    seen.add(v);
    steps.push(v);
    weight += weights[v] ?? 0;
    const first: Outcome | undefined = process.steps[v]?.outcomes[0];
    v = first?.next == null ? undefined : graph.keyIndex.get(first.next);
  }
  return { steps, weight, truncated: false };
}
