/**
 * Public types of `@tthc/calendar`. This file is the contract between the modules of the
 * package (engine, durations, Vietnam rules, lunar calendar) and its users.
 */
import type { IsoDate, IsoWeekday } from './civil-date.js';

/**
 * Anything that names an instant: a `Date` (including `TZDate` from `@date-fns/tz`, which extends
 * `Date`), an ISO 8601 string **with** an offset or `Z`, epoch milliseconds, or a luxon `DateTime`
 * (detected structurally through its `toMillis()` method, so luxon stays an implementation detail).
 */
export type InstantInput = Date | string | number | { toMillis(): number };

/** A time of day `HH:mm` (24 h), e.g. `"08:00"`; `"24:00"` is allowed as an end. */
export type TimeOfDay = string;

/** One office window of a day, `start` inclusive, `end` exclusive. */
export interface TimeWindow {
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
}

/** Office windows per ISO weekday (1 = Monday … 7 = Sunday); a missing weekday is a rest day. */
export type WeeklyWindows = Readonly<Partial<Record<IsoWeekday, readonly TimeWindow[]>>>;

/**
 * Why a date is special.
 * - `holiday`: a statutory public holiday (Labour Code art. 112).
 * - `compensatory`: nghỉ bù — a holiday fell on a weekly rest day (LC 2019 art. 111(3)).
 * - `swap-off`: hoán đổi — a working weekday moved off by a government notice.
 * - `make-up-workday`: làm bù — a weekend day worked instead.
 * - `local`: a province's or agency's own day off.
 * - `custom`: anything else a user declares.
 */
export type SpecialDayKind = 'holiday' | 'compensatory' | 'swap-off' | 'make-up-workday' | 'local' | 'custom';

/** A date that differs from the weekly pattern, with the reason and the notice behind it. */
export interface SpecialDay {
  readonly date: IsoDate;
  readonly kind: SpecialDayKind;
  /** Human name, Vietnamese first, e.g. "Tết Nguyên Đán (mùng 1)". */
  readonly name: string;
  /** Legal rule or notice, e.g. "Labour Code 2019 art. 112" or "Official Dispatch 12729/VPCP-KGVX". */
  readonly source?: string;
  /** True when derived from the law's rules for a year whose notice is not shipped yet. */
  readonly provisional?: boolean;
  /** Windows for a worked day (`make-up-workday`); default: the calendar's standard weekday windows. */
  readonly windows?: readonly TimeWindow[];
}

/** Options of {@link createWorkCalendar}. */
export interface WorkCalendarOptions {
  /** IANA time zone. Default `Asia/Ho_Chi_Minh`. */
  readonly zone?: string;
  /** Weekly office windows. Default Mon–Fri 08:00–12:00 and 13:00–17:00. */
  readonly weekly?: WeeklyWindows;
  /** Windows used for make-up working days that do not declare their own. Default: Monday's windows. */
  readonly standardWindows?: readonly TimeWindow[];
  /** Minutes in one working day for `workingDay` durations. Default 480 (8 h, Decision 188/1999/QĐ-TTg). */
  readonly workingDayMinutes?: number;
  /** Dates with no working time (holidays, compensatory days, swapped-off days, local days). */
  readonly daysOff?: readonly SpecialDay[];
  /** Weekend or otherwise free dates that are worked (make-up Saturdays). */
  readonly extraWorkingDays?: readonly SpecialDay[];
  /** First civil date the calendar knows (inclusive). */
  readonly validFrom: IsoDate;
  /** Last civil date the calendar knows (inclusive). Arithmetic that needs a later date throws `OUT_OF_RANGE`. */
  readonly validTo: IsoDate;
  /** A name for messages, e.g. "Vietnam (state agencies)". */
  readonly name?: string;
}

/** What the calendar knows about one civil date. */
export interface DayInfo {
  readonly date: IsoDate;
  readonly weekday: IsoWeekday;
  /** True when the date has at least one office window. */
  readonly working: boolean;
  readonly windows: readonly TimeWindow[];
  /** The special-day entries for this date (empty for an ordinary day). */
  readonly special: readonly SpecialDay[];
}

/** Counting rule for a time limit. */
export type CountingRule = 'working-time' | 'civil-code';

/**
 * Units of a {@link Duration}. `calendarMonth` ("06 tháng") is a period in months under Civil Code
 * 2015 art. 147–148: it ends on the same-numbered day of the last month (or that month's last day),
 * moved to the next working day when that day is off.
 */
export type DurationUnit = 'workingMinute' | 'workingHour' | 'workingDay' | 'calendarDay' | 'calendarMonth' | 'sameDay';

/**
 * A time limit or step budget. `sameDay` ("Trong ngày") uses `cutoff`: a start at or after the
 * cut-off is done by the close of the next working day.
 */
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
  /** Same-day cut-off time `HH:mm`, e.g. "15:00" (only with `sameDay`). */
  readonly cutoff?: TimeOfDay;
  /** True for steps whose time is not counted ("Không tính thời gian", "Giờ hành chính"); amount is 0. */
  readonly notCounted?: boolean;
}

/** Options of {@link addWorkingTime} and {@link explainDeadline}. */
export interface DeadlineOptions {
  /** Default `working-time`. */
  readonly rule?: CountingRule;
}

/** One date a deadline skipped, and why. */
export interface SkippedDay {
  readonly date: IsoDate;
  readonly kind: SpecialDayKind | 'weekend';
  /** e.g. "Tết Nguyên Đán (mùng 1) — Labour Code 2019 art. 112" or "Saturday (weekly rest)". */
  readonly reason: string;
  readonly source?: string;
}

/** A deadline with the reasoning behind it. */
export interface DeadlineExplanation {
  /** The due instant. */
  readonly due: Date;
  readonly rule: CountingRule;
  readonly duration: Duration;
  /** The instant counting really started (next working instant, or next day under civil-code). */
  readonly countingFrom: Date;
  /** Working minutes between `countingFrom` and `due`. */
  readonly workingMinutes: number;
  /** Non-working dates strictly between the start date and the due date, in order. */
  readonly skipped: readonly SkippedDay[];
}
