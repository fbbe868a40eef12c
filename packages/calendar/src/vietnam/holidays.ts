/**
 * The days off (and worked weekend days) of one Vietnamese year: shipped notices for announced years,
 * the Labour Code rules for the others, then the user's overrides.
 */
import { dayNumberFromCivil, dayNumberFromIso, isoFromDayNumber } from '../civil-date.js';
import { CalendarError } from '../errors.js';
import { lunarNewYear, lunarToSolar, solarToLunar } from '../lunar/index.js';
import type { SpecialDay } from '../types.js';
import { announcedDays, announcedYear } from './announced.js';
import { compensatoryDays } from './compensatory.js';
import { type DatedName, labourCodeOf, type LunarAnchors, lawLabel, statutoryHolidays } from './labour-code.js';
import { HUNG_KINGS_OFFSET, LAST_MONTH_LENGTH, LUNAR_ANCHOR_YEARS, TET_OFFSET } from './lunar-anchors.generated.js';
import {
  type CheckedVietnamOptions,
  checkVietnamOptions,
  checkYear,
  fixedHolidayDay,
  type VietnamCalendarOptions,
} from './options.js';

/** The special days of one year and where they come from. */
export interface VietnamYearHolidays {
  readonly year: number;
  /** True when no announced notice is shipped for that year: the days are derived from the law. */
  readonly provisional: boolean;
  /** Which Labour Code rule applied, e.g. "Labour Code 2019 (45/2019/QH14) Art.112 (from 2021-01-01)". */
  readonly law: string;
  /** Confidence of the shipped data (announced years only). */
  readonly confidence?: 'confirmed' | 'medium';
  /** Holidays, compensatory days, swapped-off days, make-up working days (+ local/custom from options), by date. */
  readonly days: readonly SpecialDay[];
  /** Shipped or derived days off dropped by `removeDaysOff`. */
  readonly removed: readonly SpecialDay[];
}

/**
 * Lunar anchors of a solar year: mùng 1 Tết, the length of the month before it, and Giỗ Tổ 10/3 of
 * the regular month 3 — from the shipped table (lunar-anchors.generated.ts, checked against the lunar
 * module for every year) inside 1995–2199, computed outside it.
 * @example lunarAnchors(2026).tet === dayNumberFromIso('2026-02-17') // true
 */
export function lunarAnchors(year: number): LunarAnchors {
  const k = year - LUNAR_ANCHOR_YEARS.first;
  if (Number.isInteger(year) && year >= LUNAR_ANCHOR_YEARS.first && year <= LUNAR_ANCHOR_YEARS.last) {
    const tet = dayNumberFromCivil(year, 1, 1) + TET_OFFSET[k]!;
    return { tet, lastMonthLength: LAST_MONTH_LENGTH[k]!, hungKings: tet + HUNG_KINGS_OFFSET[k]! };
  }
  return computeLunarAnchors(year);
}

/**
 * Lunar anchors computed by the lunar module (the source of the shipped table).
 * @example computeLunarAnchors(2026).hungKings === dayNumberFromIso('2026-04-26') // true
 */
export function computeLunarAnchors(year: number): LunarAnchors {
  const tet = dayNumberFromIso(lunarNewYear(year));
  return {
    tet,
    lastMonthLength: solarToLunar(isoFromDayNumber(tet - 1)).day,
    hungKings: dayNumberFromIso(lunarToSolar({ year, month: 3, day: 10, leap: false })),
  };
}

function provisionalSource(year: number): string {
  return `${lawLabel(labourCodeOf(year))}; provisional: derived by tthc from the law (no notice shipped for ${year})`;
}

const derivedCache = new Map<number, readonly SpecialDay[]>();

/**
 * Rule 2: a year without a shipped notice. Statutory holidays of the Labour Code in force plus the
 * compensatory days of LC2019 art. 111(3) (and predecessors); never swaps, which only a notice can make.
 * Memoised per year (a pure function of the year).
 * @example derivedDays(2027).filter((d) => d.kind === 'holiday').length // 11
 */
export function derivedDays(year: number): readonly SpecialDay[] {
  const cached = derivedCache.get(year);
  if (cached) return cached;
  const source = provisionalSource(year);
  const holidays = statutoryHolidays(year, lunarAnchors(year));
  const days: SpecialDay[] = [
    ...holidays.map(
      (h): SpecialDay => ({ date: isoFromDayNumber(h.day), kind: 'holiday', name: h.name, source, provisional: true }),
    ),
    ...compensatoryDays(holidays).map(
      (c): SpecialDay => ({
        date: isoFromDayNumber(c.day),
        kind: 'compensatory',
        name: `Nghỉ bù ${c.forHoliday.name}`,
        source,
        provisional: true,
      }),
    ),
  ];
  const result = Object.freeze(days.sort(byDate));
  derivedCache.set(year, result);
  return result;
}

