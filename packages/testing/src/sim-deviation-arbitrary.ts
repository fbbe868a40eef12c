/**
 * fast-check arbitraries for dossier event logs with ONE injected deviation (skipped step, unexpected
 * step, wrong performer, out of order) whose report — dossier, step, kind, line — is known in advance,
 * built on the conforming logs of `sim-log-arbitrary.ts`. Plain JSON shapes only (no dependency on
 * `@tthc/sim`).
 */
import type { Process, Step } from '@tthc/core';
import fc from 'fast-check';
import { type EventLogArbOptions, eventLogArb, type GeneratedEventLog } from './sim-log-arbitrary.js';
import { type Draft, type Graph, graphOf, MINUTE, numbered } from './sim-log-graph.js';

/** The deviations that can be injected (the token-replay kinds of `@tthc/sim`'s `DeviationKind`, and a wrong performer). */
export type InjectedDeviationKind = 'skipped-step' | 'unexpected-step' | 'wrong-performer' | 'out-of-order';

/** All kinds {@link deviationArb} injects. */
export const INJECTED_DEVIATION_KINDS: readonly InjectedDeviationKind[] = [
  'skipped-step',
  'unexpected-step',
  'wrong-performer',
  'out-of-order',
];

/**
 * What `replay` must report for the injected deviation: exactly one deviation of the dossier, with
 * this kind, step and line (and `expected` for `out-of-order`: the step that should have come first).
 */
export interface ExpectedDeviation {
  readonly kind: InjectedDeviationKind;
  readonly dossierId: string;
  readonly step: string;
  readonly line: number;
  readonly expected?: string;
}

/** A log with one injected deviation; `traces` still describes the walks before the injection. */
export interface DeviatingEventLog extends GeneratedEventLog {
  readonly deviation: ExpectedDeviation;
}

/** Options of {@link deviationArb} and {@link deviatingEventLogArb}. */
export interface DeviationArbOptions {
  /** Kinds to draw from. Default all of {@link INJECTED_DEVIATION_KINDS}. */
  readonly kinds?: readonly InjectedDeviationKind[];
}

interface Located {
  readonly e: Draft;
  readonly pos: number;
}

