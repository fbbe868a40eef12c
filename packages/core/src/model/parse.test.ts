import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { parseProcess, safeParseProcess } from './parse.js';

const minimal = {
  procedureCode: '1.001193.000.00.00.H12',
  agency: { name: 'UBND xã A' },
  version: '1',
  effectiveFrom: '2025-07-01',
  steps: [
    {
      key: 'receive',
      name: 'Tiếp nhận hồ sơ',
      kind: 'receive',
      performer: { unit: 'Bộ phận Một cửa', role: 'Công chức tiếp nhận' },
      budget: { amount: 0.5, unit: 'workingDay' },
      outcomes: [{ name: 'done', next: 'return' }],
    },
    {
      key: 'return',
      name: 'Trả kết quả',
      kind: 'return',
      performer: { unit: 'Bộ phận Một cửa', role: 'Công chức tiếp nhận' },
      budget: { amount: 0, unit: 'workingMinute', notCounted: true },
    },
  ],
};

describe('parseProcess', () => {
  it('fills the legal defaults', () => {
    const p = parseProcess(minimal);
    expect(p.countingRule).toBe('working-time');
    expect(p.supplementation).toEqual({ policy: 'restart', requestWithin: { amount: 3, unit: 'workingDay' } });
    expect(p.steps[1]?.outcomes).toEqual([]);
  });

  it('names the path and the value of a bad field', () => {
    const bad = structuredClone(minimal) as { steps: { budget: { unit: string } }[] };
    bad.steps[0]!.budget.unit = 'ngày';
    const r = safeParseProcess(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.path).toEqual(['steps', 0, 'budget', 'unit']);
      expect(r.issues[0]?.message).toContain('steps[0].budget.unit');
      expect(r.issues[0]?.message).toContain('"ngày"');
    }
    expect(() => parseProcess(bad)).toThrow(CoreError);
  });

  it('refuses unknown keys instead of dropping them', () => {
    const r = safeParseProcess({ ...minimal, stepz: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/stepz/);
  });
});
