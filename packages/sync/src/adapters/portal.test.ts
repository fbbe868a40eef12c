import { describe, expect, it } from 'vitest';
import raw from '../__fixtures__/birth-registration.portal.json' with { type: 'json' };
import type { PortalProcess } from '../formats/portal.js';
import { portalAdapter } from './portal.js';
import { readOutcomes } from './portal-edges.js';

const fixture = (): PortalProcess => structuredClone(raw) as PortalProcess;

describe('portalAdapter.parse', () => {
  it('reads the first case: nodes, hours, user groups and edges', () => {
    const r = portalAdapter.parse(fixture());
    expect(r.issues).toEqual([]);
    const p = r.value!;
    expect(p).toMatchObject({
      procedureCode: '1.001193.000.00.00.H12',
      version: '2025.1',
      effectiveFrom: '2025-07-01',
      approvedBy: { number: '1520/QĐ-UBND', issuedOn: '2025-06-25' },
      totalLimit: { amount: 8, unit: 'workingHour' },
      extensions: { portal: { TruongHop: 'KS-DUNGHAN', ThoiGianThucHienTrucTuyen: 8 } },
    });
    expect(p.steps.map((s) => [s.key, s.kind, s.budget.amount, s.portalStatus])).toEqual([
      ['tiep-nhan', 'receive', 0.5, 2],
      ['tham-dinh', 'review', 4, 4],
      ['phe-duyet', 'approve', 2, 4],
      ['van-thu', 'issue', 1, 4],
      ['cho-tra', 'return', 0, 9],
    ]);
    expect(p.steps[0]!.performer).toEqual({ unit: 'Bộ phận Một cửa', role: 'Cán bộ một cửa' });
    expect(p.steps[1]!.performer).toEqual({ unit: 'UBND xã An Bình', role: 'Công chức Tư pháp - Hộ tịch' });
    expect(p.steps[0]!.outcomes).toEqual([{ name: 'done', next: 'tham-dinh', label: 'Chuyển xử lý' }]);
    expect(p.steps[2]!.outcomes).toEqual([
      { name: 'dong-y', next: 'van-thu', label: 'Đồng ý' },
      { name: 'khong-dong-y', next: 'tham-dinh', label: 'Không đồng ý' },
    ]);
    expect(p.steps[4]!.outcomes).toEqual([]);
    expect(p.steps[1]!.extensions).toEqual({ portal: { ChoPhepChuyenLaiBuocTruoc: true } });
    expect(r.provenance.get('/steps/1/budget')).toEqual({
      system: 'portal',
      pointer: '/TruongHop/0/QuyTrinh/1/ThoiGianXuLy',
    });
  });

  it('reads another case on request and reads "Ngày" as calendar days', () => {
    const doc = fixture();
    doc.TruongHop[1]!.LoaiThoiGian = 'Ngày';
    const p = portalAdapter.parse(doc, { caseCode: 'KS-QUAHAN' }).value!;
    expect(p.totalLimit).toEqual({ amount: 3, unit: 'calendarDay' });
    expect(p.steps.map((s) => s.key)).toEqual(['tiep-nhan', 'xac-minh', 'cho-tra']);
    expect(portalAdapter.parse(doc, { caseCode: 'KHONG-CO' }).issues[0]).toMatchObject({
      code: 'case.notFound',
      value: 'KHONG-CO',
    });
  });

  it('reports dangling edges, bad hours and bad status codes at their pointers', () => {
    const doc = fixture();
    doc.TruongHop[0]!.Edges[4]!.target = 'tra-kq';
    doc.TruongHop[0]!.QuyTrinh[1]!.ThoiGianXuLy = 'bốn';
    doc.TruongHop[0]!.QuyTrinh[2]!.MaTrangThaiHoSo = 42;
    const r = portalAdapter.parse(doc);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['value.unreadable', '/TruongHop/0/QuyTrinh/1/ThoiGianXuLy'],
      ['value.unreadable', '/TruongHop/0/QuyTrinh/2/MaTrangThaiHoSo'],
      ['step.unknownTarget', '/TruongHop/0/Edges/4/target'],
    ]);
  });
});

