/**
 * `eventSequenceArb` — sequences of dossier events a process ACCEPTS: a walk of the step graph with
 * the right performers, timestamps strictly increasing in working time on the given calendar, and
 * optional supplementation rounds, consultations, one new appointment and a termination.
 */
import {
  addWorkingTime,
  dayNumberFromIso,
  isoFromDayNumber,
  nextWorkingInstant,
  type WorkCalendar,
} from '@tthc/calendar';
import {
  type Actor,
  applyAll,
  type ChannelKind,
  type DossierEvent,
  openDossier,
  type Procedure,
  type Process,
  type Step,
} from '@tthc/core';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CONSULTED_AGENCIES, PEOPLE, REASONS } from './core-vocabulary.js';

const MINUTE = 60_000;

/** What the one-stop desk records on receipt, plus the events that follow (input of `openDossier` + `applyAll`). */
export interface DossierScenario {
  readonly id: string;
  readonly channel: ChannelKind;
  /** Receipt instant, ISO 8601 with the calendar zone's offset. */
  readonly receivedAt: string;
  readonly events: readonly DossierEvent[];
}

/** Options of {@link eventSequenceArb}. */
export interface EventSequenceArbOptions {
  /** `true`: always end with the result returned; `false`: always stop before; default either. */
  readonly complete?: boolean;
  /** Most requests to supplement (Mẫu 02). Default 2. */
  readonly maxSupplementRounds?: number;
  /** Most consultations by `consult` events (each with 1–2 agencies). Default 1. */
  readonly maxConsults?: number;
  /** Draw one new appointment (Mẫu 04, `extend`) sometimes. Default `true`. */
  readonly extend?: boolean;
  /** End an incomplete sequence with `reject` or `withdraw` sometimes. Default `false`. */
  readonly terminations?: boolean;
  /** Largest working minutes between two events. Default 600. */
  readonly maxGapMinutes?: number;
  /** Largest working minutes the applicant takes to supplement. Default 1440 (3 working days). */
  readonly maxWaitMinutes?: number;
  /** Events after which the walk only follows main outcomes to the end. Default 30. */
  readonly maxEvents?: number;
  /** Civil dates between which the receipt falls. Default: 365 days from the later of the calendar's and the process's first day. */
  readonly from?: string;
  readonly to?: string;
  /** Calendar days kept free after the latest receipt for the events and their dues. Default 200. */
  readonly marginDays?: number;
}

type WalkPhase = 'processing' | 'awaitingPayment' | 'awaitingSupplement' | 'consulting' | 'closed' | 'returned';

interface Walk {
  phase: WalkPhase;
  step: Step | null;
  t: number;
  rounds: number;
  consults: number;
  extended: boolean;
  finished: boolean;
  readonly events: DossierEvent[];
  /** Phase after each event (index i: after events[i]). */
  readonly phases: WalkPhase[];
}

/** Reads the random tape; an exhausted tape reads 0, which always means "go on along the main path". */
class Tape {
  private i = 0;
  constructor(private readonly values: readonly number[]) {}
  next(n: number): number {
    const v = this.values[this.i++];
    return v === undefined || n <= 1 ? 0 : v % n;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.next(list.length)]!;
  }
}

interface Context {
  readonly procedure: Procedure;
  readonly process: Process;
  readonly calendar: WorkCalendar;
  readonly opts: EventSequenceArbOptions;
  readonly tape: Tape;
  readonly init: Omit<DossierScenario, 'events'>;
  readonly byKey: ReadonlyMap<string, Step>;
}

const iso = (ms: number, zone: string): string =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) as string;

function person(ctx: Context): string {
  return ctx.tape.pick(PEOPLE);
}

function performerOf(ctx: Context, step: Step): Actor {
  // The runtime checks role and unit against the step performer (TT 01/2018 art. 8).
  return { name: person(ctx), unit: step.performer.unit, role: step.performer.role };
}

/** The next instant, 1..max working minutes after the last event: strictly later in working time. */
function later(ctx: Context, w: Walk, max: number): string {
  w.t = addWorkingTime(ctx.calendar, w.t, { amount: 1 + ctx.tape.next(max), unit: 'workingMinute' }).getTime();
  return iso(w.t, ctx.calendar.zone);
}

function push(w: Walk, event: DossierEvent): void {
  w.events.push(event);
  w.phases.push(w.phase);
}

function enter(ctx: Context, w: Walk, next: string | null, end: 'closed' | 'returned'): void {
  const step = next === null ? undefined : ctx.byKey.get(next);
  w.step = step ?? null;
  w.phase = step ? (step.kind === 'pay' ? 'awaitingPayment' : 'processing') : end;
  // Processing ends on entering the return step or `closed` (REFERENCE.md §3.3).
  if (!step || step.kind === 'return') w.finished = true;
}

