/**
 * fast-check arbitraries for working-time calendars and instants (durations: `duration-arbitrary.ts`).
 *
 * Everything generated is valid input for `@tthc/calendar`; instants keep a margin from the end of
 * the calendar's validity range so that adding a duration from {@link durationArb} (with the same
 * maxima) never leaves the range.
 */
import {
  createWorkCalendar,
  dayNumberFromIso,
  type IsoDate,
  isoFromDayNumber,
  type SpecialDay,
  type SpecialDayKind,
  type TimeOfDay,
  type TimeWindow,
  type WorkCalendar,
  type WorkCalendarOptions,
  weekdayOfDayNumber,
} from '@tthc/calendar';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_DURATION_MAX } from './duration-arbitrary.js';
import { type CalendarSource, referenceCalendar } from './oracle.js';

const MINUTE = 60_000;

/** Zones {@link workCalendarOptionsArb} draws from by default: no DST, UTC, and two DST zones. */
export const DEFAULT_ZONES: readonly string[] = ['Asia/Ho_Chi_Minh', 'UTC', 'America/Santiago', 'Europe/Paris'];

/** Options of {@link workCalendarOptionsArb}. */
export interface WorkCalendarOptionsArbOptions {
  /** Zones to draw from. Default {@link DEFAULT_ZONES}. */
  readonly zones?: readonly string[];
  /** Earliest and latest year of `validFrom`. Default 2000 and 2030. */
  readonly firstYear?: number;
  readonly lastYear?: number;
  /** Longest validity range in years (the range is 1 year to this). Default 3. */
  readonly maxYears?: number;
  /** Office windows are drawn inside `[dayStart, dayEnd]` on a 5-minute grid. Default 06:00 and 20:00. */
  readonly dayStart?: TimeOfDay;
  readonly dayEnd?: TimeOfDay;
  /** Shortest window in minutes. Default 30. */
  readonly minWindowMinutes?: number;
  /** Least weekly working time in minutes (keeps durations inside the range and the oracle fast). Default 600. */
  readonly minWeeklyMinutes?: number;
  /** Most special days drawn (days off and make-up days together). Default 24. */
  readonly maxSpecialDays?: number;
}

/** Options of {@link instantArb} and {@link workingInstantArb}. */
export interface InstantArbOptions {
  /** Whole minutes only (default `true`; the reference oracle needs them). */
  readonly minuteAligned?: boolean;
  /**
   * What must still fit after the generated instant. Defaults follow {@link DEFAULT_DURATION_MAX}:
   * working minutes = max(480, 3 × workingDayMinutes), working days = 3, calendar days = 30.
   */
  readonly margin?: { readonly workingMinutes?: number; readonly workingDays?: number; readonly calendarDays?: number };
}

function minutesOf(time: TimeOfDay): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

