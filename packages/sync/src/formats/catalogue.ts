/**
 * `catalogue` format: one procedure record of the national TTHC catalogue (CSDLQG về TTHC), the JSON
 * of its "LayThuTuc" service (REFERENCE.md §3.1) plus the catalogue columns provincial systems keep
 * beside it (MATTHC, CAPTHUCHIEN, LOAITTHC, QUYETDINHCONGBO). Loose objects: unknown fields are kept.
 */
import * as z from 'zod';

/** A number as systems write it: `1` or `"1"`. */
export const NumberLikeSchema = z.union([z.number(), z.string()]).meta({ description: 'A number, or its text.' });

export const CatalogueFeeSchema = z
  .looseObject({
    MAPHILEPHI: z.string().optional().meta({ description: 'Fee code.' }),
    SOTIEN: NumberLikeSchema.optional().meta({ description: 'Amount in VND (0 = free).' }),
    DONVI: z.string().optional().meta({ description: 'Currency as written ("Đồng").' }),
    MOTA: z.string().optional().meta({ description: 'Description: the fee name ("Lệ phí đăng ký hộ tịch").' }),
  })
  .meta({ description: 'PHILEPHI: one fee of a channel time row.' });

export const CatalogueTimeSchema = z
  .looseObject({
    THOIGIANGIAIQUYET: NumberLikeSchema.meta({ description: 'Time limit amount.' }),
    DONVITINH: z.string().meta({ description: 'Unit: "Ngày làm việc" (working days), "Ngày" (calendar days), "Giờ"…' }),
    MOTA: z.string().optional().meta({ description: 'The limit in words, e.g. "Trong ngày làm việc; …".' }),
    PHILEPHI: z.array(CatalogueFeeSchema).optional(),
  })
  .meta({ description: 'THOIGIAN: time limit and fees of a channel.' });

export const CatalogueChannelSchema = z
  .looseObject({
    KENH: NumberLikeSchema.meta({
      description: '1 trực tiếp (direct), 2 trực tuyến (online), 3 bưu chính công ích (postal).',
    }),
    THOIGIAN: z.array(CatalogueTimeSchema).min(1),
  })
  .meta({ description: 'CACHTHUCTHUCHIEN: one submission channel.' });

export const CatalogueLegalDocSchema = z
  .looseObject({
    SOVANBAN: z.string().meta({ description: 'Document number, e.g. "60/2014/QH13".' }),
    TENVANBAN: z.string().optional(),
    NGAYBANHANH: z.string().optional().meta({ description: 'Issue date dd/MM/yyyy.' }),
    COQUANBANHANH: z.string().optional(),
  })
  .meta({ description: 'A legal document (văn bản).' });

export const CatalogueComponentSchema = z
  .looseObject({
    TENGIAYTO: z.string().meta({ description: 'Document name (tên giấy tờ).' }),
    MAUDONTOKHAI: z.string().optional().meta({ description: 'Form (mẫu đơn, tờ khai).' }),
    SOBANCHINH: NumberLikeSchema.optional().meta({ description: 'Originals.' }),
    SOBANSAO: NumberLikeSchema.optional().meta({ description: 'Copies.' }),
    BATBUOC: z.boolean().optional().meta({ description: 'Required (default true).' }),
    GHICHU: z.string().optional(),
  })
  .meta({ description: 'THANHPHANHOSO: one dossier component.' });

/** A national TTHC catalogue record. */
export const CatalogueRecordSchema = z
  .looseObject({
    MATTHC: z.string().meta({ description: 'TTHC code, e.g. "1.001193" or "1.001193.000.00.00.H12".' }),
    TENTTHC: z.string().meta({ description: 'Procedure name.' }),
    LINHVUCTHUCHIEN: z
      .array(z.looseObject({ MALINHVUC: z.string().optional(), TENLINHVUC: z.string() }))
      .min(1)
      .meta({ description: 'Fields (lĩnh vực); the first is the procedure field.' }),
    CAPTHUCHIEN: z.array(z.string()).min(1).meta({ description: 'Levels ("Cấp xã", "Cấp tỉnh"…).' }),
    LOAITTHC: z.string().optional().meta({ description: 'Procedure kind.' }),
    TRINHTUTHUCHIEN: z
      .array(
        z.looseObject({
          TRUONGHOP: z.string().optional(),
          TRINHTU: z.array(z.looseObject({ TENTRINHTU: z.string() })),
        }),
      )
      .optional()
      .meta({ description: 'Sequence per case (kept, not interpreted).' }),
    CACHTHUCTHUCHIEN: z.array(CatalogueChannelSchema).min(1),
    THANHPHANHOSO: z.array(CatalogueComponentSchema).optional(),
    YEUCAU: z.string().optional().meta({ description: 'Requirements/conditions (kept).' }),
    MOTADOITUONGTHUCHIEN: z.string().optional().meta({ description: 'Who may apply (kept).' }),
    KETQUATHUCHIEN: z.array(z.looseObject({ MAKETQUA: z.string().optional(), TENKETQUA: z.string() })).optional(),
    CANCUPHAPLY: z.array(CatalogueLegalDocSchema).optional(),
    COQUANTHUCHIEN: z.array(z.looseObject({ MADONVI: z.string().optional(), TENDONVI: z.string() })).min(1),
    QUYETDINHCONGBO: CatalogueLegalDocSchema.optional().meta({ description: 'Announcing decision.' }),
    TRANGTHAI: NumberLikeSchema.optional().meta({ description: '1 = public (kept).' }),
  })
  .meta({ id: 'CatalogueRecord', title: 'TTHC catalogue record (LayThuTuc)' });

export type CatalogueRecord = z.infer<typeof CatalogueRecordSchema>;
export type CatalogueChannel = z.infer<typeof CatalogueChannelSchema>;
export type CatalogueTime = z.infer<typeof CatalogueTimeSchema>;
export type CatalogueFee = z.infer<typeof CatalogueFeeSchema>;
export type CatalogueComponent = z.infer<typeof CatalogueComponentSchema>;
export type CatalogueLegalDoc = z.infer<typeof CatalogueLegalDocSchema>;
