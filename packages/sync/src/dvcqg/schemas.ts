/**
 * The two DVCQG payloads `@tthc/sync` writes and reads (REFERENCE.md §3.2), as zod schemas: the
 * dossier object sent with service `DongBoHoSoMC` and the progress row (tiến trình) sent with
 * `CapNhatTienDoHoSoMC`. Field names stay Vietnamese, as the portal spells them.
 */
import * as z from 'zod';
import { parseDvcqgDate } from './dates.js';

/** A DVCQG date `yyyyMMddHHmmss`, Vietnam time, a real date and time. */
export const DvcqgDateSchema = z
  .string()
  .refine((t) => parseDvcqgDate(t) !== undefined, 'expected a real date and time yyyyMMddHHmmss')
  .meta({ description: 'Date yyyyMMddHHmmss in Asia/Ho_Chi_Minh, e.g. "20260213163000".' });

/** TrangThaiHoSo: 1–10 on the DVCQG list (0 = "unknown" is never written). */
export const DvcqgStatusSchema = z.number().int().min(1).max(10).meta({
  description:
    '1 mới đăng ký, 2 được tiếp nhận, 3 không được tiếp nhận, 4 đang xử lý, 5 yêu cầu bổ sung, 6 nghĩa vụ tài chính, 7 rút hồ sơ, 8 dừng xử lý, 9 đã xử lý xong, 10 đã trả kết quả.',
});

/** DanhSachLePhi item. */
export const DvcqgFeeSchema = z.looseObject({
  TenPhiLePhi: z.string().min(1),
  MaPhiLePhi: z.string().min(1).optional(),
  HinhThucThu: z.number().int().optional(),
  Gia: z.number().finite().nonnegative(),
  LoaiPhiLePhi: z.number().int().optional(),
});

/** DanhSachHoSoBoSung item: one supplementation round (REFERENCE.md §1.6). */
export const DvcqgSupplementSchema = z.looseObject({
  HoSoBoSungId: z.string().min(1),
  NguoiYeuCauBoSung: z.string().min(1),
  NoiDungBoSung: z.string().min(1),
  NgayBoSung: DvcqgDateSchema.meta({ description: 'When the supplement was asked (Mẫu 02).' }),
  NguoiTiepNhanBoSung: z.string().min(1).optional(),
  NgayTiepNhanBoSung: DvcqgDateSchema.optional(),
  TrangThaiBoSung: z.number().int().meta({ description: '0 waiting, 1 received (this library’s reading).' }),
  NgayHenTraTruoc: DvcqgDateSchema.optional().meta({ description: 'The due before the round.' }),
  NgayHenTraMoi: DvcqgDateSchema.optional().meta({ description: 'The due after the complete dossier came back.' }),
});

/** DinhDanhCHS item: 1 = 12-digit CCCD, 2 = 9-digit CMND. */
export const DvcqgIdentitySchema = z.strictObject({
  LoaiDinhDanh: z.union([z.literal(1), z.literal(2)]),
  SoDinhDanh: z.string().regex(/^(\d{12}|\d{9})$/),
});

/** The dossier object of `DongBoHoSoMC` (HoSoDongBoDVC). */
export const DvcqgDossierSchema = z
  .looseObject({
    MaHoSo: z.string().min(1),
    MaTTHC: z.string().regex(/^[1-9]\.\d{6}$/, 'expected the national TTHC code X.NNNNNN'),
    TenTTHC: z.string().min(1),
    MaLinhVuc: z.string().min(1),
    TenLinhVuc: z.string().min(1),
    KenhThucHien: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    ChuHoSo: z.string().min(1),
    LoaiDoiTuong: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    MaDoiTuong: z.string().min(1).optional(),
    SoGiayToChuHoSo: z.string().min(1),
    DinhDanhCHS: z.array(DvcqgIdentitySchema).optional(),
    Email: z.string().min(1).optional(),
    Fax: z.string().min(1).optional(),
    SoDienThoai: z.string().min(1).optional(),
    ThongTinKhac: z.string().min(1).optional(),
    TrichYeuHoSo: z.string().min(1),
    NgayNopHoSo: DvcqgDateSchema,
    NgayTiepNhan: DvcqgDateSchema,
    NgayHenTra: DvcqgDateSchema,
    NgayKetThucXuLy: DvcqgDateSchema.optional(),
    NgayTra: DvcqgDateSchema.optional(),
    NgayTuChoi: DvcqgDateSchema.optional(),
    TrangThaiHoSo: DvcqgStatusSchema,
    HinhThuc: z.union([z.literal(0), z.literal(1)]),
    DonViXuLy: z.string().min(1),
    NoiNopHoSo: z.string().min(1).optional(),
    DanhSachLePhi: z.array(DvcqgFeeSchema),
    DanhSachHoSoBoSung: z.array(DvcqgSupplementSchema),
  })
  .meta({ id: 'DvcqgDossier', title: 'DVCQG DongBoHoSoMC dossier object' });

/** One progress row of `CapNhatTienDoHoSoMC` (the dossier event log on the DVCQG). */
export const DvcqgProgressRowSchema = z
  .strictObject({
    MaHoSo: z.string().min(1),
    NguoiXuLy: z.string().meta({ description: 'Name of the person who acted ("" when not recorded).' }),
    ChucDanh: z.string().meta({ description: 'Their role.' }),
    ThoiDiemXuLy: DvcqgDateSchema,
    PhongBanXuLy: z.string().meta({ description: 'Their unit.' }),
    NoiDungXuLy: z
      .string()
      .meta({ description: 'What was done: an action label, a step name or a note ("" when the client sent none).' }),
    TrangThai: DvcqgStatusSchema.meta({ description: 'TrangThaiHoSo after the row.' }),
    NgayBatDau: DvcqgDateSchema.optional(),
    NgayKetThucTheoQuyDinh: DvcqgDateSchema.optional().meta({ description: 'The step (or share) deadline.' }),
    KenhThucHien: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .optional()
      .meta({ description: 'Not in the portal row; carried so a dossier can be rebuilt from its rows.' }),
  })
  .meta({ id: 'DvcqgProgressRow', title: 'DVCQG CapNhatTienDoHoSoMC progress row' });

export type DvcqgDossier = z.infer<typeof DvcqgDossierSchema>;
export type DvcqgFee = z.infer<typeof DvcqgFeeSchema>;
export type DvcqgSupplement = z.infer<typeof DvcqgSupplementSchema>;
export type DvcqgProgressRow = z.infer<typeof DvcqgProgressRowSchema>;

/** The columns of a progress row, in the portal's order. */
export const PROGRESS_COLUMNS = [
  'MaHoSo',
  'NguoiXuLy',
  'ChucDanh',
  'ThoiDiemXuLy',
  'PhongBanXuLy',
  'NoiDungXuLy',
  'TrangThai',
  'NgayBatDau',
  'NgayKetThucTheoQuyDinh',
  'KenhThucHien',
] as const;
