/**
 * The step graph of a process as the event-log arbitraries walk it, and the helpers they share
 * (internal to @tthc/testing: not exported from the package entry).
 */
import type { Process, Step } from '@tthc/core';
import { type EventLogFormat, eventLogLine, type GeneratedLogEvent } from './sim-log-format.js';

export const MINUTE = 60_000;

/** The step graph of a process, for walking it. */
export interface Graph {
  readonly steps: readonly Step[];
  readonly index: ReadonlyMap<string, number>;
  readonly start: number;
  /** Per step: the step index each outcome leads to, −1 for the end (a step without outcomes ends). */
  readonly next: readonly (readonly number[])[];
  /** Per step: fewest steps from it (itself included) to the end. */
  readonly hops: readonly number[];
}

const graphs = new WeakMap<Process, Graph>();

export function graphOf(process: Process): Graph {
  const cached = graphs.get(process);
  if (cached) return cached;
  const steps = process.steps;
  const index = new Map(steps.map((s, i) => [s.key, i]));
  const start = index.get(process.start ?? steps[0]?.key ?? '');
  if (start === undefined) throw new RangeError(`eventLogArb: process ${process.procedureCode} has no start step`);
  const next = steps.map((s) =>
    s.outcomes.length === 0
      ? [-1]
      : s.outcomes.map((o) => {
          if (o.next === null) return -1;
          const i = index.get(o.next);
          if (i === undefined) throw new RangeError(`eventLogArb: step "${s.key}" leads to unknown step "${o.next}"`);
          return i;
        }),
  );
  // Bellman–Ford over the small step graph: fewest steps to the end.
  const hops = steps.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round <= steps.length; round++) {
    next.forEach((outs, s) => {
      for (const n of outs) hops[s] = Math.min(hops[s]!, 1 + (n < 0 ? 0 : hops[n]!));
    });
  }
  if (!Number.isFinite(hops[start]!)) {
    throw new RangeError(`eventLogArb: no path from step "${steps[start]!.key}" to the end`);
  }
  const graph = { steps, index, start, next, hops };
  graphs.set(process, graph);
  return graph;
}

/** One event of a walk before it is placed in the log. */
export type Draft = Omit<GeneratedLogEvent, 'line'>;

export function numbered(drafts: readonly Draft[], format: EventLogFormat): GeneratedLogEvent[] {
  return drafts.map((d, k) => ({ ...d, line: eventLogLine(format, k) }));
}
