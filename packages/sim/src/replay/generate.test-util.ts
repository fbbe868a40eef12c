/** Generates conforming logs from a process by walking its graph (for property tests). */
import fc from 'fast-check';
import type { Process } from '@tthc/core';
import type { LogEvent } from './types.js';
import { workflowNet } from './workflow-net.js';

/** How one dossier walks the process. */
export interface TraceSpec {
  /** Receipt, minutes after 2025-03-03T08:00+07:00. */
  readonly start: number;
  /** Minutes between consecutive events (≥ 1: timestamps strictly increase). */
  readonly gaps: readonly number[];
  /** Outcome picks at steps with several outcomes. */
  readonly choices: readonly number[];
  /** Whether the log records the outcome taken. */
  readonly named: boolean;
}

const BASE = Date.parse('2025-03-03T08:00:00+07:00');
const MAX_STEPS = 12;

export const traceSpec: fc.Arbitrary<TraceSpec> = fc.record({
  start: fc.integer({ min: 0, max: 300 * 24 * 60 }),
  gaps: fc.array(fc.integer({ min: 1, max: 3 * 24 * 60 }), { minLength: MAX_STEPS + 4, maxLength: MAX_STEPS + 4 }),
  choices: fc.array(fc.nat(), { minLength: MAX_STEPS + 4, maxLength: MAX_STEPS + 4 }),
  named: fc.boolean(),
});

/** Steps from a place to the sink along shortest paths (for ending a long walk). */
function hopsToEnd(process: Process, place: number): number {
  const net = workflowNet(process);
  let n = 0;
  for (let p = place; p !== net.sink; p = net.nextHop[p * net.places + net.sink]!) n++;
  return n;
}

/**
 * A conforming trace: from the start step, each step done by its performer, outcomes picked by
 * `choices` (after {@link MAX_STEPS} steps, the one closest to the end), timestamps increasing.
 * Every event records its outcome when the step has several, so the runtime can replay it too.
 */
export function conformingTrace(process: Process, id: string, spec: TraceSpec, lineBase: number): LogEvent[] {
  const net = workflowNet(process);
  const events: LogEvent[] = [];
  let s = net.start;
  let at = BASE + spec.start * 60_000;
  const receivedAt = at;
  for (let i = 0; s !== net.sink; i++) {
    const step = net.steps[s]!;
    const outs = net.outcomePlaces[s]!;
    let pick = spec.choices[i]! % outs.length;
    if (i >= MAX_STEPS) {
      pick = 0;
      outs.forEach((p, k) => {
        if (hopsToEnd(process, p) < hopsToEnd(process, outs[pick]!)) pick = k;
      });
    }
    at += spec.gaps[i]! * 60_000;
    events.push({
      dossierId: id,
      activity: step.key,
      performer: { unit: step.performer.unit, role: step.performer.role },
      at,
      ...(outs.length > 1 ? { outcome: step.outcomes[pick]!.name } : {}),
      ...(i === 0 ? { startedAt: receivedAt } : {}),
      line: lineBase + i,
    });
    s = outs[pick]!;
  }
  return events;
}

/** The log as a recorder without outcomes would write it. */
export function withoutOutcomes(trace: readonly LogEvent[]): LogEvent[] {
  return trace.map(({ outcome: _, ...rest }) => rest);
}
