/**
 * Dossier events (sự kiện xử lý hồ sơ): what happened to a dossier, when and by whom. The event list
 * is the source of truth of a dossier; everything else (state, clock ledger, views) is derived.
 */
import * as z from 'zod';
import { CoreError } from '../errors.js';
import { DurationSchema } from '../model/common.js';
import { toDataIssues } from '../model/parse.js';

/** Who did something: a person, a unit and/or a role (every field optional). */
export const ActorSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    unit: z.string().min(1).optional().meta({ description: 'Organisational unit, e.g. "Phòng Tư pháp".' }),
    role: z.string().min(1).optional().meta({ description: 'Role, e.g. "Chuyên viên".' }),
  })
  .meta({ id: 'Actor' });

/** An instant as ISO 8601 text that carries its offset (`2026-02-13T16:30:00+07:00` or `…Z`). */
export const InstantTextSchema = z.iso
  .datetime({ offset: true, local: false })
  .meta({ description: 'ISO 8601 instant with an offset or Z, e.g. "2026-02-13T16:30:00+07:00".' });

const base = {
  at: InstantTextSchema,
  by: ActorSchema,
  note: z.string().optional(),
};

const CompleteStep = z.strictObject({
  ...base,
  type: z.literal('complete-step'),
  step: z.string().min(1),
  outcome: z.string().min(1).optional().meta({ description: "Default: the step's only outcome." }),
});
const RequestSupplement = z.strictObject({
  ...base,
  type: z.literal('request-supplement'),
  reason: z.string().min(1).meta({ description: 'Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the reasons.' }),
});
const SupplementReceived = z.strictObject({ ...base, type: z.literal('supplement-received') });
const Consult = z.strictObject({
  ...base,
  type: z.literal('consult'),
  agency: z.string().min(1),
  budget: DurationSchema.optional().meta({ description: "The agency's share of time (its own deadline)." }),
});
const ConsultReturned = z.strictObject({ ...base, type: z.literal('consult-returned'), agency: z.string().min(1) });
const Reject = z.strictObject({ ...base, type: z.literal('reject'), reason: z.string().min(1) });
const Withdraw = z.strictObject({ ...base, type: z.literal('withdraw'), reason: z.string().min(1).optional() });
const Extend = z.strictObject({
  ...base,
  type: z.literal('extend'),
  newDue: InstantTextSchema,
  apology: z.string().min(1).meta({ description: 'Mẫu 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả: the reason.' }),
});
const Pay = z.strictObject({ ...base, type: z.literal('pay'), amount: z.number().finite().nonnegative().optional() });
const ReturnResult = z.strictObject({ ...base, type: z.literal('return-result') });

/** One dossier event (discriminated by `type`). */
export const DossierEventSchema = z
  .discriminatedUnion('type', [
    CompleteStep,
    RequestSupplement,
    SupplementReceived,
    Consult,
    ConsultReturned,
    Reject,
    Withdraw,
    Extend,
    Pay,
    ReturnResult,
  ])
  .meta({ id: 'DossierEvent', title: 'Dossier event', description: 'One thing that happened to a dossier.' });

export type Actor = z.infer<typeof ActorSchema>;
export type DossierEvent = z.infer<typeof DossierEventSchema>;
export type DossierEventType = DossierEvent['type'];
/** The event of one `type`. */
export type DossierEventOf<T extends DossierEventType> = Extract<DossierEvent, { type: T }>;

/**
 * Validates one dossier event.
 * @throws {CoreError} `INVALID_EVENT` whose issues carry the path and the offending value.
 * @example
 * parseDossierEvent({ type: 'withdraw', at: '2026-03-02T09:00:00+07:00', by: { name: 'Nguyễn Văn A' } });
 */
export function parseDossierEvent(input: unknown): DossierEvent {
  const r = DossierEventSchema.safeParse(input);
  if (r.success) return r.data;
  const issues = toDataIssues(r.error, input);
  throw new CoreError('INVALID_EVENT', `invalid dossier event: ${issues[0]?.message}`, issues);
}

/**
 * Validates a list of dossier events; issue paths start with the index in the list.
 * @throws {CoreError} `INVALID_EVENT`.
 * @example const events = parseDossierEvents(JSON.parse(text).events);
 */
export function parseDossierEvents(input: unknown): DossierEvent[] {
  const r = z.array(DossierEventSchema).safeParse(input);
  if (r.success) return r.data;
  const issues = toDataIssues(r.error, input);
  throw new CoreError('INVALID_EVENT', `invalid dossier events: ${issues[0]?.message}`, issues);
}
