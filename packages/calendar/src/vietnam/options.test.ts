import { describe, expect, it } from 'vitest';
import { CalendarError } from '../errors.js';
import { vietnamCalendar } from './calendar.js';

function refusal(f: () => unknown): CalendarError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return e as CalendarError;
  }
  throw new Error('expected INVALID_OPTIONS');
}

describe('vietnamCalendar refuses options it does not know (issue 12 Medium 10)', () => {
  it('a misspelt extraDayOff is refused, naming the key and the one meant', () => {
    const e = refusal(() =>
      vietnamCalendar({ extraDayOff: [{ date: '2026-05-04', kind: 'local', name: 'Ngày hội' }] } as never),
    );
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.message).toMatch(/^options\.extraDayOff: unknown option \(did you mean "extraDaysOff"\?\)/);
    expect(e.details).toEqual({ field: 'options.extraDayOff', value: 'extraDayOff' });
  });

  it('unknown keys inside a special day and a fixed holiday are refused with their path', () => {
    const day = refusal(() =>
      vietnamCalendar({ extraDaysOff: [{ date: '2026-05-04', kind: 'local', name: 'Ngày hội', kinds: 'x' }] } as never),
    );
    expect(day.message).toMatch(/^options\.extraDaysOff\[0\]\.kinds: unknown option \(did you mean "kind"\?\)/);
    const fixed = refusal(() =>
      vietnamCalendar({
        fixedHolidays: [{ month: 11, day: 24, name: 'Ngày Văn hóa', source: 'x', from: '2026-11-24', until: '2030' }],
      } as never),
    );
    expect(fixed.message).toMatch(/^options\.fixedHolidays\[0\]\.until: unknown option; known:/);
  });

  it('a value nested thousands deep is refused with a short message, not a stack overflow', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const e = refusal(() => vietnamCalendar({ name: deep } as never));
    expect(e.message.length).toBeLessThan(400);
    const f = refusal(() => vietnamCalendar({ extraDaysOff: [{ date: deep, kind: 'local', name: 'x' }] } as never));
    expect(f.message).toMatch(/options\.extraDaysOff\[0\]\.date/);
  });

  it('the known options are still accepted', () => {
    const cal = vietnamCalendar({
      from: '2025-01-01',
      to: '2027-12-31',
      extraDaysOff: [{ date: '2026-05-04', kind: 'local', name: 'Ngày hội', source: 'QĐ tỉnh' }],
      name: 'Tỉnh A',
    });
    expect(cal.name).toBe('Tỉnh A');
  });
});
