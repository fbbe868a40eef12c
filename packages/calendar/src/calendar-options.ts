/**
 * Validation and normalisation of {@link WorkCalendarOptions} (private to the engine).
 *
 * Options are data a user or a JSON file supplies, so every field is checked up front and an error
 * names the field path (`weekly.1[0].start`) and the offending value.
 */
import { IANAZone } from 'luxon';
import { dayNumberFromCivil, daysInMonth, type IsoDate, isoFromDayNumber } from './civil-date.js';
import { CalendarError, showValue } from './errors.js';
import { MINUTES_PER_DAY, minutesOfTime } from './time-of-day.js';
import type { SpecialDay, SpecialDayKind, TimeWindow, WeeklyWindows, WorkCalendarOptions } from './types.js';
import { SHIPPED_FIXED_OFFSETS } from './zone-offsets.js';

/** {@link WorkCalendarOptions} with every default filled in; what `calendar.options` exposes. */
export interface NormalizedWorkCalendarOptions extends WorkCalendarOptions {
  readonly name: string;
  readonly zone: string;
  readonly weekly: WeeklyWindows;
  readonly standardWindows: readonly TimeWindow[];
  readonly workingDayMinutes: number;
  readonly daysOff: readonly SpecialDay[];
  readonly extraWorkingDays: readonly SpecialDay[];
}

/** Options checked and read into numbers the table builder uses. */
export interface ParsedCalendarOptions {
  readonly options: NormalizedWorkCalendarOptions;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Flat `[start, end, start, end…]` minutes per ISO weekday (index 0 unused). */
  readonly weeklyMinutes: readonly (readonly number[])[];
  readonly standardMinutes: readonly number[];
  /** Day number → the daysOff entries of that date. */
  readonly offByDay: ReadonlyMap<number, readonly SpecialDay[]>;
  /** Day number → the extra working day and its windows in minutes. */
  readonly extraByDay: ReadonlyMap<number, { readonly day: SpecialDay; readonly minutes: readonly number[] }>;
}

const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';
const DEFAULT_NAME = 'Work calendar';
/** Decision 188/1999/QĐ-TTg: 8 working hours a day. */
const DEFAULT_WORKING_DAY_MINUTES = 480;
const DEFAULT_DAY: readonly TimeWindow[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const KINDS: ReadonlySet<string> = new Set<SpecialDayKind>([
  'holiday',
  'compensatory',
  'swap-off',
  'make-up-workday',
  'local',
  'custom',
]);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A longer range is surely a mistake and would cost memory (one table row per day). */
const MAX_RANGE_DAYS = 500 * 366;

function fail(path: string, message: string, value: unknown): never {
  throw new CalendarError('INVALID_OPTIONS', `${path}: ${message}`, { field: path, value });
}

function show(value: unknown): string {
  return showValue(value);
}

function readDate(value: unknown, path: string): number {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) fail(path, `expected a date YYYY-MM-DD, got ${show(value)}`, value);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    fail(path, `${value as string} is not a calendar date`, value);
  }
  return dayNumberFromCivil(year, month, day);
}

/** Reads a window list into flat minutes; windows must be sorted and must not overlap. */
function readWindows(value: unknown, path: string): number[] {
  if (!Array.isArray(value)) fail(path, `expected an array of { start, end } windows, got ${show(value)}`, value);
  const minutes: number[] = [];
  value.forEach((window: unknown, k) => {
    const at = `${path}[${k}]`;
    if (typeof window !== 'object' || window === null) fail(at, `expected { start, end }, got ${show(window)}`, window);
    const { start, end } = window as Partial<TimeWindow>;
    const s = minutesOfTime(start);
    if (s === undefined || s === MINUTES_PER_DAY)
      fail(`${at}.start`, `expected a time HH:mm (00:00–23:59), got ${show(start)}`, start);
    const e = minutesOfTime(end);
    if (e === undefined || e === 0) fail(`${at}.end`, `expected a time HH:mm (00:01–24:00), got ${show(end)}`, end);
    if (e <= s) fail(`${at}.end`, `${end} is not after start ${start}`, end);
    const previousEnd = minutes[minutes.length - 1];
    if (previousEnd !== undefined && s < previousEnd) {
      fail(
        `${at}.start`,
        `${start} overlaps or precedes the previous window (windows must be sorted, not overlapping)`,
        start,
      );
    }
    minutes.push(s, e);
  });
  return minutes;
}

