/**
 * `lintProcess` — checks an agency's process against the procedure it implements and against
 * itself. Pure: no I/O, no clock; the calendar is an argument.
 */
import type { Procedure } from '../model/procedure.js';
import type { Process } from '../model/process.js';
import type { LintIssue } from './codes.js';
import type { LintContext, LintOptions } from './context.js';
import { buildStepGraph } from './graph.js';
import { checkForms, checkGraph, checkIdentity, checkOutcomes, checkSteps } from './structure-rules.js';
import { checkBudgets, checkLegalBasis, checkSameDayCutoff } from './time-rules.js';

/**
 * Lints a process (quy trình nội bộ) against its procedure (the catalogue facts). Returns every
 * finding with a stable code, a path, a message naming the culprit and its value, and a severity;
 * an empty list means clean. Paths start at the process; those starting with `'procedure'` point
 * into the procedure.
 *
 * Budgets are compared in working minutes along the longest path from the start to an end
 * (not-counted steps excluded). Calendar-day and same-day limits need `options.calendar`; without
 * it they are skipped with a `limit-not-comparable` info issue.
 * @example
 * const issues = lintProcess(parseProcedure(procJson), parseProcess(processJson), { calendar: vietnamCalendar() });
 * for (const i of issues.filter((x) => x.severity === 'error')) console.error(i.code, i.message);
 */
export function lintProcess(procedure: Procedure, process: Process, options: LintOptions = {}): readonly LintIssue[] {
  const ctx: LintContext = { procedure, process, options, graph: buildStepGraph(process), issues: [] };
  checkIdentity(ctx);
  checkSteps(ctx);
  checkOutcomes(ctx);
  checkGraph(ctx);
  checkForms(ctx);
  checkLegalBasis(ctx);
  checkSameDayCutoff(ctx);
  checkBudgets(ctx);
  return Object.freeze(ctx.issues);
}

/**
 * True when no issue is an error (warnings and infos allowed).
 * @example if (!isLintClean(lintProcess(procedure, process))) process.exitCode = 1;
 */
export function isLintClean(issues: readonly LintIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
