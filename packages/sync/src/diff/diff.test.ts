import type { Procedure, Process } from '@tthc/core';
import { describe, expect, it } from 'vitest';
import { catalogueAdapter } from '../adapters/catalogue.js';
import { eisoAdapter } from '../adapters/eiso.js';
import { portalAdapter } from '../adapters/portal.js';
import { fixture } from '../match/fixtures.test-util.js';
import type { Change } from './change.js';
import { diff } from './diff.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are native JSON edited freely by the mutators.
type Doc = Record<string, any>;

/** Parses an e-ISO document into a diff side (with provenance). */
function iso(doc: Doc) {
  const r = eisoAdapter.parse(doc);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { system: 'eiso', value: r.value as Process, provenance: r.provenance };
}

function catalogue(doc: Doc) {
  const r = catalogueAdapter.parse(doc);
  return { system: 'catalogue', value: r.value as Procedure, provenance: r.provenance };
}

/** The e-ISO fixture changed by `mutate` (a copy; the fixture is re-read each time). */
function mutated(mutate: (doc: Doc) => void): Doc {
  const doc = fixture('eiso') as Doc;
  mutate(doc);
  return doc;
}

const rows = (doc: Doc) => doc.NoiDung.QuyTrinhXuLy as Doc[];
const codes = (changes: readonly Change[]) => changes.map((c) => c.code);

describe('diff of one system against a mutated copy: exactly the expected change', () => {
  const base = () => iso(fixture('eiso'));

  it('finds nothing between a document and itself', () => {
    expect(diff(base(), base())).toEqual([]);
  });

  it('rename a step → step.renamed (warning), with native pointers', () => {
    const changed = iso(mutated((d) => (rows(d)[1]!.TrinhTu = 'Thẩm định hồ sơ; trình lãnh đạo ký')));
    const changes = diff(base(), changed);
    expect(codes(changes)).toEqual(['step.renamed']);
    expect(changes[0]).toMatchObject({
      severity: 'warning',
      stepKey: 'B2',
      after: 'Thẩm định hồ sơ; trình lãnh đạo ký',
      paths: { a: '/NoiDung/QuyTrinhXuLy/1/TrinhTu', b: '/NoiDung/QuyTrinhXuLy/1/TrinhTu' },
    });
    expect(changes[0]!.message.vi).toContain('B2');
    expect(changes[0]!.message.en).toContain('renamed');
  });

  it('a case/diacritic-only or whitespace-only rename', () => {
    const upper = iso(mutated((d) => (rows(d)[3]!.TrinhTu = 'VÀO SỔ, ĐÓNG DẤU; CHUYỂN KẾT QUẢ CHO BPTN&TKQ')));
    const changes = diff(base(), upper);
    expect(codes(changes)).toEqual(['step.renamed']);
    expect(changes[0]!.severity).toBe('info');
    const spaced = iso(mutated((d) => (rows(d)[3]!.TrinhTu = 'Vào  sổ, đóng dấu;   chuyển kết quả cho BPTN&TKQ ')));
    expect(diff(base(), spaced)).toEqual([]);
    const decomposed = iso(mutated((d) => (rows(d)[3]!.TrinhTu = rows(d)[3]!.TrinhTu.normalize('NFD'))));
    expect(diff(base(), decomposed)).toEqual([]);
  });

  it('swap performers → step.performer on both steps', () => {
    const changed = iso(
      mutated((d) => {
        const [b2, b4] = [rows(d)[1]!, rows(d)[3]!];
        [b2.TrachNhiem, b4.TrachNhiem] = [b4.TrachNhiem, b2.TrachNhiem];
      }),
    );
    const changes = diff(base(), changed);
    expect(codes(changes)).toEqual(['step.performer', 'step.performer']);
    expect(changes.map((c) => c.stepKey)).toEqual(['B2', 'B4']);
    expect(changes[0]!.after).toMatchObject({ role: 'Công chức Văn phòng - Thống kê' });
  });

  it('change a time → step.duration; 0,5 ngày = 4 giờ is not a change', () => {
    const longer = iso(mutated((d) => (rows(d)[1]!.ThoiGian = '01 ngày')));
    const changes = diff(base(), longer);
    expect(codes(changes)).toEqual(['step.duration']);
    expect(changes[0]).toMatchObject({ stepKey: 'B2', paths: { a: '/NoiDung/QuyTrinhXuLy/1/ThoiGian' } });
    expect(changes[0]!.message.vi).toBe('Thời gian bước B2: 4 giờ → 8 giờ');
    const same = iso(mutated((d) => (rows(d)[1]!.ThoiGian = '0,5 ngày')));
    expect(diff(base(), same)).toEqual([]);
    const minutes = iso(mutated((d) => (rows(d)[1]!.ThoiGian = '240 phút')));
    expect(diff(base(), minutes)).toEqual([]);
  });

  it('drop a form → step.forms', () => {
    const changed = iso(mutated((d) => (rows(d)[0]!.BieuMau = 'Mẫu 01')));
    const changes = diff(base(), changed);
    expect(codes(changes)).toEqual(['step.forms']);
    expect(changes[0]).toMatchObject({ stepKey: 'B1', before: ['Mẫu 01', 'Mẫu 05'], after: ['Mẫu 01'] });
  });

  it('add a step → step.added', () => {
    const changed = iso(
      mutated((d) =>
        rows(d).push({
          TT: 6,
          TrinhTu: 'Lưu trữ hồ sơ',
          TrachNhiem: 'Công chức Văn phòng - Thống kê',
          ThoiGian: 'Không tính thời gian',
        }),
      ),
    );
    const changes = diff(base(), changed);
    expect(codes(changes)).toEqual(['step.added']);
    expect(changes[0]).toMatchObject({ stepKey: 'B6', paths: { b: '/NoiDung/QuyTrinhXuLy/5' } });
    expect(changes[0]!.paths.a).toBeUndefined();
  });

  it('remove a step → step.removed', () => {
    const changed = iso(mutated((d) => rows(d).splice(3, 1)));
    expect(codes(diff(base(), changed))).toEqual(['step.removed']);
  });

  it('reorder two rows → one step.moved', () => {
    const changed = iso(
      mutated((d) => {
        const r = rows(d);
        [r[2], r[3]] = [r[3]!, r[2]!];
      }),
    );
    expect(codes(diff(base(), changed))).toEqual(['step.moved']);
  });

  it('an alias of the one-stop desk is the same performer', () => {
    const changed = iso(mutated((d) => (rows(d)[0]!.TrachNhiem = 'Công chức Bộ phận Một cửa')));
    expect(diff(base(), changed)).toEqual([]);
  });

  it('change the declared total → total.changed', () => {
    const changed = iso(mutated((d) => (d.NoiDung.ThoiGianXuLy = '02 ngày làm việc')));
    expect(codes(diff(base(), changed))).toEqual(['total.changed']);
  });
});

