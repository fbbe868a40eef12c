import { readFileSync } from 'node:fs';
import { CalendarError, createWorkCalendar } from '@tthc/calendar';
import { applyAll, openDossier } from '@tthc/core';
import { describe, expect, it } from 'vitest';
import {
  calendar,
  clerk,
  demoDossier,
  demoEvents,
  demoOwner,
  officer,
  process,
  procedure,
} from './fixtures.test-util.js';
import {
  formatDvcqgDate,
  parseDvcqgDate,
  readDvcqgProgress,
  rebuildDossiers,
  toDvcqgDossier,
  toDvcqgProgress,
  writeDvcqgProgressCsv,
} from './index.js';

const options = { owner: demoOwner, agencyCode: 'H56.14', fieldCode: 'G15-HKD' };

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('DVCQG dates', () => {
  it('writes and reads yyyyMMddHHmmss in Vietnam time', () => {
    expect(formatDvcqgDate(Date.UTC(2026, 1, 13, 9, 30, 15, 900))).toBe('20260213163015');
    expect(formatDvcqgDate(Date.UTC(2026, 1, 13, 17))).toBe('20260214000000');
    expect(parseDvcqgDate('20260214000000')).toBe(Date.UTC(2026, 1, 13, 17));
    for (const bad of ['20260230100000', '20260213240000', '2026021316300', 'x0260213163000']) {
      expect(parseDvcqgDate(bad)).toBeUndefined();
    }
  });
});

describe('toDvcqgDossier', () => {
  it('fills the DongBoHoSoMC object from the catalogue record, the owner and the clock ledger', () => {
    const p = toDvcqgDossier(demoDossier(), procedure, options);
    expect(p).toMatchObject({
      MaHoSo: 'H56.14-260212-0015',
      MaTTHC: '1.001612',
      MaLinhVuc: 'G15-HKD',
      TenLinhVuc: 'Thành lập và hoạt động của hộ kinh doanh',
      KenhThucHien: 1,
      ChuHoSo: 'Nguyễn Văn An',
      LoaiDoiTuong: 1,
      DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '038090001234' }],
      NgayTiepNhan: '20260212100000',
      // restart (ND 61 art. 19(3) as amended): 24 working hours again from Tue 24 Feb 08:30
      NgayHenTra: '20260227083000',
      NgayKetThucXuLy: '20260226153000',
      NgayTra: '20260227080000',
      TrangThaiHoSo: 10,
      DonViXuLy: 'H56.14',
    });
    expect(p.NgayTuChoi).toBeUndefined();
    expect(p.DanhSachHoSoBoSung).toEqual([
      {
        HoSoBoSungId: 'H56.14-260212-0015-BS1',
        NguoiYeuCauBoSung: 'Trần Văn Bình',
        NoiDungBoSung: 'Thiếu bản sao biên bản họp thành viên hộ gia đình (ND 168/2025/NĐ-CP)',
        NgayBoSung: '20260213090000',
        NguoiTiepNhanBoSung: 'Nguyễn Thị Lan',
        NgayTiepNhanBoSung: '20260224083000',
        TrangThaiBoSung: 1,
        // 3 working days from Thu 12 Feb 10:00 across Tết (14–22 Feb): Tue 24 Feb 10:00
        NgayHenTraTruoc: '20260224100000',
        NgayHenTraMoi: '20260227083000',
      },
    ]);
  });

  it('writes a pending round and the fees of the channel', () => {
    const withFee = {
      ...procedure,
      channels: procedure.channels.map((c) => ({
        ...c,
        fees: [{ name: 'Lệ phí đăng ký hộ kinh doanh', code: 'LP01', amount: 100_000, currency: 'VND' as const }],
      })),
    };
    const d = applyAll(
      openDossier(withFee, process, calendar(), {
        id: 'X-1',
        receivedAt: '2026-03-02T08:00:00+07:00',
        channel: 'online',
      }),
      demoEvents.slice(0, 2).map((e) => ({ ...e, at: e.at.replace('2026-02-1', '2026-03-0') })),
    );
    const p = toDvcqgDossier(d, withFee, { ...options, owner: { ...demoOwner, idNumber: '123456789' } });
    expect(p.KenhThucHien).toBe(2);
    expect(p.TrangThaiHoSo).toBe(5);
    expect(p.DinhDanhCHS).toEqual([{ LoaiDinhDanh: 2, SoDinhDanh: '123456789' }]);
    expect(p.DanhSachLePhi).toEqual([
      { TenPhiLePhi: 'Lệ phí đăng ký hộ kinh doanh', MaPhiLePhi: 'LP01', Gia: 100_000 },
    ]);
    expect(p.DanhSachHoSoBoSung[0]).toMatchObject({ TrangThaiBoSung: 0, NgayHenTraTruoc: '20260304170000' });
    expect(p.DanhSachHoSoBoSung[0]?.NgayHenTraMoi).toBeUndefined();
  });

  it('names the missing mandatory field and where it comes from', () => {
    const d = demoDossier();
    const noField = errorOf(() => toDvcqgDossier(d, procedure, { ...options, fieldCode: undefined }));
    expect(noField.code).toBe('INVALID_OPTIONS');
    expect(noField.details.field).toBe('DongBoHoSoMC.MaLinhVuc');
    expect(noField.message).toContain('options.fieldCode');
    const noOwner = errorOf(() => toDvcqgDossier(d, procedure, { ...options, owner: { ...demoOwner, name: '' } }));
    expect(noOwner.details.field).toBe('DongBoHoSoMC.ChuHoSo');
    const badKind = errorOf(() => toDvcqgDossier(d, procedure, { ...options, owner: { ...demoOwner, kind: 5 as 1 } }));
    expect(badKind.details).toMatchObject({ field: 'DongBoHoSoMC.LoaiDoiTuong', value: 5 });
  });

  it('writes Vietnam time whatever the zone of the process calendar', () => {
    const santiago = createWorkCalendar({
      validFrom: '2025-01-01',
      validTo: '2027-12-31',
      zone: 'America/Santiago',
    });
    const d = openDossier(procedure, process, santiago, {
      id: 'X-2',
      receivedAt: '2026-03-02T09:00:00-03:00',
      channel: 'direct',
    });
    expect(toDvcqgDossier(d, procedure, options).NgayTiepNhan).toBe('20260302190000');
    expect(toDvcqgProgress(d)[0]?.ThoiDiemXuLy).toBe('20260302190000');
  });
});

