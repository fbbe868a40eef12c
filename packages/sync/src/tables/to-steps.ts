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
 * of the group names the group in `extensions.table.timeGroup`.
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
    const step = readStepRow(
      ctx,
      { label: row.key, content: row.content, responsibility: row.responsibility, time: row.time, forms: row.forms },
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
    rowSteps.push(
      row.group === undefined ? step : { ...step, extensions: { table: { timeGroup: row.group, timeText: row.time } } },
    );
  });
  const steps = linkSteps(
    ctx,
    rowSteps,
    table.rows.map((r) => ['rows', r.row, 'content']),
  );
  return { steps, issues: ctx.issues };
}