function timeOf(minutes: number): TimeOfDay {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 1–3 sorted, disjoint, non-touching windows on a 5-minute grid inside `[lo, hi]` minutes. */
function windowsArb(lo: number, hi: number, minLength: number): fc.Arbitrary<readonly TimeWindow[]> {
  const grid = fc.integer({ min: Math.ceil(lo / 5), max: Math.floor(hi / 5) }).map((k) => k * 5);
  return fc
    .uniqueArray(grid, { minLength: 2, maxLength: 6 })
    .map((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const windows: TimeWindow[] = [];
      for (let k = 0; k + 1 < sorted.length; k += 2) {
        windows.push({ start: timeOf(sorted[k]!), end: timeOf(sorted[k + 1]!) });
      }
      return windows;
    })
    .filter((windows) => windows.every((w) => minutesOf(w.end) - minutesOf(w.start) >= minLength));
}

const length = (windows: readonly TimeWindow[]): number =>
  windows.reduce((sum, w) => sum + minutesOf(w.end) - minutesOf(w.start), 0);

const OFF_KINDS: readonly SpecialDayKind[] = ['holiday', 'compensatory', 'swap-off', 'local', 'custom'];

/**
 * Valid {@link WorkCalendarOptions}: a zone, 1–3 windows on a random subset of weekdays (at least one
 * working weekday, enough weekly working time), days off and make-up days without conflicts, a
 * validity range of 1–3 years, sometimes a non-default working-day length (a multiple of 4 minutes so
 * that quarter days are whole minutes).
 * @example
 * fc.assert(fc.property(workCalendarOptionsArb({ zones: ['UTC'] }), (o) => createWorkCalendar(o) !== undefined));
 */
export function workCalendarOptionsArb(opts: WorkCalendarOptionsArbOptions = {}): fc.Arbitrary<WorkCalendarOptions> {
  const lo = minutesOf(opts.dayStart ?? '06:00');
  const hi = minutesOf(opts.dayEnd ?? '20:00');
  const windows = windowsArb(lo, hi, opts.minWindowMinutes ?? 30);
  const maxYears = opts.maxYears ?? 3;
  const maxSpecial = opts.maxSpecialDays ?? 24;
  const firstDay = dayNumberFromIso(`${opts.firstYear ?? 2000}-01-01`);
  const lastDay = dayNumberFromIso(`${opts.lastYear ?? 2030}-12-31`);
  return fc
    .record({
      zone: fc.constantFrom(...(opts.zones ?? DEFAULT_ZONES)),
      workdays: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }).filter((a) => a.some(Boolean)),
      shared: fc.boolean(),
      windowSets: fc.array(windows, { minLength: 7, maxLength: 7 }),
      standardWindows: windows,
      validFrom: fc.integer({ min: firstDay, max: lastDay }),
      rangeDays: fc.integer({ min: 365, max: 365 * maxYears }),
      specials: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 365 * maxYears }), fc.nat(5)), {
        maxLength: maxSpecial,
        selector: ([day]) => day,
      }),
      workingDayMinutes: fc.option(
        fc.integer({ min: 30, max: 150 }).map((q) => q * 4),
        { nil: undefined },
      ),
    })
    .map((r) => {
      const weekly: Record<number, readonly TimeWindow[]> = {};
      r.workdays.forEach((on, i) => {
        if (on) weekly[i + 1] = r.shared ? r.windowSets[0]! : r.windowSets[i]!;
      });
      const daysOff: SpecialDay[] = [];
      const extraWorkingDays: SpecialDay[] = [];
      for (const [offset, role] of r.specials) {
        if (offset > r.rangeDays) continue;
        const day = r.validFrom + offset;
        const date = isoFromDayNumber(day);
        const restDay = weekly[weekdayOfDayNumber(day)] === undefined;
        // Làm bù: only a weekly rest day can be a make-up working day; a day off may fall on any day
        // (a holiday on a weekend is still listed, LC 2019 art. 111(3)).
        if (restDay && role >= 3) {
          const own = role === 5 ? { windows: r.windowSets[6]! } : {};
          extraWorkingDays.push({ date, kind: 'make-up-workday', name: `Ngày làm bù ${date}`, ...own });
        } else {
          daysOff.push({ date, kind: OFF_KINDS[role % OFF_KINDS.length]!, name: `Ngày nghỉ ${date}` });
        }
      }
      const options: WorkCalendarOptions = {
        name: 'Generated calendar',
        zone: r.zone,
        weekly,
        standardWindows: r.standardWindows,
        daysOff: daysOff.sort((a, b) => a.date.localeCompare(b.date)),
        extraWorkingDays: extraWorkingDays.sort((a, b) => a.date.localeCompare(b.date)),
        validFrom: isoFromDayNumber(r.validFrom),
        validTo: isoFromDayNumber(r.validFrom + r.rangeDays),
        ...(r.workingDayMinutes === undefined ? {} : { workingDayMinutes: r.workingDayMinutes }),
      };
      return options;
    })
    .filter(
      (o) => Object.values(o.weekly ?? {}).reduce((sum, w) => sum + length(w), 0) >= (opts.minWeeklyMinutes ?? 600),
    );
}

/**
 * Calendars built by `createWorkCalendar` from {@link workCalendarOptionsArb}.
 * @example
 * fc.assert(fc.property(workCalendarArb(), (cal) => cal.validFrom <= cal.validTo));
 */
export function workCalendarArb(opts: WorkCalendarOptionsArbOptions = {}): fc.Arbitrary<WorkCalendar> {
  return workCalendarOptionsArb(opts).map((options) => createWorkCalendar(options));
}

/** Epoch ms of local midnight (or the first instant of the day when midnight is skipped by DST). */
function startOfLocalDay(day: number, zone: string): number {
  return DateTime.fromISO(isoFromDayNumber(day), { zone }).toMillis();
}

/**
 * The last day a start may fall on so that the margin still fits before the range end: walks back
 * from `validTo`, once per arbitrary (not per generated value).
 */
