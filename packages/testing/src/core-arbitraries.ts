/**
 * fast-check arbitraries for `@tthc/core` documents: procedures (catalogue facts) and processes
 * (quy trình nội bộ) that are valid BY CONSTRUCTION — they always pass `parseProcedure` /
 * `parseProcess` and `lintProcess` without errors. Event sequences: `core-event-arbitrary.ts`.
 */
import { type CountingRule, dayNumberFromIso, isoFromDayNumber } from '@tthc/calendar';
import {
  type ChannelKind,
  type Outcome,
  type Procedure,
  type ProcedureInput,
  type Process,
  type ProcessInput,
  parseProcedure,
  parseProcess,
  type SupplementationPolicy,
} from '@tthc/core';
import fc from 'fast-check';
import {
  AGENCY_NAMES,
  CONSULTED_AGENCIES,
  DESK_PERFORMERS,
  MIDDLE_KINDS,
  PERFORMERS_BY_KIND,
  PROCEDURE_TITLES,
  PROVINCE_SUFFIXES,
  STEP_NAMES,
} from './core-vocabulary.js';

export {
  type DossierScenario,
  type EventSequenceArbOptions,
  eventSequenceArb,
} from './core-event-arbitrary.js';

type Duration = NonNullable<Procedure['channels'][number]['timeLimit']>;
type RawStep = ProcessInput['steps'][number];

/** The three supplementation policies (ND 61 art. 19(3) as amended by ND 107/2021; legacy modes). */
export type SupplementationPolicyName = SupplementationPolicy['policy'];

const ALL_CHANNELS: readonly ChannelKind[] = ['direct', 'online', 'postal'];
/** Budgets are drawn on a quarter-hour grid, as process decisions write them ("0,25 ngày", "2 giờ"). */
const GRID = 15;

