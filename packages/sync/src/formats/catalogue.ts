/**
 * `catalogue` format: one procedure record of the national TTHC catalogue (CSDLQG về TTHC), the JSON
 * of its "LayThuTuc" service (REFERENCE.md §3.1) plus the catalogue columns provincial systems keep
 * beside it (MATTHC, CAPTHUCHIEN, LOAITTHC, QUYETDINHCONGBO). Loose objects: unknown fields are kept.
 *
 * Two shapes are read: the flat one (CAPTHUCHIEN as level names, THANHPHANHOSO as documents) and the
 * nested one the national service returns, as its consumers read it (HuanVu201/DichVuCong_KhoaLuan_PASETO
 * `ThuTucApp/Service.cs`, OpenCPS v2 `DVCQGIntegrationActionImpl`): CAPTHUCHIEN `[{ CAPTHUCHIEN: "1" }]`
 * (0 bộ, 1 tỉnh, 2 huyện, 3 xã), THANHPHANHOSO `[{ TRUONGHOP, GIAYTO: [...] }]`, fees under the time
 * row or the channel row, `""`/`null` for absent values.
 */
import * as z from 'zod';

/** A number as systems write it: `1` or `"1"`. */
export const NumberLikeSchema = z.union([z.number(), z.string()]).meta({ description: 'A number, or its text.' });

/** A text field the national service may send as `null`. */
const Text = z.string().nullish();
/** A list the national service may send as `null`. */
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

export const CatalogueFeeSchema = z
  .looseObject({
    MAPHILEPHI: Text.meta({ description: 'Fee code.' }),
    SOTIEN: NumberLikeSchema.nullish().meta({ description: 'Amount in the currency DONVI (0 = free).' }),
    DONVI: Text.meta({ description: 'Currency as written ("Đồng", "VNĐ", "USD", "Đô la Mỹ").' }),
    MOTA: Text.meta({ description: 'Description: the fee name ("Lệ phí đăng ký hộ tịch").' }),
  })
  .meta({ description: 'PHILEPHI: one fee of a channel time row.' });

export const CatalogueTimeSchema = z
  .looseObject({
    THOIGIANGIAIQUYET: NumberLikeSchema.nullish().meta({ description: 'Time limit amount ("" when none).' }),
    DONVITINH: Text.meta({
      description:
        'Unit: "Ngày làm việc" (working days), "Ngày" (calendar days), "Giờ", "Tháng", "Không có thông tin" (no limit stated), or nothing (a bare number).',
    }),
    MOTA: Text.meta({ description: 'The limit in words, e.g. "Trong ngày làm việc; …".' }),
    PHILEPHI: list(CatalogueFeeSchema),
  })
  .meta({ description: 'THOIGIAN: time limit and fees of a channel.' });

export const CatalogueChannelSchema = z
  .looseObject({
    KENH: NumberLikeSchema.meta({
      description: '1 trực tiếp (direct), 2 trực tuyến (online), 3 bưu chính công ích (postal).',
    }),
    THOIGIAN: z.array(CatalogueTimeSchema).min(1),
    PHILEPHI: list(CatalogueFeeSchema).meta({ description: 'Fees on the channel row (some exports).' }),
  })
  .meta({ description: 'CACHTHUCTHUCHIEN: one submission channel.' });

export const CatalogueLegalDocSchema = z
  .looseObject({
    SOVANBAN: z.string().meta({ description: 'Document number, e.g. "60/2014/QH13".' }),
    TENVANBAN: Text,
    NGAYBANHANH: Text.meta({ description: 'Issue date dd/MM/yyyy.' }),
    COQUANBANHANH: Text,
  })
  .meta({ description: 'A legal document (văn bản).' });

export const CatalogueComponentSchema = z
  .looseObject({
    MAGIAYTO: Text.meta({ description: 'Document code (nested shape).' }),
    TENGIAYTO: z.string().meta({ description: 'Document name (tên giấy tờ).' }),
    MAUDONTOKHAI: Text.meta({ description: 'Form (mẫu đơn, tờ khai).' }),
    SOBANCHINH: NumberLikeSchema.nullish().meta({ description: 'Originals.' }),
    SOBANSAO: NumberLikeSchema.nullish().meta({ description: 'Copies.' }),
    BATBUOC: z.boolean().optional().meta({ description: 'Required (default true).' }),
    GHICHU: Text,
  })
  .meta({ description: 'THANHPHANHOSO: one dossier component.' });

