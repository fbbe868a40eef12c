/**
 * Shared zod building blocks of the canonical model. One source of truth: these schemas validate
 * input, give the TypeScript types and produce the published JSON Schemas.
 */
import * as z from 'zod';

/** A civil date `YYYY-MM-DD` (a real calendar date). */
export const IsoDateSchema = z.iso.date().meta({ description: 'Civil date YYYY-MM-DD (Vietnam time).' });

/** A time of day `HH:mm` (24 h). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:mm, e.g. "15:00"')
  .meta({ description: 'Time of day HH:mm (24 h).' });

/**
 * A duration exactly as `@tthc/calendar` understands it (`Duration`): amount + unit. Text such as
 * "0,5 ngày" is read by adapters with `parseDuration`; the canonical model stores the parsed form.
 */
export const DurationSchema = z
  .strictObject({
    amount: z.number().finite().nonnegative(),
    unit: z.enum(['workingMinute', 'workingHour', 'workingDay', 'calendarDay', 'calendarMonth', 'sameDay']),
    cutoff: TimeOfDaySchema.optional().meta({ description: 'Same-day cut-off (only with unit sameDay).' }),
    notCounted: z
      .boolean()
      .optional()
      .meta({ description: 'Step time not counted ("Không tính thời gian"); amount must be 0.' }),
  })
  .superRefine((d, ctx) => {
    if (d.cutoff !== undefined && d.unit !== 'sameDay') {
      ctx.addIssue({
        code: 'custom',
        path: ['cutoff'],
        message: `cutoff is only allowed with unit "sameDay", not "${d.unit}"`,
      });
    }
    if (d.notCounted && d.amount !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `a notCounted duration must have amount 0, got ${d.amount}`,
      });
    }
  })
  .meta({ id: 'Duration', description: 'Time budget or limit: amount and unit (1 working day = 8 working hours).' });

/** The two counting rules of a time limit (DESIGN.md §3). */
export const CountingRuleSchema = z
  .enum(['working-time', 'civil-code'])
  .meta({ description: 'working-time: exact working minutes; civil-code: Civil Code 2015 art. 147–148 day counting.' });

/** A legal document (văn bản) with its validity. */
export const LegalReferenceSchema = z
  .strictObject({
    number: z.string().min(1).meta({ description: 'Số hiệu, e.g. "61/2018/NĐ-CP".' }),
    title: z.string().min(1).optional(),
    issuer: z.string().min(1).optional(),
    issuedOn: IsoDateSchema.optional(),
    effectiveFrom: IsoDateSchema.optional(),
    effectiveTo: IsoDateSchema.optional().meta({ description: 'Last day in force (inclusive), if superseded.' }),
  })
  .meta({ id: 'LegalReference' });

/** Free-form fields a user or an adapter keeps alongside the model (never interpreted). */
export const ExtensionsSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'Fields the model does not interpret, kept verbatim (e.g. a vendor id).' });

export type Duration = z.infer<typeof DurationSchema>;
export type CountingRule = z.infer<typeof CountingRuleSchema>;
export type LegalReference = z.infer<typeof LegalReferenceSchema>;
