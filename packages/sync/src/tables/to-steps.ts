/** A step table → canonical steps, read the same way as the e-ISO adapter reads its work-flow rows. */
import type { Step } from '@tthc/core';
import type { AdapterIssue } from '../issues.js';
import { readContext } from '../native.js';
import { linkSteps, type RowStep, readStepRow, type StepRowOptions } from '../step-rows.js';
import type { StepTable } from './grid.js';

/** Options of {@link stepTableToSteps}. */
export type StepTableToStepsOptions = Omit<StepRowOptions, 'fallbackKey' | 'budget'>;

/**
 * Canonical steps of a step table, linked in order (plus prose branches). A group budget is counted
 * ONCE: the first step of the group carries it, the others get zero of the same unit, and every step
 * of the group names the group in `extensions.table.timeGroup`. The first performer of a cell
 * performs the step (all of them in `extensions.table.performers`); a step under a section row
 * counts to the section's agency (`agency`), note rows are kept in `extensions.table.notes`.
 * @example
 * const { steps } = stepTableToSteps(readProcessDecisionTable(html), { agency: 'UBND xã An Bình' });
 */
export function stepTableToSteps(
  table: StepTable,
  options: StepTableToStepsOptions,
): { steps: Step[]; issues: AdapterIssue[] } {
  const ctx = readContext('table');
  const rowSteps: RowStep[] = [];
  table.rows.forEach((row, i) => {
    const group = row.group === undefined ? undefined : table.groups[row.group];
    const budget = group
      ? group.keys[0] === row.key
        ? group.budget
        : { amount: 0, unit: group.budget.unit }
      : row.budget;
    const path = (col: string) => ['rows', row.row, col];
    // The first performer a cell names performs the step; the others are kept in extensions.
    const responsibility = row.performers?.[0] ?? row.responsibility;
    const step = readStepRow(
      ctx,
      { label: row.key, content: row.content, responsibility, time: row.time, forms: row.forms },
      {
        label: path('label'),
        content: path('content'),
        responsibility: path('responsibility'),
        time: path('time'),
        forms: path('forms'),
      },
      { ...options, ...(budget ? { budget } : {}) },
      ['steps', i],
    );
    if (!step) return;
    const section = row.section === undefined ? undefined : table.sections?.[row.section];
    const extra = {
      ...(row.group === undefined ? {} : { timeGroup: row.group, timeText: row.time }),
      ...((row.performers?.length ?? 0) > 1 ? { performers: row.performers } : {}),
      ...(row.notes ? { notes: row.notes } : {}),
      ...(section ? { section: section.title } : {}),
    };
    rowSteps.push({
      ...step,
      // A liên thông section names the agency whose share of time its steps count to.
      ...(section?.agency ? { agency: section.agency } : {}),
      ...(Object.keys(extra).length > 0 ? { extensions: { table: extra } } : {}),
    });
  });
  const steps = linkSteps(
    ctx,
    rowSteps,
    table.rows.map((r) => ['rows', r.row, 'content']),
  );
  return { steps, issues: ctx.issues };
}
