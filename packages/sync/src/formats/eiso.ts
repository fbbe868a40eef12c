/**
 * `eiso` format: an ISO 9001:2015 procedure document for one TTHC as the "ISO điện tử" software keeps
 * it (QĐ 101/QĐ-BKHCN framework model; REFERENCE.md §3.5). Loose objects: unknown fields are kept.
 */
import * as z from 'zod';
import { NumberLikeSchema } from './catalogue.js';

export const EisoStepSchema = z
  .looseObject({
    TT: NumberLikeSchema.meta({ description: 'Step number ("1", "B1", "Bước 2.1").' }),
    TrinhTu: z.string().meta({ description: 'Content of the step (trình tự).' }),
    TrachNhiem: z.string().meta({ description: 'Responsibility: role and unit ("Công chức Tư pháp - Hộ tịch").' }),
    ThoiGian: z.string().meta({ description: 'Step time as written ("0,5 ngày", "04 giờ", "Không tính thời gian").' }),
    BieuMau: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .meta({ description: 'Forms / results ("Mẫu 01; Giấy khai sinh").' }),
  })
  .meta({ description: 'One row of the work-flow table (5.7 Quy trình xử lý công việc).' });

export const EisoContentSchema = z
  .looseObject({
    DieuKien: z.string().optional().meta({ description: '5.1 Conditions.' }),
    ThanhPhanHoSo: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .meta({ description: '5.2 Components.' }),
    SoLuongHoSo: z.string().optional().meta({ description: '5.3 Number of sets.' }),
    ThoiGianXuLy: z.string().optional().meta({ description: '5.4 Processing time as written.' }),
    NoiTiepNhan: z.string().optional().meta({ description: '5.5 Where dossiers are received and returned.' }),
    LePhi: z.string().optional().meta({ description: '5.6 Fees.' }),
    QuyTrinhXuLy: z.array(EisoStepSchema).min(1).meta({ description: '5.7 Work-flow table.' }),
  })
  .meta({ description: 'NoiDung: 5. Procedure content.' });

/** An ISO procedure document for one TTHC. */
export const EisoDocumentSchema = z
  .looseObject({
    MaTTHC: z.string().meta({ description: 'TTHC code the procedure implements.' }),
    MaQuyTrinh: z.string().meta({ description: 'Procedure document code, e.g. "QT-01/TP-HT".' }),
    TenQuyTrinh: z.string(),
    LanBanHanh: NumberLikeSchema.meta({ description: 'Issue number (lần ban hành).' }),
    NgayBanHanh: z.string().meta({ description: 'Issue date dd/MM/yyyy.' }),
    NgayHieuLuc: z.string().optional().meta({ description: 'Effective date dd/MM/yyyy (default: the issue date).' }),
    CoQuan: z.string().meta({ description: 'Agency that owns the document.' }),
    MaCoQuan: z.string().optional().meta({ description: 'Agency identifier (mã định danh).' }),
    KyDuyet: z
      .array(
        z.looseObject({
          TrachNhiem: z.string().meta({ description: '"Soạn thảo" | "Xem xét" | "Phê duyệt".' }),
          HoTen: z.string().optional(),
          ChucVu: z.string().optional(),
          ChuKy: z.string().optional(),
        }),
      )
      .optional()
      .meta({ description: 'Sign-off table (kept).' }),
    SuaDoi: z
      .array(
        z.looseObject({
          NgaySuaDoi: z.string().optional(),
          ViTri: z.string().optional(),
          NoiDung: z.string(),
          LanBanHanh: NumberLikeSchema.optional(),
        }),
      )
      .optional()
      .meta({ description: 'Revision log, Theo dõi sửa đổi tài liệu (kept).' }),
    MucDich: z.string().optional().meta({ description: '1. Purpose (kept).' }),
    PhamVi: z.string().optional().meta({ description: '2. Scope (kept).' }),
    TaiLieuVienDan: z.array(z.string()).optional().meta({ description: '3. References (kept).' }),
    DinhNghia: z
      .array(z.looseObject({ VietTat: z.string(), GiaiThich: z.string() }))
      .optional()
      .meta({ description: '4. Definitions / abbreviations; used to read responsibilities.' }),
    NoiDung: EisoContentSchema,
    BieuMau: z
      .array(z.looseObject({ MaBieuMau: z.string(), TenBieuMau: z.string() }))
      .optional()
      .meta({ description: '6. Forms.' }),
    HoSoLuu: z
      .array(z.looseObject({ TenHoSo: z.string(), NoiLuu: z.string().optional(), ThoiGianLuu: z.string().optional() }))
      .optional()
      .meta({ description: '7. Records to keep (kept).' }),
  })
  .meta({ id: 'EisoDocument', title: 'ISO procedure document (e-ISO)' });

export type EisoDocument = z.infer<typeof EisoDocumentSchema>;
export type EisoStep = z.infer<typeof EisoStepSchema>;
