/**
 * The dossier data of the simulation, compiled once from the procedure, the process and the
 * scenario into index-based tables: who performs each step, how long it takes, its outcome
 * probabilities, its budget, and the clock rules (channel limit, counting rule, supplementation
 * policy). Where a dossier goes is not decided here: the engine asks the core's state machine through
 * a router (router.ts). `outcomeNext` is the step graph as the data draws it, used only to estimate
 * the budgets still ahead for the apology predictor.
 */
import { CalendarError, type CountingRule, type Duration, durationToWorkingMinutes } from '@tthc/calendar';
import { type ChannelKind, nationalCode, type Procedure, type Process } from '@tthc/core';
import { compileDistribution, type Sampler } from './distributions.js';
import type { Scenario } from './scenario.js';

/** The compiled tables. Step and unit indices are positions in `stepKeys` and `unitNames`. */
export interface SimModel {
  readonly procedureCode: string;
  readonly processVersion: string;
  readonly channel: ChannelKind;
  readonly workingDayMinutes: number;
  readonly stepKeys: readonly string[];
  readonly stepNames: readonly string[];
  readonly unitNames: readonly string[];
  readonly staff: Int32Array;
  readonly stepUnit: Int32Array;
  readonly samplers: readonly Sampler[];
  /** Cumulative outcome probabilities per step (last entry 1). */
  readonly outcomeCum: readonly Float64Array[];
  /** Next step per outcome as the data draws it (−1 ends the process); the apology predictor's graph, not the routing. */
  readonly outcomeNext: readonly Int32Array[];
  /** 1 when entering the step ends processing (a `return` step: trả kết quả, REFERENCE.md §3.3). */
  readonly finishesOnEntry: Uint8Array;
  /** The process's start step (the default supplementation step); dossiers start where the machine's initial state says. */
  readonly start: number;
  /** Step budgets (`null` when not counted). */
  readonly budgets: readonly (Duration | null)[];
  /** Budget in working minutes when it is plain working time under the rule, else NaN (ask the calendar). */
  readonly budgetMinutes: Float64Array;
  /** Budgeted working minutes from entering a step to the end of processing along the shortest path. */
  readonly minRemaining: Float64Array;
  /** The same from the end of a step (its own budget excluded). */
  readonly minAfter: Float64Array;
  readonly limit: Duration;
  /** The limit in working minutes when it is plain working time under the rule, else NaN. */
  readonly limitMinutes: number;
  readonly rule: CountingRule;
  readonly policy: 'restart' | 'pause' | 'extend';
  readonly requestWithin: Duration;
  readonly requestWithinMinutes: number;
  readonly supplement: {
    readonly step: number;
    readonly probability: number;
    readonly delay: Sampler;
    readonly maxRounds: number;
  };
}

function misuse(field: string, message: string, value: unknown): CalendarError {
  return new CalendarError('INVALID_OPTIONS', `${field}: ${message}`, { field, value });
}

/**
 * Working minutes of a duration when the calendar's working-time arithmetic is plain addition on
 * the working axis; NaN when a day-based rule applies (Civil Code 2015 art. 147–148 whole days,
 * calendar days, same day) and the calendar must be asked.
 * @example plainMinutes({ amount: 3, unit: 'workingDay' }, 'working-time', 480) // 1440
 */
export function plainMinutes(d: Duration, rule: CountingRule, workingDayMinutes: number): number {
  if (d.notCounted) return Number.NaN;
  const dayBased =
    d.unit === 'calendarDay' ||
    d.unit === 'sameDay' ||
    (d.unit === 'workingDay' && rule === 'civil-code' && Number.isInteger(d.amount) && d.amount > 0);
  return dayBased ? Number.NaN : (durationToWorkingMinutes(d, workingDayMinutes) ?? Number.NaN);
}

/** A rough working-minute size of any budget, for the apology predictor only. */
function roughMinutes(d: Duration, workingDayMinutes: number): number {
  if (d.notCounted) return 0;
  const exact = durationToWorkingMinutes(d, workingDayMinutes);
  if (exact !== null) return exact;
  return d.unit === 'sameDay' ? workingDayMinutes : (d.amount * workingDayMinutes * 5) / 7;
}