function copyWindows(value: readonly TimeWindow[]): readonly TimeWindow[] {
  return Object.freeze(value.map((w) => Object.freeze({ start: w.start, end: w.end })));
}

function readWeekly(value: unknown): { weekly: WeeklyWindows; minutes: number[][] } {
  const minutes: number[][] = [[], [], [], [], [], [], [], []];
  if (value === undefined) {
    const weekly: Record<number, readonly TimeWindow[]> = {};
    for (let d = 1; d <= 5; d++) {
      weekly[d] = copyWindows(DEFAULT_DAY);
      minutes[d] = readWindows(DEFAULT_DAY, `weekly.${d}`);
    }
    return { weekly: Object.freeze(weekly), minutes };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('weekly', `expected an object { 1: windows, …, 7: windows }, got ${show(value)}`, value);
  }
  const weekly: Record<number, readonly TimeWindow[]> = {};
  for (const [key, windows] of Object.entries(value)) {
    if (!/^[1-7]$/.test(key)) fail(`weekly.${key}`, 'unknown weekday (expected 1 = Monday … 7 = Sunday)', key);
    if (windows === undefined) continue;
    const d = Number(key);
    minutes[d] = readWindows(windows, `weekly.${key}`);
    if (minutes[d]!.length > 0) weekly[d] = copyWindows(windows as readonly TimeWindow[]);
  }
  return { weekly: Object.freeze(weekly), minutes };
}

function readSpecialDay(value: unknown, path: string, range: readonly [number, number], worked: boolean) {
  if (typeof value !== 'object' || value === null)
    fail(path, `expected a special day { date, kind, name }, got ${show(value)}`, value);
  const entry = value as Partial<SpecialDay>;
  const day = readDate(entry.date, `${path}.date`);
  if (day < range[0] || day > range[1]) {
    fail(
      `${path}.date`,
      `${entry.date} is outside the calendar range ${isoFromDayNumber(range[0])}..${isoFromDayNumber(range[1])}`,
      entry.date,
    );
  }
  if (typeof entry.kind !== 'string' || !KINDS.has(entry.kind)) {
    fail(`${path}.kind`, `expected one of ${[...KINDS].join(', ')}, got ${show(entry.kind)}`, entry.kind);
  }
  if (typeof entry.name !== 'string' || entry.name.trim() === '') {
    fail(`${path}.name`, `expected a non-empty name, got ${show(entry.name)}`, entry.name);
  }
  if (entry.source !== undefined && typeof entry.source !== 'string') {
    fail(`${path}.source`, `expected a string, got ${show(entry.source)}`, entry.source);
  }
  if (entry.provisional !== undefined && typeof entry.provisional !== 'boolean') {
    fail(`${path}.provisional`, `expected a boolean, got ${show(entry.provisional)}`, entry.provisional);
  }
  let minutes: number[] | undefined;
  if (entry.windows !== undefined) {
    if (!worked) fail(`${path}.windows`, 'a day off has no office windows', entry.windows);
    minutes = readWindows(entry.windows, `${path}.windows`);
  }
  const copy: { -readonly [K in keyof SpecialDay]: SpecialDay[K] } = {
    date: entry.date as IsoDate,
    kind: entry.kind as SpecialDayKind,
    name: entry.name.normalize('NFC'),
  };
  if (entry.source !== undefined) copy.source = entry.source.normalize('NFC');
  if (entry.provisional !== undefined) copy.provisional = entry.provisional;
  if (entry.windows !== undefined) copy.windows = copyWindows(entry.windows);
  return { day, entry: Object.freeze(copy) as SpecialDay, minutes };
}

function readList(value: unknown, path: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, `expected an array of special days, got ${show(value)}`, value);
  return value;
}

function byDate(a: { day: number }, b: { day: number }): number {
  return a.day - b.day;
}

// luxon builds an Intl.DateTimeFormat (about half a millisecond) on every isValidZone call.
// Zones with shipped offsets are known without asking Intl (zone-offsets.ts).
const KNOWN_ZONES = new Set<string>(Object.keys(SHIPPED_FIXED_OFFSETS));

