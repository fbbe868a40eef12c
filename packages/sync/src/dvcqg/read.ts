/**
 * Sync in: reading `CapNhatTienDoHoSoMC` progress rows from JSON (an array, or `{ data: [...] }` as
 * the service body carries them) or CSV (header row, any column order, a BOM, CRLF, quoted newlines).
 * Every row that cannot be read is a problem with its index and line, never silently dropped.
 *
 * Rows are read as real clients write them (see tolerant.ts): `TrangThai` `"4"` or `4`, `""`/`null`
 * for an absent NgayBatDau, NgayKetThucTheoQuyDinh, KenhThucHien or actor, ISO-like dates; the row as
 * given is kept in `sources` (fields this schema does not know, such as `IDHoSo`, included).
 */
import { forEachCsvRecord } from '@tthc/core';
import { type DvcqgProgressRow, DvcqgProgressRowSchema, PROGRESS_COLUMNS } from './schemas.js';
import { isAbsent, looseDvcqgDate, wholeNumber } from './tolerant.js';

/** Closed list of the problems reading and rebuilding report. */
export type DvcqgProblemCode =
  /** The text is neither a JSON array of rows nor CSV with the progress-row header. */
  | 'input.invalid'
  /** A row lacks a field, has a field of the wrong shape, or a CSV line has the wrong number of fields. */
  | 'row.invalid'
  /** TrangThai is not a DVCQG status code 1–10. */
  | 'status.unknown'
  /** NoiDungXuLy says nothing the process or the conventions know, or its `[tthc]` tag is broken. */
  | 'row.unmapped'
  /** The runtime refused the event the row stands for (the reason says why). */
  | 'event.refused'
  /** The row's TrangThai differs from the status the rebuilt dossier has after it (the row is kept). */
  | 'status.mismatch'
  /** The receipt of the dossier cannot be told (no receipt row and no NgayBatDau/ThoiDiemXuLy). */
  | 'dossier.unopened'
  /**
   * A row the sending client adds on its own ("Kết thúc xử lý hồ sơ", status 9; "Hồ sơ không có ngày
   * hẹn trả"): understood and not applied as a step (severity `info`).
   */
  | 'row.synthetic'
  /** A dossier field one real client never sends (KenhThucHien, NgayNopHoSo, SoGiayToChuHoSo): a warning. */
  | 'field.missing';

/** A problem with one row (or the whole input when `index` is -1). */
export interface DvcqgProblem {
  readonly code: DvcqgProblemCode;
  /** Index of the row in the input (data rows, 0-based); -1 for the input as a whole. */
  readonly index: number;
  /** 1-based line where the row starts (CSV only). */
  readonly line?: number;
  readonly dossierId?: string;
  readonly message: string;
  /**
   * `info` for rows understood but not applied (`row.synthetic`), `warning` for a value read with a
   * caveat (`field.missing`); absent means a problem to act on.
   */
  readonly severity?: 'info' | 'warning';
}

/** Where a row came from in the input. */
export interface RowPosition {
  readonly index: number;
  readonly line?: number;
}

/** What {@link readDvcqgProgress} returns: the readable rows, where each came from, the problems. */
export interface DvcqgProgressRead {
  readonly rows: DvcqgProgressRow[];
  /** `positions[i]` is where `rows[i]` came from. */
  readonly positions: RowPosition[];
  /** `sources[i]` is `rows[i]` as the input gave it (every field kept verbatim, for writing back). */
  readonly sources: Record<string, unknown>[];
  readonly problems: DvcqgProblem[];
}

/** Options of {@link readDvcqgProgress}. */
export interface ReadDvcqgProgressOptions {
  /** Default: JSON when the text starts with `[` or `{`, else CSV. */
  readonly format?: 'json' | 'csv';
}

/** A CSV record and the line it starts on. */
interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/**
 * RFC 4180 records with their starting line (a quoted field may span lines), read by the project's
 * one CSV reader (@tthc/core); the export separates with ",", and a CRLF inside a quoted field reads as LF.
 */
function csvRecords(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const lf = (f: string) => (f.includes('\r\n') ? f.replace(/\r\n/g, '\n') : f);
  forEachCsvRecord(text, (fields, line) => out.push({ fields: fields.map(lf), line }), { delimiter: ',' });
  return out;
}

