/**
 * fast-check arbitraries for simulation scenarios of a process, as `parseScenario` and `simulate`
 * of `@tthc/sim` accept them: arrivals, per-step durations and outcome probabilities, staff per
 * unit, supplementation. Plain JSON shapes only (no dependency on `@tthc/sim`): the types mirror
 * its `ScenarioInput` and `Distribution`, so a generated scenario can be passed to `simulate` as is.
 */
import { dayNumberFromIso, isoFromDayNumber } from '@tthc/calendar';
import type { Process } from '@tthc/core';
import fc from 'fast-check';

/** Unit of a sampled duration (`TimeUnit` of `@tthc/sim`). */
export type ScenarioTimeUnit = 'workingMinute' | 'workingHour' | 'workingDay';

/** A distribution of a scenario (`Distribution` of `@tthc/sim`), in the JSON form. */
export type DistributionJson =
  | { readonly type: 'fixed'; readonly value: number; readonly unit?: ScenarioTimeUnit }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number; readonly unit?: ScenarioTimeUnit }
  | {
      readonly type: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
      readonly unit?: ScenarioTimeUnit;
    }
  | { readonly type: 'lognormal'; readonly mean: number; readonly sd: number; readonly unit?: ScenarioTimeUnit }
  | { readonly type: 'lognormal'; readonly mu: number; readonly sigma: number; readonly unit?: ScenarioTimeUnit }
  | { readonly type: 'exponential'; readonly mean: number; readonly unit?: ScenarioTimeUnit }
  | { readonly type: 'poisson'; readonly lambda: number; readonly unit?: ScenarioTimeUnit }
  | {
      readonly type: 'empirical';
      readonly values: number[];
      readonly weights?: number[];
      readonly unit?: ScenarioTimeUnit;
    };

/** The kinds of distribution. */
export type DistributionKind = DistributionJson['type'];

/** Every distribution kind, in the order of the scenario documentation. */
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  'fixed',
  'uniform',
  'triangular',
  'lognormal',
  'exponential',
  'poisson',
  'empirical',
];

/** Weekday keys of an arrival profile. */
export type WeekdayName = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

const WEEKDAYS: readonly WeekdayName[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A simulation scenario (`ScenarioInput` of `@tthc/sim`) as generated: a start date and horizon always. */
export interface ScenarioJson {
  readonly start: string;
  readonly horizon: number;
  readonly arrivals:
    | { readonly perWorkingDay: number }
    | { readonly profile: Readonly<Partial<Record<WeekdayName, number>>> };
  readonly steps: Readonly<
    Record<string, { readonly duration: DistributionJson; readonly outcomes?: Readonly<Record<string, number>> }>
  >;
  readonly staff: Readonly<Record<string, number>>;
  readonly supplementation?: {
    readonly probability: number;
    readonly citizenDelay: DistributionJson;
    readonly atStep?: string;
    readonly maxRounds?: number;
  };
}

/** Options of {@link distributionArb}. */
export interface DistributionArbOptions {
  /** Kinds to draw from. Default all of {@link DISTRIBUTION_KINDS}. */
  readonly kinds?: readonly DistributionKind[];
  /** The `unit` written on the distribution: one unit, `omit` (the field's default), or `any` (default). */
  readonly unit?: ScenarioTimeUnit | 'omit' | 'any';
  /** Unit the field reads when `unit` is omitted, for the scale. Default `workingMinute`. */
  readonly defaultUnit?: ScenarioTimeUnit;
  /** Largest typical value (mean, mode, value) in working minutes. Default 120. */
  readonly maxMinutes?: number;
}

const MINUTES: Readonly<Record<ScenarioTimeUnit, number>> = { workingMinute: 1, workingHour: 60, workingDay: 480 };

/** `minutes` in `unit`, rounded to 4 decimals so the JSON stays readable. */
function inUnit(minutes: number, unit: ScenarioTimeUnit): number {
  return Math.round((minutes / MINUTES[unit]) * 1e4) / 1e4;
}

/**
 * Distributions of durations in the scenario's JSON form, one of each kind: `fixed`, `uniform`,
 * `triangular`, `lognormal` by `{ mean, sd }` or `{ mu, sigma }`, `exponential`, `poisson`,
 * `empirical` with or without weights; sometimes with a `unit`. Typical values from 1 minute to
 * `maxMinutes`, written in the distribution's unit. Always accepted by `DistributionSchema`.
 * @example
 * fc.assert(fc.property(distributionArb(), (d) => { expect(DistributionSchema.safeParse(d).success).toBe(true); }));
 */
export function distributionArb(opts: DistributionArbOptions = {}): fc.Arbitrary<DistributionJson> {
  const kinds = opts.kinds?.length ? opts.kinds : DISTRIBUTION_KINDS;
  const max = Math.max(1, opts.maxMinutes ?? 120);
  const units: readonly (ScenarioTimeUnit | undefined)[] =
    opts.unit === 'omit'
      ? [undefined]
      : opts.unit === undefined || opts.unit === 'any'
        ? [undefined, 'workingMinute', 'workingHour', 'workingDay']
        : [opts.unit];
  const minutes = fc.integer({ min: 1, max });
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      unit: fc.constantFrom(...units),
      a: minutes,
      b: fc.integer({ min: 0, max }),
      c: fc.integer({ min: 0, max }),
      sigma: fc.integer({ min: 0, max: 100 }),
      values: fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 5 }),
      weights: fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }), { nil: undefined }),
    })
    .map((r): DistributionJson => {
      const u = r.unit ?? opts.defaultUnit ?? 'workingMinute';
      const v = (m: number) => inUnit(m, u);
      const unit = r.unit === undefined ? {} : { unit: r.unit };
      const a = Math.max(v(r.a), 1e-4);
      switch (r.kind) {
        case 'fixed':
          return { type: 'fixed', value: v(r.a), ...unit };
        case 'uniform':
          return { type: 'uniform', min: v(r.b), max: v(r.b + r.a), ...unit };
        case 'triangular':
          return { type: 'triangular', min: v(r.b), mode: v(r.b + r.a), max: v(r.b + r.a + r.c), ...unit };
        case 'lognormal':
          // Both parametrisations: the moments, or the underlying normal's (mu = ln of a typical value).
          return r.sigma % 2 === 0
            ? { type: 'lognormal', mean: a, sd: v(Math.min(r.c, 2 * r.a)), ...unit }
            : { type: 'lognormal', mu: Math.round(Math.log(a) * 1e4) / 1e4, sigma: r.sigma / 100, ...unit };
        case 'exponential':
          return { type: 'exponential', mean: a, ...unit };
        case 'poisson':
          return { type: 'poisson', lambda: v(r.a), ...unit };
        default: {
          // 'empirical', the last kind
          const values = r.values.map(v);
          if (!r.weights) return { type: 'empirical', values, ...unit };
          const weights = values.map((_, k) => r.weights![k]!);
          // The schema wants weights that do not all vanish.
          if (!weights.some((w) => w > 0)) weights[0] = 1;
          return { type: 'empirical', values, weights, ...unit };
        }
      }
    });
}