/** The statutory limit of a channel, the same-day cut-off resolved as the runtime does (REFERENCE.md §1.2). */
function channelLimit(procedure: Procedure, process: Process, channel: ChannelKind): Duration {
  const row = procedure.channels.find((c) => c.channel === channel);
  if (!row) {
    const have = procedure.channels.map((c) => c.channel).join(', ');
    throw misuse('options.channel', `procedure ${procedure.code} has no channel "${channel}" (has ${have})`, channel);
  }
  // "Không có thông tin": the catalogue states no limit; the process total is the appointment.
  const limit = row.timeLimit ?? process.totalLimit;
  if (!limit) {
    throw misuse(
      'procedure.channels',
      `procedure ${procedure.code}: channel "${channel}" states no time limit and the process declares no totalLimit`,
      channel,
    );
  }
  if (limit.unit !== 'sameDay' || limit.cutoff) return limit;
  const cutoff = process.sameDayCutoff ?? procedure.sameDayCutoff;
  return cutoff ? { ...limit, cutoff } : limit;
}

function checkKeys(process: Process, scenario: Scenario): void {
  const keys = new Set(process.steps.map((s) => s.key));
  for (const key of Object.keys(scenario.steps)) {
    if (!keys.has(key)) {
      throw misuse(`scenario.steps.${key}`, `the process has no step "${key}" (has ${[...keys].join(', ')})`, key);
    }
  }
  for (const step of process.steps) {
    if (!scenario.steps[step.key]) {
      throw misuse(`scenario.steps.${step.key}`, `missing: every step of the process needs a duration`, undefined);
    }
  }
}

function compileUnits(process: Process, scenario: Scenario) {
  const staffByUnit = new Map(Object.entries(scenario.staff).map(([k, v]) => [k.normalize('NFC'), { key: k, v }]));
  const unitNames: string[] = [];
  const stepUnit = new Int32Array(process.steps.length);
  process.steps.forEach((step, s) => {
    const unit = step.performer.unit.normalize('NFC');
    let u = unitNames.indexOf(unit);
    if (u < 0) {
      if (!staffByUnit.has(unit)) {
        throw misuse(`scenario.staff["${unit}"]`, `missing: step "${step.key}" is performed by this unit`, undefined);
      }
      u = unitNames.push(unit) - 1;
    }
    stepUnit[s] = u;
  });
  for (const [unit, { key }] of staffByUnit) {
    if (!unitNames.includes(unit)) {
      throw misuse(`scenario.staff["${key}"]`, `no step of the process is performed by this unit`, key);
    }
  }
  const staff = Int32Array.from(unitNames, (u) => staffByUnit.get(u)!.v);
  return { unitNames, stepUnit, staff };
}

function compileOutcomes(process: Process, scenario: Scenario, index: ReadonlyMap<string, number>) {
  const outcomeCum: Float64Array[] = [];
  const outcomeNext: Int32Array[] = [];
  for (const step of process.steps) {
    const next = Int32Array.from(step.outcomes, (o) => (o.next === null ? -1 : (index.get(o.next) ?? -2)));
    const bad = next.indexOf(-2);
    if (bad >= 0) {
      const o = step.outcomes[bad]!;
      throw misuse(`process.steps.${step.key}.outcomes.${o.name}.next`, `"${o.next}" is not a step`, o.next);
    }
    const probs = scenario.steps[step.key]!.outcomes;
    const weights: number[] = step.outcomes.map((_, k) => (probs ? 0 : k === 0 ? 1 : 0));
    for (const [name, p] of Object.entries(probs ?? {})) {
      const k = step.outcomes.findIndex((o) => o.name === name);
      if (k < 0) {
        const have = step.outcomes.map((o) => o.name).join(', ') || 'none';
        throw misuse(
          `scenario.steps.${step.key}.outcomes.${name}`,
          `step "${step.key}" has no outcome "${name}" (has ${have})`,
          p,
        );
      }
      weights[k] = p;
    }
    if (step.outcomes.length === 0) {
      // A final step: processing ends with it.
      outcomeCum.push(Float64Array.of(1));
      outcomeNext.push(Int32Array.of(-1));
      continue;
    }
    let total = 0;
    outcomeCum.push(Float64Array.from(weights, (w) => (total += w)));
    outcomeCum.at(-1)![weights.length - 1] = 1;
    outcomeNext.push(next);
  }
  return { outcomeCum, outcomeNext };
}

