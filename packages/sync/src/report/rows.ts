/**
 * The rows both the Markdown and the HTML report print: the summary table and a change's cells.
 */
import type { BilingualMessage, ChangeSeverity } from '../diff/change.js';
import type { ReportChange, ReportSummary } from './model.js';

/** One summary row: a bilingual label and a count. */
export interface SummaryRow {
  readonly label: BilingualMessage;
  readonly count: number;
}

/**
 * The summary table a department head reads: how many procedures agree, differ in steps, performers,
 * times, forms, exceed the statutory limit, and what could not be compared.
 * @example summaryRows(buildReport(result).summary)[0] // { label: { vi: 'Số thủ tục đã so sánh', … }, count: 21 }
 */
export function summaryRows(s: ReportSummary): SummaryRow[] {
  return [
    { label: { vi: 'Số thủ tục đã so sánh', en: 'Procedures compared' }, count: s.procedures },
    { label: { vi: 'Thống nhất giữa các hệ thống', en: 'Agree across the systems' }, count: s.agree },
    { label: { vi: 'Khác nhau về các bước', en: 'Differ in steps' }, count: s.differ.steps },
    { label: { vi: 'Khác nhau về người thực hiện', en: 'Differ in performers' }, count: s.differ.performers },
    { label: { vi: 'Khác nhau về thời gian', en: 'Differ in times' }, count: s.differ.times },
    { label: { vi: 'Khác nhau về biểu mẫu', en: 'Differ in forms' }, count: s.differ.forms },
    { label: { vi: 'Vượt thời hạn giải quyết theo quy định', en: 'Exceed the statutory limit' }, count: s.exceedLimit },
    { label: { vi: 'Thời hạn giải quyết được công bố lại', en: 'Legal limit changed' }, count: s.differ.limits },
    { label: { vi: 'Thay đổi phí, lệ phí', en: 'Fees changed' }, count: s.differ.fees },
    { label: { vi: 'Thay đổi căn cứ pháp lý', en: 'Legal bases changed' }, count: s.differ.legalBases },
    { label: { vi: 'Xung đột cần quyết định', en: 'Conflicts to decide' }, count: s.withConflicts },
    { label: { vi: 'Chưa ghép được giữa các hệ thống', en: 'Not found in every system' }, count: s.unpaired },
    { label: { vi: 'Tài liệu không đọc được', en: 'Documents not read' }, count: s.problems },
  ];
}

/** Severity labels. */
export const SEVERITY_LABELS: Readonly<Record<ChangeSeverity, BilingualMessage>> = {
  error: { vi: 'Vi phạm', en: 'Error' },
  warning: { vi: 'Khác biệt', en: 'Warning' },
  info: { vi: 'Thông tin', en: 'Info' },
};

/** Which comparison found a change, in both languages. */
export const ORIGIN_LABELS: Readonly<Record<ReportChange['origin'], BilingualMessage>> = {
  drift: { vi: 'e-ISO ↔ cổng', en: 'e-ISO ↔ portal' },
  checks: { vi: 'so với CSDLQG', en: 'against the catalogue' },
  announced: { vi: 'CSDLQG thay đổi', en: 'catalogue changed' },
};

/**
 * A before/after value as one short line of text (JSON for objects, `—` when absent).
 * @example valueText({ amount: 4, unit: 'workingHour' }) // '{"amount":4,"unit":"workingHour"}'
 */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '—';
}
