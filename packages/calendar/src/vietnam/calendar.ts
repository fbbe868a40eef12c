/**
 * `vietnamCalendar` — a {@link WorkCalendar} for Vietnamese state agencies: the Labour Code holidays,
 * the shipped notices' swaps, the compensatory-day rule and the user's overrides, composed over a range.
 */
import { civilFromDayNumber, isoFromDayNumber } from '../civil-date.js';
import { CalendarError } from '../errors.js';
import type { SpecialDay } from '../types.js';
import { createWorkCalendar, type WorkCalendar } from '../work-calendar.js';
import { yearParts } from './holidays.js';
import { checkVietnamOptions, type VietnamCalendarOptions } from './options.js';

const DEFAULT_NAME = 'Vietnam (state agencies)';

let defaultCalendar: WorkCalendar | undefined;

function isDefault(options: VietnamCalendarOptions | undefined): boolean {
  return (
    options === undefined || (typeof options === 'object' && options !== null && Object.keys(options).length === 0)
  );
}

/**
 * A working-time calendar for Vietnamese state agencies (Monday–Friday office week, Decision
 * 188/1999/QĐ-TTg), from `from` (default 2000-01-01) to `to` (default 2100-12-31). Announced years
 * (2010–2026) use the shipped government notices; other years the Labour Code rules, marked
 * `provisional`. The calendar without options is built once and shared.
 * @throws {CalendarError} naming the bad option and its value (dates outside 1995-01-01 … 2199-12-31,
 *   malformed dates, a working day that is also a day off, a `removeDaysOff` date that is no day off…).
 * @example
 * const cal = vietnamCalendar();
 * describeDay(cal, '2025-04-26').working // true — Saturday worked for Friday 2 May 2025
 * const culture = vietnamCalendar({
 *   fixedHolidays: [{ month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', source: 'amended LC art. 112', from: '2026-11-24' }],
 * });
 */
export function vietnamCalendar(options?: VietnamCalendarOptions): WorkCalendar {
  if (isDefault(options)) {
    defaultCalendar ??= buildCalendar({});
    return defaultCalendar;
  }
  return buildCalendar(options as VietnamCalendarOptions);
}

function buildCalendar(options: VietnamCalendarOptions): WorkCalendar {
  const checked = checkVietnamOptions(options);
  const from = isoFromDayNumber(checked.from);
  const to = isoFromDayNumber(checked.to);
  const inRange = (d: SpecialDay) => d.date >= from && d.date <= to;
  const daysOff: SpecialDay[] = [];
  const extraWorkingDays: SpecialDay[] = [];
  const removed = new Set<string>();
  for (let year = civilFromDayNumber(checked.from).year; year <= civilFromDayNumber(checked.to).year; year++) {
    const parts = yearParts(year, checked);
    daysOff.push(...parts.off.filter(inRange));
    extraWorkingDays.push(...parts.worked.filter(inRange));
    for (const d of parts.holidays.removed) removed.add(d.date);
  }
  // A removal that matches nothing in range is surely a typo: say so rather than ignore it.
  (options.removeDaysOff ?? []).forEach((date, i) => {
    if (date >= from && date <= to && !removed.has(date)) {
      const field = `options.removeDaysOff[${i}]`;
      throw new CalendarError('INVALID_OPTIONS', `${field}: ${date} is not a shipped or derived day off`, {
        field,
        value: date,
      });
    }
  });
  return createWorkCalendar({
    ...(options.zone !== undefined ? { zone: options.zone } : {}),
    ...(options.weekly !== undefined ? { weekly: options.weekly } : {}),
    ...(options.standardWindows !== undefined ? { standardWindows: options.standardWindows } : {}),
    ...(options.workingDayMinutes !== undefined ? { workingDayMinutes: options.workingDayMinutes } : {}),
    daysOff,
    extraWorkingDays,
    validFrom: from,
    validTo: to,
    name: options.name ?? DEFAULT_NAME,
  });
}