describe('diff of two catalogue announcements', () => {
  const base = () => catalogue(fixture('catalogue'));
  const changedCatalogue = (mutate: (d: Doc) => void) => {
    const d = fixture('catalogue') as Doc;
    mutate(d);
    return catalogue(d);
  };

  it('change the catalogue limit → limit.changed on that channel only', () => {
    const changes = diff(
      base(),
      changedCatalogue((d) => (d.CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET = 2)),
    );
    expect(codes(changes)).toEqual(['limit.changed']);
    expect(changes[0]).toMatchObject({ paths: { a: '/CACHTHUCTHUCHIEN/0/THOIGIAN/0' } });
    expect(changes[0]!.message.en).toBe('Statutory time limit (direct): 8 h → 16 h');
    // "1 Ngày làm việc" written as "08 giờ làm việc" is the same limit.
    const same = changedCatalogue((d) => {
      d.CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET = 8;
      d.CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH = 'Giờ làm việc';
    });
    expect(diff(base(), same)).toEqual([]);
  });

  it('fee, component and legal basis changes', () => {
    const changes = diff(
      base(),
      changedCatalogue((d) => {
        d.CACHTHUCTHUCHIEN[1].THOIGIAN[0].PHILEPHI[0].SOTIEN = 8000;
        d.THANHPHANHOSO[1].SOBANSAO = 1;
        d.THANHPHANHOSO.push({ TENGIAYTO: 'Văn bản ủy quyền', SOBANCHINH: 1 });
        d.CANCUPHAPLY[1] = { SOVANBAN: '87/2020/NĐ-CP', TENVANBAN: d.CANCUPHAPLY[1].TENVANBAN };
        d.CANCUPHAPLY.push({ SOVANBAN: '118/2025/NĐ-CP', TENVANBAN: 'Nghị định về một cửa' });
        d.CANCUPHAPLY.splice(0, 1);
      }),
    );
    expect(codes(changes).sort()).toEqual(
      [
        'fee.changed',
        'component.changed',
        'component.added',
        'legalBasis.superseded',
        'legalBasis.removed',
        'legalBasis.added',
      ].sort(),
    );
    const fee = changes.find((c) => c.code === 'fee.changed')!;
    expect(fee.message.vi).toContain('miễn phí → 8.000 đ');
    expect(fee.paths).toEqual({
      a: '/CACHTHUCTHUCHIEN/1/THOIGIAN/0/PHILEPHI/0',
      b: '/CACHTHUCTHUCHIEN/1/THOIGIAN/0/PHILEPHI/0',
    });
    expect(changes.find((c) => c.code === 'legalBasis.superseded')!.message.en).toBe(
      'Legal basis 123/2015/NĐ-CP replaced by 87/2020/NĐ-CP',
    );
  });
});