/** Options of {@link scenarioArb}. */
export interface ScenarioArbOptions {
  /** `perWorkingDay` (Poisson rate), `profile` (rate per weekday) or `any` (default). */
  readonly arrivals?: 'perWorkingDay' | 'profile' | 'any';
  /** Largest mean receipts per working day (the smallest is 0.5). Default 10. */
  readonly maxPerWorkingDay?: number;
  /** Working days of arrivals. Default 3–15. */
  readonly horizon?: { readonly min: number; readonly max: number };
  /** Range of the start date (civil dates). Default 2025-01-02 – 2025-12-15. */
  readonly start?: { readonly from: string; readonly to: string };
  /** Officers per unit. Default 1–3. */
  readonly staff?: { readonly min: number; readonly max: number };
  /** Step durations (`unit` omitted means working minutes). Default: all kinds, up to 120 minutes. */
  readonly durations?: DistributionArbOptions;
  /** Smallest probability of a step's first outcome (the main path, so loops end). Default 0.5. */
  readonly mainOutcome?: number;
  /** A supplementation part: `true` always, `false` never, default sometimes. */
  readonly supplementation?: boolean;
  /** Largest supplementation probability. Default 0.5. */
  readonly maxSupplementProbability?: number;
  /** Largest typical citizen delay, in working days. Default 3. */
  readonly maxCitizenDelayDays?: number;
}

/** Splits `total` hundredths among `n` parts by integer `weights` (the parts add up to `total`). */
function splitHundredths(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

function outcomesArb(step: Process['steps'][number], main: number): fc.Arbitrary<Record<string, number> | undefined> {
  const names = step.outcomes.map((o) => o.name);
  if (names.length === 0) return fc.constant(undefined);
  if (names.length === 1) return fc.constantFrom(undefined, { [names[0]!]: 1 });
  return fc
    .record({
      first: fc.integer({ min: Math.ceil(main * 100), max: 100 }),
      weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: names.length - 1, maxLength: names.length - 1 }),
    })
    .map(({ first, weights }) => {
      const rest = splitHundredths(100 - first, weights);
      // Probabilities in hundredths: they add up to 1 within rounding, as the schema requires (1e-9).
      return Object.fromEntries(names.map((n, k) => [n, (k === 0 ? first : rest[k - 1]!) / 100]));
    });
}