function completeStep(ctx: Context, w: Walk, step: Step, gap: number): void {
  const mainOnly = w.events.length >= (ctx.opts.maxEvents ?? 30);
  // A step without outcomes ends the process; one with a single outcome may be completed without naming it.
  const outcome = step.outcomes.length === 0 ? undefined : mainOnly ? step.outcomes[0]! : ctx.tape.pick(step.outcomes);
  const named = outcome !== undefined && (step.outcomes.length > 1 || ctx.tape.next(2) === 0);
  const at = later(ctx, w, gap);
  const by = performerOf(ctx, step);
  enter(ctx, w, outcome?.next ?? null, step.kind === 'return' ? 'returned' : 'closed');
  push(w, { type: 'complete-step', step: step.key, ...(named ? { outcome: outcome.name } : {}), at, by });
}

function supplementRound(ctx: Context, w: Walk, step: Step, gap: number): void {
  w.rounds++;
  w.phase = 'awaitingSupplement';
  const reason = ctx.tape.pick(REASONS.supplement);
  push(w, { type: 'request-supplement', reason, at: later(ctx, w, gap), by: performerOf(ctx, step) });
  // The applicant brings the complete dossier; the process resumes at the step that asked.
  w.phase = 'processing';
  const at = later(ctx, w, ctx.opts.maxWaitMinutes ?? 1440);
  push(w, { type: 'supplement-received', at, by: { name: person(ctx) } });
}

function consultRound(ctx: Context, w: Walk, step: Step, gap: number): void {
  w.consults++;
  const count = 1 + ctx.tape.next(2);
  const first = ctx.tape.next(CONSULTED_AGENCIES.length);
  const agencies = Array.from(
    { length: count },
    (_, k) => CONSULTED_AGENCIES[(first + k) % CONSULTED_AGENCIES.length]!,
  );
  w.phase = 'consulting';
  for (const a of agencies) {
    const budget =
      ctx.tape.next(2) === 0 ? {} : { budget: { amount: 1 + ctx.tape.next(3), unit: 'workingDay' as const } };
    push(w, { type: 'consult', agency: a.unit, ...budget, at: later(ctx, w, gap), by: performerOf(ctx, step) });
  }
  const order = ctx.tape.next(2) === 0 ? agencies : [...agencies].reverse();
  order.forEach((a, k) => {
    // The last answer resumes the step that consulted (ND 61 art. 19(4)–(5)).
    if (k === order.length - 1) w.phase = 'processing';
    push(w, { type: 'consult-returned', agency: a.unit, at: later(ctx, w, gap), by: { unit: a.unit, role: a.role } });
  });
}

function extendOnce(ctx: Context, w: Walk, step: Step, gap: number): void {
  w.extended = true;
  const at = later(ctx, w, gap);
  // The new appointment must be after the lawful due, which the officer reads off the dossier.
  const dossier = applyAll(openDossier(ctx.procedure, ctx.process, ctx.calendar, ctx.init), w.events);
  const extra = { amount: 1 + ctx.tape.next(3), unit: 'workingDay' as const };
  const newDue = addWorkingTime(ctx.calendar, dossier.ledger.legalDue, extra).getTime();
  const apology = ctx.tape.pick(REASONS.apology);
  push(w, { type: 'extend', newDue: iso(newDue, ctx.calendar.zone), apology, at, by: performerOf(ctx, step) });
}

/** One event (or round of events) from the current state. */
function advance(ctx: Context, w: Walk): void {
  const { opts, tape } = ctx;
  const gap = opts.maxGapMinutes ?? 600;
  const step = w.step;
  if (w.phase === 'closed' || !step) {
    const at = later(ctx, w, gap);
    w.phase = 'returned';
    push(w, { type: 'return-result', at, by: { name: person(ctx) } });
    return;
  }
  if (w.phase === 'awaitingPayment') {
    const at = later(ctx, w, gap);
    enter(ctx, w, step.outcomes[0]?.next ?? null, 'closed');
    push(w, { type: 'pay', amount: 50_000, at, by: { name: person(ctx) } });
    return;
  }
  if (step.kind === 'return') {
    const at = later(ctx, w, gap);
    w.phase = 'returned';
    push(w, { type: 'return-result', at, by: performerOf(ctx, step) });
    return;
  }
  const mainOnly = w.events.length >= (opts.maxEvents ?? 30);
  const choice = mainOnly ? 0 : tape.next(12);
  if (choice === 9 && w.rounds < (opts.maxSupplementRounds ?? 2)) supplementRound(ctx, w, step, gap);
  else if (choice === 10 && step.kind !== 'receive' && w.consults < (opts.maxConsults ?? 1)) {
    consultRound(ctx, w, step, gap);
  } else if (choice === 11 && opts.extend !== false && !w.extended && !w.finished) extendOnce(ctx, w, step, gap);
  else completeStep(ctx, w, step, gap);
}