/** Options of {@link procedureArb}. */
export interface ProcedureArbOptions {
  /** Channels to draw a non-empty subset from. Default direct, online, postal. */
  readonly channels?: readonly ChannelKind[];
  /** Largest limit in working days (the smallest is 1). Default 20. */
  readonly maxWorkingDays?: number;
  /** Also draw same-day limits (with a cut-off, REFERENCE.md §1.2). Default `true`. */
  readonly sameDay?: boolean;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function limitArb(opts: ProcedureArbOptions): fc.Arbitrary<Duration> {
  const days = fc
    .integer({ min: 1, max: Math.max(1, opts.maxWorkingDays ?? 20) })
    .map((amount): Duration => ({ amount, unit: 'workingDay' }));
  if (opts.sameDay === false) return days;
  // Same-day procedures (certification, civil status) carry a cut-off: ND 23/2015 art. 7.
  const sameDay = fc
    .constantFrom('11:00', '15:00', '16:00')
    .map((cutoff): Duration => ({ amount: 0, unit: 'sameDay', cutoff }));
  return fc.oneof({ arbitrary: days, weight: 4 }, { arbitrary: sameDay, weight: 1 });
}

/**
 * Procedures (TTHC) as the national catalogue announces them: codes like `1.00xxxx.000.00.00.H56`,
 * Vietnamese names and fields, 1–3 channels whose limits are 1–20 working days (online sometimes a
 * day shorter) or same day with a cut-off. Always valid for `parseProcedure` (already parsed).
 * @example
 * fc.assert(fc.property(procedureArb(), (p) => { expect(p.channels.length).toBeGreaterThan(0); }));
 */
export function procedureArb(opts: ProcedureArbOptions = {}): fc.Arbitrary<Procedure> {
  const channels = opts.channels?.length ? opts.channels : ALL_CHANNELS;
  return fc
    .record({
      first: fc.constantFrom(1, 2),
      serial: fc.integer({ min: 0, max: 9999 }),
      province: fc.constantFrom(...PROVINCE_SUFFIXES),
      title: fc.constantFrom(...PROCEDURE_TITLES),
      agency: fc.constantFrom(...AGENCY_NAMES),
      kinds: fc.subarray([...channels], { minLength: 1 }),
      limit: limitArb(opts),
      onlineShorter: fc.boolean(),
      fee: fc.constantFrom(0, 8_000, 50_000, 100_000),
    })
    .map((r) => {
      const input: ProcedureInput = {
        code: `${r.first}.00${pad(r.serial, 4)}.000.00.00.${r.province}`,
        name: r.title.name,
        field: { name: r.title.field },
        levels: [r.title.level],
        agencies: [{ name: r.agency, role: 'implementing' }],
        channels: r.kinds.map((channel) => {
          // Online channels are sometimes promised a day sooner than the desk (a real catalogue habit).
          const shorter =
            channel === 'online' && r.onlineShorter && r.limit.unit === 'workingDay' && r.limit.amount > 1;
          const timeLimit = shorter ? { ...r.limit, amount: r.limit.amount - 1 } : r.limit;
          return { channel, timeLimit, fees: [{ name: 'Lệ phí', amount: r.fee }] };
        }),
        components: [{ name: 'Tờ khai theo mẫu', form: 'Mẫu 01' }],
        legalBases: [{ number: '61/2018/NĐ-CP', effectiveFrom: '2018-06-21' }],
      };
      return parseProcedure(input);
    });
}

/** Options of {@link processArb}. */
export interface ProcessArbOptions {
  /** Supplementation policies to draw from. Default restart, pause, extend. */
  readonly policies?: readonly SupplementationPolicyName[];
  /** Counting rules to draw from. Default working-time and civil-code. */
  readonly countingRules?: readonly CountingRule[];
  /** Most middle steps between receipt and return (1–6). Default 6. */
  readonly maxMiddleSteps?: number;
  /** A consult branch (lấy ý kiến): `true` always, `false` never, default sometimes. */
  readonly consult?: boolean;
  /** A pay branch (nghĩa vụ tài chính) before the return: `true`, `false`, default sometimes. */
  readonly pay?: boolean;
  /** A "not approved → back to review" loop: `true` (when there are 2+ middle steps), `false`, default sometimes. */
  readonly loop?: boolean;
  /** Minutes of a working day used to turn working-day limits into minutes. Default 480 (8 h). */
  readonly workingDayMinutes?: number;
  /** Working minutes a same-day limit is worth for the budgets. Default 240 (a half day, so any cut-off fits). */
  readonly sameDayMinutes?: number;
  /** Range of `effectiveFrom` (civil dates). Default 2025-01-01 to 2026-06-30. */
  readonly effectiveFrom?: { readonly from: string; readonly to: string };
}

/** Working minutes of a limit, as budgets must respect it. */
function limitMinutes(limit: Duration, opts: ProcessArbOptions): number {
  if (limit.unit === 'workingDay') return limit.amount * (opts.workingDayMinutes ?? 480);
  if (limit.unit === 'workingHour') return limit.amount * 60;
  if (limit.unit === 'workingMinute') return limit.amount;
  return opts.sameDayMinutes ?? 240;
}

/** Splits `total` grid units among `weights`: one unit each, the rest in proportion (sum ≤ total). */
function share(total: number, weights: readonly number[]): number[] {
  const rest = Math.max(0, total - weights.length);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => 1 + Math.floor((rest * w) / sum));
}

function budgetOf(minutes: number, inDays: boolean, dayMinutes: number): Duration {
  if (inDays && minutes % dayMinutes === 0) return { amount: minutes / dayMinutes, unit: 'workingDay' };
  // Whole hours as "giờ", other quarter hours as minutes: both forms occur in process decisions.
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'workingHour' };
  return { amount: minutes, unit: 'workingMinute' };
}

const NOT_COUNTED: Duration = { amount: 0, unit: 'workingMinute', notCounted: true };

/** The random choices behind one process. */
interface ProcessPlan {
  readonly kinds: readonly (typeof MIDDLE_KINDS)[number][];
  readonly picks: readonly number[];
  readonly weights: readonly number[];
  readonly fill: number;
  readonly inDays: boolean;
  readonly consultAt: number | null;
  readonly payBranch: boolean;
  readonly loop: { readonly from: number; readonly to: number } | null;
  readonly policy: SupplementationPolicyName;
  readonly rule: CountingRule;
  readonly served: readonly ChannelKind[] | undefined;
  readonly effectiveDay: number;
  readonly agency: string;
  readonly version: number;
}

