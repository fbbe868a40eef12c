import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberFromIso, weekdayOfDayNumber } from '../civil-date.js';
import { CalendarError } from '../errors.js';
import { solarToLunar } from '../lunar/index.js';
import type { SpecialDay } from '../types.js';
import { announcedYear, unexplainedDays, VIETNAM_ANNOUNCED_YEARS } from './announced.js';
import { isWeeklyRestDay } from './compensatory.js';
import { VN_DAYS_OFF_DATA } from './days-off-data.generated.js';
import { vietnamHolidays } from './holidays.js';

const ANNOUNCED = VN_DAYS_OFF_DATA.years;
const SWAPS = ANNOUNCED.flatMap((y) => y.swaps);
const OFF_KINDS = new Set(['holiday', 'compensatory', 'swap-off', 'local', 'custom']);

function has(days: readonly SpecialDay[], date: string, kind: SpecialDay['kind']): boolean {
  return days.some((d) => d.date === date && d.kind === kind);
}

function kindsOn(year: number, date: string): string[] {
  return vietnamHolidays(year)
    .days.filter((d) => d.date === date)
    .map((d) => d.kind);
}

function isWeekend(date: string): boolean {
  return weekdayOfDayNumber(dayNumberFromIso(date)) >= 6;
}

describe('announced years (rule 1: the shipped notices are the truth)', () => {
  it('covers 2010–2026', () => {
    expect(VIETNAM_ANNOUNCED_YEARS).toEqual({ first: 2010, last: 2026 });
  });

  for (const record of ANNOUNCED) {
    it(`${record.year}: contains every statutory holiday, compensatory day, swap and make-up day of the data`, () => {
      const y = vietnamHolidays(record.year);
      expect(y.provisional).toBe(false);
      expect(y.confidence).toBe(record.confidence);
      expect(y.law).toBe(record.law);
      for (const h of record.statutoryHolidays) expect(has(y.days, h.date, 'holiday'), h.date).toBe(true);
      for (const c of record.compensatoryDays) expect(has(y.days, c, 'compensatory'), c).toBe(true);
      // A swap is placed in the year of each of its own dates (cross-year swaps are listed under both years).
      for (const s of SWAPS) {
        if (s.weekdayOff.startsWith(`${record.year}-`)) expect(has(y.days, s.weekdayOff, 'swap-off')).toBe(true);
        if (s.weekendWorked.startsWith(`${record.year}-`)) {
          expect(has(y.days, s.weekendWorked, 'make-up-workday')).toBe(true);
        }
      }
      for (const d of y.days) expect(d.date.startsWith(`${record.year}-`), d.date).toBe(true);
    });

    it(`${record.year}: weekdays off and weekend days worked equal the data's lists`, () => {
      const days = vietnamHolidays(record.year).days;
      const weekdaysOff = new Set(days.filter((d) => OFF_KINDS.has(d.kind) && !isWeekend(d.date)).map((d) => d.date));
      const weekendWorked = days.filter((d) => d.kind === 'make-up-workday').map((d) => d.date);
      expect([...weekdaysOff].sort()).toEqual([...record.nonWorkingWeekdays].sort());
      expect(weekendWorked.sort()).toEqual([...record.workingWeekendDays].sort());
    });
  }

  it('never duplicates a day, and sorts by date', () => {
    for (let year = 2009; year <= 2027; year++) {
      const days = vietnamHolidays(year).days;
      const keys = days.map((d) => `${d.date}|${d.kind}`);
      expect(new Set(keys).size, String(year)).toBe(keys.length);
      expect(days.map((d) => d.date)).toEqual(days.map((d) => d.date).sort());
    }
  });

  it('puts the cross-year swaps in the year of each date', () => {
    expect(kindsOn(2018, '2018-12-31')).toEqual(['swap-off']);
    expect(kindsOn(2019, '2019-01-05')).toEqual(['make-up-workday']);
    expect(kindsOn(2014, '2014-12-27')).toEqual(['make-up-workday']);
    expect(kindsOn(2015, '2015-01-02')).toEqual(['swap-off']);
    expect(vietnamHolidays(2018).days.some((d) => d.date.startsWith('2019'))).toBe(false);
  });

  it('reports no gap: every listed weekday off / weekend worked is explained by a holiday, comp day or swap', () => {
    const gaps = ANNOUNCED.flatMap((record) => {
      const own = vietnamHolidays(record.year).days;
      return unexplainedDays(record, own).map((d) => d.date);
    });
    expect(gaps).toEqual([]);
    expect(announcedYear(2009)).toBeUndefined();
  });

  it('gives every day a source citing the law and the notices', () => {
    for (const record of ANNOUNCED) {
      for (const d of vietnamHolidays(record.year).days) expect(d.source?.startsWith(record.law), d.date).toBe(true);
    }
    const day = vietnamHolidays(2025).days.find((d) => d.date === '2025-05-02')!;
    expect(day.source).toContain('SGGP-2025: en.sggp.org.vn/…');
    expect(day.source).toContain('VNP-2025: tracuuquyhoach.com');
  });

  it('keeps weekend statutory holidays (they explain the compensatory day)', () => {
    expect(kindsOn(2019, '2019-04-14')).toEqual(['holiday']);
    const comp = vietnamHolidays(2019).days.find((d) => d.date === '2019-04-15')!;
    expect(comp.kind).toBe('compensatory');
    expect(comp.name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 lunar)');
  });

  it('knows the 2025 and 2026 swaps and the Tết 2026 block', () => {
    expect(kindsOn(2025, '2025-04-26')).toEqual(['make-up-workday']);
    expect(kindsOn(2025, '2025-05-02')).toEqual(['swap-off']);
    expect(kindsOn(2026, '2026-01-10')).toEqual(['make-up-workday']);
    expect(kindsOn(2026, '2026-01-02')).toEqual(['swap-off']);
    expect(kindsOn(2026, '2026-08-22')).toEqual(['make-up-workday']);
    expect(kindsOn(2026, '2026-08-31')).toEqual(['swap-off']);
    const tet = vietnamHolidays(2026)
      .days.filter((d) => d.name.startsWith('Tết Nguyên Đán'))
      .map((d) => d.date);
    expect(tet).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });
});

