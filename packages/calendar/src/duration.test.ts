import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationToWorkingMinutes, formatDuration, parseDuration, readVietnameseNumberWords } from './duration.js';
import { CalendarError } from './errors.js';
import type { Duration } from './types.js';

const wd = (amount: number): Duration => ({ amount, unit: 'workingDay' });
const wh = (amount: number): Duration => ({ amount, unit: 'workingHour' });
const wm = (amount: number): Duration => ({ amount, unit: 'workingMinute' });
const cd = (amount: number): Duration => ({ amount, unit: 'calendarDay' });
const NOT_COUNTED: Duration = { amount: 0, unit: 'workingMinute', notCounted: true };

describe('parseDuration', () => {
  it.each<[string, Duration]>([
    ['4h', wh(4)],
    ['4 h', wh(4)],
    ['30m', wm(30)],
    ['30 min', wm(30)],
    ['0.5d', wd(0.5)],
    ['3d', wd(3)],
    ['1,5 d', wd(1.5)],
    ['PT4H', wh(4)],
    ['pt4h', wh(4)],
    ['PT30M', wm(30)],
    ['PT1H30M', wm(90)],
    ['PT0.5H', wh(0.5)],
    ['PT90S', wm(1.5)],
    ['P3D', wd(3)],
    ['P0,5D', wd(0.5)],
    ['0,5 ngày', wd(0.5)],
    ['½ ngày', wd(0.5)],
    ['1½ ngày', wd(1.5)],
    ['¼ ngày làm việc', wd(0.25)],
    ['1/2 ngày', wd(0.5)],
    ['0.25 ngày', wd(0.25)],
    ['04 giờ', wh(4)],
    ['04 giờ làm việc', wh(4)],
    ['8 giờ', wh(8)],
    ['15 phút', wm(15)],
    ['03 ngày làm việc', wd(3)],
    ['03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', wd(3)],
    ['168 giờ (tương đương 21 ngày)', wh(168)],
    ['1 giờ 30 phút', wm(90)],
    ['1h30', wm(90)],
    ['1h30m', wm(90)],
    ['1 giờ 30', wm(90)],
    ['8 giờ 30 phút làm việc', wm(510)],
    ['4 hours 30 minutes', wm(270)],
    ['10 ngày', cd(10)],
    ['10 ngày lịch', cd(10)],
    ['Trong 03 ngày làm việc', wd(3)],
    ['Không quá 05 ngày làm việc', wd(5)],
    ['3 working days', wd(3)],
    ['1 working day', wd(1)],
    ['4 working hours', wh(4)],
    ['10 calendar days', cd(10)],
    ['45 minutes', wm(45)],
    ['  03   NGÀY   LÀM   VIỆC ', wd(3)],
    ['03 ngay lam viec', wd(3)],
    ['Trong ngày', { amount: 0, unit: 'sameDay' }],
    ['Trong ngày làm việc', { amount: 0, unit: 'sameDay' }],
    ['Ngay trong ngày', { amount: 0, unit: 'sameDay' }],
    ['trong ngay', { amount: 0, unit: 'sameDay' }],
    ['Trong ngày; sau 15 giờ trả vào ngày làm việc tiếp theo', { amount: 0, unit: 'sameDay', cutoff: '15:00' }],
    [
      'Trong ngày; nhận trước 15 giờ trả trong ngày, sau 15 giờ trả ngày làm việc tiếp theo',
      { amount: 0, unit: 'sameDay', cutoff: '15:00' },
    ],
    ['Trong ngày (trước 15:00)', { amount: 0, unit: 'sameDay', cutoff: '15:00' }],
    ['Trong ngày, sau 14h30 trả hôm sau', { amount: 0, unit: 'sameDay', cutoff: '14:30' }],
    ['Same day (before 09:15)', { amount: 0, unit: 'sameDay', cutoff: '09:15' }],
    ['Không tính thời gian', NOT_COUNTED],
    ['Giờ hành chính', NOT_COUNTED],
    ['gio hanh chinh', NOT_COUNTED],
    ['Not counted', NOT_COUNTED],
  ])('%s', (text, expected) => {
    expect(parseDuration(text)).toStrictEqual(expected);
  });

  it('reads NFD input the same as NFC', () => {
    const nfd = '03 ngày làm việc'.normalize('NFD');
    expect(nfd).not.toBe('03 ngày làm việc'.normalize('NFC'));
    expect(parseDuration(nfd)).toStrictEqual(wd(3));
  });

  it('plain "ngày" follows plainDay; a fractional plain day is always working days', () => {
    expect(parseDuration('10 ngày', { plainDay: 'workingDay' })).toStrictEqual(wd(10));
    expect(parseDuration('10 days')).toStrictEqual(cd(10));
    expect(parseDuration('0,5 ngày', { plainDay: 'calendarDay' })).toStrictEqual(wd(0.5));
    expect(parseDuration('10 ngày làm việc', { plainDay: 'calendarDay' })).toStrictEqual(wd(10));
  });

  const invalid = [
    '',
    'ba ngày',
    'ngày',
    '1,5 tháng',
    '3 ngàyx',
    '-3 ngày',
    '−2h',
    '1/0 ngày',
    '0,5 ngày lịch',
    '1.5 calendar days',
    'P',
    'PT',
    'P1DT4H',
    'P1W',
    'Trong ngày; nhận trước 15 giờ, trả trước 17 giờ',
    'Trong ngày sau 25 giờ',
    '1h75',
    '1 giờ 90 phút',
  ];
  it.each(invalid)('refuses %j with INVALID_DURATION naming field and value', (text) => {
    let caught: unknown;
    try {
      parseDuration(text, { field: 'steps[2].time' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalendarError);
    const err = caught as CalendarError;
    expect(err.code).toBe('INVALID_DURATION');
    expect(err.message.startsWith(`steps[2].time: cannot read ${JSON.stringify(text.trim())}`)).toBe(true);
    expect(err.details).toEqual({ field: 'steps[2].time', value: text.trim() });
  });

  it('the default message names "duration" and lists the accepted forms', () => {
    expect(() => parseDuration('ba ngày')).toThrow(
      'duration: cannot read "ba ngày"; expected … (4h, 30m, 0.5d, PT4H, "0,5 ngày", "04 giờ", "03 ngày làm việc", "Trong ngày")',
    );
  });

  it('refuses a non-string', () => {
    expect(() => parseDuration(3 as unknown as string)).toThrow(CalendarError);
  });

  it('refuses amounts too large to be finite', () => {
    expect(() => parseDuration(`${'9'.repeat(400)} h`)).toThrow(/finite number/);
  });
});

describe('amounts spelled out in words, as official texts write them', () => {
  it('reads "05 (năm) ngày làm việc" when the words say what the digits say', () => {
    expect(parseDuration('05 (năm) ngày làm việc')).toEqual({ amount: 5, unit: 'workingDay' });
    expect(parseDuration('Không quá 15 (mười lăm) ngày làm việc')).toEqual({ amount: 15, unit: 'workingDay' });
    expect(parseDuration('21 (Hai mươi mốt) ngày')).toEqual({ amount: 21, unit: 'calendarDay' });
    expect(parseDuration('03 ( ba ) giờ làm việc')).toEqual({ amount: 3, unit: 'workingHour' });
  });

  it('refuses words that disagree with the digits or are not a number', () => {
    expect(() => parseDuration('05 (mười) ngày làm việc')).toThrow(/digits say 5 .* say 10/);
    expect(() => parseDuration('10 (mười hai) ngày')).toThrow(/digits say 10 .* say 12/);
    expect(() => parseDuration('10 (ngày lễ) ngày')).toThrow(/does not read as a number/);
  });

  it('Vietnamese number words 0–999 round the usual spellings', () => {
    const cases: [string, number][] = [
      ['khong', 0],
      ['nam', 5],
      ['muoi', 10],
      ['muoi lam', 15],
      ['muoi bon', 14],
      ['hai muoi', 20],
      ['hai muoi tu', 24],
      ['ba muoi mot', 31],
      ['mot tram', 100],
      ['mot tram linh nam', 105],
      ['hai tram le mot', 201],
      ['chin tram chin muoi chin', 999],
    ];
    for (const [words, n] of cases) expect(readVietnameseNumberWords(words), words).toBe(n);
    for (const bad of ['', 'muoi muoi', 'mot muoi', 'tram', 'hai hai', 'nam ngay']) {
      expect(readVietnameseNumberWords(bad), bad).toBeUndefined();
    }
  });

  it('months are whole calendar months (Civil Code 2015 art. 147–148; see months.test.ts)', () => {
    expect(parseDuration('03 tháng')).toStrictEqual({ amount: 3, unit: 'calendarMonth' });
    expect(() => parseDuration('0,5 tháng')).toThrow(/whole.*Civil Code 2015 art\. 148/);
  });
});

describe('formatDuration', () => {
  it.each<[Duration, string, string]>([
    [wd(0.5), '0,5 ngày làm việc', '0.5 working days'],
    [wd(1), '1 ngày làm việc', '1 working day'],
    [wh(4), '4 giờ làm việc', '4 working hours'],
    [wm(15), '15 phút làm việc', '15 working minutes'],
    [cd(10), '10 ngày', '10 calendar days'],
    [{ amount: 0, unit: 'sameDay', cutoff: '15:00' }, 'Trong ngày (trước 15:00)', 'Same day (before 15:00)'],
    [{ amount: 0, unit: 'sameDay' }, 'Trong ngày', 'Same day'],
    [NOT_COUNTED, 'Không tính thời gian', 'Not counted'],
    [wm(1.5e-7), '0,00000015 phút làm việc', '0.00000015 working minutes'],
  ])('%j', (d, vi, en) => {
    expect(formatDuration(d)).toBe(vi);
    expect(formatDuration(d, { lang: 'en' })).toBe(en);
  });

  it('writes NFC text', () => {
    const text = formatDuration(wd(3));
    expect(text).toBe(text.normalize('NFC'));
  });

  it.each<Duration>([
    wd(-1),
    wh(Number.NaN),
    wm(Number.POSITIVE_INFINITY),
    { amount: 1, unit: 'fortnight' as Duration['unit'] },
    { amount: 0, unit: 'sameDay', cutoff: '25:00' },
  ])('refuses %j', (d) => {
    expect(() => formatDuration(d)).toThrow(CalendarError);
  });
});

/** Canonical durations: what parseDuration returns (sameDay amount 0, notCounted in minutes, whole calendar days). */
const canonicalDurationArb: fc.Arbitrary<Duration> = fc.oneof(
  fc.record({
    amount: fc.oneof(fc.nat(10_000), fc.double({ min: 0, max: 1e6, noNaN: true })),
    unit: fc.constantFrom('workingMinute' as const, 'workingHour' as const, 'workingDay' as const),
  }),
  fc.record({ amount: fc.nat(10_000), unit: fc.constant('calendarDay' as const) }),
  fc.constant(NOT_COUNTED),
  fc.constant<Duration>({ amount: 0, unit: 'sameDay' }),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
    ([h, m]): Duration => ({
      amount: 0,
      unit: 'sameDay',
      cutoff: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    }),
  ),
);

describe('parse ∘ format is the identity on canonical durations', () => {
  it.each(['vi', 'en'] as const)('%s', (lang) => {
    fc.assert(
      fc.property(canonicalDurationArb, (d) => {
        // fc.record builds null-prototype objects: compare with a plain copy.
        expect(parseDuration(formatDuration(d, { lang }))).toStrictEqual({ ...d });
      }),
      { numRuns: 2000 },
    );
  });

  it('format ∘ parse is stable (a parsed text formats to a fixed point)', () => {
    fc.assert(
      fc.property(canonicalDurationArb, fc.constantFrom('vi' as const, 'en' as const), (d, lang) => {
        const once = formatDuration(parseDuration(formatDuration(d, { lang })), { lang });
        expect(once).toBe(formatDuration(d, { lang }));
      }),
    );
  });
});

describe('durationToWorkingMinutes', () => {
  it('converts working units with the day length', () => {
    expect(durationToWorkingMinutes(wd(0.5))).toBe(240);
    expect(durationToWorkingMinutes(wd(3), 450)).toBe(1350);
    expect(durationToWorkingMinutes(wh(1.5))).toBe(90);
    expect(durationToWorkingMinutes(wm(15))).toBe(15);
    expect(durationToWorkingMinutes(NOT_COUNTED)).toBe(0);
  });

  it('gives null for units that need a start instant', () => {
    expect(durationToWorkingMinutes(cd(10))).toBeNull();
    expect(durationToWorkingMinutes({ amount: 0, unit: 'sameDay', cutoff: '15:00' })).toBeNull();
  });

  it('refuses a bad day length or duration', () => {
    expect(() => durationToWorkingMinutes(wd(1), 0)).toThrow(/workingDayMinutes/);
    expect(() => durationToWorkingMinutes(wd(-1))).toThrow(CalendarError);
  });

  it('is linear in the amount for working units (hours ↔ minutes ↔ days agree)', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 1440 }), (n, dayMinutes) => {
        expect(durationToWorkingMinutes(wh(n), dayMinutes)).toBe(durationToWorkingMinutes(wm(n * 60), dayMinutes));
        expect(durationToWorkingMinutes(wd(n), dayMinutes)).toBe(n * dayMinutes);
        expect(durationToWorkingMinutes(parseDuration(`${n} ngày làm việc`), dayMinutes)).toBe(n * dayMinutes);
      }),
    );
  });
});

describe('parseDuration never drops a second amount (issue 12 Low 12)', () => {
  it('"02 ngày 04 giờ làm việc" is refused naming both parts', () => {
    for (const text of [
      '02 ngày 04 giờ làm việc',
      '2 ngày và 4 giờ',
      '2 working days 4 hours',
      '1 ngày làm việc + 30 phút',
    ]) {
      expect(() => parseDuration(text)).toThrow(CalendarError);
    }
    expect(() => parseDuration('02 ngày 04 giờ làm việc', { plainDay: 'workingDay' })).toThrow(
      /two amounts, 2 ngày làm việc and 4 giờ làm việc/,
    );
    expect(() => parseDuration('02 ngày 04 giờ làm việc')).toThrow(/two amounts, 2 ngày and 4 giờ làm việc/);
  });

  it('a second amount inside the trailing context is still context', () => {
    expect(parseDuration('168 giờ (tương đương 21 ngày)')).toEqual({ amount: 168, unit: 'workingHour' });
    expect(parseDuration('03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ')).toEqual({
      amount: 3,
      unit: 'workingDay',
    });
    expect(parseDuration('1 giờ 30 phút')).toEqual({ amount: 90, unit: 'workingMinute' });
  });
});