function terminate(ctx: Context, w: Walk, cut: number): DossierEvent[] {
  const events = w.events.slice(0, cut);
  const phase = cut === 0 ? 'processing' : w.phases[cut - 1]!;
  if (!ctx.opts.terminations || phase === 'returned' || ctx.tape.next(2) === 0) return events;
  const last = cut === 0 ? ctx.init.receivedAt : events[cut - 1]!.at;
  const t = addWorkingTime(ctx.calendar, last, { amount: 1 + ctx.tape.next(120), unit: 'workingMinute' }).getTime();
  const at = iso(t, ctx.calendar.zone);
  // A refusal is possible while the dossier is handled (ND 61 art. 19(7)); a withdrawal any time before return.
  if (phase !== 'closed' && ctx.tape.next(2) === 0) {
    return [...events, { type: 'reject', reason: ctx.tape.pick(REASONS.reject), at, by: { name: person(ctx) } }];
  }
  return [...events, { type: 'withdraw', reason: REASONS.withdraw[0], at, by: { name: person(ctx) } }];
}

function walk(ctx: Context, receivedMs: number): DossierEvent[] {
  const machineStart = ctx.process.start ?? ctx.process.steps[0]!.key;
  const first = ctx.byKey.get(machineStart)!;
  const w: Walk = {
    phase: first.kind === 'pay' ? 'awaitingPayment' : 'processing',
    step: first,
    t: receivedMs,
    rounds: 0,
    consults: 0,
    extended: false,
    finished: false,
    events: [],
    phases: [],
  };
  // Bounded: after maxEvents only main outcomes are taken, and the main path is acyclic.
  for (let guard = 0; w.phase !== 'returned' && guard < 1000; guard++) advance(ctx, w);
  const complete = ctx.opts.complete ?? ctx.tape.next(2) === 0;
  if (complete) return w.events;
  return terminate(ctx, w, ctx.tape.next(w.events.length));
}

function receiptRange(process: Process, calendar: WorkCalendar, opts: EventSequenceArbOptions): [number, number] {
  const first = Math.max(dayNumberFromIso(calendar.validFrom), dayNumberFromIso(process.effectiveFrom));
  const from = opts.from ? dayNumberFromIso(opts.from) : first;
  const to = Math.min(
    opts.to ? dayNumberFromIso(opts.to) : from + 365,
    dayNumberFromIso(calendar.validTo) - (opts.marginDays ?? 200),
  );
  if (to < from) {
    throw new RangeError(
      `eventSequenceArb: no room for a receipt between ${isoFromDayNumber(from)} and ${calendar.validTo} minus ${opts.marginDays ?? 200} margin days`,
    );
  }
  return [from, to];
}

/**
 * Event sequences a process accepts, with the receipt they start from. The walk follows the step
 * graph (outcomes, the pay step's `pay`, the return step's `return-result`), uses each step's
 * performer, keeps timestamps strictly increasing in working time on `calendar`, and draws
 * supplementation rounds, consultations of 1–2 agencies, at most one new appointment, and either
 * the full way to the returned result or a prefix (optionally ended by a refusal or withdrawal).
 * The new appointment's date is the lawful due (replayed with `@tthc/core`) plus 1–3 working days.
 * @example
 * fc.assert(fc.property(eventSequenceArb(procedure, process, cal), (s) => {
 *   const d = applyAll(openDossier(procedure, process, cal, s), s.events);
 *   expect(d.events).toHaveLength(s.events.length);
 * }));
 */
export function eventSequenceArb(
  procedure: Procedure,
  process: Process,
  calendar: WorkCalendar,
  opts: EventSequenceArbOptions = {},
): fc.Arbitrary<DossierScenario> {
  const [from, to] = receiptRange(process, calendar, opts);
  const startMs = DateTime.fromISO(isoFromDayNumber(from), { zone: calendar.zone }).toMillis();
  const endMs = DateTime.fromISO(isoFromDayNumber(to), { zone: calendar.zone }).toMillis();
  const served = procedure.channels
    .map((c) => c.channel)
    .filter((c) => !process.channels || process.channels.includes(c));
  const byKey = new Map(process.steps.map((s) => [s.key, s]));
  const tapeLength = 4 * (opts.maxEvents ?? 30) + 40;
  return fc
    .record({
      minute: fc.integer({ min: 0, max: Math.floor((endMs - startMs) / MINUTE) }),
      inHours: fc.boolean(),
      channel: fc.constantFrom(...served),
      serial: fc.integer({ min: 1, max: 9999 }),
      // A fixed length: shrinking moves values to 0, the main path with the shortest gaps.
      tape: fc.array(fc.nat(), { minLength: tapeLength, maxLength: tapeLength }),
    })
    .map((r) => {
      const raw = startMs + r.minute * MINUTE;
      // Most dossiers are received at the desk in office hours; online ones arrive at any time.
      const receivedMs = r.inHours ? nextWorkingInstant(calendar, raw).getTime() : raw;
      const receivedAt = iso(receivedMs, calendar.zone);
      const day = receivedAt.slice(2, 10).replaceAll('-', '');
      const init = {
        id: `${procedure.code.slice(-3)}-${day}-${String(r.serial).padStart(4, '0')}`,
        channel: r.channel,
        receivedAt,
      };
      const ctx: Context = { procedure, process, calendar, opts, tape: new Tape(r.tape), init, byKey };
      return { ...init, events: walk(ctx, receivedMs) };
    });
}
