/**
 * `replay` — replays a dossier event log against a process: token-based conformance (PM4Py
 * metrics), deviations per dossier and step, per-step lateness in working minutes, and the dossier
 * on-time classification of the runtime. Events are grouped and ordered with integer arrays; the
 * per-event loop allocates nothing unless it has something to report.
 */
import { addWorkingTime, type InstantInput, toEpochMs, type WorkCalendar, workingTimeBetween } from '@tthc/calendar';
import type { ChannelKind, CompareMode, Procedure, Process } from '@tthc/core';
import { dossierClock, type DossierClock } from './dossier-clock.js';
import { foldCache } from './fold.js';
import { groupTraces } from './group.js';
import { KIND_INDEX, type StepTotals, stepTable, stepTotals, summarise } from './tables.js';
import {
  enabledInput,
  explainMissing,
  indexTrace,
  outputPlace,
  type ReplayScratch,
  replayScratch,
  resetTrace,
  traceFitness,
} from './token-replay.js';
import type {
  Deviation,
  DeviationKind,
  DossierReplay,
  EventLog,
  LateStep,
  LogEvent,
  LogProblem,
  ReplayResult,
} from './types.js';
import { describePlace, type WorkflowNet, workflowNet } from './workflow-net.js';

/** Options of {@link replay}. */
export interface ReplayOptions {
  /** How a dossier's completion is compared with its due. Default `date`, as provincial software does (REFERENCE.md §1.7). */
  readonly compare?: CompareMode;
  /** Channel of dossiers whose events name none. Default `direct` when the procedure has it, else its first channel. */
  readonly channel?: ChannelKind;
  /** Classifies unfinished dossiers as in time / overdue at this instant (default: left unclassified). */
  readonly asOf?: InstantInput;
  /**
   * `deviation` (default, PM4Py): a trace must reach the end of the process; the missing steps are
   * `skipped-step`. `allow`: a log cut while dossiers are in progress — an unfinished trace's current
   * position is its final marking.
   */
  readonly unfinished?: 'deviation' | 'allow';
}

interface Run {
  readonly net: WorkflowNet;
  readonly calendar: WorkCalendar;
  readonly rule: Process['countingRule'];
  readonly events: readonly LogEvent[];
  readonly stepIds: Int32Array;
  readonly order: Int32Array;
  readonly scratch: ReplayScratch;
  readonly totals: StepTotals;
  readonly clock: DossierClock;
  readonly problems: LogProblem[];
  readonly fold: (text: string) => string;
  readonly unfinished: 'deviation' | 'allow';
}

/** The state of one trace while it is replayed. */
interface Trace {
  readonly dossierId: string;
  missing: number;
  consumed: number;
  produced: number;
  cursor: number;
  known: boolean;
  deviations: Deviation[] | null;
  lateSteps: LateStep[] | null;
  finishedAt: number | null;
}

function deviate(run: Run, t: Trace, kind: DeviationKind, step: number, line: number, extra: Partial<Deviation>): void {
  const key = step >= 0 ? run.net.steps[step]!.key : null;
  if (step >= 0) run.totals.kinds[step * 5 + KIND_INDEX[kind]]!++;
  (t.deviations ??= []).push({
    kind,
    dossierId: t.dossierId,
    step: key,
    line,
    message: extra.message ?? kind,
    ...extra,
  });
}

function checkPerformer(run: Run, t: Trace, s: number, e: LogEvent): void {
  const p = e.performer;
  if (!p) return;
  // The step is performed by its performer, a role in a unit (TT 01/2018 art. 8), compared after
  // case and diacritic folding.
  const roleOk = p.role === undefined || run.fold(p.role) === run.net.roles[s];
  const unitOk = p.unit === undefined || run.fold(p.unit) === run.net.units[s];
  if (roleOk && unitOk) return;
  const want = run.net.steps[s]!.performer;
  const expected = `${want.unit} / ${want.role}`;
  const actual = `${p.unit ?? '—'} / ${p.role ?? '—'}`;
  const what = [roleOk ? null : 'role', unitOk ? null : 'unit'].filter(Boolean).join(' and ');
  const message = `step "${run.net.steps[s]!.key}": performer ${what} "${actual}" is not "${expected}"`;
  deviate(run, t, 'wrong-performer', s, e.line, { message, expected, actual });
}