const pickOf = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function optionalArb(flag: boolean | undefined): fc.Arbitrary<boolean> {
  return flag === undefined ? fc.boolean() : fc.constant(flag);
}

function planArb(procedure: Procedure, opts: ProcessArbOptions): fc.Arbitrary<ProcessPlan> {
  const maxMiddle = Math.min(6, Math.max(1, opts.maxMiddleSteps ?? 6));
  const range = opts.effectiveFrom ?? { from: '2025-01-01', to: '2026-06-30' };
  const channels = procedure.channels.map((c) => c.channel);
  return fc
    .record({
      kinds: fc.array(fc.constantFrom(...MIDDLE_KINDS), { minLength: 1, maxLength: maxMiddle }),
      picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      weights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 8, maxLength: 8 }),
      fill: fc.integer({ min: 50, max: 100 }),
      inDays: fc.boolean(),
      consult: optionalArb(opts.consult),
      payBranch: optionalArb(opts.pay),
      loop: optionalArb(opts.loop),
      loopPick: fc.tuple(fc.nat(), fc.nat()),
      policy: fc.constantFrom(...(opts.policies ?? (['restart', 'pause', 'extend'] as const))),
      rule: fc.constantFrom(...(opts.countingRules ?? (['working-time', 'civil-code'] as const))),
      served: fc.option(fc.subarray(channels, { minLength: 1 }), { nil: undefined }),
      effectiveDay: fc.integer({ min: dayNumberFromIso(range.from), max: dayNumberFromIso(range.to) }),
      agency: fc.constantFrom(...AGENCY_NAMES),
      version: fc.integer({ min: 1, max: 9 }),
    })
    .map((r) => {
      const k = r.kinds.length;
      const [a, b] = r.loopPick;
      // "Not approved → back to review": a later middle step sends the dossier back to an earlier one.
      const from = k >= 2 ? 1 + (a % (k - 1)) : 0;
      return {
        ...r,
        consultAt: r.consult ? r.picks[7]! % k : null,
        loop: r.loop && k >= 2 ? { from, to: b % from } : null,
      };
    });
}

function middleKey(kind: string, i: number): string {
  // Keys with a dot exercise the machine's state-name encoding (`review.1` → `review:1`).
  return `${kind}.${i + 1}`;
}

function middleSteps(plan: ProcessPlan, budgets: readonly Duration[]): RawStep[] {
  const keys = plan.kinds.map(middleKey);
  const k = keys.length;
  return plan.kinds.map((kind, i) => {
    const next = i + 1 < k ? keys[i + 1]! : 'return';
    const isLoop = plan.loop?.from === i;
    const outcomes: Outcome[] = [{ name: isLoop ? 'approved' : 'done', next }];
    if (isLoop) outcomes.push({ name: 'not-approved', next: keys[plan.loop!.to]!, label: 'Không phê duyệt' });
    if (plan.consultAt === i) outcomes.push({ name: 'needs-opinion', next: 'consult' });
    if (plan.payBranch && i === k - 1) outcomes.push({ name: 'needs-payment', next: 'fee' });
    return {
      key: keys[i]!,
      name: STEP_NAMES[kind],
      kind,
      performer: pickOf(PERFORMERS_BY_KIND[kind]!, plan.picks[i]!),
      budget: budgets[i + 1]!,
      outcomes,
    };
  });
}