function fromCsv(text: string, problems: DvcqgProblem[]): { raw: unknown; position: RowPosition }[] {
  const [header, ...records] = csvRecords(text);
  const names = header?.fields.map((f) => f.trim()) ?? [];
  const missing = ['MaHoSo', 'ThoiDiemXuLy', 'NoiDungXuLy', 'TrangThai'].filter((c) => !names.includes(c));
  if (missing.length > 0) {
    problems.push({
      code: 'input.invalid',
      index: -1,
      line: 1,
      message: `CSV header: missing column(s) ${missing.join(', ')} (got ${names.join(', ') || 'nothing'})`,
    });
    return [];
  }
  return records.flatMap((r, index) => {
    if (r.fields.length !== names.length) {
      problems.push({
        code: 'row.invalid',
        index,
        line: r.line,
        message: `expected ${names.length} fields as in the header, got ${r.fields.length}`,
      });
      return [];
    }
    const raw: Record<string, unknown> = {};
    names.forEach((name, i) => {
      raw[name] = r.fields[i]!;
    });
    return [{ raw, position: { index, line: r.line } }];
  });
}

function fromJson(text: string, problems: DvcqgProblem[]): { raw: unknown; position: RowPosition }[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    problems.push({ code: 'input.invalid', index: -1, message: `not valid JSON: ${(e as Error).message}` });
    return [];
  }
  const list = Array.isArray(doc) ? doc : (doc as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) {
    problems.push({ code: 'input.invalid', index: -1, message: 'expected an array of rows or { "data": [rows] }' });
    return [];
  }
  return list.map((raw, index) => ({ raw, position: { index } }));
}

/** Columns whose absence clients write as "" or null: an absent actor or note is "". */
const TEXT_COLUMNS = new Set(['NguoiXuLy', 'ChucDanh', 'PhongBanXuLy', 'NoiDungXuLy']);
const DATE_COLUMNS = new Set(['ThoiDiemXuLy', 'NgayBatDau', 'NgayKetThucTheoQuyDinh']);
const NUMBER_COLUMNS = new Set(['TrangThai', 'KenhThucHien']);

/** The progress-row columns of a raw row, in the canonical types (an unreadable value is left as given). */
function normalizeRow(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of PROGRESS_COLUMNS) {
    const v = raw[c];
    if (TEXT_COLUMNS.has(c)) out[c] = isAbsent(v) ? '' : v;
    else if (isAbsent(v)) {
      // A required column left empty stays empty, so the schema names it.
      if (c === 'MaHoSo' || c === 'ThoiDiemXuLy' || c === 'TrangThai') out[c] = v ?? undefined;
    } else if (DATE_COLUMNS.has(c)) out[c] = looseDvcqgDate(v) ?? v;
    else if (NUMBER_COLUMNS.has(c)) out[c] = wholeNumber(v) ?? v;
    else out[c] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

function checkRow(raw: unknown, position: RowPosition, problems: DvcqgProblem[]): DvcqgProgressRow | undefined {
  // Only the progress-row columns are read: exports from other systems carry more (kept in sources).
  const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const input = isObject ? normalizeRow(raw as Record<string, unknown>) : raw;
  const r = DvcqgProgressRowSchema.safeParse(input);
  if (r.success) return r.data;
  const id = (raw as { MaHoSo?: unknown } | null)?.MaHoSo;
  for (const issue of r.error.issues) {
    const field = issue.path.join('.') || '(row)';
    const value = field === '(row)' ? raw : (input as Record<string, unknown>)[String(issue.path[0])];
    problems.push({
      code: field === 'TrangThai' && typeof value === 'number' ? 'status.unknown' : 'row.invalid',
      ...position,
      ...(typeof id === 'string' && id !== '' ? { dossierId: id } : {}),
      message: `${field}: ${issue.message} (got ${JSON.stringify(value)})`,
    });
  }
  return undefined;
}

/**
 * Reads progress rows from JSON or CSV text, as any real client writes them (numbers or numeric
 * strings, `""`/`null` as absent, ISO-like dates). Rows that cannot be read (missing MaHoSo, a date
 * that is not real, a TrangThai outside 1–10, a CSV line with the wrong number of fields) are
 * reported with their index and line, and left out of `rows`.
 * @example
 * const { rows, problems } = readDvcqgProgress(readFileSync('rows.csv', 'utf8'));
 */
export function readDvcqgProgress(text: string, options: ReadDvcqgProgressOptions = {}): DvcqgProgressRead {
  const src = text.replace(/^\uFEFF/, '');
  const problems: DvcqgProblem[] = [];
  const format = options.format ?? (/^\s*[[{]/.test(src) ? 'json' : 'csv');
  const raws = format === 'json' ? fromJson(src, problems) : fromCsv(src, problems);
  const rows: DvcqgProgressRow[] = [];
  const positions: RowPosition[] = [];
  const sources: Record<string, unknown>[] = [];
  for (const { raw, position } of raws) {
    const row = checkRow(raw, position, problems);
    if (row) {
      rows.push(row);
      positions.push(position);
      sources.push(raw as Record<string, unknown>);
    }
  }
  problems.sort((a, b) => a.index - b.index);
  return { rows, positions, sources, problems };
}