/** Reports why step `s` had no token; true when the step was not possible at all (unexpected). */
function reportMissing(run: Run, t: Trace, s: number, k: number, line: number): boolean {
  const report = explainMissing(run.net, run.scratch, t.cursor, s, k);
  const key = (id: number) => run.net.steps[id]!.key;
  for (const p of report.skipped) {
    deviate(run, t, 'skipped-step', p, line, { message: `step "${key(p)}" skipped before "${key(s)}"` });
  }
  if (report.early >= 0) {
    const message = `step "${key(s)}" done before "${key(report.early)}", which comes later`;
    deviate(run, t, 'out-of-order', s, line, { message, expected: key(report.early), actual: key(s) });
  }
  if (report.unexpected) {
    const where =
      t.cursor === run.net.sink ? 'the process had ended' : `the dossier was at ${describePlace(run.net, t.cursor)}`;
    deviate(run, t, 'unexpected-step', s, line, { message: `step "${key(s)}" not possible: ${where}` });
  }
  return report.unexpected;
}

function timeStep(run: Run, t: Trace, s: number, e: LogEvent, entry: number): void {
  const budget = run.net.budgets[s]!;
  if (budget.notCounted) return;
  let due: number;
  try {
    due = addWorkingTime(run.calendar, entry, budget, { rule: run.rule }).getTime();
  } catch (error) {
    run.problems.push({
      line: e.line,
      message: `step "${run.net.steps[s]!.key}" not timed: ${(error as Error).message}`,
    });
    return;
  }
  const totals = run.totals;
  totals.timed[s]!++;
  if (e.at <= due) return;
  // Step done after entry + budget: late by the working minutes past the due.
  const lateMinutes = Math.max(0, workingTimeBetween(run.calendar, due, e.at));
  totals.late[s]!++;
  totals.lateTotal[s]! += lateMinutes;
  if (lateMinutes > totals.lateMax[s]!) totals.lateMax[s] = lateMinutes;
  (t.lateSteps ??= []).push({ step: run.net.steps[s]!.key, line: e.line, due, doneAt: e.at, lateMinutes });
}

/** Fires the transition of step `s` for the event at trace position `k`, entered at `entry`. */
function fire(run: Run, t: Trace, s: number, k: number, entry: number): void {
  const e = run.events[run.order[k]!]!;
  const { marking, tokenAt } = run.scratch;
  const net = run.net;
  run.totals.executions[s]!++;
  checkPerformer(run, t, s, e);
  const input = enabledInput(net, marking, s);
  let unexpected = false;
  if (input >= 0) marking[input]!--;
  else {
    unexpected = reportMissing(run, t, s, k, e.line);
    t.missing++;
  }
  t.consumed++;
  const out = outputPlace(net, s, e.outcome);
  marking[out]!++;
  tokenAt[out] = e.at;
  t.produced++;
  // An unexpected step does not move the dossier: it stays where the process had it.
  if (!unexpected) t.cursor = out;
  // Processing ends (NgayKetThucXuLy) when the return step is entered or the process ends — the
  // runtime ledger's rule (REFERENCE.md §3.3: returning the result is not part of processing).
  if (t.finishedAt === null && net.isReturn[s] === 1) t.finishedAt = entry;
  if (t.finishedAt === null && (out === net.sink || (out < net.sink && net.isReturn[out] === 1))) t.finishedAt = e.at;
}

/** A token in an "after" place whose step may end the process moves silently to the sink. */
function silentEnd(run: Run, t: Trace): boolean {
  const { marking, tokenAt } = run.scratch;
  const net = run.net;
  for (let s = 0; s < net.sink; s++) {
    const after = net.sink + 1 + s;
    if (marking[after]! > 0 && net.outcomePlaces[s]!.length > 1 && net.outcomePlaces[s]!.includes(net.sink)) {
      marking[after]!--;
      marking[net.sink]!++;
      t.consumed++;
      t.produced++;
      t.finishedAt ??= tokenAt[after]!;
      return true;
    }
  }
  return false;
}

function finish(run: Run, t: Trace, lastLine: number): number {
  const { marking } = run.scratch;
  const { sink, nextHop, places } = run.net;
  if (marking[sink]! === 0) silentEnd(run, t);
  let remaining = 0;
  for (let p = 0; p < places; p++) remaining += marking[p]!;
  if (marking[sink]! > 0) {
    t.consumed++;
    return remaining - 1;
  }
  if (run.unfinished === 'allow') return remaining - (marking[t.cursor]! > 0 ? 1 : 0);
  // The final marking is one token in the sink: missing here, and the steps between where the
  // dossier is and the end were never done.
  t.missing++;
  t.consumed++;
  for (let p = t.cursor; p !== sink && nextHop[p * places + sink]! >= 0; p = nextHop[p * places + sink]!) {
    if (p < sink)
      deviate(run, t, 'skipped-step', p, lastLine, { message: `step "${run.net.steps[p]!.key}" never done` });
  }
  return remaining;
}

