/**
 * fast-check arbitraries for dossier event logs of a process, as auditors replay them with
 * `@tthc/sim`: CONFORMING logs (each dossier walks the step graph from the start step to the end,
 * every step done by its performer, timestamps strictly increasing) and logs with ONE injected
 * deviation whose report — dossier, step, kind, line — is known in advance (`sim-deviation-arbitrary.ts`).
 * Plain JSON shapes only (no dependency on `@tthc/sim`); the writers are in `sim-log-format.ts`.
 */
import type { Process } from '@tthc/core';
import fc from 'fast-check';
import type { EventLogFormat, GeneratedLogEvent } from './sim-log-format.js';
import { type Draft, type Graph, graphOf, MINUTE, numbered } from './sim-log-graph.js';

/** How one generated dossier walked the process (in time order). */
export interface GeneratedTrace {
  readonly dossierId: string;
  /** The step keys, in the order done. */
  readonly steps: readonly string[];
  /** The outcome taken at each step (`null` at a step without outcomes). */
  readonly outcomes: readonly (string | null)[];
}

/** A generated log: its events in log order (lines as {@link formatEventLog} writes them) and the walks behind it. */
export interface GeneratedEventLog {
  readonly format: EventLogFormat;
  readonly events: readonly GeneratedLogEvent[];
  /** One walk per dossier, in order of dossier number. */
  readonly traces: readonly GeneratedTrace[];
}

/** Options of {@link eventLogArb}. */
export interface EventLogArbOptions {
  /** Fewest and most dossiers. Default 1 and 4. */
  readonly minDossiers?: number;
  readonly maxDossiers?: number;
  /** The format whose line numbers the events carry. Default `jsonl`. */
  readonly format?: EventLogFormat;
  /**
   * Outcomes in the log: `named` on every event of a step with several outcomes, `unnamed` never
   * (replay resolves the choice by what comes next), `mixed` (default) chosen per dossier.
   */
  readonly outcomes?: 'named' | 'unnamed' | 'mixed';
  /** Earliest receipt, ISO 8601 with an offset. Default `2025-03-03T08:00:00+07:00`. */
  readonly from?: string;
  /** Receipts fall within this many calendar days after `from`. Default 300. */
  readonly spreadDays?: number;
  /** Largest gap between two events of a dossier, in minutes (the smallest is 2). Default 4320 (3 days). */
  readonly maxGapMinutes?: number;
  /** Steps after which the walk takes the outcome closest to the end (loops end). Default 12. */
  readonly maxSteps?: number;
  /** Interleave the dossiers' events in a random log order (replay must not mind). Default `true`. */
  readonly interleave?: boolean;
  /** Prefix of dossier ids (`HS-0`, `HS-1`…). Default `HS-`. */
  readonly idPrefix?: string;
}

/** The random choices behind one dossier. */
interface WalkPlan {
  readonly receipt: number;
  readonly gaps: readonly number[];
  readonly choices: readonly number[];
  readonly named: boolean;
}

function walk(graph: Graph, id: string, plan: WalkPlan, maxSteps: number): { trace: GeneratedTrace; drafts: Draft[] } {
  const drafts: Draft[] = [];
  const steps: string[] = [];
  const outcomes: (string | null)[] = [];
  let at = plan.receipt;
  for (let s = graph.start, i = 0; s >= 0; i++) {
    const step = graph.steps[s]!;
    const outs = graph.next[s]!;
    let pick = plan.choices[i % plan.choices.length]! % outs.length;
    if (i >= maxSteps || !Number.isFinite(outs[pick]! < 0 ? 0 : graph.hops[outs[pick]!]!)) {
      // Past the budget of steps (or at an outcome that never ends): the way closest to the end.
      pick = 0;
      outs.forEach((n, k) => {
        const h = n < 0 ? 0 : graph.hops[n]!;
        const best = outs[pick]! < 0 ? 0 : graph.hops[outs[pick]!]!;
        if (h < best) pick = k;
      });
    }
    at += plan.gaps[i % plan.gaps.length]! * MINUTE;
    const outcome = step.outcomes[pick]?.name ?? null;
    drafts.push({
      dossierId: id,
      activity: step.key,
      performer: { unit: step.performer.unit, role: step.performer.role },
      at,
      ...(outcome !== null && step.outcomes.length > 1 && plan.named ? { outcome } : {}),
      ...(i === 0 ? { startedAt: plan.receipt } : {}),
    });
    steps.push(step.key);
    outcomes.push(outcome);
    s = outs[pick]!;
  }
  return { trace: { dossierId: id, steps, outcomes }, drafts };
}

/**
 * Conforming event logs of a process: 1–4 dossiers (`HS-0`, `HS-1`…), each walking the step graph
 * from the start step to the end — the outcome at a choice drawn, loops left after `maxSteps` —
 * every step done by its performer (unit and role), timestamps strictly increasing (2 minutes to
 * `maxGapMinutes` apart), the receipt as the first event's `startedAt`, outcomes named or not.
 * `replay` gives every dossier fitness 1 and no deviation. Events carry the line numbers of
 * {@link formatEventLog} in `format`; `traces` says which steps and outcomes each dossier took.
 * @throws {RangeError} when the process has no path from its start to the end.
 * @example
 * fc.assert(fc.property(eventLogArb(process), (log) => {
 *   expect(replay(procedure, process, vietnamCalendar(), log.events).summary.logFitness).toBe(1);
 * }));
 */
export function eventLogArb(process: Process, opts: EventLogArbOptions = {}): fc.Arbitrary<GeneratedEventLog> {
  const graph = graphOf(process);
  const format = opts.format ?? 'jsonl';
  const maxSteps = Math.max(1, opts.maxSteps ?? 12);
  const from = Date.parse(opts.from ?? '2025-03-03T08:00:00+07:00');
  if (Number.isNaN(from)) throw new RangeError(`eventLogArb: from is not an instant: ${opts.from}`);
  const spread = Math.max(0, opts.spreadDays ?? 300) * 24 * 60;
  const named = opts.outcomes ?? 'mixed';
  const plan: fc.Arbitrary<WalkPlan> = fc.record({
    receipt: fc.integer({ min: 0, max: spread }).map((m) => from + m * MINUTE),
    gaps: fc.array(fc.integer({ min: 2, max: Math.max(2, opts.maxGapMinutes ?? 3 * 24 * 60) }), {
      minLength: 8,
      maxLength: 8,
    }),
    choices: fc.array(fc.nat(), { minLength: maxSteps + 4, maxLength: maxSteps + 4 }),
    named: named === 'mixed' ? fc.boolean() : fc.constant(named === 'named'),
  });
  const minDossiers = Math.max(1, opts.minDossiers ?? 1);
  const maxDossiers = Math.max(minDossiers, opts.maxDossiers ?? 4);
  return fc
    .record({
      plans: fc.array(plan, { minLength: minDossiers, maxLength: maxDossiers }),
      keys: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    })
    .map(({ plans, keys }) => {
      const walks = plans.map((p, d) => walk(graph, `${opts.idPrefix ?? 'HS-'}${d}`, p, maxSteps));
      let drafts = walks.flatMap((w) => w.drafts);
      if (opts.interleave !== false) {
        // A stable sort on drawn keys: any log order across and within dossiers (replay orders by time).
        drafts = drafts
          .map((e, i) => ({ e, key: keys[i % keys.length]! }))
          .sort((a, b) => a.key - b.key)
          .map((k) => k.e);
      }
      return { format, events: numbered(drafts, format), traces: walks.map((w) => w.trace) };
    });
}
