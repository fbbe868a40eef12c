import type { Process, Step } from '@tthc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoProcess } from './fixtures.test-util.js';
import { matchSteps } from './match-steps.js';
import { nameSimilarity, performerSimilarity, positionSimilarity } from './similarity.js';

/**
 * The matching as first written (every candidate against the whole list for ties, unpaired steps by
 * search): an oracle for the faster matchSteps, which must give the same result.
 */
function reference(a: Process, b: Process, threshold = 0.5) {
  const TIE = 1e-9;
  const list: { i: number; j: number; score: number; name: number }[] = [];
  a.steps.forEach((sa, i) => {
    b.steps.forEach((sb, j) => {
      const name = nameSimilarity(sa.name, sb.name);
      const score =
        0.5 * name +
        0.3 * performerSimilarity(sa.performer, sb.performer) +
        0.2 * positionSimilarity(i, a.steps.length, j, b.steps.length);
      if (score >= threshold - TIE) list.push({ i, j, score, name });
    });
  });
  list.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [number, number, number, string][] = [];
  const ambiguous: [number[], number[], number][] = [];
  for (const c of list) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    const tiedA = list.filter((o) => o.j === c.j && o.i !== c.i && !usedA.has(o.i) && c.score - o.score < TIE);
    const tiedB = list.filter((o) => o.i === c.i && o.j !== c.j && !usedB.has(o.j) && c.score - o.score < TIE);
    if (tiedA.length > 0 || tiedB.length > 0) {
      const is = [c.i, ...tiedA.map((o) => o.i)].sort((x, y) => x - y);
      const js = [c.j, ...tiedB.map((o) => o.j)].sort((x, y) => x - y);
      for (const i of is) usedA.add(i);
      for (const j of js) usedB.add(j);
      ambiguous.push([is, js, c.score]);
      continue;
    }
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push([c.i, c.j, c.score, c.name >= 0.5 ? 'name' : 'performer-position']);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return {
    pairs,
    ambiguous,
    onlyA: a.steps.map((_, i) => i).filter((i) => !usedA.has(i)),
    onlyB: b.steps.map((_, j) => j).filter((j) => !usedB.has(j)),
  };
}

const base = isoProcess();
// Few names, units and roles: ties are frequent.
const stepArb = fc.record({
  name: fc.constantFrom(
    'Tiếp nhận hồ sơ',
    'Thẩm định hồ sơ',
    'Tham dinh ho so',
    'Xử lý hồ sơ',
    'Ký duyệt',
    'Trả kết quả',
  ),
  unit: fc.constantFrom('Bộ phận Một cửa', 'Bộ phận TN&TKQ', 'Phòng Tư pháp'),
  role: fc.constantFrom('Công chức', 'Lãnh đạo'),
});
const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 7 });

function processOf(steps: { name: string; unit: string; role: string }[], prefix: string): Process {
  const out: Step[] = steps.map((s, i) => ({
    key: `${prefix}${i}`,
    name: s.name,
    kind: 'review',
    performer: { unit: s.unit, role: s.role },
    budget: { amount: 1, unit: 'workingHour' },
    forms: [],
    outputs: [],
    outcomes: [],
  }));
  return { ...base, steps: out };
}

describe('matchSteps against the first matching', () => {
  it('pairs, ties and unpaired steps are the same', () => {
    let ties = 0;
    fc.assert(
      fc.property(stepsArb, stepsArb, (sa, sb) => {
        const a = processOf(sa, 'A');
        const b = processOf(sb, 'B');
        const m = matchSteps(a, b, { byKey: false });
        const r = reference(a, b);
        if (r.ambiguous.length > 0) ties++;
        expect(m.pairs.map((p) => [p.a.index, p.b.index, p.confidence, p.by])).toEqual(r.pairs);
        expect(m.ambiguous.map((x) => [x.a.map((s) => s.index), x.b.map((s) => s.index), x.confidence])).toEqual(
          r.ambiguous,
        );
        expect(m.onlyA.map((s) => s.index)).toEqual(r.onlyA);
        expect(m.onlyB.map((s) => s.index)).toEqual(r.onlyB);
      }),
      { numRuns: 500 },
    );
    // Not vacuous: ties do come up.
    expect(ties).toBeGreaterThan(0);
  });
});
