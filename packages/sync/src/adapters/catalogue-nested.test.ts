import { describe, expect, it } from 'vitest';
import raw from '../__fixtures__/birth-registration.catalogue.json' with { type: 'json' };
import { catalogueAdapter } from './catalogue.js';
import { readCurrency } from './catalogue-money.js';
import { statedLimits } from './catalogue-text.js';

type Doc = Record<string, unknown> & {
  CACHTHUCTHUCHIEN: { KENH: unknown; THOIGIAN: Record<string, unknown>[]; PHILEPHI?: unknown }[];
};
const fixture = (): Doc => structuredClone(raw) as Doc;
const time = (doc: Doc, i: number) => doc.CACHTHUCTHUCHIEN[i]!.THOIGIAN[0]!;

describe('catalogue time units as the national service writes them', () => {
  it('reads "Tháng" as months, "Không có thông tin" as no limit stated, a bare number as days (warned)', () => {
    const doc = fixture();
    Object.assign(time(doc, 0), { THOIGIANGIAIQUYET: '06', DONVITINH: 'Tháng', MOTA: '' });
    Object.assign(time(doc, 1), { THOIGIANGIAIQUYET: '', DONVITINH: 'Không có thông tin', MOTA: '' });
    Object.assign(time(doc, 2), { THOIGIANGIAIQUYET: '15', DONVITINH: '', MOTA: '' });
    const r = catalogueAdapter.parse(doc);
    expect(r.ok).toBe(true);
    expect(r.value!.channels.map((c) => c.timeLimit)).toEqual([
      { amount: 6, unit: 'calendarMonth' },
      null,
      { amount: 15, unit: 'calendarDay' },
    ]);
    expect(r.issues.map((i) => [i.code, i.severity, i.pointer])).toEqual([
      ['value.assumedUnit', 'warning', '/CACHTHUCTHUCHIEN/2/THOIGIAN/0/DONVITINH'],
    ]);
    // Unchanged meaning: written back as it was.
    expect(catalogueAdapter.serialize(r.value!, doc as never)).toEqual(doc);
    // "No limit stated" written over a stated limit, and back.
    const none = { ...r.value!, channels: r.value!.channels.map((c) => ({ ...c, timeLimit: null })) };
    const out = catalogueAdapter.serialize(none, doc as never) as unknown as Doc;
    expect(time(out, 0)).toMatchObject({ THOIGIANGIAIQUYET: '', DONVITINH: 'Không có thông tin' });
    expect(catalogueAdapter.parse(out).value!.channels[0]!.timeLimit).toBeNull();
  });

  it('keeps the currency of a fee: 145 USD is not 145 VND', () => {
    const doc = fixture();
    time(doc, 0).PHILEPHI = [{ SOTIEN: '145', DONVI: 'USD', MOTA: 'Lệ phí cấp thị thực' }];
    const fee = catalogueAdapter.parse(doc).value!.channels[0]!.fees[0]!;
    expect(fee).toMatchObject({ amount: 145, currency: 'USD', name: 'Lệ phí cấp thị thực' });
    expect(readCurrency('Đô la Mỹ')).toBe('USD');
    expect(readCurrency('VNĐ')).toBe('VND');
    time(doc, 0).PHILEPHI = [{ SOTIEN: '5', DONVI: 'vỏ sò' }];
    const bad = catalogueAdapter.parse(doc);
    expect(bad.ok).toBe(false);
    expect(bad.issues.find((i) => i.severity === 'error')).toMatchObject({
      code: 'value.unreadable',
      pointer: '/CACHTHUCTHUCHIEN/0/THOIGIAN/0/PHILEPHI/0/DONVI',
    });
  });

  it('warns when the description states another limit than the structured field', () => {
    expect(
      statedLimits('Trong thời hạn 05 (năm) ngày làm việc kể từ ngày nhận đủ hồ sơ').map((s) => s.duration),
    ).toEqual([{ amount: 5, unit: 'workingDay' }]);
    // Times of day and dates are not periods.
    expect(statedLimits('nhận sau 15 giờ; ngày 01/7/2025; Điều 29')).toEqual([]);
    const doc = fixture();
    Object.assign(time(doc, 0), {
      THOIGIANGIAIQUYET: 3,
      DONVITINH: 'Ngày làm việc',
      MOTA: 'Không quá 05 ngày làm việc',
    });
    const r = catalogueAdapter.parse(doc);
    expect(r.issues.find((i) => i.pointer === '/CACHTHUCTHUCHIEN/0/THOIGIAN/0/MOTA')).toMatchObject({
      code: 'limit.textMismatch',
      severity: 'warning',
    });
  });
});

describe('the nested record shape', () => {
  it('reads levels as codes and components per case, and writes them back in that shape', () => {
    const doc = fixture();
    doc.CAPTHUCHIEN = [{ CAPTHUCHIEN: '3' }, { CAPTHUCHIEN: 2 }];
    doc.THANHPHANHOSO = [
      {
        TRUONGHOP: 'Đăng ký đúng hạn',
        GIAYTO: [{ MAGIAYTO: 'GT1', TENGIAYTO: 'Tờ khai', SOBANCHINH: '1', SOBANSAO: '0' }],
      },
      { TRUONGHOP: 'Đăng ký quá hạn', GIAYTO: [{ TENGIAYTO: 'Văn bản cam đoan', SOBANCHINH: 1, SOBANSAO: null }] },
    ];
    const r = catalogueAdapter.parse(doc);
    expect(r.ok).toBe(true);
    const p = r.value!;
    expect(p.levels).toEqual(['Cấp xã', 'Cấp huyện']);
    expect(p.components.map((c) => [c.case, c.name, c.originals, c.copies])).toEqual([
      ['Đăng ký đúng hạn', 'Tờ khai', 1, 0],
      ['Đăng ký quá hạn', 'Văn bản cam đoan', 1, 0],
    ]);
    expect(catalogueAdapter.serialize(p, doc as never)).toEqual(doc);
    const changed = catalogueAdapter.serialize(
      { ...p, levels: ['Cấp tỉnh'], components: [{ ...p.components[0]!, copies: 2 }, p.components[1]!] },
      doc as never,
    ) as unknown as Doc;
    expect(changed.CAPTHUCHIEN).toEqual([{ CAPTHUCHIEN: '1' }]);
    expect((changed.THANHPHANHOSO as { GIAYTO: unknown[] }[])[0]!.GIAYTO[0]).toEqual({
      MAGIAYTO: 'GT1',
      TENGIAYTO: 'Tờ khai',
      SOBANCHINH: '1',
      SOBANSAO: '2',
    });
    doc.CAPTHUCHIEN = [{ CAPTHUCHIEN: '7' }];
    expect(catalogueAdapter.parse(doc).issues[0]).toMatchObject({
      code: 'value.unreadable',
      pointer: '/CAPTHUCHIEN/0/CAPTHUCHIEN',
    });
  });
});