describe('provisional years (rule 2: the Labour Code rules)', () => {
  it('derives Tết 2027 around mùng 1 = Sat 2027-02-06 with two compensatory days', () => {
    const y = vietnamHolidays(2027);
    expect(y.provisional).toBe(true);
    expect(y.confidence).toBeUndefined();
    expect(y.law).toBe('Labour Code 2019 (45/2019/QH14) Art.112 (from 2021-01-01)');
    const feb = y.days.filter((d) => d.date.startsWith('2027-02')).map((d) => `${d.date} ${d.kind}`);
    expect(feb).toEqual([
      '2027-02-04 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 compensatory',
      '2027-02-10 compensatory',
    ]);
    expect(y.days.find((d) => d.date === '2027-02-06')?.name).toBe('Tết Nguyên Đán (mùng 1)');
  });

  it('derives the rest of 2027–2030 by the rules', () => {
    const dates = (year: number) => vietnamHolidays(year).days.map((d) => `${d.date.slice(5)} ${d.kind[0]}`);
    // h = holiday, c = compensatory.
    expect(dates(2027)).toEqual(
      expect.arrayContaining(['01-01 h', '04-16 h', '04-30 h', '05-01 h', '05-03 c', '09-02 h', '09-03 h']),
    );
    expect(dates(2028)).toEqual(
      expect.arrayContaining(['01-01 h', '01-03 c', '01-24 h', '01-28 h', '04-30 h', '05-02 c', '09-01 h', '09-04 c']),
    );
    expect(dates(2029)).toEqual(expect.arrayContaining(['02-12 h', '02-16 h', '09-02 h', '09-03 h', '09-04 c']));
    // Vietnamese Tết 2030 is 2 February (UTC+7), a day before the Chinese New Year.
    expect(dates(2030)).toEqual(expect.arrayContaining(['01-31 h', '02-02 h', '02-04 h', '02-05 c', '02-06 c']));
    for (let year = 2027; year <= 2030; year++) {
      const y = vietnamHolidays(year);
      expect(y.provisional).toBe(true);
      expect(y.days.every((d) => d.provisional === true && d.source?.includes('provisional'))).toBe(true);
      expect(y.days.filter((d) => d.kind === 'holiday')).toHaveLength(11);
    }
  });

  it('uses LC1994 before 2013: 4 Tết days, Giỗ Tổ only from 2007, Sunday-only rest before Oct 1999', () => {
    const h2006 = vietnamHolidays(2006).days.filter((d) => d.kind === 'holiday');
    expect(h2006).toHaveLength(8);
    expect(h2006.some((d) => d.name.startsWith('Giỗ Tổ'))).toBe(false);
    expect(vietnamHolidays(2008).days.filter((d) => d.kind === 'holiday')).toHaveLength(9);
    // 1/5/1999 was a Saturday, a working day for state agencies then: no compensatory day.
    expect(vietnamHolidays(1999).days.some((d) => d.kind === 'compensatory' && d.date.startsWith('1999-05'))).toBe(
      false,
    );
    expect(vietnamHolidays(2004).law).toBe('Labour Code 1994 Art.73 (as amended 2002/2006/2007)');
  });

  const provisionalYear = fc
    .integer({ min: 1995, max: 2199 })
    .filter((y) => y < VIETNAM_ANNOUNCED_YEARS.first || y > VIETNAM_ANNOUNCED_YEARS.last);

  it('law: the holiday count is the Labour Code count, dates distinct, no swaps ever', () => {
    fc.assert(
      fc.property(provisionalYear, (year) => {
        const days = vietnamHolidays(year).days;
        const holidays = days.filter((d) => d.kind === 'holiday').map((d) => d.date);
        const expected = year >= 2021 ? 11 : year >= 2013 ? 10 : year >= 2007 ? 9 : 8;
        expect(holidays).toHaveLength(expected);
        expect(new Set(holidays).size).toBe(expected);
        expect(days.some((d) => d.kind === 'swap-off' || d.kind === 'make-up-workday')).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('law: one compensatory day per rest-day holiday, each a working weekday that is no holiday', () => {
    fc.assert(
      fc.property(provisionalYear, (year) => {
        const days = vietnamHolidays(year).days;
        const holidays = days.filter((d) => d.kind === 'holiday').map((d) => dayNumberFromIso(d.date));
        const comps = days.filter((d) => d.kind === 'compensatory').map((d) => dayNumberFromIso(d.date));
        expect(comps).toHaveLength(holidays.filter(isWeeklyRestDay).length);
        expect(new Set(comps).size).toBe(comps.length);
        for (const c of comps) {
          expect(isWeeklyRestDay(c)).toBe(false);
          expect(holidays.includes(c)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('law: the Tết days are consecutive, include the last day of the old year and mùng 1–2; Giỗ Tổ is 10/3', () => {
    fc.assert(
      fc.property(provisionalYear, (year) => {
        const days = vietnamHolidays(year).days;
        const tet = days.filter((d) => d.kind === 'holiday' && d.name.startsWith('Tết Nguyên Đán'));
        const numbers = tet.map((d) => dayNumberFromIso(d.date));
        expect(numbers.at(-1)! - numbers[0]!).toBe(numbers.length - 1);
        const lunar = tet.map((d) => solarToLunar(d.date));
        const firstOfYear = lunar.findIndex((l) => l.month === 1 && l.day === 1);
        expect(firstOfYear).toBeGreaterThan(0);
        expect(lunar[firstOfYear - 1]!.month).toBe(12);
        expect(lunar[firstOfYear + 1]).toMatchObject({ month: 1, day: 2 });
        const hung = days.find((d) => d.name.startsWith('Giỗ Tổ'));
        if (year >= 2007) expect(solarToLunar(hung!.date)).toEqual({ year, month: 3, day: 10, leap: false });
      }),
      { numRuns: 60 },
    );
  });
});

describe('options', () => {
  const cultureDay = { month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', source: 'CULTURE-DAY', from: '2026-11-24' };

  it('fixedHolidays adds a fixed solar holiday from its first date, with the compensatory rule', () => {
    const options = { fixedHolidays: [cultureDay] };
    expect(kindsOnWith(2025, '2025-11-24', options)).toEqual([]);
    expect(kindsOnWith(2026, '2026-11-24', options)).toEqual(['holiday']);
    // 24/11/2029 is a Saturday: Monday 26/11 is its compensatory day.
    expect(weekdayOfDayNumber(dayNumberFromIso('2029-11-24'))).toBe(6);
    expect(kindsOnWith(2029, '2029-11-24', options)).toEqual(['holiday']);
    expect(kindsOnWith(2029, '2029-11-26', options)).toEqual(['compensatory']);
    // On an existing holiday it adds nothing and is not compensated twice (2/9/2029 is a Sunday).
    const national = { fixedHolidays: [{ ...cultureDay, month: 9, day: 2 }] };
    expect(vietnamHolidays(2029, national).days).toEqual(vietnamHolidays(2029).days);
    const ended = { fixedHolidays: [{ ...cultureDay, to: '2027-12-31' }] };
    expect(kindsOnWith(2028, '2028-11-24', ended)).toEqual([]);
  });

  it('extraDaysOff and extraWorkingDays are added to their own year', () => {
    const options = {
      extraDaysOff: [{ date: '2027-03-18', kind: 'local' as const, name: 'Ngày giải phóng tỉnh' }],
      extraWorkingDays: [{ date: '2027-02-20', kind: 'make-up-workday' as const, name: 'Làm bù Tết' }],
    };
    expect(kindsOnWith(2027, '2027-03-18', options)).toEqual(['local']);
    expect(kindsOnWith(2027, '2027-02-20', options)).toEqual(['make-up-workday']);
    expect(vietnamHolidays(2028, options).days.some((d) => d.date.startsWith('2027'))).toBe(false);
  });

  it('removeDaysOff drops every day-off entry of the date and reports it', () => {
    const y = vietnamHolidays(2027, { removeDaysOff: ['2027-02-04'] });
    expect(y.days.some((d) => d.date === '2027-02-04')).toBe(false);
    expect(y.removed.map((d) => `${d.date} ${d.kind}`)).toEqual(['2027-02-04 holiday']);
    expect(vietnamHolidays(2025, { removeDaysOff: ['2025-05-02'] }).removed[0]?.kind).toBe('swap-off');
  });

  it('refuses a working day on a day off unless that day off is removed', () => {
    const work = [{ date: '2026-02-16', kind: 'make-up-workday' as const, name: 'x' }];
    expect(() => vietnamHolidays(2026, { extraWorkingDays: work })).toThrow(/options\.extraWorkingDays\[0\]\.date/);
    const y = vietnamHolidays(2026, { extraWorkingDays: work, removeDaysOff: ['2026-02-16'] });
    expect(kindsIn(y.days, '2026-02-16')).toEqual(['make-up-workday']);
    const off = [{ date: '2026-01-10', kind: 'local' as const, name: 'x' }];
    expect(() => vietnamHolidays(2026, { extraDaysOff: off })).toThrow(/options\.extraDaysOff\[0\]\.date/);
  });

  it('refuses bad years and options, naming the field and the value', () => {
    expectError(() => vietnamHolidays(1994), 'OUT_OF_RANGE', 'year', 1994);
    expectError(() => vietnamHolidays(2200), 'OUT_OF_RANGE', 'year', 2200);
    expectError(() => vietnamHolidays(2026.5), 'INVALID_OPTIONS', 'year', 2026.5);
    expectError(() => vietnamHolidays(2026, { from: '1994-12-31' }), 'OUT_OF_RANGE', 'options.from', '1994-12-31');
    expectError(() => vietnamHolidays(2026, { to: '2026-02-30' }), 'INVALID_DATE', 'options.to', '2026-02-30');
    expectError(
      () => vietnamHolidays(2026, { from: '2027-01-01', to: '2026-01-01' }),
      'INVALID_OPTIONS',
      'options.to',
      '2026-01-01',
    );
    expectError(
      () => vietnamHolidays(2026, { fixedHolidays: [{ ...cultureDay, month: 13 }] }),
      'INVALID_OPTIONS',
      'options.fixedHolidays[0].month',
      13,
    );
    expectError(
      () => vietnamHolidays(2026, { removeDaysOff: ['26/4/2026'] }),
      'INVALID_DATE',
      'options.removeDaysOff[0]',
      '26/4/2026',
    );
    expectError(
      () => vietnamHolidays(2026, { extraDaysOff: [{ date: '2026-03-01', kind: 'make-up-workday', name: 'x' }] }),
      'INVALID_OPTIONS',
      'options.extraDaysOff[0].kind',
      'make-up-workday',
    );
  });
});

function kindsIn(days: readonly SpecialDay[], date: string): string[] {
  return days.filter((d) => d.date === date).map((d) => d.kind);
}

function kindsOnWith(year: number, date: string, options: Parameters<typeof vietnamHolidays>[1]): string[] {
  return kindsIn(vietnamHolidays(year, options).days, date);
}

function expectError(fn: () => unknown, code: string, field: string, value: unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    expect((e as CalendarError).code).toBe(code);
    expect((e as CalendarError).details).toMatchObject({ field, value });
    expect((e as CalendarError).message).toContain(field);
    return;
  }
  throw new Error(`expected ${code} for ${field}`);
}
