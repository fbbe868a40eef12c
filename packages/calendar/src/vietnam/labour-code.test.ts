import { describe, expect, it } from 'vitest';
import { dayNumberFromIso, isoFromDayNumber, weekdayOfDayNumber } from '../civil-date.js';
import { compensatoryDays, isWeeklyRestDay } from './compensatory.js';
import { VN_DAYS_OFF_DATA } from './days-off-data.generated.js';
import { labourCodeOf, lawLabel, nationalDayAdjacent, statutoryHolidays, tetOffsets } from './labour-code.js';

// Mùng 1 Tết per year (published Vietnamese calendar), used to read the announced Tết days as lunar offsets.
const TET: Record<number, string> = {
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
};

const years = VN_DAYS_OFF_DATA.years;

function tetDaysOf(year: (typeof years)[number]): string[] {
  return year.statutoryHolidays.filter((h) => h.name.startsWith('Tết Nguyên Đán')).map((h) => h.date);
}

function anchorsOf(year: (typeof years)[number]) {
  const hung = year.statutoryHolidays.find((h) => h.name.startsWith('Giỗ Tổ'));
  return { tet: dayNumberFromIso(TET[year.year]!), lastMonthLength: 30, hungKings: dayNumberFromIso(hung!.date) };
}

describe('labourCodeOf / lawLabel', () => {
  it('matches the law each announced year records', () => {
    for (const y of years) expect(lawLabel(labourCodeOf(y.year)), String(y.year)).toBe(y.law);
  });
  it('switches on 2013-05-01 (LC2012 art. 242) and 2021-01-01', () => {
    expect([1995, 2012, 2013, 2014, 2020, 2021, 2199].map((y) => labourCodeOf(y))).toEqual([
      'LC1994',
      'LC1994',
      'LC1994',
      'LC2012',
      'LC2012',
      'LC2019',
      'LC2019',
    ]);
    const on = (iso: string) => labourCodeOf({ day: dayNumberFromIso(iso) });
    expect(['2013-02-10', '2013-04-30', '2013-05-01', '2020-12-31', '2021-01-01'].map(on)).toEqual([
      'LC1994',
      'LC1994',
      'LC2012',
      'LC2012',
      'LC2019',
    ]);
  });
});

describe('Tết heuristic (derived from the announced years)', () => {
  const misses: number[] = [];
  for (const y of years) {
    const tet = dayNumberFromIso(TET[y.year]!);
    const expected = tetDaysOf(y);
    const offsets = tetOffsets(labourCodeOf({ day: tet }), weekdayOfDayNumber(tet));
    const derived = offsets.map((o) => isoFromDayNumber(tet + o));
    if (derived.join() !== expected.join()) misses.push(y.year);
  }
  it('reproduces the statutory Tết days of 2010–2013 (Decree 195/CP) and 2015–2026; misses only 2014', () => {
    // Tết 2013 fell before LC2012 took effect (1/5/2013) and had LC1994's four days. 2014 (mùng 1 a
    // Friday) designated the eve + mùng 1–4; later years with that weekday (2021) designated 2 days
    // before + mùng 1–2, which the heuristic follows.
    expect(misses).toEqual([2014]);
  });
  it('always gives the number of days the law requires, containing mùng 1–3 under LC1994 and mùng 1–2 after', () => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      expect(tetOffsets('LC1994', weekday)).toEqual([-1, 0, 1, 2]);
      for (const code of ['LC2012', 'LC2019'] as const) {
        const o = tetOffsets(code, weekday);
        expect(o).toHaveLength(5);
        expect(o).toEqual(expect.arrayContaining([-1, 0, 1, 2]));
      }
    }
  });
});

describe('National Day adjacent day heuristic', () => {
  it('reproduces 2021–2026', () => {
    for (const y of years.filter((x) => x.year >= 2021)) {
      const adjacent = y.statutoryHolidays.find((h) => h.name.includes('adjacent'))!.date;
      expect(isoFromDayNumber(nationalDayAdjacent(y.year)), String(y.year)).toBe(adjacent);
    }
  });
  it('is always a weekday next to 2/9', () => {
    for (let year = 2021; year <= 2199; year++) {
      const d = nationalDayAdjacent(year);
      expect(Math.abs(d - dayNumberFromIso(`${year}-09-02`))).toBe(1);
      expect(weekdayOfDayNumber(d)).toBeLessThanOrEqual(5);
    }
  });
});

