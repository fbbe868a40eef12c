import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberFromCivil, dayNumberFromIso, isoFromDayNumber, weekdayOfDayNumber } from '../civil-date.js';
import { CalendarError } from '../errors.js';
import { describeDay, specialDays } from '../work-calendar.js';
import { VN_DAYS_OFF_DATA } from './days-off-data.generated.js';
import { vietnamCalendar } from './calendar.js';
import { vietnamHolidays } from './holidays.js';

const working = (date: string, calendar = vietnamCalendar()) => describeDay(calendar, date).working;

describe('vietnamCalendar() against every announced year', () => {
  for (const record of VN_DAYS_OFF_DATA.years) {
    it(`${record.year}: a weekday is off iff listed; a weekend day is worked iff listed`, () => {
      const offWeekdays = new Set(record.nonWorkingWeekdays);
      const workedWeekend = new Set(record.workingWeekendDays);
      const first = dayNumberFromCivil(record.year, 1, 1);
      const last = dayNumberFromCivil(record.year, 12, 31);
      const wrong: string[] = [];
      for (let day = first; day <= last; day++) {
        const date = isoFromDayNumber(day);
        const weekend = weekdayOfDayNumber(day) >= 6;
        const expected = weekend ? workedWeekend.has(date) : !offWeekdays.has(date);
        if (working(date) !== expected) wrong.push(date);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('known facts', () => {
  it('2025: Saturday 26/4 worked for Friday 2/5', () => {
    expect(working('2025-04-26')).toBe(true);
    expect(working('2025-05-02')).toBe(false);
    expect(describeDay(vietnamCalendar(), '2025-04-26').special[0]?.kind).toBe('make-up-workday');
  });
  it('2026: Saturday 10/1 for Friday 2/1, Saturday 22/8 for Monday 31/8', () => {
    expect(working('2026-01-10')).toBe(true);
    expect(working('2026-01-02')).toBe(false);
    expect(working('2026-08-22')).toBe(true);
    expect(working('2026-08-31')).toBe(false);
  });
  it('Tết 2026: off from Saturday 14/2 to Sunday 22/2, back on Monday 23/2', () => {
    expect(working('2026-02-13')).toBe(true);
    for (let d = 14; d <= 22; d++) expect(working(`2026-02-${d}`), String(d)).toBe(false);
    expect(working('2026-02-23')).toBe(true);
  });
  it('2010–2013 swaps of the corrected notices (fixed hard-coded facts, not read from the data)', () => {
    // 2010 National Day: Fri 3/9 off, Sat 11/9 worked; 2011 Tết: Mon 31/1 and Tue 1/2 off, Sat 29/1 and
    // Sun 30/1 worked; Giỗ Tổ 2011: Mon 11/4 off, Sat 9/4 worked; New Year 2013: Mon 31/12/2012 off,
    // Sat 5/1/2013 worked.
    for (const d of ['2010-09-03', '2011-01-31', '2011-02-01', '2011-04-11', '2012-12-31']) {
      expect(working(d), d).toBe(false);
    }
    for (const d of ['2010-09-11', '2011-01-29', '2011-01-30', '2011-04-09', '2013-01-05']) {
      expect(working(d), d).toBe(true);
    }
  });
  it('Tết 2013 under the Labour Code 1994: 9–12/2 statutory, 13–14/2 compensatory, Fri 15/2 for Sat 23/2', () => {
    const kinds = (d: string) => describeDay(vietnamCalendar(), d).special.map((s) => s.kind);
    for (let d = 9; d <= 17; d++) expect(working(`2013-02-${String(d).padStart(2, '0')}`), String(d)).toBe(false);
    expect(working('2013-02-18')).toBe(true);
    expect(working('2013-02-23')).toBe(true);
    expect(kinds('2013-02-13')).toEqual(['compensatory']);
    expect(kinds('2013-02-14')).toEqual(['compensatory']);
    const tet = vietnamHolidays(2013).days.filter((h) => h.kind === 'holiday' && h.name.startsWith('Tết Nguyên Đán'));
    expect(tet.map((h) => h.date)).toEqual(['2013-02-09', '2013-02-10', '2013-02-11', '2013-02-12']);
  });
  it('2019-04-15 is the compensatory day for Giỗ Tổ on Sunday 14/4', () => {
    const info = describeDay(vietnamCalendar(), '2019-04-15');
    expect(info.working).toBe(false);
    expect(info.special.map((s) => s.kind)).toEqual(['compensatory']);
  });
  it('explains a day with its name and source', () => {
    const [entry] = describeDay(vietnamCalendar(), '2026-02-17').special;
    expect(entry?.name).toBe('Tết Nguyên Đán (statutory Tết day 2/5)');
    expect(entry?.source).toContain('BNV-2026: vietbao.vn/…');
  });
});

describe('provisional years in the calendar', () => {
  it('Tết 2027: off Thursday 4/2 … Wednesday 10/2, provisional', () => {
    expect(working('2027-02-03')).toBe(true);
    for (let d = 4; d <= 10; d++) expect(working(`2027-02-${String(d).padStart(2, '0')}`)).toBe(false);
    expect(working('2027-02-11')).toBe(true);
    expect(describeDay(vietnamCalendar(), '2027-02-04').special[0]?.provisional).toBe(true);
  });

  it('law: every day off of vietnamHolidays(y) is non-working, and every other weekday is working', () => {
    const cal = vietnamCalendar();
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 364 }), (year, offset) => {
        const days = vietnamHolidays(year).days;
        const date = isoFromDayNumber(dayNumberFromCivil(year, 1, 1) + offset);
        const entries = days.filter((d) => d.date === date);
        const weekday = weekdayOfDayNumber(dayNumberFromIso(date));
        const expected = entries.some((d) => d.kind === 'make-up-workday')
          ? true
          : entries.length > 0
            ? false
            : weekday <= 5;
        expect(working(date, cal)).toBe(expected);
        expect(
          describeDay(cal, date)
            .special.map((s) => s.kind)
            .sort(),
        ).toEqual(entries.map((d) => d.kind).sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('options', () => {
  const cultureDay = { month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', source: 'CULTURE-DAY', from: '2026-11-24' };

  it('is memoised without options', () => {
    expect(vietnamCalendar()).toBe(vietnamCalendar());
    expect(vietnamCalendar({})).toBe(vietnamCalendar());
    expect(vietnamCalendar().name).toBe('Vietnam (state agencies)');
    expect([vietnamCalendar().validFrom, vietnamCalendar().validTo]).toEqual(['2000-01-01', '2100-12-31']);
  });

  it('fixedHolidays 24/11 from 2026-11-24 makes Tuesday 2026-11-24 non-working', () => {
    expect(working('2026-11-24')).toBe(true);
    const cal = vietnamCalendar({ from: '2025-01-01', to: '2030-12-31', fixedHolidays: [cultureDay] });
    expect(working('2025-11-24', cal)).toBe(true);
    expect(working('2026-11-24', cal)).toBe(false);
    expect(working('2029-11-26', cal)).toBe(false); // Monday after Saturday 24/11/2029
  });

  it('extraDaysOff, extraWorkingDays and removeDaysOff change the working days', () => {
    const cal = vietnamCalendar({
      from: '2027-01-01',
      to: '2027-12-31',
      extraDaysOff: [{ date: '2027-03-18', kind: 'local', name: 'Ngày giải phóng tỉnh' }],
      extraWorkingDays: [{ date: '2027-02-20', kind: 'make-up-workday', name: 'Làm bù Tết' }],
      removeDaysOff: ['2027-02-10'],
    });
    expect(working('2027-03-18', cal)).toBe(false);
    expect(working('2027-02-20', cal)).toBe(true);
    expect(working('2027-02-10', cal)).toBe(true);
    expect(specialDays(cal, '2027-02-10', '2027-02-10')).toEqual([]);
  });

  it('passes office hours and range to the engine', () => {
    const cal = vietnamCalendar({
      from: '2026-01-01',
      to: '2026-12-31',
      weekly: { 1: [{ start: '07:30', end: '11:30' }], 6: [{ start: '08:00', end: '11:00' }] },
      name: 'Một cửa tỉnh X',
    });
    expect(cal.name).toBe('Một cửa tỉnh X');
    expect(describeDay(cal, '2026-01-05').windows).toEqual([{ start: '07:30', end: '11:30' }]);
    expect(working('2026-01-03', cal)).toBe(true); // Saturday morning desk
    expect(() => describeDay(cal, '2027-01-04')).toThrow(CalendarError);
  });

  it('refuses a removeDaysOff date that is no day off, and bad ranges', () => {
    expect(() => vietnamCalendar({ from: '2026-01-01', to: '2026-12-31', removeDaysOff: ['2026-03-03'] })).toThrow(
      /options\.removeDaysOff\[0\]: 2026-03-03 is not a shipped or derived day off/,
    );
    expect(() => vietnamCalendar({ from: '1994-12-31' })).toThrow(/options\.from/);
    expect(() => vietnamCalendar({ to: '2200-01-01' })).toThrow(/options\.to/);
  });

  it('builds the widest range 1995–2199', () => {
    const cal = vietnamCalendar({ from: '1995-01-01', to: '2199-12-31' });
    expect(working('2199-09-02', cal)).toBe(false);
  });
});
