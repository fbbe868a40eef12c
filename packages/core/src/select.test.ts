import { CalendarError } from '@tthc/calendar';
import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.js';
import { parseProcess } from './model/parse.js';
import type { ProcessInput } from './model/process.js';
import { selectProcess } from './select.js';

const version = (v: string, effectiveFrom: string, extra: Partial<ProcessInput> = {}) =>
  parseProcess({
    procedureCode: '1.001193.000.00.00.H12',
    agency: { name: 'UBND xã A' },
    version: v,
    effectiveFrom,
    steps: [
      {
        key: 'return',
        name: 'Trả kết quả',
        kind: 'return',
        performer: { unit: 'TTPVHCC xã', role: 'Công chức' },
        budget: { amount: 0, unit: 'workingMinute', notCounted: true },
      },
    ],
    ...extra,
  });

const v2024 = version('2024.1', '2024-01-01', { effectiveTo: '2025-06-30' });
const v2025 = version('2025.1', '2025-07-01');
const v2026 = version('2026.1', '2026-03-01');

describe('selectProcess', () => {
  it('picks the version in force on the local date of receipt', () => {
    expect(selectProcess([v2024, v2025], '2025-06-30T16:59:00+07:00').version).toBe('2024.1');
    expect(selectProcess([v2024, v2025], '2025-07-01T08:00:00+07:00').version).toBe('2025.1');
  });

  it('reads the date in Vietnam time, not UTC', () => {
    // 2025-06-30T17:30Z is 00:30 on 1 July in Vietnam: the new version applies.
    expect(selectProcess([v2024, v2025], '2025-06-30T17:30:00Z').version).toBe('2025.1');
    // In UTC it is still 30 June.
    expect(selectProcess([v2024, v2025], '2025-06-30T17:30:00Z', { zone: 'UTC' }).version).toBe('2024.1');
  });

  it('accepts Date and epoch inputs alike', () => {
    const ms = Date.UTC(2026, 1, 13, 9, 30);
    expect(selectProcess([v2024, v2025], ms)).toBe(selectProcess([v2024, v2025], new Date(ms)));
  });

  it('lets the latest effectiveFrom win when versions overlap, whatever the order', () => {
    const at = '2026-03-02T09:00:00+07:00';
    expect(selectProcess([v2025, v2026], at).version).toBe('2026.1');
    expect(selectProcess([v2026, v2025], at).version).toBe('2026.1');
    expect(selectProcess([v2026, v2025], '2026-02-27T09:00:00+07:00').version).toBe('2025.1');
  });

  it('filters by national procedure code and channel', () => {
    const other = version('9', '2025-01-01', { procedureCode: '2.000815' });
    const onlineOnly = version('online', '2025-08-01', { channels: ['online'] });
    const at = '2025-09-01T09:00:00+07:00';
    expect(selectProcess([other, v2025], at, { procedureCode: '1.001193' }).version).toBe('2025.1');
    expect(selectProcess([v2025, onlineOnly], at, { channel: 'direct' }).version).toBe('2025.1');
    expect(selectProcess([v2025, onlineOnly], at, { channel: 'online' }).version).toBe('online');
  });

  it('throws NO_PROCESS_VERSION naming the date and the versions seen', () => {
    try {
      selectProcess([v2024, v2025], '2023-12-31T10:00:00+07:00');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      const err = e as CoreError;
      expect(err.code).toBe('NO_PROCESS_VERSION');
      expect(err.message).toContain('2023-12-31');
      expect(err.message).toContain('v2024.1 (2024-01-01 – 2025-06-30)');
      expect(err.message).toContain('v2025.1 (2025-07-01 – …)');
      expect(err.issues[0]?.path).toEqual(['receivedAt']);
    }
    expect(() => selectProcess([], '2025-07-01T08:00:00+07:00')).toThrow(/versions seen: none/);
  });

  it('refuses a receipt without offset and an unknown zone', () => {
    expect(() => selectProcess([v2025], '2025-07-01T08:00:00')).toThrow(CalendarError);
    expect(() => selectProcess([v2025], '2025-07-01T08:00:00+07:00', { zone: 'Asia/Hanoi_City' })).toThrow(/zone/);
  });
});
