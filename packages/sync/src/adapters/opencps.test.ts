import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import eisoRaw from '../__fixtures__/birth-registration.eiso.json' with { type: 'json' };
import raw from '../__fixtures__/opencps-birth-registration.json' with { type: 'json' };
import { diff } from '../diff/diff.js';
import type { OpenCpsProcess } from '../formats/opencps.js';
import { eisoAdapter } from './eiso.js';
import { opencpsAdapter } from './opencps.js';

const doc = raw as unknown as OpenCpsProcess;

function objectsOf(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) objectsOf(v, out);
  else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) objectsOf(v, out);
  }
  return out;
}

describe('opencpsAdapter.parse', () => {
  const r = opencpsAdapter.parse(doc);

  it('reads the service process, steps, actions and durations', () => {
    expect(r.ok).toBe(true);
    const p = r.value!;
    expect(p).toMatchObject({
      procedureCode: '1.001193.000.00.00.H12',
      agency: { code: 'H12.01.01', name: 'UBND xã An Bình' },
      version: 'QT-KS-01',
      effectiveFrom: '2025-07-07',
      totalLimit: { amount: 8, unit: 'workingHour' },
      start: '100',
    });
    expect(p.steps.map((s) => [s.key, s.kind, s.portalStatus, s.budget.amount])).toEqual([
      ['100', 'receive', 2, 0.5],
      ['200', 'review', 4, 8],
      ['300', 'sign', 4, 2],
      ['400', 'issue', 4, 1],
      ['500', 'return', 9, 0],
    ]);
    expect(p.steps[0]?.performer).toEqual({ unit: 'Bộ phận tiếp nhận và trả kết quả', role: 'Công chức' });
    // roles[0] when there is no roleAsStep; the agency when there is no groupName
    expect(p.steps[1]?.performer).toEqual({ unit: 'UBND xã An Bình', role: 'Công chức Tư pháp - Hộ tịch' });
    expect(p.steps[2]?.outcomes).toEqual([
      { name: '3100', next: '400', label: 'Đồng ý' },
      { name: '3200', next: '200', label: 'Không đồng ý' },
    ]);
    expect(p.steps[4]?.outcomes).toEqual([{ name: '5100', next: null, label: 'Trả kết quả' }]);
    expect(r.provenance.get('/steps/1/budget')).toEqual({
      system: 'opencps',
      pointer: '/processSteps/1/durationCount',
    });
  });

  it('reads days when durationUnit is 0', () => {
    const days = { ...structuredClone(doc), durationUnit: 0 as const, durationCount: 3 };
    expect(opencpsAdapter.parse(days).value?.totalLimit).toEqual({ amount: 3, unit: 'workingDay' });
  });

  it('reports problems with their native pointers', () => {
    const bad = structuredClone(doc) as unknown as Record<string, unknown> & OpenCpsProcess;
    bad.processActions[1]!.postStepCode = '999';
    bad.processSteps[3]!.durationCount = 'vài giờ';
    delete bad.processSteps[2]!.roleAsStep;
    bad.modifiedDate = '31/02/2025';
    const r2 = opencpsAdapter.parse(bad);
    expect(r2.ok).toBe(false);
    expect(r2.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['step.unknownTarget', '/processActions/1/postStepCode'],
      ['format.invalid', '/processSteps/2/roles'],
      ['value.unreadable', '/processSteps/3/durationCount'],
      ['value.unreadable', '/modifiedDate'],
    ]);
    expect(opencpsAdapter.parse({ serviceCode: 1 }).issues[0]?.code).toBe('format.invalid');
  });
});

describe('opencpsAdapter round trip', () => {
  it('serialize(parse(x).value, x) deep-equals x with unknown fields planted anywhere', () => {
    const unknownField = fc.record({
      key: fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x-${k}`),
      value: fc.jsonValue({ maxDepth: 2 }),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(unknownField, { maxLength: 5 }), (fields) => {
        const x = structuredClone(doc);
        const objects = objectsOf(x);
        for (const f of fields) objects[f.at % objects.length]![f.key] = f.value;
        const parsed = opencpsAdapter.parse(x);
        expect(parsed.ok).toBe(true);
        expect(opencpsAdapter.serialize(parsed.value!, x)).toEqual(x);
      }),
      { numRuns: 50 },
    );
  });

  it('a changed budget, name and outcome are written; everything else is kept', () => {
    const p = structuredClone(opencpsAdapter.parse(doc).value!);
    p.steps[1]!.budget = { amount: 4, unit: 'workingHour' };
    p.steps[3]!.name = 'Vào sổ, đóng dấu, phát hành';
    p.steps[2]!.outcomes[1] = { name: '3200', next: '100', label: 'Không đồng ý' };
    const out = opencpsAdapter.serialize(p, doc);
    expect(out.processSteps[1]).toEqual({ ...doc.processSteps[1], durationCount: 4 });
    expect(out.processSteps[3]?.stepName).toBe('Vào sổ, đóng dấu, phát hành');
    expect(out.processActions.find((a) => a.actionCode === '3200')).toEqual({
      ...doc.processActions[4],
      postStepCode: '100',
    });
    expect(out.processActions).toHaveLength(doc.processActions.length);
    expect(opencpsAdapter.parse(out).value).toEqual(p);
  });

  it('a process written without an original reads back the same', () => {
    const p = opencpsAdapter.parse(doc).value!;
    const fresh = opencpsAdapter.serialize(p);
    expect(opencpsAdapter.parse(fresh).value).toEqual(p);
  });

  it('writes days when every duration is whole days', () => {
    const p = structuredClone(opencpsAdapter.parse(doc).value!);
    p.totalLimit = { amount: 3, unit: 'workingDay' };
    p.steps = p.steps.map((s) => ({ ...s, budget: { amount: 8, unit: 'workingHour' as const } }));
    const fresh = opencpsAdapter.serialize(p);
    expect(fresh.durationUnit).toBe(0);
    expect(fresh.durationCount).toBe(3);
    expect(fresh.processSteps.map((s) => s.durationCount)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('OpenCPS against the e-ISO procedure of the same TTHC', () => {
  it('diffs to exactly the drifted review budget (4 h approved, 8 h configured)', () => {
    const iso = eisoAdapter.parse(eisoRaw);
    const cps = opencpsAdapter.parse(doc);
    const changes = diff(
      { system: 'eiso', value: iso.value!, provenance: iso.provenance },
      // OpenCPS carries what the portal configuration carries: names, performers, hours, order, total.
      { system: 'portal', value: cps.value!, provenance: cps.provenance },
    );
    expect(changes.map((c) => [c.code, c.paths])).toEqual([
      ['step.duration', { a: '/NoiDung/QuyTrinhXuLy/1/ThoiGian', b: '/processSteps/1/durationCount' }],
    ]);
    expect(changes[0]).toMatchObject({
      before: { amount: 4, unit: 'workingHour' },
      after: { amount: 8, unit: 'workingHour' },
    });
  });
});
