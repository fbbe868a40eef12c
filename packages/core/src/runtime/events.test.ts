import { describe, expect, test } from 'vitest';
import type { CoreError } from '../errors.js';
import { parseDossierEvent, parseDossierEvents } from './events.js';
import { formatInstant, localDate } from './time.js';

describe('DossierEventSchema', () => {
  test('accepts every event type with an ISO instant carrying an offset', () => {
    const by = { name: 'Nguyễn Văn A' };
    const at = '2026-02-13T16:30:00+07:00';
    const ok = [
      { type: 'complete-step', step: 'receive', at, by },
      { type: 'request-supplement', reason: 'Thiếu', at, by },
      { type: 'supplement-received', at, by },
      { type: 'consult', agency: 'Thuế', budget: { amount: 2, unit: 'workingDay' }, at, by },
      { type: 'consult-returned', agency: 'Thuế', at, by },
      { type: 'reject', reason: 'Không đủ điều kiện', at, by },
      { type: 'withdraw', at: '2026-02-13T09:30:00Z', by },
      { type: 'extend', newDue: at, apology: 'Xin lỗi', at, by },
      { type: 'pay', amount: 50000, at, by },
      { type: 'return-result', at, by, note: 'Trả qua bưu chính' },
    ];
    expect(parseDossierEvents(ok)).toHaveLength(10);
  });

  test('refuses an instant without offset, unknown fields and types, naming path and value', () => {
    const bad = (input: unknown) => {
      try {
        parseDossierEvent(input);
      } catch (e) {
        expect((e as CoreError).code).toBe('INVALID_EVENT');
        return (e as CoreError).issues[0]!;
      }
      throw new Error('expected INVALID_EVENT');
    };
    expect(bad({ type: 'withdraw', at: '2026-02-13T16:30:00', by: {} })).toMatchObject({
      path: ['at'],
      value: '2026-02-13T16:30:00',
    });
    expect(bad({ type: 'withdraw', at: '2026-02-13T16:30:00Z', by: {}, extra: 1 }).message).toContain('extra');
    expect(bad({ type: 'close', at: '2026-02-13T16:30:00Z', by: {} }).path).toEqual(['type']);
    expect(bad({ type: 'pay', amount: -1, at: '2026-02-13T16:30:00Z', by: {} })).toMatchObject({
      path: ['amount'],
      value: -1,
    });
    const list = (() => {
      try {
        parseDossierEvents([
          { type: 'pay', at: '2026-02-13T16:30:00Z', by: {} },
          { type: 'pay', by: {} },
        ]);
      } catch (e) {
        return (e as CoreError).issues[0]!;
      }
    })();
    expect(list?.path).toEqual([1, 'at']);
  });
});

describe('time formatting', () => {
  test('local dates and ISO text in the calendar zone, whatever the process TZ', () => {
    const ms = Date.parse('2026-02-13T17:30:00Z');
    expect(localDate(ms, 'Asia/Ho_Chi_Minh')).toBe('2026-02-14');
    expect(formatInstant(ms, 'Asia/Ho_Chi_Minh')).toBe('2026-02-14T00:30:00+07:00');
    expect(formatInstant(ms, 'America/Santiago')).toBe('2026-02-13T14:30:00-03:00');
    expect(formatInstant(ms, 'UTC')).toBe('2026-02-13T17:30:00+00:00');
  });
});