function buildProcess(procedure: Procedure, plan: ProcessPlan, opts: ProcessArbOptions): Process {
  const served = plan.served ?? procedure.channels.map((c) => c.channel);
  // Budgets add up to at most the shortest limit of the channels served (lint budget-exceeds-limit):
  // every counted step is on some path, so no path can exceed it.
  const limit = Math.min(
    ...procedure.channels
      .filter((c) => served.includes(c.channel))
      .flatMap((c) => (c.timeLimit ? [limitMinutes(c.timeLimit, opts)] : [])),
  );
  const counted = 1 + plan.kinds.length + (plan.consultAt === null ? 0 : 1);
  const units = share(Math.floor((limit * plan.fill) / 100 / GRID), plan.weights.slice(0, counted));
  const dayMinutes = opts.workingDayMinutes ?? 480;
  const budgets = units.map((u) => budgetOf(u * GRID, plan.inDays, dayMinutes));
  const keys = plan.kinds.map(middleKey);
  const steps: RawStep[] = [
    {
      key: 'receive',
      name: STEP_NAMES.receive,
      kind: 'receive',
      performer: pickOf(DESK_PERFORMERS.receive, plan.picks[6]!),
      budget: budgets[0]!,
      outcomes: [{ name: 'done', next: keys[0]! }],
    },
    ...middleSteps(plan, budgets),
  ];
  if (plan.consultAt !== null) {
    const agency = pickOf(CONSULTED_AGENCIES, plan.picks[7]!);
    steps.push({
      key: 'consult',
      name: `${STEP_NAMES.consult}: ${agency.unit}`,
      kind: 'consult',
      performer: agency,
      budget: budgets[counted - 1]!,
      outcomes: [{ name: 'done', next: keys[plan.consultAt + 1] ?? 'return' }],
    });
  }
  if (plan.payBranch) {
    steps.push({
      key: 'fee',
      name: STEP_NAMES.pay,
      kind: 'pay',
      performer: DESK_PERFORMERS.receive[0],
      // Waiting for the applicant to pay is not the agency's time.
      budget: NOT_COUNTED,
      outcomes: [{ name: 'paid', next: 'return' }],
    });
  }
  steps.push({
    key: 'return',
    name: STEP_NAMES.return,
    kind: 'return',
    performer: pickOf(DESK_PERFORMERS.return, plan.picks[6]!),
    // Returning the result is not part of processing (REFERENCE.md §3.3).
    budget: NOT_COUNTED,
  });
  const effectiveFrom = isoFromDayNumber(plan.effectiveDay);
  const input: ProcessInput = {
    procedureCode: procedure.code,
    name: `Quy trình nội bộ: ${procedure.name}`,
    agency: { name: plan.agency },
    version: `${effectiveFrom.slice(0, 4)}.${plan.version}`,
    effectiveFrom,
    ...(plan.served ? { channels: [...plan.served] } : {}),
    countingRule: plan.rule,
    supplementation: { policy: plan.policy, requestWithin: { amount: 3, unit: 'workingDay' } },
    forms: [{ code: 'Mẫu 01', name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }],
    steps,
  };
  return parseProcess(input);
}

/**
 * Processes (quy trình nội bộ) for a procedure: receive → 1–6 middle steps → return, with an
 * optional consult branch, an optional pay branch before the return and an optional "not approved →
 * back to review" loop; budgets on a quarter-hour grid adding up to at most the shortest limit of
 * the channels served; performers from a realistic unit/role list; supplementation `restart`,
 * `pause` or `extend`. Always valid for `parseProcess` (already parsed) and lint-clean (no errors).
 * @example
 * const arb = procedureArb().chain((p) => processArb(p).map((q) => ({ procedure: p, process: q })));
 */
export function processArb(procedure: Procedure, opts: ProcessArbOptions = {}): fc.Arbitrary<Process> {
  return planArb(procedure, opts).map((plan) => buildProcess(procedure, plan, opts));
}

/** Options of {@link procedureWithProcessArb}. */
export interface ProcedureWithProcessArbOptions {
  readonly procedure?: ProcedureArbOptions;
  readonly process?: ProcessArbOptions;
}

/**
 * A procedure and one process implementing it.
 * @example
 * fc.assert(fc.property(procedureWithProcessArb(), ({ procedure, process }) => {
 *   expect(isLintClean(lintProcess(procedure, process))).toBe(true);
 * }));
 */
export function procedureWithProcessArb(
  opts: ProcedureWithProcessArbOptions = {},
): fc.Arbitrary<{ readonly procedure: Procedure; readonly process: Process }> {
  return procedureArb(opts.procedure).chain((procedure) =>
    processArb(procedure, opts.process).map((process) => ({ procedure, process })),
  );
}