describe('statutoryHolidays', () => {
  it('reproduces the whole statutory list of every announced year except the Tết miss (2014)', () => {
    for (const y of years.filter((x) => x.year !== 2014)) {
      const derived = statutoryHolidays(y.year, anchorsOf(y)).map((h) => isoFromDayNumber(h.day));
      expect(derived, String(y.year)).toEqual(y.statutoryHolidays.map((h) => h.date));
    }
  });
  it('counts 9 days under LC1994 (8 before 2007), 10 under LC2012, 11 under LC2019', () => {
    const anchors = {
      tet: dayNumberFromIso('2006-01-29'),
      lastMonthLength: 29,
      hungKings: dayNumberFromIso('2006-04-07'),
    };
    expect(statutoryHolidays(2006, anchors)).toHaveLength(8);
    expect(statutoryHolidays(2010, anchorsOf(years[0]!))).toHaveLength(9);
    expect(statutoryHolidays(2016, anchorsOf(years[6]!))).toHaveLength(10);
    expect(statutoryHolidays(2025, anchorsOf(years[15]!))).toHaveLength(11);
  });
  it('names Tết days by their lunar day', () => {
    const names = statutoryHolidays(2025, { ...anchorsOf(years[15]!), lastMonthLength: 29 }).map((h) => h.name);
    expect(names).toContain('Tết Nguyên Đán (28 tháng Chạp)');
    expect(names).toContain('Tết Nguyên Đán (29 tháng Chạp)');
    expect(names).toContain('Tết Nguyên Đán (mùng 2)');
  });
});

describe('compensatory rule (LC2019 art. 111(3) and predecessors)', () => {
  it('reproduces the compensatory days of every announced year', () => {
    const misses: number[] = [];
    for (const y of years) {
      const holidays = y.statutoryHolidays.map((h) => ({ day: dayNumberFromIso(h.date), name: h.name }));
      const derived = compensatoryDays(holidays).map((c) => isoFromDayNumber(c.day));
      if (derived.sort().join() !== [...y.compensatoryDays].sort().join()) misses.push(y.year);
    }
    expect(misses).toEqual([]);
  });
  it('gives the Monday for Giỗ Tổ on Sunday 2019-04-14', () => {
    const c = compensatoryDays([{ day: dayNumberFromIso('2019-04-14'), name: 'Giỗ Tổ' }]);
    expect(c.map((x) => isoFromDayNumber(x.day))).toEqual(['2019-04-15']);
  });
  it('knows only Sunday as weekly rest before Decision 188/1999/QĐ-TTg (1999-10-01)', () => {
    expect(isWeeklyRestDay(dayNumberFromIso('1999-09-25'))).toBe(false); // Saturday
    expect(isWeeklyRestDay(dayNumberFromIso('1999-10-02'))).toBe(true); // Saturday
    expect(isWeeklyRestDay(dayNumberFromIso('1999-09-26'))).toBe(true); // Sunday
  });
  it('law: one distinct working, non-holiday day after each rest-day holiday', () => {
    for (let year = 1995; year <= 2199; year += 7) {
      const holidays = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ day: dayNumberFromIso(`${year}-04-2${i}`), name: `h${i}` }));
      const comps = compensatoryDays(holidays);
      const set = new Set(holidays.map((h) => h.day));
      expect(comps).toHaveLength(holidays.filter((h) => isWeeklyRestDay(h.day)).length);
      expect(new Set(comps.map((c) => c.day)).size).toBe(comps.length);
      for (const c of comps) {
        expect(c.day).toBeGreaterThan(c.forHoliday.day);
        expect(isWeeklyRestDay(c.day) || set.has(c.day)).toBe(false);
      }
    }
  });
});
