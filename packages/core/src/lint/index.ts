/** Public door of the lint module (re-exported by the package index). */
export { LINT_CODES, LINT_RULES, type LintCode, type LintIssue, type LintRule, type LintSeverity } from './codes.js';
export type { LintOptions } from './context.js';
export { isLintClean, lintProcess } from './lint-process.js';
