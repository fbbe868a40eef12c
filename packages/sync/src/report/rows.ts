/**
 * The rows both the Markdown and the HTML report print: the summary table and a change's cells.
 */
import { type Duration, formatDuration } from '@tthc/calendar';
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A duration in the words agencies write ("04 giờ làm việc" style), or null when `v` is not one. */
function durationText(v: Record<string, unknown>): string | null {
  if (typeof v.amount !== 'number' || typeof v.unit !== 'string') return null;
  try {
    return formatDuration(v as unknown as Duration);
  } catch {
    return null;
  }
}

/** A performer `{ unit, role }` as "role (unit)"; null when `v` is not one. */
function performerText(v: Record<string, unknown>): string | null {
  if (typeof v.unit !== 'string') return null;
  const keys = Object.keys(v).filter((k) => v[k] !== undefined);
  if (keys.some((k) => k !== 'unit' && k !== 'role')) return null;
  return typeof v.role === 'string' && v.role !== '' ? `${v.role} (${v.unit})` : v.unit;
}

/** A step `{ key, name, … }` as "key. name"; null when `v` is not one. */
function stepText(v: Record<string, unknown>): string | null {
  return typeof v.key === 'string' && typeof v.name === 'string' ? `${v.key}. ${v.name}` : null;
}

/**
 * A before/after value as one short line a department head can read: durations in Vietnamese words,
 * performers as "role (unit)", steps as "key. name", lists joined with "; ", other objects as JSON,
 * `—` when absent. Never throws.
 * @example
 * valueText({ amount: 4, unit: 'workingHour' }) // '4 giờ làm việc'
 * valueText({ unit: 'Phòng Tư pháp', role: 'Công chức' }) // 'Công chức (Phòng Tư pháp)'
 * valueText({ code: 'x', n: 1 }) // '{"code":"x","n":1}'
 */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(valueText).join('; ');
  if (isRecord(value)) {
    const text = durationText(value) ?? performerText(value) ?? stepText(value);
    if (text !== null) return text;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