/** Steps reachable from step `s` (itself included) in the step graph. */
function reachable(graph: Graph, s: number): Set<number> {
  const seen = new Set<number>([s]);
  const queue = [s];
  while (queue.length) {
    for (const n of graph.next[queue.pop()!]!) {
      if (n >= 0 && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/** Where a deviation of a kind can go in one trace, as (position, step) pairs. */
function candidates(graph: Graph, steps: readonly string[], kind: InjectedDeviationKind): [number, number][] {
  const n = steps.length;
  const ids = steps.map((k) => graph.index.get(k)!);
  const out: [number, number][] = [];
  if (kind === 'wrong-performer') for (let i = 0; i < n; i++) out.push([i, ids[i]!]);
  if (kind === 'skipped-step' && n >= 2) {
    // A step done again later would be "out of order", not skipped: drop only a step's last occurrence.
    for (let i = 0; i < n; i++) if (!ids.slice(i + 1).includes(ids[i]!)) out.push([i, ids[i]!]);
  }
  if (kind === 'out-of-order') for (let i = 0; i + 1 < n; i++) if (ids[i] !== ids[i + 1]) out.push([i, ids[i + 1]!]);
  if (kind === 'unexpected-step') {
    // Before the i-th event the dossier waits at step ids[i] (after the last, at the end): a step
    // not reachable from there has no path, wherever it is inserted.
    for (let i = 0; i <= n; i++) {
      const from = i < n ? reachable(graph, ids[i]!) : new Set<number>();
      graph.steps.forEach((_, s) => {
        if (!from.has(s)) out.push([i, s]);
      });
    }
  }
  return out;
}

function performerOf(step: Step): { unit: string; role: string } {
  return { unit: step.performer.unit, role: step.performer.role };
}

/** A role that folds to something else than `role` (replay compares roles case- and diacritic-folded). */
function otherRole(role: string): string {
  return `${role} dự khuyết`;
}

function inject(
  graph: Graph,
  log: GeneratedEventLog,
  d: number,
  kind: InjectedDeviationKind,
  pick: number,
): DeviatingEventLog | null {
  const trace = log.traces[d]!;
  const cands = candidates(graph, trace.steps, kind);
  if (cands.length === 0) return null;
  const [i, s] = cands[pick % cands.length]!;
  const drafts: Draft[] = log.events.map(({ line: _, ...rest }) => rest);
  const id = trace.dossierId;
  // The dossier's events in time order, outcomes named so that every token goes straight to the
  // next step — the replay then has one way to explain the deviation.
  const own: Located[] = drafts
    .map((e, pos) => ({ e, pos }))
    .filter((x) => x.e.dossierId === id)
    .sort((a, b) => a.e.at - b.e.at);
  own.forEach((x, k) => {
    const step = graph.steps[graph.index.get(x.e.activity)!]!;
    const outcome = trace.outcomes[k];
    if (step.outcomes.length > 1 && outcome) drafts[x.pos] = { ...x.e, outcome };
  });
  const at = (k: number) => drafts[own[k]!.pos]!;
  const step = graph.steps[s]!;
  let target: number;
  let dropped = -1;
  let expected: string | undefined;
  if (kind === 'wrong-performer') {
    const e = at(i);
    drafts[own[i]!.pos] = { ...e, performer: { ...e.performer, role: otherRole(step.performer.role) } };
    target = own[i]!.pos;
  } else if (kind === 'out-of-order') {
    // The two events trade their step (activity, performer, outcome), keeping their instants.
    const [a, b] = [at(i), at(i + 1)];
    const content = (e: Draft) => ({ activity: e.activity, performer: e.performer, outcome: e.outcome });
    const strip = ({ activity: _a, performer: _p, outcome: _o, ...rest }: Draft) => rest;
    const withContent = (e: Draft, c: ReturnType<typeof content>): Draft => ({
      ...strip(e),
      activity: c.activity,
      ...(c.performer ? { performer: c.performer } : {}),
      ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
    });
    drafts[own[i]!.pos] = withContent(a, content(b));
    drafts[own[i + 1]!.pos] = withContent(b, content(a));
    target = own[i]!.pos;
    expected = a.activity;
  } else if (kind === 'skipped-step') {
    // The next event fires without a token and reports the step skipped; a dropped last event
    // leaves the dossier short of the end, reported at its new last line.
    const report = i + 1 < own.length ? own[i + 1]!.pos : own[i - 1]!.pos;
    dropped = own[i]!.pos;
    target = report;
  } else {
    const time = i < own.length ? at(i).at - MINUTE : at(own.length - 1).at + MINUTE;
    const extra: Draft = {
      dossierId: id,
      activity: step.key,
      performer: performerOf(step),
      at: time,
      ...(step.outcomes.length > 1 ? { outcome: step.outcomes[0]!.name } : {}),
    };
    const after = i < own.length ? own[i]!.pos : own[own.length - 1]!.pos + 1;
    drafts.splice(after, 0, extra);
    target = after;
  }
  const kept: (Draft & { target?: true })[] = [];
  drafts.forEach((e, pos) => {
    if (pos !== dropped) kept.push(pos === target ? { ...e, target: true } : e);
  });
  const index = kept.findIndex((e) => e.target);
  const events = numbered(
    kept.map(({ target: _, ...e }) => e),
    log.format,
  );
  const deviation: ExpectedDeviation = {
    kind,
    dossierId: id,
    step: kind === 'out-of-order' ? events[index]!.activity : step.key,
    line: events[index]!.line,
    ...(expected !== undefined ? { expected } : {}),
  };
  return { format: log.format, events, traces: log.traces, deviation };
}

/**
 * Injects ONE deviation into one dossier of a conforming log (from {@link eventLogArb}), and says
 * what `replay` must report — exactly one deviation of that dossier, with that kind, step and line:
 * - `skipped-step`: a step's event is dropped (its last occurrence in the walk); reported at the
 *   next event of the dossier, or at its new last event when the dropped one ended the walk;
 * - `out-of-order`: two consecutive different steps trade places (their instants stay); reported
 *   at the step that now comes first, `expected` naming the one that should have;
 * - `unexpected-step`: a step is inserted where no path leads to it (e.g. after the end, or before
 *   the dossier returns to a step it cannot reach); reported at the inserted event;
 * - `wrong-performer`: an event's role is replaced by another; reported at that event.
 * The token deviations lower the trace's fitness below 1; a wrong performer does not (it is a
 * deviation, not a token failure). The dossier's outcomes are named in the log, so the replay has one
 * explanation. When the drawn kind has no place in the trace, another kind is drawn.
 * @example
 * const arb = eventLogArb(process).chain((log) => deviationArb(process, log));
 * fc.assert(fc.property(arb, ({ events, deviation }) => {
 *   const d = replay(procedure, process, cal, events).dossiers.find((x) => x.dossierId === deviation.dossierId)!;
 *   expect(d.deviations.map((v) => [v.kind, v.step, v.line])).toEqual([[deviation.kind, deviation.step, deviation.line]]);
 * }));
 */
export function deviationArb(
  process: Process,
  log: GeneratedEventLog,
  opts: DeviationArbOptions = {},
): fc.Arbitrary<DeviatingEventLog> {
  const graph = graphOf(process);
  const kinds = opts.kinds?.length ? opts.kinds : INJECTED_DEVIATION_KINDS;
  if (log.traces.length === 0) throw new RangeError('deviationArb: the log has no dossier');
  return fc
    .record({
      d: fc.nat({ max: log.traces.length - 1 }),
      first: fc.nat({ max: kinds.length - 1 }),
      pick: fc.nat(),
    })
    .map(({ d, first, pick }) => {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(first + k) % kinds.length]!;
        const out = inject(graph, log, d, kind, pick);
        if (out) return out;
      }
      // Every trace has a place after its end, where any step is unexpected.
      return inject(graph, log, d, 'unexpected-step', pick)!;
    });
}

/**
 * A conforming log of the process with one injected deviation: {@link eventLogArb} then
 * {@link deviationArb}.
 * @example
 * fc.assert(fc.property(deviatingEventLogArb(process, { kinds: ['skipped-step'] }), ({ events, deviation }) => {
 *   const d = replay(procedure, process, cal, events).dossiers.find((x) => x.dossierId === deviation.dossierId)!;
 *   expect(d.fitness).toBeLessThan(1);
 * }));
 */
export function deviatingEventLogArb(
  process: Process,
  opts: EventLogArbOptions & DeviationArbOptions = {},
): fc.Arbitrary<DeviatingEventLog> {
  return eventLogArb(process, opts).chain((log) => deviationArb(process, log, opts));
}
