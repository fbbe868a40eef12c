/**
 * Lint rules about time and law: budgets against the statutory limit, the declared total, same-day
 * cut-offs, and legal references in force.
 */
import type { LegalReference } from '../model/common.js';
import type { ChannelKind } from '../model/procedure.js';
import { type LintContext, report } from './context.js';
import { longestPath, mainPath, type WeightedPath } from './graph.js';
import { formatMinutes, type MinutesContext, workingMinutesOf } from './minutes.js';

function inForce(ref: LegalReference, date: string): boolean {
  return (
    (ref.effectiveFrom === undefined || ref.effectiveFrom <= date) &&
    (ref.effectiveTo === undefined || date <= ref.effectiveTo)
  );
}

function validity(ref: LegalReference): string {
  return `in force ${ref.effectiveFrom ?? '…'} – ${ref.effectiveTo ?? '…'}`;
}

/** `legal-basis-not-in-force`: procedure legal bases and the approving decision, on `process.effectiveFrom`. */
export function checkLegalBasis(ctx: LintContext): void {
  const { procedure, process } = ctx;
  const date = process.effectiveFrom;
  procedure.legalBases.forEach((ref, i) => {
    if (inForce(ref, date)) return;
    report(
      ctx,
      'legal-basis-not-in-force',
      ['procedure', 'legalBases', i],
      `procedure.legalBases[${i}]: "${ref.number}" (${validity(ref)}) is not in force on ${date}, when the process takes effect`,
      { number: ref.number, effectiveFrom: ref.effectiveFrom, effectiveTo: ref.effectiveTo, date },
    );
  });
  const approved = process.approvedBy;
  if (approved && !inForce(approved, date)) {
    // An approving decision not yet in force cannot put the process in force: that is an error.
    report(
      ctx,
      'legal-basis-not-in-force',
      ['approvedBy'],
      `approvedBy: decision "${approved.number}" (${validity(approved)}) is not in force on ${date}, when the process takes effect`,
      { number: approved.number, effectiveFrom: approved.effectiveFrom, effectiveTo: approved.effectiveTo, date },
      'error',
    );
  }
}

/** `same-day-without-cutoff`: a same-day channel limit with no cut-off anywhere. */
export function checkSameDayCutoff(ctx: LintContext): void {
  const { procedure, process } = ctx;
  procedure.channels.forEach((c, i) => {
    if (c.timeLimit === null || c.timeLimit.unit !== 'sameDay') return;
    if (c.timeLimit.cutoff ?? process.sameDayCutoff ?? procedure.sameDayCutoff) return;
    report(
      ctx,
      'same-day-without-cutoff',
      ['procedure', 'channels', i, 'timeLimit', 'cutoff'],
      `procedure.channels[${i}] (${c.channel}): same-day limit without a cut-off; civil status and certification set one (15:00: received later, due the next working day)`,
      { channel: c.channel },
    );
  });
}

interface LimitGroup {
  readonly minutes: number;
  readonly channels: ChannelKind[];
}

/** Statutory limits of the channels the process serves, grouped by length in working minutes. */
function servedLimits(ctx: LintContext, mctx: MinutesContext): LimitGroup[] {
  const { procedure, process } = ctx;
  const served = new Set<ChannelKind>(process.channels ?? procedure.channels.map((c) => c.channel));
  const groups: LimitGroup[] = [];
  procedure.channels.forEach((c, i) => {
    if (!served.has(c.channel)) return;
    if (c.timeLimit === null) {
      // "Không có thông tin": nothing statutory to compare with; the appointment is the process total.
      const total = process.totalLimit;
      report(
        ctx,
        'limit-not-stated',
        ['procedure', 'channels', i, 'timeLimit'],
        total
          ? `procedure.channels[${i}] (${c.channel}): the catalogue states no time limit; the appointment is the process totalLimit`
          : `procedure.channels[${i}] (${c.channel}): the catalogue states no time limit and the process declares no totalLimit, so no dossier can get an appointment`,
        { channel: c.channel, totalLimit: total ?? null },
        total ? 'warning' : 'error',
      );
      return;
    }
    const m = workingMinutesOf(c.timeLimit, mctx);
    if (!m.ok) {
      report(
        ctx,
        'limit-not-comparable',
        ['procedure', 'channels', i, 'timeLimit'],
        `procedure.channels[${i}] (${c.channel}): ${m.reason}; budgets not compared with this limit`,
        {
          channel: c.channel,
        },
      );
      return;
    }
    const g = groups.find((x) => x.minutes === m.minutes);
    if (g) g.channels.push(c.channel);
    else groups.push({ minutes: m.minutes, channels: [c.channel] });
  });
  return groups;
}

