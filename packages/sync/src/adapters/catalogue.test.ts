import { describe, expect, it } from 'vitest';
import raw from '../__fixtures__/birth-registration.catalogue.json' with { type: 'json' };
import { catalogueAdapter } from './catalogue.js';

const fixture = (): Record<string, unknown> => structuredClone(raw) as Record<string, unknown>;

describe('catalogueAdapter.parse', () => {
  it('reads the record into a Procedure with provenance', () => {
    const r = catalogueAdapter.parse(fixture());
    // "Ngay trong ngày…; sau 15 giờ… trong ngày làm việc tiếp theo" states at most 1 working day: no warning.
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    const p = r.value!;
    expect(p.code).toBe('1.001193');
    expect(p.field).toEqual({ code: 'G09-TP02', name: 'Hộ tịch' });
    expect(p.channels.map((c) => c.channel)).toEqual(['direct', 'online', 'postal']);
    expect(p.channels[0]!.timeLimit).toEqual({ amount: 1, unit: 'workingDay' });
    expect(p.channels[0]!.fees).toEqual([
      { name: 'Miễn lệ phí đăng ký khai sinh đúng hạn', code: 'LP-HT-01', amount: 0, currency: 'VND' },
    ]);
    expect(p.components[1]).toEqual({
      name: 'Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh',
      originals: 1,
      copies: 0,
      required: true,
      note: 'Bản chính hoặc bản điện tử',
    });
    expect(p.legalBases[0]).toEqual({
      number: '60/2014/QH13',
      title: 'Luật Hộ tịch',
      issuer: 'Quốc hội',
      issuedOn: '2014-11-20',
    });
    expect(p.announcedBy?.issuedOn).toBe('2020-09-04');
    expect(r.provenance.get('/channels/1/timeLimit')).toEqual({
      system: 'catalogue',
      pointer: '/CACHTHUCTHUCHIEN/1/THOIGIAN/0',
    });
    expect(r.provenance.get('/legalBases/1')).toEqual({ system: 'catalogue', pointer: '/CANCUPHAPLY/1' });
  });

  it('reads "Ngày" as calendar days (law text) and "Trong ngày" from DONVITINH alone', () => {
    const doc = fixture() as { CACHTHUCTHUCHIEN: { THOIGIAN: { THOIGIANGIAIQUYET: unknown; DONVITINH: string }[] }[] };
    doc.CACHTHUCTHUCHIEN[0]!.THOIGIAN[0]!.DONVITINH = 'Ngày';
    doc.CACHTHUCTHUCHIEN[1]!.THOIGIAN[0]!.DONVITINH = 'Trong ngày';
    const p = catalogueAdapter.parse(doc).value!;
    expect(p.channels[0]!.timeLimit).toEqual({ amount: 1, unit: 'calendarDay' });
    expect(p.channels[1]!.timeLimit?.unit).toBe('sameDay');
  });

  it('reports bad values with the native pointer and the value, without throwing', () => {
    const doc = fixture() as {
      CACHTHUCTHUCHIEN: { KENH: unknown; THOIGIAN: { DONVITINH: string }[] }[];
      CANCUPHAPLY: { NGAYBANHANH: string }[];
    };
    doc.CACHTHUCTHUCHIEN[0]!.KENH = 7;
    doc.CACHTHUCTHUCHIEN[1]!.THOIGIAN[0]!.DONVITINH = 'tuần trăng';
    doc.CANCUPHAPLY[0]!.NGAYBANHANH = '31/02/2014';
    const r = catalogueAdapter.parse(doc);
    expect(r.ok).toBe(false);
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['channel.unknown', '/CACHTHUCTHUCHIEN/0/KENH'],
      ['value.unreadable', '/CACHTHUCTHUCHIEN/1/THOIGIAN/0/DONVITINH'],
      ['value.unreadable', '/CANCUPHAPLY/0/NGAYBANHANH'],
    ]);
    expect(r.issues[0]!.message).toContain('7');
    expect(r.issues[1]!.message).toContain('tuần trăng');
  });

  it('reports a wrong shape at its path', () => {
    const r = catalogueAdapter.parse({ ...fixture(), CAPTHUCHIEN: 'Cấp xã' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'format.invalid', pointer: '/CAPTHUCHIEN', value: 'Cấp xã' });
    expect(catalogueAdapter.parse(42).issues[0]!.code).toBe('format.invalid');
  });

  it('maps a canonical problem back into the native document', () => {
    const r = catalogueAdapter.parse({ ...fixture(), MATTHC: 'KS-01' });
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.severity === 'error')).toMatchObject({
      code: 'canonical.invalid',
      pointer: '/MATTHC',
    });
  });
});

describe('catalogueAdapter.serialize', () => {
  it('round-trips losslessly, unknown fields and wording included', () => {
    const x = fixture();
    const out = catalogueAdapter.serialize(catalogueAdapter.parse(x).value!, structuredClone(x) as never);
    expect(out).toEqual(x);
  });

  it('writes changed values back and keeps the rest', () => {
    const x = fixture();
    const p = catalogueAdapter.parse(x).value!;
    const changed = {
      ...p,
      channels: p.channels.map((c) =>
        c.channel === 'online'
          ? { ...c, timeLimit: { amount: 4, unit: 'workingHour' as const }, fees: [{ ...c.fees[0]!, amount: 8000 }] }
          : c,
      ),
    };
    const out = catalogueAdapter.serialize(changed, structuredClone(x) as never) as unknown as {
      CACHTHUCTHUCHIEN: { THOIGIAN: Record<string, unknown>[] }[];
    };
    const online = out.CACHTHUCTHUCHIEN[1]!.THOIGIAN[0]!;
    expect(online.THOIGIANGIAIQUYET).toBe(4);
    expect(online.DONVITINH).toBe('Giờ làm việc');
    expect((online.PHILEPHI as { SOTIEN: unknown; DONVI: string }[])[0]).toMatchObject({ SOTIEN: 8000, DONVI: 'Đồng' });
    expect(out.CACHTHUCTHUCHIEN[0]).toEqual((x.CACHTHUCTHUCHIEN as unknown[])[0]);
    expect(catalogueAdapter.parse(out).value).toEqual(changed);
  });

  it('builds a record from scratch that reads back to the same procedure', () => {
    const p = catalogueAdapter.parse(fixture()).value!;
    const built = catalogueAdapter.serialize(p);
    expect(catalogueAdapter.parse(built).value).toEqual(p);
  });
});