function lastStartDay(source: CalendarSource, margin: InstantArbOptions['margin'] = {}): number {
  const oracle = referenceCalendar(source);
  const { validFrom, validTo, workingDayMinutes } = oracle.options;
  const max = DEFAULT_DURATION_MAX;
  const needMinutes =
    margin.workingMinutes ?? Math.max(max.workingMinute, max.workingHour * 60, max.workingDay * workingDayMinutes);
  const needDays = margin.workingDays ?? Math.ceil(max.workingDay);
  const needCalendarDays = margin.calendarDays ?? max.calendarDay;
  const first = dayNumberFromIso(validFrom);
  let minutes = 0;
  let workingDays = 0;
  let lastWorking: number | undefined;
  for (let day = dayNumberFromIso(validTo); day >= first; day--) {
    // Day `day` may hold the start when everything needed fits in the days after it. The extra hour
    // covers a DST day whose windows are an hour shorter than their wall-clock length.
    const fits = minutes >= needMinutes + 60 && workingDays >= needDays + 1;
    if (fits && lastWorking !== undefined && lastWorking - day >= needCalendarDays) return day;
    const windows = oracle.windowsOn(isoFromDayNumber(day));
    if (windows.length > 0) {
      minutes += length(windows);
      workingDays++;
      lastWorking ??= day;
    }
  }
  throw new RangeError(
    `instantArb: ${validFrom}..${validTo} has too little working time for a margin of ${needMinutes} working minutes, ` +
      `${needDays} working days and ${needCalendarDays} calendar days`,
  );
}

/**
 * Instants (epoch ms) from the first local day of the calendar up to a margin before its end, whole
 * minutes by default. Most fall outside office hours, as real receipts at any time do.
 * @example
 * fc.property(workCalendarArb().chain((cal) => fc.tuple(fc.constant(cal), instantArb(cal))), ([cal, t]) => …)
 */
export function instantArb(calendar: CalendarSource, opts: InstantArbOptions = {}): fc.Arbitrary<number> {
  const { zone, validFrom } = referenceCalendar(calendar).options;
  const from = startOfLocalDay(dayNumberFromIso(validFrom), zone);
  const to = startOfLocalDay(lastStartDay(calendar, opts.margin) + 1, zone) - 1;
  if (opts.minuteAligned === false) return fc.integer({ min: from, max: to });
  return fc.integer({ min: Math.ceil(from / MINUTE), max: Math.floor(to / MINUTE) }).map((m) => m * MINUTE);
}

/**
 * Working instants (epoch ms, whole minutes): a working date, one of its windows, a minute inside it.
 * Same margin as {@link instantArb}.
 * @example
 * fc.property(workCalendarArb().chain((cal) => workingInstantArb(cal).map((t) => [cal, t] as const)), …)
 */
export function workingInstantArb(
  calendar: CalendarSource,
  opts: Omit<InstantArbOptions, 'minuteAligned'> = {},
): fc.Arbitrary<number> {
  const oracle = referenceCalendar(calendar);
  const { zone, validFrom } = oracle.options;
  const dates: IsoDate[] = [];
  const last = lastStartDay(calendar, opts.margin);
  for (let day = dayNumberFromIso(validFrom); day <= last; day++) {
    const date = isoFromDayNumber(day);
    if (oracle.isWorkingDate(date)) dates.push(date);
  }
  return fc
    .tuple(fc.integer({ min: 0, max: dates.length - 1 }), fc.nat(), fc.nat())
    .map(([d, w, m]) => {
      const date = dates[d]!;
      const windows = oracle.windowsOn(date);
      const window = windows[w % windows.length]!;
      const start = minutesOf(window.start);
      const minute = start + (m % (minutesOf(window.end) - start));
      return DateTime.fromISO(date, { zone })
        .set({ hour: Math.floor(minute / 60), minute: minute % 60 })
        .toMillis();
    })
    .filter((t) => oracle.isWorkingMinute(t)); // a window minute skipped by a DST jump is not working
}

/** Options of {@link vietnamInstantArb}. */
export interface VietnamInstantArbOptions {
  /** First and last civil date (Vietnam time). Default 2010-01-01 and 2026-12-31 (the years with shipped notices). */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  /** Whole minutes only. Default `true`. */
  readonly minuteAligned?: boolean;
}

/**
 * Instants (epoch ms) in Vietnam time for the shipped `vietnamCalendar()`, by default over the years
 * whose days off and swaps come from official notices (2010–2026).
 * @example
 * fc.property(vietnamInstantArb(), (t) => addWorkingTime(vietnamCalendar(), t, { amount: 3, unit: 'workingDay' }) >= new Date(t))
 */
export function vietnamInstantArb(opts: VietnamInstantArbOptions = {}): fc.Arbitrary<number> {
  const zone = 'Asia/Ho_Chi_Minh';
  const from = startOfLocalDay(dayNumberFromIso(opts.from ?? '2010-01-01', 'from'), zone);
  const to = startOfLocalDay(dayNumberFromIso(opts.to ?? '2026-12-31', 'to') + 1, zone) - 1;
  if (opts.minuteAligned === false) return fc.integer({ min: from, max: to });
  return fc.integer({ min: Math.ceil(from / MINUTE), max: Math.floor(to / MINUTE) }).map((m) => m * MINUTE);
}
