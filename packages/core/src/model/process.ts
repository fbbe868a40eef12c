/**
 * `Process` — one agency's internal/electronic process (quy trình nội bộ / quy trình điện tử) for a
 * procedure: the approved steps, who performs each, and each step's time budget.
 */
import * as z from 'zod';
import { ChannelKindSchema, AgencyRefSchema, ProcedureCodeSchema } from './procedure.js';
import {
  CountingRuleSchema,
  DurationSchema,
  ExtensionsSchema,
  IsoDateSchema,
  LegalReferenceSchema,
  TimeOfDaySchema,
} from './common.js';

/** A stable step key: letters, digits, `.`, `_`, `-` (e.g. `receive`, `B2`, `review.legal`). */
export const StepKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a step key of letters, digits, ".", "_" or "-", e.g. "review"');

/** What a step does; the runtime gives `receive`, `consult`, `pay` and `return` their legal meaning. */
export const StepKindSchema = z.enum([
  'receive', // tiếp nhận
  'transfer', // chuyển hồ sơ
  'review', // thẩm định / xem xét
  'verify', // thẩm tra, xác minh
  'consult', // lấy ý kiến / liên thông
  'approve', // trình, phê duyệt
  'sign', // ký duyệt
  'issue', // vào số, phát hành
  'pay', // nghĩa vụ tài chính
  'return', // trả kết quả
  'other',
]);

/** Who performs a step: a role in an organisational unit (never free text for a person). */
export const PerformerSchema = z.strictObject({
  unit: z.string().min(1).meta({ description: 'Organisational unit, e.g. "Bộ phận Một cửa", "Phòng Tư pháp".' }),
  role: z.string().min(1).meta({ description: 'Role, e.g. "Công chức tiếp nhận", "Chuyên viên", "Lãnh đạo".' }),
  unitCode: z.string().min(1).optional(),
  validFrom: IsoDateSchema.optional(),
  validTo: IsoDateSchema.optional(),
});

/** An outcome of a step and where it leads (`next: null` ends the process). */
export const OutcomeSchema = z.strictObject({
  name: z.string().min(1).meta({ description: 'Outcome name, e.g. "done", "approved", "not-approved".' }),
  next: StepKeySchema.nullable().meta({ description: 'Key of the next step, or null when the process ends.' }),
  label: z.string().optional().meta({ description: 'How the process document words it.' }),
  guard: z.string().min(1).optional().meta({ description: 'Name of a registered guard (toMachine registry).' }),
  actions: z.array(z.string().min(1)).optional().meta({ description: 'Names of registered actions.' }),
});

export const StepSchema = z.strictObject({
  key: StepKeySchema,
  name: z.string().min(1),
  kind: StepKindSchema,
  performer: PerformerSchema,
  agency: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Agency whose share of time this step counts to (liên thông); default the process agency.' }),
  budget: DurationSchema.meta({ description: 'Time of the step (thời gian thực hiện).' }),
  forms: z.array(z.string().min(1)).default([]).meta({ description: 'Form codes used or produced (biểu mẫu).' }),
  outputs: z.array(z.string().min(1)).default([]).meta({ description: 'Results/records of the step.' }),
  portalStatus: z
    .number()
    .int()
    .min(0)
    .max(10)
    .optional()
    .meta({ description: 'DVCQG TrangThaiHoSo shown while the dossier is in this step.' }),
  outcomes: z.array(OutcomeSchema).default([]).meta({ description: 'Empty for the final step.' }),
  entry: z.array(z.string().min(1)).optional().meta({ description: 'Registered actions run on entering the step.' }),
  exit: z.array(z.string().min(1)).optional().meta({ description: 'Registered actions run on leaving the step.' }),
  extensions: ExtensionsSchema.optional(),
});

/** How the clock treats a request to supplement during processing. */
export const SupplementationPolicySchema = z.strictObject({
  policy: z.enum(['restart', 'pause', 'extend']).default('restart').meta({
    description:
      'restart: limit counted again from zero on the complete dossier (ND 61 art. 19 as amended by ND 107/2021); pause: clock stopped while waiting; extend: due moved by the waiting time (legacy software).',
  }),
  requestWithin: DurationSchema.default({ amount: 3, unit: 'workingDay' }).meta({
    description: 'Deadline for the agency to ask (03 working days from receipt, ND 61 art. 19(3)).',
  }),
  citizenDeadline: DurationSchema.optional().meta({
    description: 'Time the applicant has to supplement before the dossier can be closed.',
  }),
});

export const FormSchema = z.strictObject({
  code: z.string().min(1).meta({ description: 'Form code, e.g. "Mẫu 01", "BM.TP.01".' }),
  name: z.string().min(1),
  source: z
    .string()
    .optional()
    .meta({ description: 'Where the form is defined, e.g. "TT 03/2025/TT-VPCP Phụ lục I".' }),
});

/** One agency's process for one procedure, valid between two dates. */
export const ProcessSchema = z
  .strictObject({
    procedureCode: ProcedureCodeSchema,
    name: z.string().min(1).optional(),
    agency: AgencyRefSchema,
    version: z.string().min(1).meta({ description: 'Version label, e.g. "2025.1" or the ISO issue number.' }),
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.optional(),
    approvedBy: LegalReferenceSchema.optional().meta({ description: 'Approving decision (quyết định phê duyệt).' }),
    channels: z
      .array(ChannelKindSchema)
      .optional()
      .meta({ description: 'Channels this process serves (default all).' }),
    countingRule: CountingRuleSchema.default('working-time'),
    sameDayCutoff: TimeOfDaySchema.optional(),
    totalLimit: DurationSchema.optional().meta({ description: 'Declared total time, as the decision words it.' }),
    supplementation: SupplementationPolicySchema.default({
      policy: 'restart',
      requestWithin: { amount: 3, unit: 'workingDay' },
    }),
    start: StepKeySchema.optional().meta({ description: 'First step key (default: the first step).' }),
    steps: z.array(StepSchema).min(1),
    forms: z.array(FormSchema).default([]),
    extensions: ExtensionsSchema.optional(),
  })
  .meta({ id: 'Process', title: 'Process (quy trình nội bộ)', description: "An agency's internal process." });

export type Process = z.infer<typeof ProcessSchema>;
export type ProcessInput = z.input<typeof ProcessSchema>;
export type Step = z.infer<typeof StepSchema>;
export type StepKind = z.infer<typeof StepKindSchema>;
export type Performer = z.infer<typeof PerformerSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type SupplementationPolicy = z.infer<typeof SupplementationPolicySchema>;