/** Shortest budgeted path from each step to the end of processing (Bellman–Ford over the small step graph). */
function remainingBudgets(
  process: Process,
  outcomeNext: readonly Int32Array[],
  finishes: Uint8Array,
  workingDayMinutes: number,
) {
  const n = process.steps.length;
  const own = Float64Array.from(process.steps, (s) => roughMinutes(s.budget, workingDayMinutes));
  const remaining = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const after = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let round = 0; round <= n; round++) {
    for (let s = 0; s < n; s++) {
      let best = Number.POSITIVE_INFINITY;
      for (const next of outcomeNext[s]!) best = Math.min(best, next < 0 || finishes[next] ? 0 : remaining[next]!);
      after[s] = best;
      remaining[s] = finishes[s] ? 0 : own[s]! + best;
    }
  }
  return { remaining, after };
}

function supplementStep(process: Process, scenario: Scenario, index: ReadonlyMap<string, number>, start: number) {
  const at = scenario.supplementation?.atStep;
  if (at !== undefined) {
    const s = index.get(at);
    if (s === undefined) throw misuse('scenario.supplementation.atStep', `the process has no step "${at}"`, at);
    return s;
  }
  const s = process.steps.findIndex((x) => x.kind === 'review' || x.kind === 'verify');
  return s >= 0 ? s : start;
}

/** Options of {@link compileModel}. */
export interface CompileModelOptions {
  readonly channel?: ChannelKind;
  readonly workingDayMinutes?: number;
}

/**
 * Compiles the tables of a simulation and checks that the scenario fits the process: every step has
 * a duration, every outcome named exists, every performer unit has staff.
 * @throws {CalendarError} `INVALID_OPTIONS` naming the scenario or process path and the value.
 * @example compileModel(procedure, process, parseScenario(json), { channel: 'direct' }).stepKeys
 */
export function compileModel(
  procedure: Procedure,
  process: Process,
  scenario: Scenario,
  options: CompileModelOptions = {},
): SimModel {
  if (nationalCode(process.procedureCode) !== nationalCode(procedure.code)) {
    throw misuse(
      'process.procedureCode',
      `"${process.procedureCode}" is not the procedure's code "${procedure.code}"`,
      process.procedureCode,
    );
  }
  const W = options.workingDayMinutes ?? 480;
  const channel =
    options.channel ??
    (procedure.channels.some((c) => c.channel === 'direct') ? 'direct' : procedure.channels[0]!.channel);
  const limit = channelLimit(procedure, process, channel);
  checkKeys(process, scenario);
  const index = new Map(process.steps.map((s, i) => [s.key, i]));
  const start = process.start === undefined ? 0 : (index.get(process.start) ?? -1);
  if (start < 0) throw misuse('process.start', `"${process.start}" is not a step`, process.start);
  const { unitNames, stepUnit, staff } = compileUnits(process, scenario);
  const { outcomeCum, outcomeNext } = compileOutcomes(process, scenario, index);
  const finishesOnEntry = Uint8Array.from(process.steps, (s) => (s.kind === 'return' ? 1 : 0));
  const rule = process.countingRule;
  const { remaining, after } = remainingBudgets(process, outcomeNext, finishesOnEntry, W);
  const supp = scenario.supplementation;
  return {
    procedureCode: procedure.code,
    processVersion: process.version,
    channel,
    workingDayMinutes: W,
    stepKeys: process.steps.map((s) => s.key),
    stepNames: process.steps.map((s) => s.name),
    unitNames,
    staff,
    stepUnit,
    samplers: process.steps.map((s) => compileDistribution(scenario.steps[s.key]!.duration, { workingDayMinutes: W })),
    outcomeCum,
    outcomeNext,
    finishesOnEntry,
    start,
    budgets: process.steps.map((s) => (s.budget.notCounted ? null : s.budget)),
    budgetMinutes: Float64Array.from(process.steps, (s) => plainMinutes(s.budget, rule, W)),
    minRemaining: remaining,
    minAfter: after,
    limit,
    limitMinutes: plainMinutes(limit, rule, W),
    rule,
    policy: process.supplementation.policy,
    requestWithin: process.supplementation.requestWithin,
    requestWithinMinutes: plainMinutes(process.supplementation.requestWithin, rule, W),
    supplement: {
      step: supplementStep(process, scenario, index, start),
      probability: supp?.probability ?? 0,
      delay: supp
        ? compileDistribution(supp.citizenDelay, { defaultUnit: 'workingDay', workingDayMinutes: W })
        : () => 0,
      maxRounds: supp?.maxRounds ?? 0,
    },
  };
}
