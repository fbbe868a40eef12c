/**
 * fast-check arbitrary for durations (thời hạn): canonical values that survive
 * `parseDuration(formatDuration(d))` unchanged.
 */
import type { Duration, DurationUnit } from '@tthc/calendar';
import fc from 'fast-check';

/** Largest amount per unit that {@link durationArb} generates by default. */
export const DEFAULT_DURATION_MAX: Readonly<Record<Exclude<DurationUnit, 'sameDay'>, number>> = {
  workingMinute: 480,
  workingHour: 8,
  workingDay: 3,
  calendarDay: 30,
  calendarMonth: 12,
};

/** Options of {@link durationArb}. */
export interface DurationArbOptions {
  /** Units to draw. Default the five day-and-time units (`calendarMonth` only when listed). */
  readonly units?: readonly DurationUnit[];
  /** Largest amount per unit. Default {@link DEFAULT_DURATION_MAX}. */
  readonly max?: Partial<Record<Exclude<DurationUnit, 'sameDay'>, number>>;
  /** Quarter hours and quarter days (`0,25 ngày`) besides whole ones. Default `true`. */
  readonly fractional?: boolean;
  /** Also draw the not-counted step `{ amount: 0, unit: 'workingMinute', notCounted: true }`. Default `false`. */
  readonly notCounted?: boolean;
}

const DEFAULT_UNITS: readonly DurationUnit[] = ['workingMinute', 'workingHour', 'workingDay', 'calendarDay', 'sameDay'];

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Canonical durations (what `parseDuration` returns, so `parseDuration(formatDuration(d))` equals `d`):
 * whole minutes, quarter hours and days, whole calendar days, `sameDay` with amount 0 and an optional
 * cut-off on a 15-minute grid.
 * @example
 * fc.property(durationArb({ units: ['workingHour', 'workingDay'] }), (d) => d.amount >= 0)
 */
export function durationArb(opts: DurationArbOptions = {}): fc.Arbitrary<Duration> {
  const max = { ...DEFAULT_DURATION_MAX, ...opts.max };
  const step = opts.fractional === false ? 1 : 4;
  const scaled = (unit: 'workingHour' | 'workingDay') =>
    fc.integer({ min: 0, max: Math.floor(max[unit] * step) }).map((k): Duration => ({ amount: k / step, unit }));
  const byUnit: Record<DurationUnit, fc.Arbitrary<Duration>> = {
    workingMinute: fc.integer({ min: 0, max: max.workingMinute }).map((amount) => ({ amount, unit: 'workingMinute' })),
    workingHour: scaled('workingHour'),
    workingDay: scaled('workingDay'),
    calendarDay: fc.integer({ min: 0, max: max.calendarDay }).map((amount) => ({ amount, unit: 'calendarDay' })),
    calendarMonth: fc.integer({ min: 0, max: max.calendarMonth }).map((amount) => ({ amount, unit: 'calendarMonth' })),
    sameDay: fc
      .option(fc.integer({ min: 0, max: 95 }), { nil: undefined })
      .map(
        (q): Duration =>
          q === undefined ? { amount: 0, unit: 'sameDay' } : { amount: 0, unit: 'sameDay', cutoff: timeOf(q * 15) },
      ),
  };
  // Months ("06 tháng") only when asked: the five day-and-time units stay the default draw.
  const arbs = (opts.units ?? DEFAULT_UNITS).map((unit) => byUnit[unit]);
  if (opts.notCounted) arbs.push(fc.constant<Duration>({ amount: 0, unit: 'workingMinute', notCounted: true }));
  return fc.oneof(...arbs);
}
