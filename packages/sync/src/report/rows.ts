/**
 * The rows both the Markdown and the HTML report print: the summary table and a change's cells.
 */
import { moneyText } from '../money.js';
import { type Duration, formatDuration } from '@tthc/calendar';
import type { BilingualMessage, ChangeSeverity } from '../diff/change.js';
import type { BulkResult } from '../bulk/types.js';
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

/** A fee `{ name, amount, currency, unit? }` as "name: 100.000 đ/bản"; null when `v` is not one. */
function feeText(v: Record<string, unknown>): string | null {
  if (typeof v.name !== 'string' || typeof v.amount !== 'number') return null;
  const currency = typeof v.currency === 'string' ? v.currency : 'VND';
  const per = typeof v.unit === 'string' && v.unit !== '' ? `/${v.unit}` : '';
  return `${v.name}: ${moneyText(v.amount, currency)}${per}`;
}

/** dd/mm/yyyy of an ISO date, as Vietnamese documents date things. */
const viDate = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;

/** A legal document `{ number, title?, issuer?, issuedOn? }` as "number — title (issuer, dd/mm/yyyy)". */
function legalText(v: Record<string, unknown>): string | null {
  if (typeof v.number !== 'string' || !/\d/.test(v.number)) return null;
  const about = [v.issuer, typeof v.issuedOn === 'string' ? `ngày ${viDate(v.issuedOn)}` : undefined].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  const title = typeof v.title === 'string' && v.title !== '' ? ` — ${v.title}` : '';
  const until = typeof v.effectiveTo === 'string' ? `; hết hiệu lực sau ${viDate(v.effectiveTo)}` : '';
  return `${v.number}${title}${about.length > 0 ? ` (${about.join(', ')}${until})` : until ? ` (${until.slice(2)})` : ''}`;
}

/** A step `{ key, name, … }` as "key. name"; null when `v` is not one. */
function stepText(v: Record<string, unknown>): string | null {
  return typeof v.key === 'string' && typeof v.name === 'string' ? `${v.key}. ${v.name}` : null;
}

/**
 * A before/after value as one short line a department head can read: durations in Vietnamese words,
 * performers as "role (unit)", steps as "key. name", fees as money ("Lệ phí …: 100.000 đ"), legal
 * documents as "number — title (issuer, date)", lists joined with "; ", other objects as JSON, `—`
 * when absent. Never throws.
 * @example
 * valueText({ amount: 4, unit: 'workingHour' }) // '4 giờ làm việc'
 * valueText({ unit: 'Phòng Tư pháp', role: 'Công chức' }) // 'Công chức (Phòng Tư pháp)'
 * valueText({ name: 'Lệ phí', amount: 50000, currency: 'VND' }) // 'Lệ phí: 50.000 đ'
 * valueText({ code: 'x', n: 1 }) // '{"code":"x","n":1}'
 */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(valueText).join('; ');
  if (isRecord(value)) {
    const text = durationText(value) ?? performerText(value) ?? stepText(value) ?? feeText(value) ?? legalText(value);
    if (text !== null) return text;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The folder part of a source path ("examples/commune/eiso/1.json" → "examples/commune/eiso"). */
function folderOf(source: string): string {
  const cut = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
  return cut < 0 ? '.' : source.slice(0, cut);
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  catalogue: 'CSDL quốc gia / national catalogue',
  eiso: 'ISO điện tử / e-ISO',
  portal: 'Một cửa điện tử / one-stop portal',
  baseCatalogue: 'CSDL quốc gia lần đồng bộ trước / catalogue as last synced',
  baseEiso: 'ISO điện tử lần đồng bộ trước / e-ISO as last synced',
};

/** One system's inputs of a report. */
export interface ReportInput {
  readonly role: string;
  readonly label: string;
  readonly folders: readonly { readonly folder: string; readonly files: number }[];
  /** "21 tệp / files in examples/commune/eiso". */
  readonly text: string;
}

/**
 * What a bulk result was made from: per system (catalogue, e-ISO, portal, last synced), how many
 * documents from which folders, read from the outcomes' sources.
 * @example reportInputs(result)[0].text // '21 tệp / files in examples/commune/catalogue'
 */
export function reportInputs(result: BulkResult): ReportInput[] {
  const byRole = new Map<string, Map<string, number>>();
  for (const p of result.procedures) {
    for (const [role, source] of Object.entries(p.sources)) {
      if (typeof source !== 'string' || source.startsWith('#')) continue;
      const folders = byRole.get(role) ?? new Map<string, number>();
      folders.set(folderOf(source), (folders.get(folderOf(source)) ?? 0) + 1);
      byRole.set(role, folders);
    }
  }
  return [...byRole].map(([role, map]) => {
    const folders = [...map].map(([folder, files]) => ({ folder, files }));
    const text = folders.map((f) => `${f.files} tệp / files in ${f.folder}`).join('; ');
    return { role, label: ROLE_LABELS[role] ?? role, folders, text };
  });
}
