import { describe, expect, it } from 'vitest';
import { CalendarError } from '../errors.js';
import { type LunarDate, lunarNewYear, lunarToSolar, solarToLunar } from './index.js';
import { lunarYearTable } from './lunisolar.js';
import { lunarZone } from './zone.js';

const lunar = (year: number, month: number, day: number, leap = false): LunarDate => ({ year, month, day, leap });
const leapMonthOf = (year: number, utcOffsetHours?: number) =>
  lunarYearTable(year, lunarZone(utcOffsetHours)).leapMonth;

/** Expects a CalendarError with that code whose details name `field`. */
function expectError(run: () => unknown, code: string, field: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe(code);
    expect((error as CalendarError).details.field).toBe(field);
    expect((error as CalendarError).message).toContain(field);
    return;
  }
  expect.fail(`expected CalendarError ${code}`);
}

describe('lunarNewYear — Tết Nguyên Đán in Vietnam', () => {
  // Vietnamese Tết dates as published (government holiday notices for the recent years; the Vietnamese
  // almanac for the others); the Chinese New Year differs in 1968, 1969, 1985, 2007, 2030.
  it.each([
    [1900, '1900-01-31'],
    [1968, '1968-01-29'],
    [1969, '1969-02-16'],
    [1985, '1985-01-21'],
    [2000, '2000-02-05'],
    [2001, '2001-01-24'],
    [2002, '2002-02-12'],
    [2003, '2003-02-01'],
    [2004, '2004-01-22'],
    [2005, '2005-02-09'],
    [2006, '2006-01-29'],
    [2007, '2007-02-17'],
    [2008, '2008-02-07'],
    [2009, '2009-01-26'],
    [2010, '2010-02-14'],
    [2011, '2011-02-03'],
    [2012, '2012-01-23'],
    [2013, '2013-02-10'],
    [2014, '2014-01-31'],
    [2015, '2015-02-19'],
    [2016, '2016-02-08'],
    [2017, '2017-01-28'],
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'],
    [2031, '2031-01-23'],
    [2032, '2032-02-11'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
    [2035, '2035-02-08'],
    [2036, '2036-01-28'],
    [2037, '2037-02-15'],
    [2038, '2038-02-04'],
    [2039, '2039-01-24'],
    [2040, '2040-02-12'],
  ])('Tết %i is %s', (year, iso) => {
    expect(lunarNewYear(year)).toBe(iso);
    expect(solarToLunar(iso)).toEqual(lunar(year, 1, 1));
  });

  it.each([
    // Chinese New Year (Hong Kong Observatory tables): the same rules computed in UTC+8.
    [1968, '1968-01-30'],
    [1969, '1969-02-17'],
    [1985, '1985-02-20'],
    [2007, '2007-02-18'],
    [2024, '2024-02-10'],
    [2030, '2030-02-03'],
    [2053, '2053-02-19'],
  ])('with utcOffsetHours 8 it gives the Chinese New Year: %i → %s', (year, iso) => {
    expect(lunarNewYear(year, { utcOffsetHours: 8 })).toBe(iso);
  });

  it('1968: the North (UTC+7) had Tết on 29 Jan, the South (UTC+8) on 30 Jan', () => {
    expect(solarToLunar('1968-01-29')).toEqual(lunar(1968, 1, 1));
    expect(solarToLunar('1968-01-29', { utcOffsetHours: 8 })).toEqual(lunar(1967, 12, 30));
  });
});

describe('leap months (tháng nhuận)', () => {
  it.each([
    [1984, 0],
    [1985, 2],
    [1987, 7],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2031, 3],
    [2033, 11],
    [2024, 0],
    [2026, 0],
  ])('lunar year %i has leap month %i (0: none)', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it('China (UTC+8) puts the 1984 leap month at 10 and the 1987 one at 6, unlike Vietnam', () => {
    expect(leapMonthOf(1984, 8)).toBe(10);
    expect(leapMonthOf(1985, 8)).toBe(0);
    expect(leapMonthOf(1987, 8)).toBe(6);
  });

  it('leap month 6 of Ất Tỵ runs from 2025-07-25 to 2025-08-22', () => {
    expect(solarToLunar('2025-07-24')).toEqual(lunar(2025, 6, 30));
    expect(solarToLunar('2025-07-25')).toEqual(lunar(2025, 6, 1, true));
    expect(lunarToSolar(lunar(2025, 6, 1, true))).toBe('2025-07-25');
    expect(solarToLunar('2025-08-22')).toEqual(lunar(2025, 6, 29, true));
    expect(solarToLunar('2025-08-23')).toEqual(lunar(2025, 7, 1));
  });

  // The "2033 problem": month 9 of 2033 holds no principal term, but the 12 months from the 2032
  // solstice month to the 2033 one cannot take a leap; the next interval has 13 months and its first
  // month without a principal term is the one after the solstice month, so the leap is 11.
  it('2033 has leap month 11, the month after the one holding the 2033 solstice', () => {
    expect(solarToLunar('2033-12-21')).toEqual(lunar(2033, 11, 30));
    expect(solarToLunar('2033-12-22')).toEqual(lunar(2033, 11, 1, true));
    expect(lunarToSolar(lunar(2034, 1, 1))).toBe('2034-02-19');
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2019, '2019-04-14'],
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%i: %s', (year, iso) => {
    expect(lunarToSolar(lunar(year, 3, 10))).toBe(iso);
    expect(solarToLunar(iso)).toEqual(lunar(year, 3, 10));
  });
});

