import { describe, expect, it } from 'vitest';
import { eisoAdapter } from '../adapters/eiso.js';
import { isoDocx } from './forms.test-util.js';
import { readIsoDocument } from './iso-document.js';

describe('readIsoDocument', () => {
  it('reads a DOCX ISO procedure into the e-ISO document the eiso adapter parses', async () => {
    const bytes = await isoDocx({
      agency: 'UBND xã An Bình',
      steps: [
        ['TT', 'Trình tự', 'Trách nhiệm', 'Thời gian', 'Biểu mẫu/Kết quả'],
        ['B1', 'Tiếp nhận hồ sơ', 'CCMC', '2 giờ', 'BM.HT.01'],
        ['B2', 'Thẩm định, trình ký', 'Công chức TP-HT', { t: '4 giờ', r: 2 }, ''],
        ['B3', 'Ký Giấy khai sinh', 'Chủ tịch UBND xã', 'Giấy khai sinh'],
        ['B4', 'Trả kết quả', 'CCMC', '2 giờ', ''],
      ],
    });
    const { document, issues } = readIsoDocument(bytes);
    expect(issues).toEqual([]);
    expect(document).toMatchObject({
      MaTTHC: '1.001193',
      MaQuyTrinh: 'QT-02/CX-HCTP',
      TenQuyTrinh: 'QUY TRÌNH ĐĂNG KÝ KHAI SINH',
      LanBanHanh: '01',
      NgayBanHanh: '07/07/2025',
      CoQuan: 'UBND xã An Bình',
      BieuMau: [{ MaBieuMau: 'BM.HT.01', TenBieuMau: 'Tờ khai đăng ký khai sinh' }],
    });
    expect(document.NoiDung?.ThoiGianXuLy).toBe('01 ngày làm việc');
    expect(document.NoiDung?.QuyTrinhXuLy.map((s) => [s.TT, s.ThoiGian])).toEqual([
      ['B1', '2 giờ'],
      ['B2', '4 giờ'],
      ['B3', '0 giờ làm việc'],
      ['B4', '2 giờ'],
    ]);
    const parsed = eisoAdapter.parse(document);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parsed.value?.steps.map((s) => [s.key, s.performer.role])).toEqual([
      ['B1', 'Công chức một cửa'],
      ['B2', 'Công chức Tư pháp - Hộ tịch'],
      ['B3', 'Chủ tịch'],
      ['B4', 'Công chức một cửa'],
    ]);
  });

  it('names what an ISO document does not state', () => {
    const { issues } = readIsoDocument('<p>Quy trình</p>');
    expect(issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['MaQuyTrinh', 'LanBanHanh', 'NgayBanHanh', 'MaTTHC', 'NoiDung']),
    );
  });
});
