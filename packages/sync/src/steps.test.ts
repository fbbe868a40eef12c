import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPerformer, inferStepKind, parsePerformer, splitForms, stepLabel } from './steps.js';

describe('inferStepKind', () => {
  it.each([
    ['Tiếp nhận hồ sơ', 'receive'],
    ['Thẩm định hồ sơ, trình lãnh đạo ký', 'review'],
    ['Xem xét, đối chiếu', 'review'],
    ['Ký Giấy khai sinh', 'sign'],
    ['Phê duyệt kết quả', 'approve'],
    ['Trình ký', 'approve'],
    ['Vào sổ, đóng dấu', 'issue'],
    ['Cấp Giấy chứng nhận', 'issue'],
    ['Trả kết quả cho người yêu cầu', 'return'],
    ['Chờ trả kết quả', 'return'],
    ['Chuyển hồ sơ cho Phòng Tư pháp', 'transfer'],
    ['Lấy ý kiến cơ quan thuế', 'consult'],
    ['Xác minh thực địa', 'verify'],
    ['Thu phí, lệ phí', 'pay'],
    ['tham dinh ho so', 'review'],
    ['Ghi nội dung đăng ký khai sinh', 'other'],
    ['Công chức cấp xã tiếp nhận', 'receive'],
  ])('%s → %s', (text, kind) => {
    expect(inferStepKind(text)).toBe(kind);
  });
});

describe('parsePerformer', () => {
  const agency = 'UBND xã An Bình';
  it('reads role and unit from responsibility texts', () => {
    expect(parsePerformer('Công chức Tư pháp - Hộ tịch', { agency })).toEqual({
      role: 'Công chức Tư pháp - Hộ tịch',
      unit: agency,
    });
    expect(parsePerformer('Công chức Văn phòng - Thống kê', { agency })).toEqual({
      role: 'Công chức Văn phòng - Thống kê',
      unit: agency,
    });
    expect(parsePerformer('Chủ tịch/Phó Chủ tịch UBND xã', { agency })).toEqual({
      role: 'Chủ tịch/Phó Chủ tịch',
      unit: agency,
    });
    expect(parsePerformer('Chuyên viên Phòng Văn hóa - Xã hội', { agency })).toEqual({
      role: 'Chuyên viên',
      unit: 'Phòng Văn hóa - Xã hội',
    });
    expect(parsePerformer('Bộ phận Một cửa', { agency })).toEqual({ role: 'Công chức', unit: 'Bộ phận Một cửa' });
    expect(parsePerformer('Bộ phận Một cửa', { agency, defaultRole: 'Cán bộ một cửa' }).role).toBe('Cán bộ một cửa');
    expect(
      parsePerformer('Công chức BPTN&TKQ', {
        agency,
        abbreviations: { 'BPTN&TKQ': 'Bộ phận tiếp nhận và trả kết quả' },
      }),
    ).toEqual({
      role: 'Công chức',
      unit: 'Bộ phận tiếp nhận và trả kết quả',
    });
  });

  it('reads each text anew for other abbreviations, agency or default role (readings are remembered per text)', () => {
    const text = 'Công chức BPTN&TKQ';
    const a = { agency, abbreviations: { 'BPTN&TKQ': 'Bộ phận tiếp nhận và trả kết quả' } };
    const b = { agency, abbreviations: { 'BPTN&TKQ': 'Bộ phận Một cửa' } };
    expect(parsePerformer(text, a).unit).toBe('Bộ phận tiếp nhận và trả kết quả');
    expect(parsePerformer(text, b).unit).toBe('Bộ phận Một cửa');
    expect(parsePerformer(text, { agency }).unit).toBe('BPTN&TKQ');
    expect(parsePerformer(text, { ...a }).unit).toBe('Bộ phận tiếp nhận và trả kết quả');
    expect(parsePerformer('Bộ phận Một cửa', { agency, defaultRole: 'Cán bộ' }).role).toBe('Cán bộ');
    expect(parsePerformer('Bộ phận Một cửa', { agency, defaultRole: '' }).role).toBe('');
    expect(parsePerformer('Bộ phận Một cửa', { agency }).role).toBe('Công chức');
    expect(parsePerformer('Công chức', { agency: 'UBND xã B' }).unit).toBe('UBND xã B');
    // The caller owns the performer it gets: changing it does not change the next reading.
    const first = parsePerformer('Công chức Tư pháp', { agency }) as { role: string };
    first.role = 'changed';
    expect(parsePerformer('Công chức Tư pháp', { agency }).role).toBe('Công chức Tư pháp');
  });

  it('reads back what formatPerformer writes', () => {
    const word = fc.constantFrom(
      'Công chức',
      'Chuyên viên',
      'Lãnh đạo',
      'Tư pháp',
      'Hộ tịch',
      'Phó',
      'Trưởng',
      'Văn thư',
      'Địa chính',
      'xã',
      'Một cửa',
    );
    const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const unit = fc.oneof(
      fc.constant('UBND xã An Bình'),
      phrase.map((p) => `Phòng ${p}`),
      phrase.map((p) => `Bộ phận ${p}`),
      phrase,
    );
    fc.assert(
      fc.property(phrase, unit, (role, u) => {
        const p = { role, unit: u };
        expect(parsePerformer(formatPerformer(p, { agency }), { agency })).toEqual(p);
      }),
    );
  });
});

describe('stepLabel', () => {
  it.each([
    ['1', 'B1'],
    [3, 'B3'],
    ['B1', 'B1'],
    ['Bước 2', 'B2'],
    ['bước 2.1', 'B2.1'],
    ['2a', 'B2a'],
    ['Buoc 04', 'B4'],
  ])('%s → %s', (label, key) => {
    expect(stepLabel(label)?.key).toBe(key);
  });
  it('refuses what is not a step number', () => {
    expect(stepLabel('Tổng cộng')).toBeUndefined();
    expect(stepLabel('')).toBeUndefined();
  });
});

describe('splitForms', () => {
  it('separates form codes from results', () => {
    expect(splitForms('Mẫu 01; Giấy khai sinh\nBM.TP.02')).toEqual({
      forms: ['Mẫu 01', 'BM.TP.02'],
      outputs: ['Giấy khai sinh'],
    });
    expect(splitForms('Phiếu chuyển; Sổ theo dõi', ['Phiếu chuyển'])).toEqual({
      forms: ['Phiếu chuyển'],
      outputs: ['Sổ theo dõi'],
    });
  });
});