describe('the last day of the lunar year (30 or 29 tháng Chạp)', () => {
  // Tết 2022 and Tết 2025–2030 have no "30 Tết"; Tết 2023 and 2024 have one.
  it.each([
    [1984, '1985-01-20', 30],
    [2021, '2022-01-31', 29],
    [2022, '2023-01-21', 30],
    [2023, '2024-02-09', 30],
    [2024, '2025-01-28', 29],
    [2025, '2026-02-16', 29],
    [2026, '2027-02-05', 29],
    [2027, '2028-01-25', 29],
    [2028, '2029-02-12', 29],
    [2029, '2030-02-01', 29],
  ])('lunar year %i ends on %s, day %i of month 12', (year, iso, day) => {
    expect(solarToLunar(iso)).toEqual(lunar(year, 12, day));
    expect(lunarToSolar(lunar(year, 12, day))).toBe(iso);
    if (day === 29) expectError(() => lunarToSolar(lunar(year, 12, 30)), 'INVALID_DATE', 'lunar.day');
  });
});

describe('the 1968 switch from UTC+8 to UTC+7', () => {
  it('reads 1967 in UTC+8: month 11 of Đinh Mùi begins on 2 Dec 1967 (new moon 00:10 UTC+8)', () => {
    expect(solarToLunar('1967-12-01')).toEqual(lunar(1967, 10, 30));
    expect(solarToLunar('1967-12-02')).toEqual(lunar(1967, 11, 1));
    // In UTC+7 that new moon falls at 23:10 on 1 Dec.
    expect(solarToLunar('1967-12-01', { utcOffsetHours: 7 })).toEqual(lunar(1967, 11, 1));
  });

  it('starts every month as computing each lunar year wholly in the offset of its first year', () => {
    // Month lengths are not compared: under that rule lunar 1967 ends on the UTC+8 Tết (30 Jan 1968).
    const starts = (year: number, zone: ReturnType<typeof lunarZone>) =>
      lunarYearTable(year, zone).months.map(({ month, leap, start }) => ({ month, leap, start }));
    for (let year = 1900; year <= 2199; year++) {
      expect(starts(year, lunarZone(undefined))).toEqual(starts(year, lunarZone(year >= 1968 ? 7 : 8)));
    }
  });
});

describe('inputs', () => {
  it('accepts a CivilDate as well as an ISO string', () => {
    expect(solarToLunar({ year: 2026, month: 2, day: 17 })).toEqual(solarToLunar('2026-02-17'));
  });

  it('refuses impossible solar dates, naming the field', () => {
    expectError(() => solarToLunar('2026-02-30'), 'INVALID_DATE', 'date');
    expectError(() => solarToLunar('17/02/2026'), 'INVALID_DATE', 'date');
    expectError(() => solarToLunar({ year: 2026, month: 2, day: 30 }), 'INVALID_DATE', 'date.day');
    expectError(() => solarToLunar({ year: 2026, month: 13, day: 1 }), 'INVALID_DATE', 'date.month');
    expectError(() => solarToLunar({ year: 2026.5, month: 1, day: 1 }), 'INVALID_DATE', 'date.year');
  });

  it('refuses impossible lunar dates, naming the field', () => {
    expectError(() => lunarToSolar(lunar(2026, 13, 1)), 'INVALID_DATE', 'lunar.month');
    expectError(() => lunarToSolar(lunar(2026, 0, 1)), 'INVALID_DATE', 'lunar.month');
    expectError(() => lunarToSolar(lunar(2026, 1, 31)), 'INVALID_DATE', 'lunar.day');
    expectError(() => lunarToSolar(lunar(2026, 1, 0)), 'INVALID_DATE', 'lunar.day');
    expectError(() => lunarToSolar(lunar(2024, 4, 1, true)), 'INVALID_DATE', 'lunar.leap');
    expectError(() => lunarToSolar(lunar(2025, 5, 1, true)), 'INVALID_DATE', 'lunar.leap');
    expectError(() => lunarToSolar(lunar(2025, 6, 30, true)), 'INVALID_DATE', 'lunar.day');
    expectError(() => lunarToSolar({ year: 2025, month: 6, day: 1 } as LunarDate), 'INVALID_DATE', 'lunar.leap');
    expectError(() => lunarNewYear(2026.5), 'INVALID_DATE', 'year');
  });

  it('the message names the offending value', () => {
    expect(() => lunarToSolar(lunar(2024, 4, 1, true))).toThrow(/2024 has no leap month, not leap month 4/);
    expect(() => solarToLunar('2026-02-30')).toThrow(/2026-02-30/);
  });

  it('refuses dates outside 1900-01-31 .. 2199-12-31', () => {
    expectError(() => solarToLunar('1900-01-30'), 'OUT_OF_RANGE', 'date');
    expectError(() => solarToLunar('2200-01-01'), 'OUT_OF_RANGE', 'date');
    expectError(() => lunarNewYear(1899), 'OUT_OF_RANGE', 'year');
    expectError(() => lunarNewYear(2200), 'OUT_OF_RANGE', 'year');
    expectError(() => lunarToSolar(lunar(1899, 12, 1)), 'OUT_OF_RANGE', 'lunar.year');
    // Month 12 of lunar 2199 begins in January 2200.
    expectError(() => lunarToSolar(lunar(2199, 12, 1)), 'OUT_OF_RANGE', 'lunar');
    expect(solarToLunar('1900-01-31')).toEqual(lunar(1900, 1, 1));
    expect(lunarToSolar(solarToLunar('2199-12-31'))).toBe('2199-12-31');
  });

  it('refuses a bad utcOffsetHours', () => {
    for (const utcOffsetHours of [Number.NaN, 15, -13, Number.POSITIVE_INFINITY, '7' as unknown as number]) {
      expectError(() => lunarNewYear(2026, { utcOffsetHours }), 'INVALID_OPTIONS', 'utcOffsetHours');
    }
  });
});
