/**
 * The working-minute axis of a simulation. Minute 0 is the origin (a working instant); minute m is
 * the instant after m working minutes of the calendar, so nights, lunch breaks, weekends and
 * holidays take no room and make-up Saturdays do (DESIGN.md §3). The simulation runs entirely on this
 * axis; instants appear only for receipts from a log and for reporting. A table of working days
 * (start on the axis, civil date) is built lazily, one calendar query per day, never per event.
 */
import {
  addWorkingTimeMs,
  CalendarError,
  dayNumberFromIso,
  formatLocalInstant,
  type IsoDate,
  localDateOf,
  nextWorkingInstant,
  toEpochMs,
  type WorkCalendar,
  weekdayOfDayNumber,
  workingTimeBetween,
} from '@tthc/calendar';

const SAME_DAY = { amount: 0, unit: 'sameDay' } as const;

/**
 * A calendar's working time as a number line of minutes from an origin.
 * @example
 * const axis = WorkingAxis.fromDate(vietnamCalendar(), '2025-07-01');
 * axis.toMs(480) // the close of the first working day (a due at a close stays there)
 */
export class WorkingAxis {
  private dayEnds = new Float64Array(64);
  private dayNumbers = new Int32Array(64);
  private days = 0;
  private nextOpenMs: number;

  private constructor(
    readonly calendar: WorkCalendar,
    /** The origin: a working instant, epoch ms. */
    readonly originMs: number,
  ) {
    this.nextOpenMs = originMs;
  }

  /**
   * An axis starting at the first working instant at or after `at`.
   * @example WorkingAxis.fromInstant(calendar, '2025-07-01T10:30:00+07:00')
   */
  static fromInstant(calendar: WorkCalendar, at: number | string): WorkingAxis {
    return new WorkingAxis(calendar, nextWorkingInstant(calendar, toEpochMs(at, 'at')).getTime());
  }

  /**
   * An axis starting at the first working instant of the civil date `date` or, if it is a day off, of
   * the next working day.
   * @example WorkingAxis.fromDate(vietnamCalendar(), '2025-09-01') // starts 2025-09-03 08:00 (1–2/9 are holidays)
   */
  static fromDate(calendar: WorkCalendar, date: IsoDate): WorkingAxis {
    dayNumberFromIso(date, 'start');
    // The zone's offset at noon UTC of that date gives its local midnight (no zone has a DST switch at noon).
    const offset = formatLocalInstant(calendar, Date.parse(`${date}T12:00:00Z`)).slice(-6);
    return WorkingAxis.fromInstant(calendar, `${date}T00:00:00${offset}`);
  }

  /** Adds the next working day to the table. */
  private extend(): void {
    if (Number.isNaN(this.nextOpenMs)) {
      throw new CalendarError(
        'OUT_OF_RANGE',
        `simulation: the run goes past ${this.calendar.validTo}, the last date of calendar "${this.calendar.name}"`,
        { field: 'calendar', value: this.calendar.validTo },
      );
    }
    const cal = this.calendar;
    const open = this.nextOpenMs;
    // "Within the day" with no cut-off is due at the close of the start's working day.
    const close = addWorkingTimeMs(cal, open, SAME_DAY);
    const start = this.days === 0 ? 0 : this.dayEnds[this.days - 1]!;
    if (this.days === this.dayEnds.length) {
      const ends = new Float64Array(this.days * 2);
      const nums = new Int32Array(this.days * 2);
      ends.set(this.dayEnds);
      nums.set(this.dayNumbers);
      this.dayEnds = ends;
      this.dayNumbers = nums;
    }
    this.dayEnds[this.days] = start + workingTimeBetween(cal, open, close);
    this.dayNumbers[this.days] = dayNumberFromIso(localDateOf(cal, open));
    this.days++;
    try {
      this.nextOpenMs = nextWorkingInstant(cal, close).getTime();
    } catch (e) {
      if (!(e instanceof CalendarError && e.code === 'OUT_OF_RANGE')) throw e;
      this.nextOpenMs = Number.NaN;
    }
  }

  /**
   * Axis minute where working day `d` (0 = the origin's day) starts.
   * @example axis.dayStart(1) // 480 when the origin is a standard day's opening
   */
  dayStart(d: number): number {
    while (d >= this.days) this.extend();
    return d === 0 ? 0 : this.dayEnds[d - 1]!;
  }

  /**
   * Axis minute where working day `d` ends (its close).
   * @example axis.dayEnd(0) // 480
   */
  dayEnd(d: number): number {
    while (d >= this.days) this.extend();
    return this.dayEnds[d]!;
  }

  /**
   * Civil day number (days since 1970-01-01) of working day `d`.
   * @example isoFromDayNumber(axis.dayNumber(0)) // '2025-07-01'
   */
  dayNumber(d: number): number {
    while (d >= this.days) this.extend();
    return this.dayNumbers[d]!;
  }

  /**
   * ISO weekday (1 = Monday) of working day `d`.
   * @example axis.weekday(0) // 2 for Tuesday 2025-07-01
   */
  weekday(d: number): number {
    return weekdayOfDayNumber(this.dayNumber(d));
  }

  /**
   * Working day holding axis minute `m`; a minute at a day's close belongs to that day (as a due at a
   * window's close stays there, DESIGN.md §3).
   * @example axis.dayOf(480) // 0, axis.dayOf(480.5) // 1
   */
  dayOf(m: number): number {
    while (this.days === 0 || this.dayEnds[this.days - 1]! < m) this.extend();
    const ends = this.dayEnds;
    let lo = 0;
    let hi = this.days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! >= m) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Civil day number of the local date of axis minute `m`.
   * @example axis.dayNumberAt(0) === axis.dayNumber(0) // true
   */
  dayNumberAt(m: number): number {
    // dayOf may grow the table: read the array only after it returns.
    const d = this.dayOf(m);
    return this.dayNumbers[d]!;
  }

  /**
   * Instant (epoch ms) of axis minute `m` ≥ 0.
   * @example axis.toMs(0) === axis.originMs // true
   */
  toMs(m: number): number {
    return addWorkingTimeMs(this.calendar, this.originMs, { amount: m, unit: 'workingMinute' });
  }

  /**
   * Axis minute of an instant (an instant outside office hours maps to the next working instant's minute).
   * @example axis.fromMs(axis.toMs(90)) // 90
   */
  fromMs(ms: number): number {
    return workingTimeBetween(this.calendar, this.originMs, ms);
  }
}
