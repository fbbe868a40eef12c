import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, sameUnit, toWorkingMinutes, unitKey } from './normalize.js';

const vietnamese = fc.string({
  unit: fc.constantFrom(
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ -'.split(''),
  ),
  maxLength: 30,
});

describe('foldVietnamese', () => {
  it('strips diacritics, folds case and đ, collapses spaces', () => {
    expect(foldVietnamese('  Ủy ban  nhân dân Xã Đông Hưng ')).toBe('uy ban nhan dan xa dong hung');
    expect(foldVietnamese('Uỷ ban')).toBe(foldVietnamese('Ủy ban'));
  });

  it('is idempotent and blind to normalisation form and case', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        const f = foldVietnamese(s);
        expect(foldVietnamese(f)).toBe(f);
        expect(foldVietnamese(s.normalize('NFD'))).toBe(f);
        expect(foldVietnamese(s.toUpperCase())).toBe(f);
        expect(f).toMatch(/^[a-z -]*$/);
      }),
    );
  });
});

describe('unit aliases', () => {
  it('resolves the names of the one-stop desk and expands abbreviations', () => {
    expect(sameUnit('Bộ phận TN&TKQ', 'Bộ phận Một cửa')).toBe(true);
    expect(sameUnit('Bộ phận tiếp nhận và trả kết quả', 'bộ phận một cửa')).toBe(true);
    expect(sameUnit('TTPVHCC', 'Trung tâm Phục vụ hành chính công')).toBe(true);
    expect(sameUnit('UBND xã An Bình', 'Ủy ban nhân dân xã An Bình')).toBe(true);
    expect(sameUnit('UBND xã An Bình', 'UBND xã Tân Bình')).toBe(false);
    expect(sameUnit('Bộ phận Một cửa', 'Trung tâm Phục vụ hành chính công')).toBe(false);
  });

  it('takes aliases and abbreviations from the caller', () => {
    const options = {
      aliases: [{ name: 'Phòng Văn hóa - Xã hội', aliases: ['Phòng VH-XH'] }],
      abbreviations: { 'CN&TC': 'Chứng nhận và chứng thực' },
    };
    expect(unitKey('Phòng VH-XH', options)).toBe(unitKey('Phòng Văn hóa - Xã hội', options));
    expect(sameUnit('Tổ CN&TC', 'Tổ Chứng nhận và chứng thực', options)).toBe(true);
  });
});

describe('toWorkingMinutes', () => {
  it('converts working units and refuses calendar-based ones', () => {
    expect(toWorkingMinutes({ amount: 0.5, unit: 'workingDay' })).toBe(240);
    expect(toWorkingMinutes({ amount: 1, unit: 'workingDay' }, { workingDayMinutes: 450 })).toBe(450);
    expect(toWorkingMinutes({ amount: 0, unit: 'workingMinute', notCounted: true })).toBe(0);
    expect(toWorkingMinutes({ amount: 2, unit: 'calendarDay' })).toBeNull();
  });
});