describe('toDvcqgProgress', () => {
  it('writes the receipt and one row per event with status, step start and step deadline', () => {
    const rows = toDvcqgProgress(demoDossier(), { tag: true });
    expect(rows).toHaveLength(demoEvents.length + 1);
    expect(rows.map((r) => r.TrangThai)).toEqual([2, 4, 5, 4, 4, 4, 4, 9, 10, 10]);
    expect(rows[0]).toMatchObject({ ThoiDiemXuLy: '20260212100000', NgayKetThucTheoQuyDinh: '20260224100000' });
    // receive: 4 working hours from 10:00 Thu 12 Feb
    expect(rows[1]).toMatchObject({
      NguoiXuLy: clerk.name,
      NgayBatDau: '20260212100000',
      NgayKetThucTheoQuyDinh: '20260212150000',
    });
    expect(rows[2]?.NoiDungXuLy).toMatch(/^Yêu cầu bổ sung, hoàn thiện hồ sơ \(Mẫu 02\): Thiếu bản sao/);
    expect(rows[2]?.NgayKetThucTheoQuyDinh).toBeUndefined();
    // the liên thông share: 1 working day from Tue 24 Feb 10:00
    expect(rows[4]).toMatchObject({ PhongBanXuLy: officer.unit, NgayKetThucTheoQuyDinh: '20260225100000' });
    expect(rows[5]?.NoiDungXuLy.split('\n')[0]).toBe('Nhận kết quả liên thông: Thuế cơ sở 1 tỉnh Thanh Hóa');
    // review re-entered at the supplement (Tue 24 Feb 08:30), 12 working hours
    expect(rows[6]).toMatchObject({ NgayBatDau: '20260224083000', NgayKetThucTheoQuyDinh: '20260225133000' });
  });

  it('refuses a status mapping that leaves a row without a DVCQG status', () => {
    const e = errorOf(() => toDvcqgProgress(demoDossier(), { mapping: [] }));
    expect(e.details.field).toBe('CapNhatTienDoHoSoMC.TrangThai');
  });
});

