/**
 * `Scenario` — what a simulation assumes about the world (JSON file): how dossiers arrive, how long
 * each step takes and where it leads, how many staff each unit has, how often a dossier is sent back
 * for supplementation and how long citizens take to bring it back.
 */
import { CalendarError } from '@tthc/calendar';
import { IsoDateSchema, StepKeySchema } from '@tthc/core';
import * as z from 'zod';
import { DistributionSchema } from './distributions.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];

const rate = z.number().finite().nonnegative();

/** Exactly one of: a rate per working day, a rate per weekday, or receipt instants from a log. */
export const ArrivalsSchema = z
  .strictObject({
    perWorkingDay: rate.optional().meta({
      description: 'Mean receipts per standard working day (Poisson; a shorter working day gets a pro-rata rate).',
    }),
    profile: z
      .strictObject(
        Object.fromEntries(WEEKDAYS.map((d) => [d, rate.optional()])) as Record<WeekdayKey, z.ZodOptional<typeof rate>>,
      )
      .optional()
      .meta({
        description: 'Mean receipts per working day by weekday; a weekday left out gets the mean of the others.',
      }),
    times: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: 'Receipt instants (ISO 8601 with offset), e.g. from an event log.' }),
  })
  .superRefine((a, ctx) => {
    const given = ['perWorkingDay', 'profile', 'times'].filter((k) => a[k as keyof typeof a] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `expected exactly one of perWorkingDay, profile or times, got ${given.length === 0 ? 'none' : given.join(' and ')}`,
      });
    }
    if (a.profile && !WEEKDAYS.some((d) => a.profile![d] !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['profile'], message: 'expected at least one weekday rate' });
    }
  });

/** What a scenario says about one step of the process. */
export const StepScenarioSchema = z.strictObject({
  duration: DistributionSchema.meta({ description: 'Working time an officer spends (default unit: working minutes).' }),
  outcomes: z
    .record(z.string().min(1), z.number().finite().min(0).max(1))
    .optional()
    .meta({ description: 'Probability of each outcome name of the step (sum 1); default: the first outcome.' }),
});

export const SupplementationScenarioSchema = z.strictObject({
  probability: z.number().finite().min(0).max(1).meta({
    description: 'Chance that a dossier is found deficient at the supplementation step (ND 61 art. 19(3)).',
  }),
  citizenDelay: DistributionSchema.meta({
    description: 'Working time the citizen takes to bring the supplement (default unit: working days).',
  }),
  atStep: StepKeySchema.optional().meta({
    description:
      'Step whose officer asks for the supplement; default the first review/verify step, else the first step.',
  }),
  maxRounds: z.number().int().nonnegative().default(1).meta({
    description: 'Rounds per dossier (ND 61 art. 17: the applicant is guided once).',
  }),
});

/** A simulation scenario. */
export const ScenarioSchema = z
  .strictObject({
    name: z.string().optional(),
    description: z.string().optional(),
    start: IsoDateSchema.optional().meta({ description: 'First date of arrivals (required unless arrivals.times).' }),
    horizon: z.number().int().positive().optional().meta({ description: 'Working days of arrivals.' }),
    arrivals: ArrivalsSchema,
    steps: z.record(StepKeySchema, StepScenarioSchema),
    staff: z
      .record(z.string().min(1), z.number().int().positive())
      .meta({ description: 'Officers per performer unit (the unit names of the process).' }),
    supplementation: SupplementationScenarioSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.start === undefined && s.arrivals.times === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: 'required with arrivals.perWorkingDay or arrivals.profile',
      });
    }
    for (const [key, step] of Object.entries(s.steps)) {
      if (!step.outcomes) continue;
      const total = Object.values(step.outcomes).reduce((a, b) => a + b, 0);
      if (Math.abs(total - 1) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', key, 'outcomes'],
          message: `outcome probabilities must sum to 1, got ${total}`,
        });
      }
    }
  })
  .meta({ id: 'Scenario', title: 'Simulation scenario' });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * The path as text, e.g. `steps.review.duration.mean` or `arrivals.times[3]`.
 * @example formatScenarioPath(['arrivals', 'times', 3]) // 'arrivals.times[3]'
 */
export function formatScenarioPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Validates a scenario (parsed JSON).
 * @throws {CalendarError} `INVALID_OPTIONS` whose message names the first bad path and value; `details.issues` lists all.
 * @example
 * parseScenario({ start: '2025-07-01', horizon: 64, arrivals: { perWorkingDay: 14.4 },
 *   steps: { receive: { duration: { type: 'fixed', value: 15 } } }, staff: { 'Bộ phận Một cửa': 2 } })
 */
export function parseScenario(input: unknown): Scenario {
  const parsed = ScenarioSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: formatScenarioPath(i.path),
    message: i.message,
    value: valueAt(input, i.path),
  }));
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new CalendarError(
    'INVALID_OPTIONS',
    `scenario: ${first.path}: ${first.message}, got ${JSON.stringify(first.value) ?? 'nothing'}${more}`,
    { field: `scenario.${first.path}`, value: first.value, issues },
  );
}
