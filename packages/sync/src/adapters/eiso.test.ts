import { describe, expect, it } from 'vitest';
import raw from '../__fixtures__/birth-registration.eiso.json' with { type: 'json' };
import type { EisoDocument } from '../formats/eiso.js';
import { eisoAdapter } from './eiso.js';

const fixture = (): EisoDocument => structuredClone(raw) as EisoDocument;

describe('eisoAdapter.parse', () => {
  it('reads the work-flow table into steps', () => {
    const r = eisoAdapter.parse(fixture());
    expect(r.issues).toEqual([]);
    const p = r.value!;
    expect(p.version).toBe('01');
    expect(p.effectiveFrom).toBe('2025-07-07');
    expect(p.totalLimit).toEqual({ amount: 0, unit: 'sameDay', cutoff: '15:00' });
    expect(p.steps.map((s) => [s.key, s.kind])).toEqual([
      ['B1', 'receive'],
      ['B2', 'review'],
      ['B3', 'sign'],
      ['B4', 'issue'],
      ['B5', 'return'],
    ]);
    // Abbreviations defined in section 4 are expanded; a role alone works in the agency.
    expect(p.steps[0]!.performer).toEqual({ role: 'Công chức', unit: 'Bộ phận tiếp nhận và trả kết quả' });
    expect(p.steps[1]!.performer).toEqual({ role: 'Công chức Tư pháp - Hộ tịch', unit: 'UBND xã An Bình' });
    expect(p.steps[2]!.performer).toEqual({ role: 'Chủ tịch/Phó Chủ tịch', unit: 'UBND xã An Bình' });
    expect(p.steps[3]!.performer.role).toBe('Công chức Văn phòng - Thống kê');
    expect(p.steps[0]!.extensions).toEqual({ eiso: { TT: 1, TrachNhiem: 'Công chức BPTN&TKQ', ThoiGian: '30 phút' } });
    expect(p.steps[2]!.budget).toEqual({ amount: 0.25, unit: 'workingDay' });
    expect(p.steps[4]!.budget).toEqual({ amount: 0, unit: 'workingMinute', notCounted: true });
    expect(p.steps[1]).toMatchObject({ forms: ['Mẫu 05'], outputs: ['Sổ đăng ký khai sinh'] });
    expect(p.steps[2]!.outcomes).toEqual([
      { name: 'done', next: 'B4' },
      { name: 'khong-dong-y', next: 'B2', label: 'Nếu không đồng ý thì chuyển lại bước 2' },
    ]);
    expect(p.steps[4]!.outcomes).toEqual([]);
    expect(r.provenance.get('/steps/2/budget')).toEqual({
      system: 'eiso',
      pointer: '/NoiDung/QuyTrinhXuLy/2/ThoiGian',
    });
  });

  it('reports an unreadable time and a duplicate step number at their pointers', () => {
    const doc = fixture();
    doc.NoiDung.QuyTrinhXuLy[1]!.ThoiGian = 'vài hôm';
    doc.NoiDung.QuyTrinhXuLy[3]!.TT = 'Bước 3';
    const r = eisoAdapter.parse(doc);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.pointer, i.value])).toEqual([
      ['value.unreadable', '/NoiDung/QuyTrinhXuLy/1/ThoiGian', 'vài hôm'],
      ['step.duplicateKey', '/NoiDung/QuyTrinhXuLy/3/TT', 'B3'],
    ]);
  });

  it('warns about a prose branch to a missing step', () => {
    const doc = fixture();
    doc.NoiDung.QuyTrinhXuLy[2]!.TrinhTu = 'Ký Giấy khai sinh; nếu không đồng ý thì chuyển lại bước 9';
    const r = eisoAdapter.parse(doc);
    expect(r.ok).toBe(true);
    expect(r.issues).toMatchObject([
      { code: 'step.unknownTarget', severity: 'warning', pointer: '/NoiDung/QuyTrinhXuLy/2/TrinhTu' },
    ]);
  });
});

describe('eisoAdapter.serialize', () => {
  it('round-trips losslessly, unknown fields and wording included', () => {
    const x = fixture();
    expect(eisoAdapter.serialize(eisoAdapter.parse(x).value!, structuredClone(x))).toEqual(x);
  });

  it('keeps NFD text as written when its meaning did not change', () => {
    const x = fixture();
    x.NoiDung.QuyTrinhXuLy[0]!.TrinhTu = x.NoiDung.QuyTrinhXuLy[0]!.TrinhTu.normalize('NFD');
    const p = eisoAdapter.parse(x).value!;
    expect(p.steps[0]!.name).toBe(p.steps[0]!.name.normalize('NFC'));
    expect(eisoAdapter.serialize(p, structuredClone(x))).toEqual(x);
  });

  it('writes changed steps back and reads them again', () => {
    const x = fixture();
    const p = eisoAdapter.parse(x).value!;
    const steps = p.steps.map((s) =>
      s.key === 'B2'
        ? {
            ...s,
            budget: { amount: 6, unit: 'workingHour' as const },
            performer: { role: 'Công chức', unit: 'Phòng Văn hóa - Xã hội' },
          }
        : s,
    );
    const changed = { ...p, version: '02', steps: steps.filter((s) => s.key !== 'B4') };
    const out = eisoAdapter.serialize(changed, structuredClone(x));
    const rows = out.NoiDung.QuyTrinhXuLy;
    expect(rows.map((r) => r.TT)).toEqual([1, 2, 3, 5]);
    expect(rows[1]).toMatchObject({ ThoiGian: '6 giờ làm việc', TrachNhiem: 'Công chức (Phòng Văn hóa - Xã hội)' });
    expect(rows[0]).toEqual(x.NoiDung.QuyTrinhXuLy[0]);
    expect(out.LanBanHanh).toBe('02');
    expect(out.KyDuyet).toEqual(x.KyDuyet);
    const again = eisoAdapter.parse(out).value!;
    expect(again.steps[1]).toMatchObject({
      budget: { amount: 6, unit: 'workingHour' },
      performer: { role: 'Công chức', unit: 'Phòng Văn hóa - Xã hội' },
    });
  });

  it('builds a document from scratch that reads back to the same process', () => {
    const p = eisoAdapter.parse(fixture()).value!;
    expect(eisoAdapter.parse(eisoAdapter.serialize(p)).value).toEqual(p);
  });
});