describe('readDvcqgProgress and rebuildDossiers: problems', () => {
  const csv = writeDvcqgProgressCsv(toDvcqgProgress(demoDossier(), { tag: true }));

  it('reports unreadable rows with their index and line, and reads the others', () => {
    const lines = csv.split('\r\n');
    // line 1 header; each record spans 2 lines (3 with a note): rows 1, 2, 3 start on lines 4, 6, 9
    const broken = csv
      .replace('20260212113000', '20260230113000') // row 1: 30 February
      .replace(',5,20260213090000', ',11,20260213090000') // row 2: TrangThai 11
      .concat('H56.14-260212-0015,Nguyễn Văn Tâm\r\n');
    const read = readDvcqgProgress(broken);
    expect(lines[0]).toMatch(/^MaHoSo,NguoiXuLy/);
    expect(read.problems.map((p) => [p.code, p.index, p.line])).toEqual([
      ['row.invalid', 1, 4],
      ['status.unknown', 2, 6],
      ['row.invalid', 10, 24],
    ]);
    expect(read.problems[0]?.message).toContain('ThoiDiemXuLy');
    expect(read.problems[2]?.message).toBe('expected 10 fields as in the header, got 2');
    expect(read.rows).toHaveLength(8);
    // rebuilding without the receive and the supplement-request rows: the rows after them are refused
    const rebuilt = rebuildDossiers(read.rows, { procedure, process, calendar: calendar(), positions: read.positions });
    expect(rebuilt.dossiers).toHaveLength(1);
    const first = rebuilt.problems[0]!;
    expect(first).toMatchObject({ code: 'event.refused', index: 3, line: 9, dossierId: 'H56.14-260212-0015' });
    expect(first.message).toMatch(/^invalid-for-state/);
  });

  it('reports a header without the required columns and invalid JSON', () => {
    expect(readDvcqgProgress('Ma,Ten\r\n1,2').problems[0]).toMatchObject({ code: 'input.invalid', index: -1 });
    expect(readDvcqgProgress('{"data": 1}').problems[0]?.code).toBe('input.invalid');
    expect(readDvcqgProgress('[{').problems[0]?.code).toBe('input.invalid');
  });

  it('reports rows it cannot map and statuses that disagree, keeping the rows it can place', () => {
    const rows = toDvcqgProgress(demoDossier(), { tag: true });
    const odd = [
      ...rows.slice(0, 2),
      // A note nothing can place: no step name or action label, no actor, the status it is already in.
      { ...rows[2]!, NoiDungXuLy: 'Gọi điện cho công dân', TrangThai: 4, ChucDanh: '', PhongBanXuLy: '' },
      { ...rows[3]!, NoiDungXuLy: 'Tiếp nhận hồ sơ bổ sung\n[tthc] {"type":' },
      { ...rows[4]!, TrangThai: 8 },
    ];
    const r = rebuildDossiers(odd, { procedure, process, calendar: calendar() });
    expect(r.problems.map((p) => [p.code, p.index])).toEqual([
      ['row.unmapped', 2],
      ['row.unmapped', 3],
      ['status.mismatch', 4],
    ]);
    expect(r.dossiers[0]?.events.map((e) => e.type)).toEqual(['complete-step', 'consult']);
  });

  it('rebuilds a log written by another system (no tags) from step names and the next step', () => {
    const text = readFileSync(new URL('../../../../examples/logs/ho-kinh-doanh-progress.csv', import.meta.url), 'utf8');
    const read = readDvcqgProgress(text);
    expect(read.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [12, 'MaHoSo'],
      [24, 'expected 10 fields as in the header, got 3'],
      [40, 'ThoiDiemXuLy'],
    ]);
    const r = rebuildDossiers(read.rows, { procedure, process, calendar: calendar(), positions: read.positions });
    expect(r.dossiers).toHaveLength(7);
    const first = r.dossiers.find((d) => d.id === 'H56.14-260302-0001')!;
    expect(first.events.map((e) => (e.type === 'complete-step' ? e.step : e.type))).toEqual([
      'receive',
      'review',
      'sign',
      'issue',
      'return-result',
    ]);
    expect(first.ledger.returnedAt).not.toBeNull();
    // the sign → review send-back of dossier 0006 is read from the row after the sign row
    const sendBack = r.dossiers.find((d) => d.id === 'H56.14-260302-0006')!;
    expect(sendBack.events.some((e) => e.type === 'complete-step' && e.outcome === 'not-approved')).toBe(true);
    // every deviation of the log is a problem with its line, none is silently dropped
    expect(r.problems.every((p) => p.line !== undefined && p.dossierId !== undefined)).toBe(true);
    expect(r.problems.filter((p) => p.code === 'event.refused').map((p) => p.dossierId)).toEqual(
      expect.arrayContaining(['H56.14-260302-0002', 'H56.14-260303-0004', 'H56.14-260305-0007']),
    );
  });
});