function replayTrace(run: Run, from: number, to: number): DossierReplay {
  const first = run.events[run.order[from]!]!;
  const t: Trace = {
    dossierId: first.dossierId,
    missing: 0,
    consumed: 0,
    produced: 1,
    cursor: run.net.start,
    known: true,
    deviations: null,
    lateSteps: null,
    finishedAt: null,
  };
  run.scratch.marking[run.net.start] = 1;
  indexTrace(run.scratch, run.stepIds, run.order, from, to);
  const receivedAt = first.startedAt ?? first.at;
  let previous = receivedAt;
  let channel: ChannelKind | undefined;
  for (let k = from; k < to; k++) {
    const e = run.events[run.order[k]!]!;
    channel ??= e.channel;
    const s = run.stepIds[run.order[k]!]!;
    if (s < 0) {
      // PM4Py: an activity the model does not have makes the trace unfit; it moves no token.
      t.known = false;
      const message = `activity "${e.activity}" is not a step of the process`;
      deviate(run, t, 'unknown-activity', -1, e.line, { message, actual: e.activity });
      continue;
    }
    // A step starts when the source system says (NgayBatDau), else when the previous one ended.
    const entry = e.startedAt ?? previous;
    timeStep(run, t, s, e, entry);
    fire(run, t, s, k, entry);
    previous = e.at;
  }
  const remaining = finish(run, t, run.events[run.order[to - 1]!]!.line);
  resetTrace(run.scratch, run.stepIds, run.order, from, to);
  const counts = { missing: t.missing, consumed: t.consumed, remaining, produced: t.produced };
  const timing = run.clock(t.dossierId, channel, receivedAt, t.finishedAt, first.line);
  return {
    dossierId: t.dossierId,
    events: to - from,
    ...counts,
    fitness: traceFitness(counts),
    fit: t.known && t.missing === 0 && remaining === 0,
    ...timing,
    finishedAt: t.finishedAt,
    deviations: t.deviations ?? [],
    lateSteps: t.lateSteps ?? [],
  };
}

/**
 * Replays a dossier event log against a process and its procedure. Events are grouped by dossier
 * and ordered by time (stable: equal instants keep log order); activities map to steps by key, then
 * name, then folded name. Each trace is replayed on the process's workflow net (token-based
 * replay, PM4Py's `perc_fit_traces`, `average_trace_fitness`, `log_fitness`) and checked for
 * deviations; each step is timed against entry + budget in working minutes; each dossier gets the
 * runtime's due (receipt + the channel's statutory limit) and on-time classification.
 * @throws {CalendarError} `INVALID_OPTIONS` when the process refers to a step it does not have.
 * @example
 * const log = readEventLog(csvText, { format: 'csv' });
 * const result = replay(procedure, process, vietnamCalendar(), log);
 * result.summary.logFitness; // 0.97
 * result.dossiers.filter((d) => d.deviations.length > 0);
 */
export function replay(
  procedure: Procedure,
  process: Process,
  calendar: WorkCalendar,
  log: readonly LogEvent[] | EventLog,
  options: ReplayOptions = {},
): ReplayResult {
  const events = 'events' in log ? log.events : (log as readonly LogEvent[]);
  const problems: LogProblem[] = 'problems' in log ? [...log.problems] : [];
  const net = workflowNet(process);
  const { stepIds, order, offsets } = groupTraces(events, net);
  const run: Run = {
    net,
    calendar,
    rule: process.countingRule,
    events,
    stepIds,
    order,
    scratch: replayScratch(net),
    totals: stepTotals(net.sink),
    clock: dossierClock(procedure, process, calendar, {
      compare: options.compare ?? 'date',
      ...(options.channel ? { channel: options.channel } : {}),
      ...(options.asOf !== undefined ? { asOf: toEpochMs(options.asOf, 'asOf') } : {}),
      problems,
    }),
    problems,
    fold: foldCache(),
    unfinished: options.unfinished ?? 'deviation',
  };
  const dossiers: DossierReplay[] = [];
  for (let d = 0; d + 1 < offsets.length; d++) dossiers.push(replayTrace(run, offsets[d]!, offsets[d + 1]!));
  return {
    summary: summarise(dossiers, events.length),
    dossiers,
    steps: stepTable(net, run.totals),
    problems: problems.sort((a, b) => a.line - b.line),
  };
}
