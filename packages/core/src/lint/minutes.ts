/**
 * Durations as working minutes, the one unit in which budgets and limits are compared.
 */
import {
  addWorkingTime,
  type CountingRule,
  nextWorkingInstant,
  type WorkCalendar,
  workingTimeBetween,
} from '@tthc/calendar';
import type { Duration } from '../model/common.js';
import { startOfLocalDay } from './zoned.js';

/** Minutes in a working day when no calendar is given: 8 h (Decision 188/1999/QĐ-TTg). */
export const DEFAULT_WORKING_DAY_MINUTES = 480;

/** Where and how calendar-dependent durations are measured. */
export interface MinutesContext {
  readonly calendar?: WorkCalendar;
  /** Civil date whose first working instant anchors calendar-day and same-day durations. */
  readonly referenceDate: string;
  readonly rule: CountingRule;
}

/** A duration in working minutes, or why it has no fixed length. */
export type MinutesResult =
  | { readonly ok: true; readonly minutes: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Working minutes of a duration. Working units convert exactly (1 day = the calendar's day length,
 * default 480 min); `calendarDay` and `sameDay` depend on the dates they cover, so they are measured
 * with the calendar from the first working instant of `referenceDate`, or refused without one.
 */
export function workingMinutesOf(d: Duration, ctx: MinutesContext): MinutesResult {
  if (d.notCounted) return { ok: true, minutes: 0 };
  const dayMinutes = ctx.calendar?.workingDayMinutes ?? DEFAULT_WORKING_DAY_MINUTES;
  switch (d.unit) {
    case 'workingMinute':
      return { ok: true, minutes: d.amount };
    case 'workingHour':
      return { ok: true, minutes: d.amount * 60 };
    case 'workingDay':
      return { ok: true, minutes: d.amount * dayMinutes };
    default:
      return measureWithCalendar(d, ctx);
  }
}

function measureWithCalendar(d: Duration, ctx: MinutesContext): MinutesResult {
  const cal = ctx.calendar;
  const what = d.unit === 'sameDay' ? 'a same-day duration' : `${d.amount} calendar day(s)`;
  if (!cal) return { ok: false, reason: `${what} has no fixed length in working minutes without a calendar` };
  try {
    const start = nextWorkingInstant(cal, startOfLocalDay(ctx.referenceDate, cal.zone));
    const due = addWorkingTime(cal, start, d, { rule: ctx.rule });
    return { ok: true, minutes: workingTimeBetween(cal, start, due) };
  } catch (e) {
    // The calendar refuses dates outside its validity range (OUT_OF_RANGE): report, do not guess.
    return { ok: false, reason: `${what} could not be measured from ${ctx.referenceDate}: ${(e as Error).message}` };
  }
}

/**
 * Formats working minutes as hours for messages: 480 → "8 h", 90 → "1.5 h".
 * @example formatMinutes(600) // '10 h'
 */
export function formatMinutes(minutes: number): string {
  return `${Math.round((minutes / 60) * 100) / 100} h`;
}
