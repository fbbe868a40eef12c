/**
 * `Procedure` — a TTHC (thủ tục hành chính) as the national catalogue (CSDLQG về TTHC) announces it:
 * the legal facts every agency's process must respect (ND 63/2010 art. 8(2) components).
 */
import * as z from 'zod';
import {
  CountingRuleSchema,
  DurationSchema,
  ExtensionsSchema,
  IsoDateSchema,
  LegalReferenceSchema,
  TimeOfDaySchema,
} from './common.js';

/**
 * A TTHC code: the national `X.NNNNNN`, optionally with a provincial suffix
 * (`1.001193.000.00.00.H12`, `1.000948.H38`).
 */
export const ProcedureCodeSchema = z
  .string()
  .regex(/^[1-9]\.\d{6}(\.[0-9A-Za-z]+)*$/, 'expected a TTHC code like "1.001193" or "1.001193.000.00.00.H12"')
  .meta({ description: 'TTHC code X.NNNNNN with an optional provincial suffix.' });

/** Submission channels (cách thức thực hiện): KENH 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
export const ChannelKindSchema = z.enum(['direct', 'online', 'postal']);

export const FeeSchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'Tên phí/lệ phí, e.g. "Lệ phí chứng thực".' }),
  code: z.string().min(1).optional(),
  amount: z.number().finite().nonnegative().meta({ description: 'Amount in `currency` (0 = miễn phí).' }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code, e.g. "VND" or "USD"')
    .default('VND')
    .meta({ description: 'ISO 4217 code: some fees are set in USD (e.g. consular fees), and 145 USD is not 145 VND.' }),
  unit: z.string().min(1).optional().meta({ description: 'What the amount is per, e.g. "trang", "bản".' }),
  note: z.string().optional(),
});

export const ChannelSchema = z.strictObject({
  channel: ChannelKindSchema,
  timeLimit: DurationSchema.nullable().meta({
    description:
      'Thời hạn giải quyết for this channel; null when the catalogue states none ("Không có thông tin"): the appointment then comes from the process totalLimit.',
  }),
  timeLimitText: z.string().optional().meta({ description: 'The limit as the catalogue words it.' }),
  fees: z.array(FeeSchema).default([]),
  description: z.string().optional(),
});

export const ComponentSchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'Tên giấy tờ.' }),
  form: z.string().min(1).optional().meta({ description: 'Mẫu đơn, tờ khai (form code or name).' }),
  originals: z.number().int().nonnegative().default(1),
  copies: z.number().int().nonnegative().default(0),
  required: z.boolean().default(true),
  note: z.string().optional(),
  case: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Trường hợp: the case of the procedure this component belongs to.' }),
});

export const AgencyRefSchema = z.strictObject({
  code: z.string().min(1).optional().meta({ description: 'Agency identifier (mã định danh), e.g. "H56.14".' }),
  name: z.string().min(1),
  role: z.enum(['deciding', 'implementing', 'authorised', 'coordinating']).optional(),
});

/** A TTHC as the national catalogue announces it. */
export const ProcedureSchema = z
  .strictObject({
    code: ProcedureCodeSchema,
    name: z.string().min(1).meta({ description: 'Tên thủ tục.' }),
    field: z
      .strictObject({ code: z.string().min(1).optional(), name: z.string().min(1) })
      .meta({ description: 'Lĩnh vực.' }),
    levels: z
      .array(z.string().min(1))
      .min(1)
      .meta({ description: 'Cấp thực hiện as data ("Cấp tỉnh", "Cấp xã"; older data "Cấp huyện").' }),
    kind: z.string().min(1).optional().meta({ description: 'Loại thủ tục.' }),
    agencies: z.array(AgencyRefSchema).min(1).meta({ description: 'Cơ quan thực hiện.' }),
    channels: z.array(ChannelSchema).min(1).meta({ description: 'Cách thức thực hiện: one row per channel.' }),
    components: z.array(ComponentSchema).default([]).meta({ description: 'Thành phần hồ sơ.' }),
    results: z
      .array(z.strictObject({ code: z.string().min(1).optional(), name: z.string().min(1) }))
      .default([])
      .meta({ description: 'Kết quả thực hiện.' }),
    legalBases: z.array(LegalReferenceSchema).default([]).meta({ description: 'Căn cứ pháp lý.' }),
    announcedBy: LegalReferenceSchema.optional().meta({ description: 'Quyết định công bố.' }),
    effectiveFrom: IsoDateSchema.optional(),
    effectiveTo: IsoDateSchema.optional(),
    countingRule: CountingRuleSchema.optional().meta({ description: 'Counting rule the law sets, if any.' }),
    sameDayCutoff: TimeOfDaySchema.optional().meta({
      description: 'Cut-off after which a same-day procedure is done the next working day (e.g. "15:00").',
    }),
    extensions: ExtensionsSchema.optional(),
  })
  .meta({ id: 'Procedure', title: 'Procedure (TTHC)', description: 'A TTHC as announced in the national catalogue.' });

export type Procedure = z.infer<typeof ProcedureSchema>;
export type ProcedureInput = z.input<typeof ProcedureSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type ChannelKind = z.infer<typeof ChannelKindSchema>;
export type Component = z.infer<typeof ComponentSchema>;
export type Fee = z.infer<typeof FeeSchema>;

/**
 * The national part `X.NNNNNN` of a TTHC code: systems join on it (REFERENCE.md §3.1).
 * @example nationalCode('1.001193.000.00.00.H12') // '1.001193'
 */
export function nationalCode(code: string): string {
  const m = /^([1-9]\.\d{6})/.exec(code);
  return m ? m[1]! : code;
}