/**
 * Simulation scenarios for a process, valid for `parseScenario` and fitting the process for
 * `simulate`: a start date and a horizon; arrivals as a Poisson rate per working day or a profile of
 * rates per weekday (at least one weekday); a duration distribution for EVERY step (any kind, see
 * {@link distributionArb}); outcome probabilities over the step's own outcome names, adding up to 1,
 * the first (main) outcome at least `mainOutcome`; staff for every performer unit of the process and
 * no other; sometimes a supplementation part (probability, citizen delay in working days, sometimes
 * the step that asks and the number of rounds).
 * @example
 * const arb = procedureWithProcessArb().chain(({ procedure, process }) =>
 *   scenarioArb(process).map((scenario) => ({ procedure, process, scenario })));
 * fc.assert(fc.property(arb, ({ procedure, process, scenario }) => {
 *   expect(simulate(procedure, process, vietnamCalendar(), scenario, { seed: 1 }).dossiers.arrived).toBeGreaterThanOrEqual(0);
 * }), { numRuns: 20 });
 */
export function scenarioArb(process: Process, opts: ScenarioArbOptions = {}): fc.Arbitrary<ScenarioJson> {
  const units = [...new Set(process.steps.map((s) => s.performer.unit.normalize('NFC')))];
  const horizon = opts.horizon ?? { min: 3, max: 15 };
  const startRange = opts.start ?? { from: '2025-01-02', to: '2025-12-15' };
  const staff = opts.staff ?? { min: 1, max: 3 };
  const maxRate = Math.max(0.5, opts.maxPerWorkingDay ?? 10);
  const rate = fc.integer({ min: 5, max: Math.round(maxRate * 10) }).map((n) => n / 10);
  const mode = opts.arrivals ?? 'any';
  const perDay = rate.map((perWorkingDay) => ({ perWorkingDay }));
  const profile = fc
    .tuple(fc.subarray([...WEEKDAYS], { minLength: 1 }), fc.array(rate, { minLength: 7, maxLength: 7 }))
    .map(([days, rates]) => ({ profile: Object.fromEntries(days.map((d, k) => [d, rates[k]!])) }));
  const arrivals = mode === 'perWorkingDay' ? perDay : mode === 'profile' ? profile : fc.oneof(perDay, profile);
  const main = Math.min(1, Math.max(0, opts.mainOutcome ?? 0.5));
  const steps = fc.record(
    Object.fromEntries(
      process.steps.map((s) => [
        s.key,
        fc
          .record({ duration: distributionArb(opts.durations), outcomes: outcomesArb(s, main) })
          .map(({ duration, outcomes }) => (outcomes ? { duration, outcomes } : { duration })),
      ]),
    ),
  );
  const supplementation = fc.record({
    probability: fc
      .integer({ min: 0, max: Math.round(100 * (opts.maxSupplementProbability ?? 0.5)) })
      .map((n) => n / 100),
    citizenDelay: distributionArb({
      unit: 'omit',
      defaultUnit: 'workingDay',
      maxMinutes: 480 * Math.max(0.01, opts.maxCitizenDelayDays ?? 3),
    }),
    // A request to supplement comes while the agency processes the dossier, never at a `pay` step
    // (the applicant's act; the machine has no such transition there).
    atStep: fc.option(fc.constantFrom(...process.steps.filter((s) => s.kind !== 'pay').map((s) => s.key)), {
      nil: undefined,
    }),
    maxRounds: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  });
  const withSupplement = opts.supplementation === undefined ? fc.boolean() : fc.constant(opts.supplementation);
  return fc
    .record({
      day: fc.integer({ min: dayNumberFromIso(startRange.from), max: dayNumberFromIso(startRange.to) }),
      horizon: fc.integer({ min: Math.max(1, horizon.min), max: Math.max(1, horizon.min, horizon.max) }),
      arrivals,
      steps,
      staff: fc.array(fc.integer({ min: Math.max(1, staff.min), max: Math.max(1, staff.min, staff.max) }), {
        minLength: units.length,
        maxLength: units.length,
      }),
      supplement: withSupplement,
      supplementation,
    })
    .map((r): ScenarioJson => {
      const supplement = {
        probability: r.supplementation.probability,
        citizenDelay: r.supplementation.citizenDelay,
        ...(r.supplementation.atStep !== undefined ? { atStep: r.supplementation.atStep } : {}),
        ...(r.supplementation.maxRounds !== undefined ? { maxRounds: r.supplementation.maxRounds } : {}),
      };
      return {
        start: isoFromDayNumber(r.day),
        horizon: r.horizon,
        arrivals: r.arrivals,
        steps: r.steps,
        staff: Object.fromEntries(units.map((u, k) => [u, r.staff[k]!])),
        ...(r.supplement ? { supplementation: supplement } : {}),
      };
    });
}
