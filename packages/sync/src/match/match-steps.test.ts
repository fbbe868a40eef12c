import type { Process, Step } from '@tthc/core';
import { describe, expect, it } from 'vitest';
import { isoProcess, portalProcess } from './fixtures.test-util.js';
import { matchSteps } from './match-steps.js';
import { nameSimilarity, performerSimilarity, positionSimilarity } from './similarity.js';

function keys(m: ReturnType<typeof matchSteps>) {
  return m.pairs.map((p) => [p.a.step.key, p.b.step.key, p.by]);
}

function withSteps(p: Process, steps: Step[]): Process {
  return { ...p, steps };
}

describe('similarity', () => {
  it('scores containment of a short name in a long one', () => {
    expect(nameSimilarity('Tiếp nhận hồ sơ', 'Tiếp nhận hồ sơ, kiểm tra tính hợp lệ')).toBeGreaterThan(0.7);
    expect(nameSimilarity('Thẩm định hồ sơ', 'THẨM ĐỊNH HỒ SƠ')).toBe(1);
    expect(nameSimilarity('Thẩm định hồ sơ', 'Tham dinh ho so')).toBe(1);
    expect(nameSimilarity('Thẩm định hồ sơ', 'Ký Giấy khai sinh')).toBe(0);
  });
  it('keeps diacritics when both names have them: chờ is not cho', () => {
    expect(nameSimilarity('Chờ trả', 'Chuyển cho trả')).toBeLessThan(nameSimilarity('Cho trả', 'Chuyển cho trả'));
  });
  it('resolves unit aliases and folds roles', () => {
    expect(
      performerSimilarity(
        { unit: 'Bộ phận TN&TKQ', role: 'Công chức' },
        { unit: 'Bộ phận Một cửa', role: 'công chức' },
      ),
    ).toBe(1);
    expect(
      performerSimilarity({ unit: 'Phòng Tư pháp', role: 'Chuyên viên' }, { unit: 'Văn phòng', role: 'Lãnh đạo' }),
    ).toBe(0);
  });
  it('compares relative positions', () => {
    expect(positionSimilarity(4, 5, 2, 3)).toBe(1);
    expect(positionSimilarity(0, 5, 2, 3)).toBe(0);
  });
});

describe('matchSteps', () => {
  it('pairs the ISO table with the portal process by name', () => {
    const m = matchSteps(isoProcess(), portalProcess());
    expect(keys(m)).toEqual([
      ['B1', 'tiep-nhan', 'name'],
      ['B2', 'tham-dinh', 'name'],
      ['B3', 'phe-duyet', 'name'],
      ['B4', 'van-thu', 'name'],
      ['B5', 'cho-tra', 'name'],
    ]);
    expect(m.onlyA).toEqual([]);
    expect(m.onlyB).toEqual([]);
    for (const p of m.pairs) expect(p.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('pairs equal keys with confidence 1, whatever the names', () => {
    const a = isoProcess();
    const b = withSteps(
      a,
      a.steps.map((s) => ({ ...s, name: `${s.name} (sửa)` })),
    );
    const m = matchSteps(a, b);
    expect(m.pairs.every((p) => p.by === 'key' && p.confidence === 1 && p.a.step.key === p.b.step.key)).toBe(true);
  });

  it('pairs a renamed step by performer and position when keys differ', () => {
    const a = isoProcess();
    const b = withSteps(
      a,
      a.steps.map((s, i) => ({ ...s, key: `X${i}`, name: i === 3 ? 'Hoàn thiện thủ tục lưu trữ' : s.name })),
    );
    const m = matchSteps(a, b);
    expect(m.pairs.find((p) => p.a.step.key === 'B4')).toMatchObject({ b: { index: 3 }, by: 'performer-position' });
  });

  it('leaves dissimilar steps unpaired (added/removed), never forced', () => {
    const a = isoProcess();
    const b = withSteps(a, [
      ...a.steps.slice(0, 4),
      {
        ...a.steps[4]!,
        key: 'B9',
        name: 'Lưu trữ hồ sơ điện tử',
        performer: { unit: 'Văn phòng', role: 'Lưu trữ viên' },
      },
    ]);
    const m = matchSteps(a, b);
    expect(m.onlyA.map((s) => s.step.key)).toEqual(['B5']);
    expect(m.onlyB.map((s) => s.step.key)).toEqual(['B9']);
  });

  it('reports a tie as ambiguous instead of guessing', () => {
    const a = isoProcess();
    const twin = { ...a.steps[1]!, key: 'T1' };
    const single = withSteps(a, [a.steps[0]!, { ...a.steps[1]!, key: 'S' }, a.steps[2]!]);
    const doubled = withSteps(a, [a.steps[0]!, { ...twin }, { ...twin, key: 'T2' }, a.steps[2]!]);
    // Same name, same performer; positions 0.5 vs 1/3 and 2/3 are equally far.
    const m = matchSteps(single, doubled);
    expect(m.ambiguous).toHaveLength(1);
    expect(m.ambiguous[0]!.a.map((s) => s.step.key)).toEqual(['S']);
    expect(m.ambiguous[0]!.b.map((s) => s.step.key)).toEqual(['T1', 'T2']);
    expect(m.pairs.some((p) => p.a.step.key === 'S')).toBe(false);
  });

  it('accounts for every step exactly once', () => {
    const a = isoProcess();
    const b = portalProcess();
    const m = matchSteps(a, b);
    const seenA = [
      ...m.pairs.map((p) => p.a.index),
      ...m.onlyA.map((s) => s.index),
      ...m.ambiguous.flatMap((x) => x.a.map((s) => s.index)),
    ];
    expect(seenA.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