describe('diff across systems', () => {
  it('e-ISO ↔ portal: names and performers differ, times agree in working minutes', () => {
    const i = eisoAdapter.parse(fixture('eiso'));
    const p = portalAdapter.parse(fixture('portal'));
    const changes = diff(
      { system: 'eiso', value: i.value!, provenance: i.provenance },
      { system: 'portal', value: p.value!, provenance: p.provenance },
    );
    // 30 phút = 0.5 h, 0,25 ngày = 2 h, "Trong ngày" = 8 h: no step.duration, no total.changed.
    expect(new Set(codes(changes))).toEqual(new Set(['step.renamed', 'step.performer', 'step.kind']));
    const performer = changes.find((c) => c.code === 'step.performer' && c.stepKey === 'B1')!;
    expect(performer.paths).toEqual({ a: '/NoiDung/QuyTrinhXuLy/0/TrachNhiem', b: '/TruongHop/0/QuyTrinh/0' });
    // Portal steps carry no forms: forms are not compared.
    expect(codes(changes)).not.toContain('step.forms');
  });

  it('a post written inside the portal group name is the e-ISO post read in parts: no performer change', () => {
    const i = eisoAdapter.parse(fixture('eiso'));
    const portal = fixture('portal') as Doc;
    // The e-ISO says "Công chức BPTN&TKQ" (read as the Công chức of BPTN&TKQ); the portal stores the
    // same post as its user group, working in the agency.
    portal.TruongHop[0].QuyTrinh[0].TenNhomNguoiDung = 'Công chức BPTN&TKQ';
    const p = portalAdapter.parse(portal);
    const side = { system: 'portal', value: p.value!, provenance: p.provenance };
    const eiso = { system: 'eiso', value: i.value!, provenance: i.provenance };
    const b1 = (changes: readonly Change[]) => changes.filter((c) => c.code === 'step.performer' && c.stepKey === 'B1');
    expect(b1(diff(eiso, side))).toEqual([]);
    // Another post in the same place is still a change.
    portal.TruongHop[0].QuyTrinh[0].TenNhomNguoiDung = 'Văn thư BPTN&TKQ';
    const q = portalAdapter.parse(portal);
    expect(b1(diff(eiso, { system: 'portal', value: q.value!, provenance: q.provenance }))).toHaveLength(1);
  });

  it('a procedure against a process runs the catalogue checks, paths on the right sides', () => {
    const i = eisoAdapter.parse(fixture('eiso'));
    const c = catalogue(fixture('catalogue'));
    const slow = mutated((d) => (rows(d)[1]!.ThoiGian = '02 ngày'));
    const s = iso(slow);
    const forward = diff(c, s);
    expect(codes(forward)).toEqual(['total.exceedsLimit', 'total.mismatch']);
    expect(forward[0]!.paths).toEqual({ a: '/CACHTHUCTHUCHIEN/0/THOIGIAN/0', b: '/NoiDung/QuyTrinhXuLy' });
    const backward = diff(s, c);
    expect(backward[0]!.paths).toEqual({ b: '/CACHTHUCTHUCHIEN/0/THOIGIAN/0', a: '/NoiDung/QuyTrinhXuLy' });
    expect(diff(c, { system: 'eiso', value: i.value!, provenance: i.provenance })).toEqual([]);
  });
});
