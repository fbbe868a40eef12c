/**
 * Shared state of one lint run: the documents, the step graph, and the issue sink.
 */
import type { WorkCalendar } from '@tthc/calendar';
import type { Procedure } from '../model/procedure.js';
import type { Process } from '../model/process.js';
import { LINT_RULES, type LintCode, type LintIssue, type LintSeverity } from './codes.js';
import type { StepGraph } from './graph.js';

/** Options of {@link lintProcess}. */
export interface LintOptions {
  /**
   * Calendar used to measure calendar-day and same-day limits and budgets in working minutes.
   * Without it those comparisons are skipped with a `limit-not-comparable` info issue.
   */
  readonly calendar?: WorkCalendar;
  /**
   * Civil date `YYYY-MM-DD` from whose first working instant calendar-dependent durations are
   * measured. Default: `process.effectiveFrom`.
   */
  readonly referenceDate?: string;
}

/** Everything a rule needs; rules push into `issues`. */
export interface LintContext {
  readonly procedure: Procedure;
  readonly process: Process;
  readonly options: LintOptions;
  readonly graph: StepGraph;
  readonly issues: LintIssue[];
}

/** Adds an issue with the code's default severity (or an explicit one). */
export function report(
  ctx: LintContext,
  code: LintCode,
  path: readonly (string | number)[],
  message: string,
  details?: Record<string, unknown>,
  severity: LintSeverity = LINT_RULES[code].severity,
): void {
  ctx.issues.push(
    details === undefined ? { code, path, message, severity } : { code, path, message, severity, details },
  );
}

/** `"Tiếp nhận hồ sơ" (receive)` — how messages name a step. */
export function stepLabel(process: Process, index: number): string {
  const s = process.steps[index];
  return s ? `"${s.name}" (${s.key})` : `#${index}`;
}