describe('portalAdapter.serialize', () => {
  it('round-trips losslessly (all cases, edge ids, vendor fields)', () => {
    const x = fixture();
    expect(portalAdapter.serialize(portalAdapter.parse(x).value!, structuredClone(x))).toEqual(x);
    const other = portalAdapter.parse(x, { caseCode: 'KS-QUAHAN' }).value!;
    expect(portalAdapter.serialize(other, structuredClone(x))).toEqual(x);
  });

  it('writes an inserted step and its edges, keeping the edges that did not change', () => {
    const x = fixture();
    const p = portalAdapter.parse(x).value!;
    const steps = [...p.steps];
    const vanThu = steps.findIndex((s) => s.key === 'van-thu');
    steps[vanThu - 1] = {
      ...steps[vanThu - 1]!,
      outcomes: [
        { name: 'dong-y', next: 'kiem-tra', label: 'Đồng ý' },
        { name: 'khong-dong-y', next: 'tham-dinh', label: 'Không đồng ý' },
      ],
    };
    steps.splice(vanThu, 0, {
      key: 'kiem-tra',
      name: 'Kiểm tra thể thức',
      kind: 'review',
      performer: { unit: 'UBND xã An Bình', role: 'Văn phòng' },
      budget: { amount: 0.5, unit: 'workingDay' },
      forms: [],
      outputs: [],
      outcomes: [{ name: 'done', next: 'van-thu' }],
    });
    const out = portalAdapter.serialize({ ...p, steps }, structuredClone(x));
    const c = out.TruongHop[0]!;
    expect(c.QuyTrinh[4]).toEqual(x.TruongHop[0]!.QuyTrinh[3]);
    expect(c.QuyTrinh[3]).toEqual({
      Ma: 'kiem-tra',
      TenBuocXuLy: 'Kiểm tra thể thức',
      TenNhomNguoiDung: 'Văn phòng',
      ThoiGianXuLy: 4,
    });
    expect(c.Edges).toContainEqual(x.TruongHop[0]!.Edges[0]);
    // The rewired edge (phe-duyet → van-thu became → kiem-tra) keeps its id and every other field.
    const rewired = x.TruongHop[0]!.Edges.find((e) => e.source === 'phe-duyet' && e.label === 'Đồng ý')!;
    expect(c.Edges).toContainEqual({ ...rewired, target: 'kiem-tra' });
    expect(rewired.id).toBeDefined();
    expect(c.Edges).toContainEqual({ source: 'kiem-tra', target: 'van-thu' });
    expect(out.TruongHop[1]).toEqual(x.TruongHop[1]);
    const again = portalAdapter.parse(out).value!;
    expect(again.steps.map((s) => s.key)).toEqual([
      'tiep-nhan',
      'tham-dinh',
      'phe-duyet',
      'kiem-tra',
      'van-thu',
      'cho-tra',
    ]);
    expect(again.steps[3]!.budget).toEqual({ amount: 4, unit: 'workingHour' });
  });

  it('builds a configuration from scratch that reads back to the same process', () => {
    const p = portalAdapter.parse(fixture()).value!;
    expect(portalAdapter.parse(portalAdapter.serialize(p)).value).toEqual(p);
  });
});

describe('portal edges', () => {
  it('names several edges from one node by label, then by target, without clashes', () => {
    expect(
      readOutcomes(
        [
          { source: 'a', target: 'b', label: 'Đồng ý' },
          { source: 'a', target: 'c', label: 'Đồng ý' },
          { source: 'a', target: 'd', label: 'Đồng ý' },
          { source: 'a', target: 'e' },
          { source: 'x', target: 'a' },
        ],
        'a',
      ).map((o) => o.name),
    ).toEqual(['dong-y', 'dong-y-2', 'dong-y-3', 'to-e']);
  });
});
