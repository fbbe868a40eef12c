/**
 * The announced years (shipped data) as `SpecialDay` lists. Rule 1 of the Vietnam calendar: for a year
 * with a shipped notice the data is the truth, whatever the Labour Code heuristics would say.
 */
import { dayNumberFromIso, weekdayOfDayNumber } from '../civil-date.js';
import type { SpecialDay } from '../types.js';
import { compensatoryDays } from './compensatory.js';
import type { VnDataYear } from './data-types.js';
import { VN_DAYS_OFF_DATA } from './days-off-data.generated.js';
import { daySource, yearSource } from './sources.js';

const YEARS = VN_DAYS_OFF_DATA.years;

/** First and last year with a shipped government notice (2010 … 2026 in this release). */
export const VIETNAM_ANNOUNCED_YEARS: { readonly first: number; readonly last: number } = Object.freeze({
  first: YEARS[0]?.year ?? 0,
  last: YEARS[YEARS.length - 1]?.year ?? -1,
});

/**
 * The shipped data of one announced year, or `undefined` outside {@link VIETNAM_ANNOUNCED_YEARS}.
 * @example announcedYear(2025)?.confidence // 'confirmed'
 */
export function announcedYear(year: number): VnDataYear | undefined {
  return YEARS[year - VIETNAM_ANNOUNCED_YEARS.first];
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function isWeekend(date: string): boolean {
  return weekdayOfDayNumber(dayNumberFromIso(date)) >= 6;
}

/** The entries one year's record contributes, wherever their dates fall. */
function entriesOfRecord(record: VnDataYear): SpecialDay[] {
  const source = (date: string) => daySource(record, date);
  const holidays = record.statutoryHolidays.map((h) => ({ day: dayNumberFromIso(h.date), name: h.name }));
  // Name each compensatory day after the holiday our rule pairs it with (LC art. 111(3)); the data
  // itself only lists dates.
  const pairedWith = new Map(compensatoryDays(holidays).map((c) => [c.day, c.forHoliday.name]));
  const entries: SpecialDay[] = record.statutoryHolidays.map((h) => ({
    date: h.date,
    kind: 'holiday',
    name: h.name,
    source: source(h.date),
  }));
  for (const date of record.compensatoryDays) {
    const paired = pairedWith.get(dayNumberFromIso(date));
    entries.push({
      date,
      kind: 'compensatory',
      name: paired ? `Nghỉ bù ${paired}` : 'Nghỉ bù (compensatory day)',
      source: source(date),
    });
  }
  for (const swap of record.swaps) {
    entries.push(
      {
        date: swap.weekdayOff,
        kind: 'swap-off',
        name: `Nghỉ hoán đổi (swapped day off, worked on ${swap.weekendWorked})`,
        source: source(swap.weekdayOff),
      },
      {
        date: swap.weekendWorked,
        kind: 'make-up-workday',
        name: `Làm bù (make-up working day for ${swap.weekdayOff})`,
        source: source(swap.weekendWorked),
      },
    );
  }
  return entries;
}

/**
 * Days the record lists as non-working weekdays or worked weekend days that its holidays,
 * compensatory days and swaps do not explain. The shipped data has none (a test keeps it so); a future
 * notice's unexplained day is still shipped, as a `swap-off` or `make-up-workday` "reason not recorded".
 * @example unexplainedDays(announcedYear(2025)!, []) // []
 */
export function unexplainedDays(record: VnDataYear, explained: readonly SpecialDay[]): SpecialDay[] {
  const source = yearSource(record);
  const offDates = new Set(explained.filter((d) => d.kind !== 'make-up-workday').map((d) => d.date));
  const workDates = new Set(explained.filter((d) => d.kind === 'make-up-workday').map((d) => d.date));
  const gaps: SpecialDay[] = [];
  for (const date of record.nonWorkingWeekdays) {
    if (!offDates.has(date) && !isWeekend(date)) {
      gaps.push({
        date,
        kind: 'swap-off',
        name: 'Ngày nghỉ theo thông báo (announced day off, reason not recorded)',
        source,
      });
    }
  }
  for (const date of record.workingWeekendDays) {
    if (!workDates.has(date)) {
      gaps.push({ date, kind: 'make-up-workday', name: 'Làm bù (announced working day, reason not recorded)', source });
    }
  }
  return gaps;
}

function byDateThenKind(a: SpecialDay, b: SpecialDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

/** Every shipped entry, deduplicated by date and kind (a cross-year swap is listed under both years). */
function buildAnnouncedIndex(): Map<number, readonly SpecialDay[]> {
  const seen = new Map<string, SpecialDay>();
  const add = (d: SpecialDay) => {
    const key = `${d.date}|${d.kind}`;
    if (!seen.has(key)) seen.set(key, d);
  };
  const all = YEARS.flatMap(entriesOfRecord);
  all.forEach(add);
  for (const record of YEARS) {
    const own = all.filter((d) => yearOf(d.date) === record.year);
    unexplainedDays(record, own).forEach(add);
  }
  const byYear = new Map<number, SpecialDay[]>();
  for (const day of [...seen.values()].sort(byDateThenKind)) {
    const list = byYear.get(yearOf(day.date)) ?? [];
    list.push(day);
    byYear.set(yearOf(day.date), list);
  }
  return byYear;
}

let index: Map<number, readonly SpecialDay[]> | undefined;

/**
 * The shipped special days whose own date lies in `year`, sorted by date: a swap listed under 2018
 * whose make-up Saturday is 2019-01-05 puts that Saturday in 2019, never in both years. Years outside
 * the data return the shipped days that spill into them (normally none).
 * @example announcedDays(2025).find((d) => d.date === '2025-04-26')?.kind // 'make-up-workday'
 */
export function announcedDays(year: number): readonly SpecialDay[] {
  index ??= buildAnnouncedIndex();
  return index.get(year) ?? [];
}