function isKnownZone(zone: string): boolean {
  if (KNOWN_ZONES.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  KNOWN_ZONES.add(zone);
  return true;
}

function readRange(options: WorkCalendarOptions): [number, number] {
  const firstDay = readDate(options.validFrom, 'validFrom');
  const lastDay = readDate(options.validTo, 'validTo');
  if (lastDay < firstDay)
    fail('validTo', `${options.validTo} is before validFrom ${options.validFrom}`, options.validTo);
  if (lastDay - firstDay >= MAX_RANGE_DAYS)
    fail('validTo', `the range is longer than 500 years (${options.validTo})`, options.validTo);
  return [firstDay, lastDay];
}

function readScalars(options: WorkCalendarOptions): { name: string; zone: string; workingDayMinutes: number } {
  const { name = DEFAULT_NAME, zone = DEFAULT_ZONE, workingDayMinutes = DEFAULT_WORKING_DAY_MINUTES } = options;
  if (typeof name !== 'string') fail('name', `expected a string, got ${show(name)}`, name);
  if (typeof zone !== 'string' || !isKnownZone(zone)) fail('zone', `unknown IANA time zone ${show(zone)}`, zone);
  if (typeof workingDayMinutes !== 'number' || !(workingDayMinutes > 0 && workingDayMinutes <= MINUTES_PER_DAY)) {
    fail(
      'workingDayMinutes',
      `expected a number of minutes in (0, 1440], got ${show(workingDayMinutes)}`,
      workingDayMinutes,
    );
  }
  return { name: name.normalize('NFC'), zone, workingDayMinutes };
}

/**
 * Checks `options` and fills in the defaults (zone Asia/Ho_Chi_Minh; Mon–Fri 08:00–12:00 and
 * 13:00–17:00; standard windows = Monday's, else the first weekday that has windows; 480-minute day).
 * @throws {CalendarError} `INVALID_OPTIONS` naming the field path and value.
 * @example parseCalendarOptions({ validFrom: '2026-01-01', validTo: '2026-12-31' }).options.zone // 'Asia/Ho_Chi_Minh'
 */
export function parseCalendarOptions(options: WorkCalendarOptions): ParsedCalendarOptions {
  if (typeof options !== 'object' || options === null)
    fail('options', `expected an object, got ${show(options)}`, options);
  const scalars = readScalars(options);
  const range = readRange(options);
  const { weekly, minutes: weeklyMinutes } = readWeekly(options.weekly);
  const firstWorking = [1, 2, 3, 4, 5, 6, 7].find((d) => weeklyMinutes[d]!.length > 0) ?? 1;
  const standardSource = options.standardWindows ?? weekly[firstWorking as 1] ?? [];
  const standardMinutes = readWindows(standardSource, 'standardWindows');

  const off = readList(options.daysOff, 'daysOff').map((v, k) => readSpecialDay(v, `daysOff[${k}]`, range, false));
  const offByDay = new Map<number, SpecialDay[]>();
  for (const { day, entry } of [...off].sort(byDate)) {
    const list = offByDay.get(day);
    if (list) list.push(entry);
    else offByDay.set(day, [entry]);
  }
  const extra = readList(options.extraWorkingDays, 'extraWorkingDays').map((v, k) =>
    readSpecialDay(v, `extraWorkingDays[${k}]`, range, true),
  );
  const extraByDay = new Map<number, { day: SpecialDay; minutes: readonly number[] }>();
  extra.forEach(({ day, entry, minutes }, k) => {
    const path = `extraWorkingDays[${k}].date`;
    if (offByDay.has(day))
      fail(path, `${entry.date} is also listed in daysOff (a date is either off or worked)`, entry.date);
    if (extraByDay.has(day)) fail(path, `${entry.date} is listed twice`, entry.date);
    extraByDay.set(day, { day: entry, minutes: minutes ?? standardMinutes });
  });

  const normalized: NormalizedWorkCalendarOptions = Object.freeze({
    ...scalars,
    weekly,
    standardWindows: copyWindows(standardSource),
    daysOff: Object.freeze([...off].sort(byDate).map((x) => x.entry)),
    extraWorkingDays: Object.freeze([...extra].sort(byDate).map((x) => x.entry)),
    validFrom: options.validFrom,
    validTo: options.validTo,
  });
  return {
    options: normalized,
    firstDay: range[0],
    lastDay: range[1],
    weeklyMinutes,
    standardMinutes,
    offByDay,
    extraByDay,
  };
}
