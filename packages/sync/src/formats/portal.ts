/**
 * `portal` format: a one-stop system's internal/electronic process configuration for one TTHC at one
 * agency (quy trình điện tử), after the Thanh Hóa one-stop software's QuyTrinhXuLy / TruongHopThuTuc
 * and its ReactFlow edges (REFERENCE.md §3.3). Times are in hours (8 h = 1 working day).
 */
import * as z from 'zod';
import { NumberLikeSchema } from './catalogue.js';

export const PortalStepSchema = z
  .looseObject({
    Ma: z.string().meta({ description: 'Step (node) id.' }),
    TenBuocXuLy: z.string().meta({ description: 'Step name.' }),
    ThoiGianXuLy: NumberLikeSchema.meta({ description: 'Step time in hours.' }),
    ThoiGianThucHienTrucTuyen: NumberLikeSchema.optional().meta({
      description: 'Online-channel time in hours (kept).',
    }),
    LoaiThoiGian: z.string().optional().meta({ description: '"Ngày làm việc" (default) or "Ngày" (calendar).' }),
    LoaiBuoc: z.string().optional().meta({ description: 'Vendor step type (kept).' }),
    TenNhomNguoiDung: z.string().meta({ description: 'Performer user group (role).' }),
    NhomNguoiDungId: z.string().optional(),
    DonViXuLy: z.string().optional().meta({ description: 'Performing unit (default: the agency).' }),
    MaTrangThaiHoSo: NumberLikeSchema.optional().meta({ description: 'DVCQG status code shown during the step.' }),
    TenTrangThaiHoSo: z.string().optional(),
    ChoPhepChuyenLaiBuocTruoc: z.boolean().optional().meta({ description: 'May send back to the previous step.' }),
  })
  .meta({ description: 'QuyTrinhXuLy: one step (node) of the electronic process.' });

export const PortalEdgeSchema = z
  .looseObject({
    source: z.string(),
    target: z.string(),
    label: z.string().optional().meta({ description: 'Action label, e.g. "Chuyển xử lý", "Không đồng ý".' }),
  })
  .meta({ description: 'A graph edge (ReactFlow JSON).' });

export const PortalCaseSchema = z
  .looseObject({
    Ma: z.string().meta({ description: 'Case code (trường hợp).' }),
    Ten: z.string().optional(),
    ThoiGianThucHien: NumberLikeSchema.meta({ description: 'Total time in hours.' }),
    ThoiGianThucHienTrucTuyen: NumberLikeSchema.optional().meta({ description: 'Online-channel total in hours.' }),
    LoaiThoiGian: z.string().meta({ description: '"Ngày làm việc" or "Ngày".' }),
    QuyTrinh: z.array(PortalStepSchema).min(1),
    Edges: z.array(PortalEdgeSchema),
  })
  .meta({ description: 'TruongHop: one case (variant) of the procedure with its process graph.' });

/** A one-stop process configuration. */
export const PortalProcessSchema = z
  .looseObject({
    MaTTHC: z.string().meta({ description: 'TTHC code (localised long form allowed).' }),
    TenTTHC: z.string().optional(),
    DonVi: z
      .looseObject({ MaDinhDanh: z.string().optional(), TenDonVi: z.string() })
      .meta({ description: 'Agency running the process.' }),
    QuyetDinhPheDuyet: z
      .looseObject({ So: z.string(), Ngay: z.string().optional(), TrichYeu: z.string().optional() })
      .optional()
      .meta({ description: 'Approving decision: number and date dd/MM/yyyy.' }),
    NgayApDung: z.string().optional().meta({ description: 'Effective date dd/MM/yyyy (default: decision date).' }),
    PhienBan: z.string().optional().meta({ description: 'Version label (default: the decision number).' }),
    ThoiGianGiaiQuyet: z.string().optional().meta({ description: 'Legal limit as displayed (kept).' }),
    TruongHop: z.array(PortalCaseSchema).min(1),
  })
  .meta({ id: 'PortalProcess', title: 'One-stop electronic process configuration' });

export type PortalProcess = z.infer<typeof PortalProcessSchema>;
export type PortalCase = z.infer<typeof PortalCaseSchema>;
export type PortalStep = z.infer<typeof PortalStepSchema>;
export type PortalEdge = z.infer<typeof PortalEdgeSchema>;