function byDate(a: SpecialDay, b: SpecialDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** The user's fixed holidays in a year, with their compensatory days (they get the rule too). */
function fixedHolidayDays(
  year: number,
  base: readonly SpecialDay[],
  checked: CheckedVietnamOptions,
  provisional: boolean,
): SpecialDay[] {
  // A fixed holiday on a date that is already a holiday adds nothing (and must not be compensated twice).
  const holidayDates = new Set(base.filter((d) => d.kind === 'holiday').map((d) => dayNumberFromIso(d.date)));
  const fixed: (DatedName & { source: string })[] = [];
  for (const h of checked.fixedHolidays) {
    const day = fixedHolidayDay(h, year);
    if (day !== undefined && !holidayDates.has(day)) {
      holidayDates.add(day);
      fixed.push({ day, name: h.name, source: h.source });
    }
  }
  if (fixed.length === 0) return [];
  const baseOff = base.filter((d) => d.kind !== 'make-up-workday').map((d) => dayNumberFromIso(d.date));
  const flag = provisional ? { provisional: true } : {};
  const days: SpecialDay[] = fixed.map((h) => ({
    date: isoFromDayNumber(h.day),
    kind: 'holiday',
    name: h.name,
    source: h.source,
    ...flag,
  }));
  // A fixed holiday on a weekly rest day is compensated like a statutory one, on a day not already off.
  for (const c of compensatoryDays(fixed, { unavailable: new Set(baseOff) })) {
    const h = c.forHoliday;
    days.push({
      date: isoFromDayNumber(c.day),
      kind: 'compensatory',
      name: `Nghỉ bù ${h.name}`,
      source: h.source,
      ...flag,
    });
  }
  return days;
}

function inYear(year: number): (d: SpecialDay) => boolean {
  const first = isoFromDayNumber(dayNumberFromCivil(year, 1, 1));
  const last = isoFromDayNumber(dayNumberFromCivil(year, 12, 31));
  return (d) => d.date >= first && d.date <= last;
}

/**
 * A date is either off or worked: refuses a user's working day on a day off (shipped, derived or the
 * user's own) or on a shipped make-up day, and a user's day off on a shipped make-up day. To change a
 * shipped day off into a working day, list it in `removeDaysOff` too.
 */
function checkConflicts(
  kept: readonly SpecialDay[],
  checked: CheckedVietnamOptions,
  own: (d: SpecialDay) => boolean,
): void {
  const off = new Set(kept.filter((d) => d.kind !== 'make-up-workday').map((d) => d.date));
  const worked = new Set(kept.filter((d) => d.kind === 'make-up-workday').map((d) => d.date));
  checked.extraDaysOff.forEach((d, i) => {
    if (own(d) && worked.has(d.date)) {
      throw conflict(`options.extraDaysOff[${i}].date`, d.date, 'is a shipped make-up working day (làm bù)');
    }
    off.add(d.date);
  });
  const seen = new Set<string>();
  checked.extraWorkingDays.forEach((d, i) => {
    if (!own(d)) return;
    const field = `options.extraWorkingDays[${i}].date`;
    if (off.has(d.date)) throw conflict(field, d.date, 'is a day off (list it in removeDaysOff to work it)');
    if (worked.has(d.date) || seen.has(d.date))
      throw conflict(field, d.date, 'is already a working day of the calendar');
    seen.add(d.date);
  });
}

function conflict(field: string, value: string, why: string): CalendarError {
  return new CalendarError('INVALID_OPTIONS', `${field}: ${value} ${why}`, { field, value });
}

/** One year split the way the engine needs it: dates off, dates worked, and what was removed. */
export interface VietnamYearParts {
  readonly holidays: VietnamYearHolidays;
  /** Holidays (weekend ones included), compensatory, swapped-off, local and custom days off. */
  readonly off: readonly SpecialDay[];
  /** Make-up working days, shipped and the user's. */
  readonly worked: readonly SpecialDay[];
}

/**
 * Builds one year from already validated options (used by {@link vietnamHolidays} and the calendar).
 * @example yearParts(2026, checkVietnamOptions()).worked.map((d) => d.date) // ['2026-01-10', '2026-08-22']
 */
export function yearParts(year: number, checked: CheckedVietnamOptions): VietnamYearParts {
  const record = announcedYear(year);
  const provisional = record === undefined;
  // Rule 1: an announced year's notice is the truth. A shipped day whose own date is in a provisional
  // year (a cross-year swap) is kept there too.
  const base = provisional ? [...derivedDays(year), ...announcedDays(year)] : [...announcedDays(year)];
  const fixed = fixedHolidayDays(year, base, checked, provisional);
  const kept: SpecialDay[] = [];
  const removed: SpecialDay[] = [];
  for (const day of [...base, ...fixed]) {
    (day.kind !== 'make-up-workday' && checked.removeDaysOff.has(day.date) ? removed : kept).push(day);
  }
  const own = inYear(year);
  checkConflicts(kept, checked, own);
  const off = [...kept.filter((d) => d.kind !== 'make-up-workday'), ...checked.extraDaysOff.filter(own)];
  const worked = [...kept.filter((d) => d.kind === 'make-up-workday'), ...checked.extraWorkingDays.filter(own)];
  const holidays: VietnamYearHolidays = {
    year,
    provisional,
    law: record?.law ?? lawLabel(labourCodeOf(year)),
    ...(record ? { confidence: record.confidence } : {}),
    days: [...off, ...worked].sort(byDate),
    removed,
  };
  return { holidays, off, worked };
}

/**
 * Vietnam's official days off of one year for state agencies (Monday–Friday week): statutory holidays
 * (also those on a weekend, which explain their compensatory day), compensatory days, swapped-off days
 * and make-up working days, sorted by date; plus the days the options add. Years 2010–2026 come from
 * the shipped notices; other years are derived from the Labour Code (`provisional: true`).
 * @throws {CalendarError} `OUT_OF_RANGE` for a year outside 1995–2199, or naming the bad option.
 * @example
 * const y = vietnamHolidays(2025);
 * y.days.find((d) => d.date === '2025-04-26')?.kind // 'make-up-workday'
 * vietnamHolidays(2027).provisional // true
 */
export function vietnamHolidays(year: number, options: VietnamCalendarOptions = {}): VietnamYearHolidays {
  return yearParts(checkYear(year, 'year'), checkVietnamOptions(options)).holidays;
}
