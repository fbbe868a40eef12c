/**
 * Receipts of dossiers on the working axis: a Poisson process per working day (a rate per working
 * day, or per weekday), or the receipt instants of a log. Generated lazily, day by day, from their
 * own random stream, so arrivals do not change when staff or step times change.
 */
import { CalendarError, toEpochMs } from '@tthc/calendar';
import { poisson } from './distributions.js';
import type { Random } from './random.js';
import type { Scenario } from './scenario.js';
import type { WorkingAxis } from './working-axis.js';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Limits of the arrival stream. */
export interface ArrivalLimits {
  /** Working days of arrivals from the origin. */
  readonly horizonDays?: number;
  /** Stop after this many dossiers. */
  readonly maxDossiers?: number;
  /** Minutes of a standard working day (the rate is per standard day). Default 480. */
  readonly workingDayMinutes?: number;
}

/**
 * Receipt instants of a log, sorted, as epoch ms.
 * @throws {CalendarError} `INVALID_INSTANT` naming `scenario.arrivals.times[i]`.
 * @example receiptTimes(['2025-07-01T09:00:00+07:00']) // Float64Array [1751335200000]
 */
export function receiptTimes(times: readonly string[]): Float64Array {
  return Float64Array.from(times, (t, i) => toEpochMs(t, `scenario.arrivals.times[${i}]`)).sort();
}

/** Mean receipts on each ISO weekday (index 1–7) for one standard working day. */
function weekdayRates(arrivals: Scenario['arrivals']): Float64Array {
  const rates = new Float64Array(8);
  if (arrivals.perWorkingDay !== undefined) return rates.fill(arrivals.perWorkingDay);
  const profile = arrivals.profile!;
  const given = WEEKDAY_KEYS.map((k) => profile[k]).filter((v): v is number => v !== undefined);
  const mean = given.reduce((a, b) => a + b, 0) / given.length;
  // A weekday the profile leaves out (e.g. a make-up Saturday) gets the mean of the others.
  WEEKDAY_KEYS.forEach((k, i) => {
    rates[i + 1] = profile[k] ?? mean;
  });
  return rates;
}

/**
 * The stream of receipts, earliest first.
 * @example
 * const stream = new ArrivalStream(axis, scenario.arrivals, new Random(1), { horizonDays: 64 });
 * stream.next() // axis minute of the first receipt, NaN when there are no more
 */
export class ArrivalStream {
  private readonly rates: Float64Array | null;
  private readonly times: Float64Array | null;
  private buffer = new Float64Array(64);
  private buffered = 0;
  private cursor = 0;
  private day = -1;
  private emitted = 0;
  /** Instant (epoch ms) of the last receipt when it came from a log, else NaN. */
  lastMs = Number.NaN;
  private readonly endDay: number;
  private readonly maxDossiers: number;
  private readonly standardDay: number;

  constructor(
    private readonly axis: WorkingAxis,
    arrivals: Scenario['arrivals'],
    private readonly random: Random,
    limits: ArrivalLimits,
    logTimes?: Float64Array,
  ) {
    this.times = logTimes ?? null;
    this.rates = logTimes ? null : weekdayRates(arrivals);
    this.endDay = limits.horizonDays ?? Number.POSITIVE_INFINITY;
    this.maxDossiers = limits.maxDossiers ?? Number.POSITIVE_INFINITY;
    this.standardDay = limits.workingDayMinutes ?? 480;
    if (this.rates && this.endDay === Number.POSITIVE_INFINITY) {
      if (this.maxDossiers === Number.POSITIVE_INFINITY) {
        throw new CalendarError(
          'INVALID_OPTIONS',
          'options.horizon: required (or options.dossiers) with a rate of arrivals',
          {
            field: 'options.horizon',
            value: undefined,
          },
        );
      }
      if (!this.rates.some((r) => r > 0)) {
        throw new CalendarError('INVALID_OPTIONS', 'scenario.arrivals: a zero rate never reaches options.dossiers', {
          field: 'scenario.arrivals',
          value: arrivals,
        });
      }
    }
  }

  /** Fills the buffer with the next working day's receipts (Poisson count, uniform instants). */
  private nextDay(): boolean {
    const axis = this.axis;
    const rates = this.rates!;
    if (this.day + 1 >= this.endDay) return false;
    const d = ++this.day;
    const start = axis.dayStart(d);
    const length = axis.dayEnd(d) - start;
    // A shorter working day (a Saturday morning) gets a pro-rata share of the daily rate.
    const lambda = rates[axis.weekday(d)]! * (length / this.standardDay);
    const k = poisson(this.random, lambda);
    if (k > this.buffer.length) this.buffer = new Float64Array(k * 2);
    for (let j = 0; j < k; j++) this.buffer[j] = start + length * this.random.float();
    this.buffer.subarray(0, k).sort();
    this.buffered = k;
    this.cursor = 0;
    return true;
  }

  /**
   * Axis minute of the next receipt, or NaN when the stream is exhausted.
   * @example stream.next()
   */
  next(): number {
    if (this.emitted >= this.maxDossiers) return Number.NaN;
    if (this.times) return this.nextLogged(this.times);
    while (this.cursor >= this.buffered) if (!this.nextDay()) return Number.NaN;
    this.emitted++;
    return this.buffer[this.cursor++]!;
  }

  private nextLogged(times: Float64Array): number {
    if (this.cursor >= times.length) return Number.NaN;
    const ms = times[this.cursor]!;
    const m = this.axis.fromMs(ms);
    if (this.endDay !== Number.POSITIVE_INFINITY && m >= this.axis.dayEnd(this.endDay - 1)) return Number.NaN;
    this.cursor++;
    this.emitted++;
    this.lastMs = ms;
    return m;
  }
}
