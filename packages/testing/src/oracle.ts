/**
 * A deliberately simple reference oracle for working-time arithmetic.
 *
 * The engine in `@tthc/calendar` precomputes tables and answers in O(log days); this oracle does the
 * opposite: it walks **minute by minute**, asking luxon for each minute's local date and time and
 * reading the calendar options directly (special days first, then the weekly windows). It shares no
 * code with the engine (dates come from luxon, not from the engine's day numbers), so a disagreement
 * between the two points at a bug in one of them.
 *
 * It is slow by design — roughly a few microseconds per minute walked. **Use small durations** (hours
 * or a few working days) and calendars whose working time is not too sparse.
 */
import type { IsoDate, IsoWeekday, TimeWindow, WeeklyWindows, WorkCalendarOptions } from '@tthc/calendar';
import { DateTime } from 'luxon';

const MINUTE = 60_000;

/** Calendar options, or a calendar exposing its normalised options (`createWorkCalendar(...)`). */
export type CalendarSource = WorkCalendarOptions | { readonly options: WorkCalendarOptions };

/** The oracle's view of one calendar. Instants are epoch milliseconds aligned on whole minutes. */
export interface ReferenceCalendar {
  /** The options with the engine's documented defaults filled in. */
  readonly options: Required<Omit<WorkCalendarOptions, 'name'>>;
  /** Is the minute `[t, t + 1 min)` inside an office window of its local date? */
  isWorkingMinute(t: number): boolean;
  /** The first working minute at or after `t` (`t` itself when working). */
  nextWorkingInstant(t: number): number;
  /**
   * Working-time rule: counting starts at the next working instant; the result is the instant right
   * after the last counted minute, so it stays exactly at a window's close. `0` → `nextWorkingInstant`.
   */
  addWorkingMinutes(start: number, minutes: number): number;
  /** Working minutes in `[from, to)`; negative when `to < from`. */
  workingMinutesBetween(from: number, to: number): number;
  /** Office windows of a local date (empty for a day off). */
  windowsOn(date: IsoDate): readonly TimeWindow[];
  /** True when the date has at least one office window. */
  isWorkingDate(date: IsoDate): boolean;
  /** Working dates in `[from, to]` (both inclusive); 0 when `from > to`. */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
}

const DEFAULT_DAY: readonly TimeWindow[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

/** The defaults documented on `WorkCalendarOptions` (Decision 188/1999/QĐ-TTg: Mon–Fri, 8 h). */
function withDefaults(options: WorkCalendarOptions): ReferenceCalendar['options'] {
  const weekly: WeeklyWindows = options.weekly ?? {
    1: DEFAULT_DAY,
    2: DEFAULT_DAY,
    3: DEFAULT_DAY,
    4: DEFAULT_DAY,
    5: DEFAULT_DAY,
  };
  return {
    zone: options.zone ?? 'Asia/Ho_Chi_Minh',
    weekly,
    standardWindows: options.standardWindows ?? weekly[1] ?? [],
    workingDayMinutes: options.workingDayMinutes ?? 480,
    daysOff: options.daysOff ?? [],
    extraWorkingDays: options.extraWorkingDays ?? [],
    validFrom: options.validFrom,
    validTo: options.validTo,
  };
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

function checkInstant(t: number, what: string): void {
  if (!Number.isInteger(t) || t % MINUTE !== 0) {
    throw new RangeError(`referenceCalendar: ${what} must be epoch ms on a whole minute, got ${t}`);
  }
}

/**
 * Builds the reference oracle from calendar options, or from a calendar object exposing them
 * (`createWorkCalendar(...)` keeps its normalised options in `.options`).
 * @example
 * const oracle = referenceCalendar({ zone: 'UTC', validFrom: '2026-01-01', validTo: '2026-12-31' });
 * oracle.addWorkingMinutes(Date.parse('2026-01-02T16:30:00Z'), 60); // Mon 2026-01-05 08:30 UTC
 */
export function referenceCalendar(source: CalendarSource): ReferenceCalendar {
  const options = withDefaults('options' in source ? source.options : source);
  const off = new Set(options.daysOff.map((d) => d.date));
  const extra = new Map(options.extraWorkingDays.map((d) => [d.date, d.windows ?? options.standardWindows]));

  function windowsOn(date: IsoDate): readonly TimeWindow[] {
    // Special days first: a day off has no windows; a make-up day has its own or the standard windows.
    if (off.has(date)) return [];
    const worked = extra.get(date);
    if (worked) return worked;
    const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday as IsoWeekday;
    return options.weekly[weekday] ?? [];
  }

  // The only shortcut: a date's windows, read once as minutes (the walk still visits every minute).
  const minutesByDate = new Map<IsoDate, readonly (readonly [number, number])[]>();
  function windowMinutesOn(date: IsoDate): readonly (readonly [number, number])[] {
    let found = minutesByDate.get(date);
    if (!found) {
      found = windowsOn(date).map((w) => [minutesOf(w.start), minutesOf(w.end)] as const);
      minutesByDate.set(date, found);
    }
    return found;
  }

  function isWorkingMinute(t: number): boolean {
    checkInstant(t, 'instant');
    const local = DateTime.fromMillis(t, { zone: options.zone });
    const date = local.toISODate() as string;
    if (date < options.validFrom || date > options.validTo) {
      throw new RangeError(`referenceCalendar: ${local.toISO()} is outside ${options.validFrom}..${options.validTo}`);
    }
    const minute = local.hour * 60 + local.minute;
    return windowMinutesOn(date).some(([start, end]) => start <= minute && minute < end);
  }

  function nextWorkingInstant(t: number): number {
    let at = t;
    while (!isWorkingMinute(at)) at += MINUTE;
    return at;
  }

  function addWorkingMinutes(start: number, minutes: number): number {
    if (!Number.isInteger(minutes) || minutes < 0) {
      throw new RangeError(`referenceCalendar: minutes must be a whole number ≥ 0, got ${minutes}`);
    }
    let at = nextWorkingInstant(start);
    for (let left = minutes; left > 0; at += MINUTE) {
      if (isWorkingMinute(at)) left--;
    }
    return at;
  }

  function workingMinutesBetween(from: number, to: number): number {
    if (to < from) return -workingMinutesBetween(to, from);
    checkInstant(to, 'to');
    let count = 0;
    for (let at = from; at < to; at += MINUTE) if (isWorkingMinute(at)) count++;
    return count;
  }

  function countWorkingDays(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let d = DateTime.fromISO(from, { zone: 'UTC' }); (d.toISODate() as string) <= to; d = d.plus({ days: 1 })) {
      if (windowsOn(d.toISODate() as string).length > 0) count++;
    }
    return count;
  }

  return {
    options,
    isWorkingMinute,
    nextWorkingInstant,
    addWorkingMinutes,
    workingMinutesBetween,
    windowsOn,
    isWorkingDate: (date) => windowsOn(date).length > 0,
    countWorkingDays,
  };
}
