import { describe, expect, it } from 'vitest';
import { addWorkingTime, workingTimeBetween } from './arithmetic.js';
import { CalendarError } from './errors.js';
import type { WorkCalendarOptions } from './types.js';
import { createWorkCalendar, describeDay, specialDays } from './work-calendar.js';

const base = { validFrom: '2026-01-01', validTo: '2026-12-31' } as const;

function optionsError(options: unknown): CalendarError {
  try {
    createWorkCalendar(options as WorkCalendarOptions);
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected INVALID_OPTIONS');
}

describe('createWorkCalendar', () => {
  it('fills in the defaults and exposes them as options', () => {
    const calendar = createWorkCalendar(base);
    expect(calendar).toMatchObject({
      name: 'Work calendar',
      zone: 'Asia/Ho_Chi_Minh',
      workingDayMinutes: 480,
      ...base,
    });
    const day = [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ];
    expect(calendar.options).toEqual({
      name: 'Work calendar',
      zone: 'Asia/Ho_Chi_Minh',
      weekly: { 1: day, 2: day, 3: day, 4: day, 5: day },
      standardWindows: day,
      workingDayMinutes: 480,
      daysOff: [],
      extraWorkingDays: [],
      ...base,
    });
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.options)).toBe(true);
    expect(Object.isFrozen(calendar.options.weekly[1])).toBe(true);
  });

  it('rebuilds the same calendar from its normalised options', () => {
    const calendar = createWorkCalendar({
      ...base,
      zone: 'Europe/Paris',
      weekly: { 2: [{ start: '07:30', end: '11:30' }], 6: [{ start: '08:00', end: '11:00' }] },
      daysOff: [{ date: '2026-03-10', kind: 'local', name: 'Local day' }],
      extraWorkingDays: [{ date: '2026-03-15', kind: 'make-up-workday', name: 'Sunday worked' }],
    });
    const again = createWorkCalendar(calendar.options);
    expect(again.options).toEqual(calendar.options);
    for (const start of ['2026-03-09T09:00:00+01:00', '2026-03-27T10:00:00+01:00']) {
      const due = addWorkingTime(calendar, start, { amount: 5, unit: 'workingDay' });
      expect(addWorkingTime(again, start, { amount: 5, unit: 'workingDay' })).toEqual(due);
    }
    // Standard windows default to the first weekday with windows when Monday has none.
    expect(calendar.options.standardWindows).toEqual([{ start: '07:30', end: '11:30' }]);
    expect(describeDay(calendar, '2026-03-15').windows).toEqual([{ start: '07:30', end: '11:30' }]);
  });

  it.each([
    [{ ...base, weekly: { 1: [{ start: '8:00', end: '12:00' }] } }, 'weekly.1[0].start', '"8:00"'],
    [{ ...base, weekly: { 1: [{ start: '08:00', end: '24:01' }] } }, 'weekly.1[0].end', '"24:01"'],
    [{ ...base, weekly: { 3: [{ start: '13:00', end: '12:00' }] } }, 'weekly.3[0].end', '12:00'],
    [
      {
        ...base,
        weekly: {
          1: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
      'weekly.1[1].start',
      '11:00',
    ],
    [{ ...base, weekly: { 8: [] } }, 'weekly.8', 'weekday'],
    [{ ...base, standardWindows: [{ start: '09:00' }] }, 'standardWindows[0].end', 'undefined'],
    [{ ...base, zone: 'Mars/Olympus' }, 'zone', '"Mars/Olympus"'],
    [{ ...base, workingDayMinutes: 0 }, 'workingDayMinutes', '0'],
    [{ validFrom: '2026-12-31', validTo: '2026-01-01' }, 'validTo', '2026-01-01'],
    [{ validFrom: '2026-02-30', validTo: '2026-12-31' }, 'validFrom', '2026-02-30'],
    [{ validTo: '2026-12-31' }, 'validFrom', 'undefined'],
    [
      { ...base, daysOff: [{ date: '2027-01-01', kind: 'holiday', name: 'New Year' }] },
      'daysOff[0].date',
      '2027-01-01',
    ],
    [{ ...base, daysOff: [{ date: '2026-01-01', kind: 'feast', name: 'New Year' }] }, 'daysOff[0].kind', '"feast"'],
    [{ ...base, daysOff: [{ date: '2026-01-01', kind: 'holiday', name: '' }] }, 'daysOff[0].name', '""'],
    [
      {
        ...base,
        daysOff: [{ date: '2026-01-03', kind: 'holiday', name: 'Off' }],
        extraWorkingDays: [{ date: '2026-01-03', kind: 'make-up-workday', name: 'Worked' }],
      },
      'extraWorkingDays[0].date',
      '2026-01-03',
    ],
    [
      {
        ...base,
        extraWorkingDays: [
          { date: '2026-01-03', kind: 'make-up-workday', name: 'W', windows: [{ start: 'x', end: '12:00' }] },
        ],
      },
      'extraWorkingDays[0].windows[0].start',
      '"x"',
    ],
  ])('refuses bad options, naming the field path and value (%#)', (options, path, value) => {
    const error = optionsError(options);
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toContain(value);
    expect(error.details.field).toBe(path);
  });

  it('keeps several day-off entries on one date, sorted by date', () => {
    const calendar = createWorkCalendar({
      ...base,
      daysOff: [
        { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động', source: 'Labour Code 2019 art. 112' },
        { date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng', source: 'Labour Code 2019 art. 112' },
        { date: '2026-05-01', kind: 'local', name: 'Province day' },
      ],
      extraWorkingDays: [{ date: '2026-04-25', kind: 'make-up-workday', name: 'Làm bù' }],
    });
    expect(specialDays(calendar).map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-04-25 make-up-workday',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-05-01 local',
    ]);
    expect(specialDays(calendar, '2026-04-30', '2026-04-30').map((d) => d.name)).toEqual(['Ngày Chiến thắng']);
    expect(specialDays(calendar, '2026-05-01').length).toBe(2);
    expect(specialDays(calendar, undefined, '2026-04-29').length).toBe(1);
    const mayDay = describeDay(calendar, '2026-05-01');
    expect(mayDay).toMatchObject({ date: '2026-05-01', weekday: 5, working: false, windows: [] });
    expect(mayDay.special.map((d) => d.kind)).toEqual(['holiday', 'local']);
    expect(describeDay(calendar, '2026-04-25')).toMatchObject({
      weekday: 6,
      working: true,
      windows: calendar.options.standardWindows,
    });
    expect(describeDay(calendar, '2026-04-26')).toMatchObject({ weekday: 7, working: false, special: [] });
  });

  it('stores Vietnamese names in NFC', () => {
    const nfd = 'Tết Nguyên Đán'.normalize('NFD');
    const calendar = createWorkCalendar({ ...base, daysOff: [{ date: '2026-02-17', kind: 'holiday', name: nfd }] });
    expect(describeDay(calendar, '2026-02-17').special[0]?.name).toBe('Tết Nguyên Đán'.normalize('NFC'));
  });

  it('refuses dates outside the range and objects that are not calendars', () => {
    const calendar = createWorkCalendar(base);
    expect(() => describeDay(calendar, '2027-01-01')).toThrow(
      'date: 2027-01-01 is outside the range of calendar "Work calendar" (2026-01-01..2026-12-31)',
    );
    expect(() => describeDay(calendar, '2026-1-1')).toThrow(CalendarError);
    expect(() => describeDay({ ...calendar }, '2026-01-05')).toThrow('calendar: expected a WorkCalendar');
  });
});

describe('time zones', () => {
  it('places windows in local time of America/Santiago across both DST changes of 2026', () => {
    const calendar = createWorkCalendar({ ...base, zone: 'America/Santiago' });
    // Chile leaves DST on Sun 5 Apr 2026 (UTC−3 → UTC−4) and returns on Sun 6 Sep 2026.
    expect(addWorkingTime(calendar, '2026-04-03T16:00:00-03:00', { amount: 2, unit: 'workingHour' })).toEqual(
      new Date('2026-04-06T09:00:00-04:00'),
    );
    expect(workingTimeBetween(calendar, '2026-04-03T16:00:00-03:00', '2026-04-06T09:00:00-04:00')).toBe(120);
    expect(addWorkingTime(calendar, '2026-09-04T16:00:00-04:00', { amount: 2, unit: 'workingHour' })).toEqual(
      new Date('2026-09-07T09:00:00-03:00'),
    );
    expect(
      addWorkingTime(calendar, '2026-07-10T16:00:00-04:00', { amount: 1, unit: 'workingDay' }, { rule: 'civil-code' }),
    ).toEqual(new Date('2026-07-13T17:00:00-04:00'));
  });

  it('counts a repeated local hour twice and a skipped one not at all, like a wall clock', () => {
    // Santiago falls back at Sun 5 Apr 00:00 → Sat 23:00 and springs forward at Sun 6 Sep 00:00 → 01:00.
    const calendar = createWorkCalendar({
      ...base,
      zone: 'America/Santiago',
      weekly: { 6: [{ start: '22:00', end: '24:00' }], 7: [{ start: '00:00', end: '02:00' }] },
    });
    expect(workingTimeBetween(calendar, '2026-04-04T12:00:00-03:00', '2026-04-05T12:00:00-04:00')).toBe(180 + 120);
    expect(workingTimeBetween(calendar, '2026-09-05T12:00:00-04:00', '2026-09-06T12:00:00-03:00')).toBe(120 + 60);
    expect(describeDay(calendar, '2026-09-06').working).toBe(true);
  });

  it('gives the same instants whatever the zone of the input', () => {
    const calendar = createWorkCalendar({ ...base, zone: 'UTC' });
    // Fri 23:30 in Hanoi is 16:30 UTC: 30 minutes on Friday, 30 on Monday.
    expect(addWorkingTime(calendar, '2026-01-09T23:30:00+07:00', { amount: 1, unit: 'workingHour' })).toEqual(
      new Date('2026-01-12T08:30:00Z'),
    );
  });
});