/** THANHPHANHOSO in the nested shape: the documents of one case (trường hợp). */
export const CatalogueCaseSchema = z
  .looseObject({
    TRUONGHOP: Text.meta({ description: 'The case ("" for the only case).' }),
    GIAYTO: z.array(CatalogueComponentSchema),
  })
  .meta({ description: 'THANHPHANHOSO (nested shape): one case and its documents (GIAYTO).' });

/** CAPTHUCHIEN in the nested shape: `{ CAPTHUCHIEN: "0".."3" }` with the agency wording beside it. */
export const CatalogueLevelSchema = z
  .looseObject({
    CAPTHUCHIEN: NumberLikeSchema.meta({ description: '0 cấp bộ, 1 cấp tỉnh, 2 cấp huyện, 3 cấp xã.' }),
  })
  .meta({ description: 'CAPTHUCHIEN (nested shape): one level.' });

/** A national TTHC catalogue record. */
export const CatalogueRecordSchema = z
  .looseObject({
    MATTHC: z.string().meta({ description: 'TTHC code, e.g. "1.001193" or "1.001193.000.00.00.H12".' }),
    TENTTHC: z.string().meta({ description: 'Procedure name.' }),
    LINHVUCTHUCHIEN: z
      .array(z.looseObject({ MALINHVUC: Text, TENLINHVUC: z.string() }))
      .min(1)
      .meta({ description: 'Fields (lĩnh vực); the first is the procedure field.' }),
    CAPTHUCHIEN: z
      .array(z.union([z.string(), CatalogueLevelSchema]))
      .min(1)
      .meta({ description: 'Levels ("Cấp xã", "Cấp tỉnh"…, or [{ CAPTHUCHIEN: "3" }] in the nested shape).' }),
    LOAITTHC: Text.meta({ description: 'Procedure kind.' }),
    TRINHTUTHUCHIEN: z
      .array(
        z.looseObject({
          TRUONGHOP: Text,
          TRINHTU: z.array(z.looseObject({ TENTRINHTU: Text })),
        }),
      )
      .nullish()
      .meta({ description: 'Sequence per case (kept, not interpreted).' }),
    CACHTHUCTHUCHIEN: z.array(CatalogueChannelSchema).min(1),
    THANHPHANHOSO: list(z.union([CatalogueCaseSchema, CatalogueComponentSchema])),
    YEUCAU: Text.meta({ description: 'Requirements/conditions (kept).' }),
    MOTADOITUONGTHUCHIEN: Text.meta({ description: 'Who may apply (kept).' }),
    KETQUATHUCHIEN: list(z.looseObject({ MAKETQUA: Text, TENKETQUA: z.string() })),
    CANCUPHAPLY: list(CatalogueLegalDocSchema),
    COQUANTHUCHIEN: z.array(z.looseObject({ MADONVI: Text, TENDONVI: z.string() })).min(1),
    QUYETDINHCONGBO: CatalogueLegalDocSchema.nullish().meta({ description: 'Announcing decision.' }),
    TRANGTHAI: NumberLikeSchema.nullish().meta({ description: '1 = public (kept).' }),
  })
  .meta({ id: 'CatalogueRecord', title: 'TTHC catalogue record (LayThuTuc)' });

export type CatalogueRecord = z.infer<typeof CatalogueRecordSchema>;
export type CatalogueChannel = z.infer<typeof CatalogueChannelSchema>;
export type CatalogueTime = z.infer<typeof CatalogueTimeSchema>;
export type CatalogueFee = z.infer<typeof CatalogueFeeSchema>;
export type CatalogueComponent = z.infer<typeof CatalogueComponentSchema>;
export type CatalogueLegalDoc = z.infer<typeof CatalogueLegalDocSchema>;
export type CatalogueCase = z.infer<typeof CatalogueCaseSchema>;
export type CatalogueLevel = z.infer<typeof CatalogueLevelSchema>;