/** Step budgets in working minutes; `partial` when some could not be measured (counted as 0). */
function stepWeights(ctx: LintContext, mctx: MinutesContext): { weights: number[]; partial: boolean } {
  let partial = false;
  const weights = ctx.process.steps.map((step, i) => {
    const m = workingMinutesOf(step.budget, mctx);
    if (m.ok) return m.minutes;
    partial = true;
    report(
      ctx,
      'limit-not-comparable',
      ['steps', i, 'budget'],
      `steps[${i}].budget: ${m.reason}; counted as 0 in sums`,
      {
        step: step.key,
      },
    );
    return 0;
  });
  return { weights, partial };
}

function describePath(ctx: LintContext, path: WeightedPath, weights: readonly number[]): Record<string, unknown> {
  return {
    steps: path.steps.map((i) => ctx.process.steps[i]!.key),
    stepMinutes: path.steps.map((i) => weights[i] ?? 0),
    pathMinutes: path.weight,
    ...(path.truncated ? { truncated: true } : {}),
  };
}

/**
 * `budget-exceeds-limit`, `total-exceeds-limit`, `total-mismatch` and `limit-not-comparable`.
 * All comparisons are in working minutes (1 working day = the calendar's day length, 8 h by default).
 */
export function checkBudgets(ctx: LintContext): void {
  const { process } = ctx;
  const mctx: MinutesContext = {
    ...(ctx.options.calendar ? { calendar: ctx.options.calendar } : {}),
    referenceDate: ctx.options.referenceDate ?? process.effectiveFrom,
    rule: process.countingRule,
  };
  const limits = servedLimits(ctx, mctx);
  const { weights, partial } = stepWeights(ctx, mctx);
  const longest = longestPath(ctx.graph, weights);
  for (const g of limits) {
    if (longest && longest.weight > g.minutes) {
      const keys = longest.steps.map((i) => process.steps[i]!.key).join(' → ');
      report(
        ctx,
        'budget-exceeds-limit',
        ['steps'],
        `steps: budgets along ${keys} add up to ${formatMinutes(longest.weight)}, more than the statutory limit of ${formatMinutes(g.minutes)} for ${g.channels.join(', ')}`,
        { ...describePath(ctx, longest, weights), limitMinutes: g.minutes, channels: g.channels },
      );
    }
  }
  const total = process.totalLimit;
  if (!total) return;
  const t = workingMinutesOf(total, mctx);
  if (!t.ok) {
    report(ctx, 'limit-not-comparable', ['totalLimit'], `totalLimit: ${t.reason}; not compared`);
    return;
  }
  for (const g of limits) {
    if (t.minutes > g.minutes) {
      report(
        ctx,
        'total-exceeds-limit',
        ['totalLimit'],
        `totalLimit: the declared total ${formatMinutes(t.minutes)} exceeds the statutory limit of ${formatMinutes(g.minutes)} for ${g.channels.join(', ')}`,
        { totalMinutes: t.minutes, limitMinutes: g.minutes, channels: g.channels },
      );
    }
  }
  const main = mainPath(process, ctx.graph, weights);
  // A sum with unmeasured steps proves nothing about equality: those steps were reported above.
  if (main && !partial && Math.abs(main.weight - t.minutes) > 1e-6) {
    report(
      ctx,
      'total-mismatch',
      ['totalLimit'],
      `totalLimit: declared ${formatMinutes(t.minutes)} but the main path adds up to ${formatMinutes(main.weight)}`,
      { ...describePath(ctx, main, weights), totalMinutes: t.minutes },
    );
  }
}
