import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReactFlowCase } from '../formats/reactflow.js';
import { reactflowAdapter } from './reactflow.js';

const DIR = new URL('../../../../test/corpus/systems/reactflow/', import.meta.url);
const row = (name: string) => JSON.parse(readFileSync(new URL(`${name}/case.json`, DIR), 'utf8')) as ReactFlowCase;

describe('reactflowAdapter', () => {
  it('writes a changed node time into the text column, every other byte kept (4.0 stays 4.0)', () => {
    const seed = row('ho-kinh-doanh-seed');
    const p = reactflowAdapter.parse(seed).value!;
    const changed = {
      ...p,
      steps: p.steps.map((s, i) => (i === 1 ? { ...s, budget: { amount: 2, unit: 'workingHour' as const } } : s)),
    };
    const out = reactflowAdapter.serialize(changed, seed);
    expect(typeof out.NodeQuyTrinh).toBe('string');
    expect(out.NodeQuyTrinh).toBe((seed.NodeQuyTrinh as string).replace('"thoiGianXuLy":0.0', '"thoiGianXuLy":2'));
    expect(out.EdgeQuyTrinh).toBe('[]');
  });

  it('writes a changed status as text, as QuyTrinhXuLy.MaTrangThaiHoSo is', () => {
    const editor = row('khai-sinh-editor');
    const p = reactflowAdapter.parse(editor).value!;
    const out = reactflowAdapter.serialize(
      { ...p, steps: p.steps.map((s, i) => (i === 2 ? { ...s, portalStatus: 6 } : s)) },
      editor,
    );
    const nodes = JSON.parse(out.NodeQuyTrinh as string);
    expect(nodes[2].data.maTrangThaiHoSo).toBe('6');
    expect(Object.keys(nodes[2])).toEqual(Object.keys(JSON.parse(editor.NodeQuyTrinh as string)[2]));
  });

  it('reads "Ngày" as the due-date code counts it and warns where importer and due-date code may disagree', () => {
    const r = reactflowAdapter.parse(row('dang-ky-lai-ket-hon-ngay'), { agency: 'UBND xã A' });
    expect(r.value!.steps[1]!.budget).toEqual({ amount: 3, unit: 'calendarDay' });
    expect(r.issues.filter((i) => i.code === 'value.ambiguous').map((i) => i.pointer)).toEqual([
      '/NodeQuyTrinh/0/data/thoiGianXuLy',
      '/NodeQuyTrinh/1/data/thoiGianXuLy',
      '/NodeQuyTrinh/3/data/thoiGianXuLy',
    ]);
  });

  it('reports a column that is not JSON, and a node without a name, at their paths', () => {
    const bad = { ...row('khai-sinh-editor'), EdgeQuyTrinh: '[{"source":' };
    expect(reactflowAdapter.parse(bad).issues.map((i) => [i.code, i.pointer])).toContainEqual([
      'format.invalid',
      '/EdgeQuyTrinh',
    ]);
    const nodes = JSON.parse(row('khai-sinh-editor').NodeQuyTrinh as string);
    delete nodes[1].data.tenBuocXuLy;
    const r = reactflowAdapter.parse({ ...row('khai-sinh-editor'), NodeQuyTrinh: nodes });
    expect(r.issues.map((i) => [i.code, i.pointer])).toContainEqual([
      'format.invalid',
      '/NodeQuyTrinh/1/data/tenBuocXuLy',
    ]);
  });

  it('a process written without an original reads back the same', () => {
    const p = reactflowAdapter.parse(row('ket-hon-arrays'), { agency: 'UBND xã A' }).value!;
    const fresh = reactflowAdapter.serialize(p);
    const back = reactflowAdapter.parse(fresh, { agency: 'UBND xã A', effectiveFrom: p.effectiveFrom }).value!;
    expect(back.steps.map((s) => [s.key, s.budget, s.portalStatus, s.outcomes.map((o) => o.next)])).toEqual(
      p.steps.map((s) => [s.key, s.budget, s.portalStatus, s.outcomes.map((o) => o.next)]),
    );
  });
});
