/**
 * The findings of `tthc validate`: their shape, core schema issues translated into it, and how a
 * file's findings read as text (one line per issue, `path: message [code/severity]`).
 */
import { type DataIssue, formatPath, type LintSeverity } from '@tthc/core';
import type { DocumentKind } from './document-kind.js';

/** One finding of `tthc validate`: a schema issue (`code: 'schema'`), a lint issue, or a file-level note. */
export interface ValidationIssue {
  /** Path in the document, e.g. `steps[2].budget`; lint paths starting with `procedure` point into the procedure. */
  readonly path: string;
  readonly message: string;
  /** `schema`, a `LintCode`, or `unknown-kind`, `unknown-key`, `lint-skipped`. */
  readonly code: string;
  readonly severity: LintSeverity;
}

/** The result of validating one file (`--json` → `files[i]`). */
export interface FileValidation {
  readonly file: string;
  readonly kind: DocumentKind | null;
  /** False when any issue is an error. */
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
}

/**
 * Core schema issues as validate findings (severity `error`), their paths under `prefix`.
 * @example schemaIssues(safeParseProcess(doc).issues, [])
 */
export function schemaIssues(issues: readonly DataIssue[], prefix: readonly (string | number)[]): ValidationIssue[] {
  return issues.map((issue) => {
    const message = withoutPath(issue.message, formatPath(issue.path));
    return { path: formatPath([...prefix, ...issue.path]), message, code: 'schema', severity: 'error' };
  });
}

/**
 * Drops a leading `path: ` from a message (core messages name their path; the line shows it once).
 * @example withoutPath('steps[1]: too long', 'steps[1]') // 'too long'
 */
export function withoutPath(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

const SEVERITY_VI: Record<LintSeverity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi chú' };

/**
 * One issue as one line: `path: message [code/severity]`.
 * @example issueLine({ path: 'steps[1].budget', message: 'too long', code: 'budget-exceeds-limit', severity: 'error' })
 */
export function issueLine(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message} [${issue.code}/${issue.severity}]`;
}

/**
 * A file's result for people: a header line, then one indented line per issue.
 * @example validationText(validateDocument(file, doc, { calendar }))
 */
export function validationText(result: FileValidation): string {
  const count = (severity: LintSeverity) => result.issues.filter((i) => i.severity === severity).length;
  const counts = (['error', 'warning', 'info'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${SEVERITY_VI[s]} (${s})`);
  const verdict = result.valid ? 'hợp lệ (valid)' : 'không hợp lệ (invalid)';
  const header = `${result.file} [${result.kind ?? '?'}]: ${verdict}${counts.length ? ` — ${counts.join(', ')}` : ''}`;
  return [header, ...result.issues.map((i) => `  ${issueLine(i)}`)].join('\n') + '\n';
}
