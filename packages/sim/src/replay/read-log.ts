/**
 * `readEventLog` — reads a dossier event log (CSV, JSON Lines or a JSON array) into events with line
 * numbers. Every row that cannot be used is reported as a problem with its line; none is dropped
 * silently.
 */
import { CalendarError } from '@tthc/calendar';
import { type ChannelKind, type CsvReadOptions, forEachCsvRecord } from '@tthc/core';
import { fieldsOfHeaders, type LogColumns, type LogField } from './columns.js';
import { foldText } from './fold.js';
import { arrayElementSpans } from './json-lines.js';
import { logTimestampMs, parseLogTimestamp } from './timestamp.js';
import type { EventLog, LogEvent, LogPerformer, LogProblem } from './types.js';

/** Formats of an event log. */
export type LogFormat = 'csv' | 'jsonl' | 'json';

/** Options of {@link readEventLog}. */
export interface ReadEventLogOptions {
  readonly format: LogFormat;
  /** Header (or JSON key) per field when the aliases do not find it, e.g. `{ performerName: 'Cán bộ' }`. */
  readonly columns?: LogColumns;
  /** Zone of `yyyyMMddHHmmss` timestamps. Default `Asia/Ho_Chi_Minh` (the DVCQG's, REFERENCE.md §3.2). */
  readonly zone?: string;
  /** CSV delimiter. Default: sniffed from the header line (`,`, `;` from Vietnamese Excel, or tab). */
  readonly delimiter?: string;
  /** Limits on untrusted CSV input (bytes, rows, field length), passed to `@tthc/core`'s `readCsv`. */
  readonly limits?: Pick<CsvReadOptions, 'maxBytes' | 'maxRows' | 'maxFieldLength'>;
}

/** One row being read: the value of each field and the column it came from. */
interface Row {
  value(field: LogField): unknown;
  column(field: LogField): string;
}

// KenhThucHien on the DVCQG: 1 trực tiếp, 2 trực tuyến, 3 BCCI (bưu chính) — REFERENCE.md §3.2.
const CHANNELS: Readonly<Record<string, ChannelKind>> = {
  direct: 'direct',
  online: 'online',
  postal: 'postal',
  '1': 'direct',
  '2': 'online',
  '3': 'postal',
  'truc tiep': 'direct',
  'truc tuyen': 'online',
  'buu chinh': 'postal',
  bcci: 'postal',
};

/**
 * True when `value` needs neither trimming nor NFC: printable ASCII with no space at either end.
 * Most log values (dossier codes, step keys, timestamps) are; checking is cheaper than normalising.
 */
function plain(value: string): boolean {
  const n = value.length;
  if (n === 0 || value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32) return false;
  for (let k = 0; k < n; k++) {
    const c = value.charCodeAt(k);
    if (c < 33 || c > 126) {
      if (c !== 32) return false;
    }
  }
  return true;
}

/**
 * Interned, normalised text: logs repeat the same activity, role and unit strings millions of times,
 * so each distinct raw string is trimmed and NFC-normalised once and every row shares the result (one
 * string in memory, not one slice of the source per row). Bounded: past `MAX_INTERNED` distinct
 * strings, values are normalised without being kept.
 */
const MAX_INTERNED = 1 << 16;
const interned = new Map<string, string>();

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  if (plain(value)) return value;
  let t = interned.get(value);
  if (t === undefined) {
    t = value.trim().normalize('NFC');
    if (interned.size < MAX_INTERNED) interned.set(value, t);
  }
  return t === '' ? undefined : t;
}

/** Intern a plain value of a column that repeats (activity, role, unit): one copy per distinct text. */
function internPlain(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < MAX_INTERNED) interned.set(value, value);
  return value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function performerOf(row: Row): LogPerformer | undefined {
  const given = row.value('performerRole');
  // A JSON log may carry the performer as an object { unit, role, name }.
  const nested = given !== null && typeof given === 'object' ? (given as Record<string, unknown>) : undefined;
  const role = internPlain(nested ? text(nested.role) : text(given));
  const unit = internPlain(text(row.value('performerUnit')) ?? (nested ? text(nested.unit) : undefined));
  const name = internPlain(text(row.value('performerName')) ?? (nested ? text(nested.name) : undefined));
  if (role === undefined && unit === undefined && name === undefined) return undefined;
  // The same few performers recur on every dossier: one shared (read-only) object per distinct one.
  const key = `${unit ?? ''}\u0000${role ?? ''}\u0000${name ?? ''}`;
  let performer = performers.get(key);
  if (performer === undefined) {
    const p: { unit?: string; role?: string; name?: string } = {};
    if (unit !== undefined) p.unit = unit;
    if (role !== undefined) p.role = role;
    if (name !== undefined) p.name = name;
    performer = p;
    if (performers.size < MAX_INTERNED) performers.set(key, performer);
  }
  return performer;
}

const performers = new Map<string, LogPerformer>();

interface Context {
  readonly zone: string;
  readonly problems: LogProblem[];
}

function optionalInstant(row: Row, field: 'startedAt' | 'dueAt', line: number, ctx: Context): number | undefined {
  const raw = row.value(field);
  if (isBlank(raw)) return undefined;
  const t = parseLogTimestamp(raw, ctx.zone);
  if (t.ok) return t.ms;
  ctx.problems.push({ line, column: row.column(field), message: `${row.column(field)}: ${t.reason}`, value: raw });
  return undefined;
}

function channelOf(row: Row, line: number, ctx: Context): ChannelKind | undefined {
  const raw = row.value('channel');
  if (isBlank(raw)) return undefined;
  const channel = CHANNELS[foldText(String(raw))];
  if (channel) return channel;
  const message = `${row.column('channel')}: expected direct, online, postal or KenhThucHien 1, 2, 3`;
  ctx.problems.push({ line, column: row.column('channel'), message, value: raw });
  return undefined;
}

/** The event of a row, or `undefined` (with a problem recorded) when a required value is bad. */
function eventOf(row: Row, line: number, ctx: Context): LogEvent | undefined {
  const dossierId = text(row.value('dossierId'));
  const activity = internPlain(text(row.value('activity')) ?? text(row.value('status')));
  const rawAt = row.value('at');
  const atMs = logTimestampMs(rawAt, ctx.zone);
  if (dossierId === undefined) {
    ctx.problems.push({
      line,
      column: row.column('dossierId'),
      message: `${row.column('dossierId')}: missing dossier id`,
    });
  }
  if (activity === undefined) {
    const column = row.column('activity');
    ctx.problems.push({ line, column, message: `${column}: missing activity (step key or name)` });
  }
  if (Number.isNaN(atMs)) {
    const at = parseLogTimestamp(rawAt, ctx.zone);
    const message = isBlank(rawAt) ? 'missing timestamp' : at.ok ? 'not a timestamp' : at.reason;
    ctx.problems.push({ line, column: row.column('at'), message: `${row.column('at')}: ${message}`, value: rawAt });
  }
  if (dossierId === undefined || activity === undefined || Number.isNaN(atMs)) return undefined;
  const performer = performerOf(row);
  const outcome = text(row.value('outcome'));
  const startedAt = optionalInstant(row, 'startedAt', line, ctx);
  const dueAt = optionalInstant(row, 'dueAt', line, ctx);
  const channel = channelOf(row, line, ctx);
  // The usual rows (a performer, nothing optional) are one object literal in the documented key order;
  // only rows with optional fields pay for the spreads.
  if (outcome === undefined && startedAt === undefined && dueAt === undefined && channel === undefined) {
    return performer ? { dossierId, activity, performer, at: atMs, line } : { dossierId, activity, at: atMs, line };
  }
  return {
    dossierId,
    activity,
    ...(performer ? { performer } : {}),
    at: atMs,
    ...(outcome !== undefined ? { outcome } : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(dueAt !== undefined ? { dueAt } : {}),
    ...(channel !== undefined ? { channel } : {}),
    line,
  };
}

const REQUIRED: readonly { readonly fields: readonly LogField[]; readonly what: string }[] = [
  { fields: ['dossierId'], what: 'dossier id (dossier_id, MaHoSo)' },
  { fields: ['activity', 'status'], what: 'activity (step, NoiDungXuLy, TrangThai)' },
  { fields: ['at'], what: 'timestamp (timestamp, ThoiDiemXuLy)' },
];

function missingColumns(present: ReadonlySet<LogField>): string[] {
  return REQUIRED.filter((r) => !r.fields.some((f) => present.has(f))).map((r) => r.what);
}

function readCsv(source: string, options: ReadEventLogOptions, ctx: Context): LogEvent[] {
  const events: LogEvent[] = [];
  let headers: string[] | undefined;
  const index = new Map<LogField, number>();
  let current: string[] = [];
  const row: Row = {
    value: (f) => {
      const k = index.get(f);
      return k === undefined ? undefined : current[k];
    },
    column: (f) => (index.has(f) ? headers![index.get(f)!]! : f),
  };
  let usable = true;
  // One CSV reader for the project: @tthc/core's (sniffing, quotes, BOM, CRLF, limits).
  const summary = forEachCsvRecord(
    source,
    (fields, line) => {
      if (!headers) {
        headers = fields.map((h) => h.trim());
        fieldsOfHeaders(headers, options.columns).forEach((f, k) => {
          if (f) index.set(f, k);
        });
        const missing = missingColumns(new Set(index.keys()));
        if (missing.length) {
          usable = false;
          const message = `header: no column for ${missing.join('; ')} (got ${headers.join(', ')})`;
          ctx.problems.push({ line, message, value: headers });
        }
        return;
      }
      if (!usable) return;
      if (fields.length !== headers.length) {
        const message = `expected ${headers.length} fields as in the header, got ${fields.length}`;
        ctx.problems.push({ line, message, value: fields });
        return;
      }
      current = fields;
      const event = eventOf(row, line, ctx);
      if (event) events.push(event);
    },
    { ...options.limits, ...(options.delimiter ? { delimiter: options.delimiter } : {}) },
  );
  for (const p of summary.problems) ctx.problems.push({ code: p.code, line: p.line, message: p.message });
  return events;
}

function objectRow(record: Record<string, unknown>, options: ReadEventLogOptions): Row {
  const keys = Object.keys(record);
  const fields = fieldsOfHeaders(keys, options.columns);
  const byField = new Map<LogField, string>();
  fields.forEach((f, k) => {
    if (f) byField.set(f, keys[k]!);
  });
  return {
    value: (f) => (byField.has(f) ? record[byField.get(f)!] : undefined),
    column: (f) => byField.get(f) ?? f,
  };
}

function readRecord(value: unknown, line: number, options: ReadEventLogOptions, ctx: Context): LogEvent | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.problems.push({ line, message: 'expected an event object', value });
    return undefined;
  }
  return eventOf(objectRow(value as Record<string, unknown>, options), line, ctx);
}

function readJsonLines(source: string, options: ReadEventLogOptions, ctx: Context): LogEvent[] {
  const events: LogEvent[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, k) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      ctx.problems.push({ line: k + 1, message: `not valid JSON: ${(e as Error).message}`, value: raw });
      return;
    }
    const event = readRecord(value, k + 1, options, ctx);
    if (event) events.push(event);
  });
  return events;
}

function wholeFileError(body: string): string | null {
  try {
    JSON.parse(body);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function readJson(source: string, options: ReadEventLogOptions, ctx: Context): LogEvent[] {
  const body = source.replace(/^\uFEFF/, '');
  if (!body.trimStart().startsWith('[')) {
    ctx.problems.push({ line: 1, message: 'expected a JSON array of event objects' });
    return [];
  }
  const events: LogEvent[] = [];
  let broken = 0;
  // Elements are parsed one by one, so a broken element costs only its own row and names its line.
  for (const span of arrayElementSpans(body)) {
    let value: unknown;
    try {
      value = JSON.parse(body.slice(span.start, span.end));
    } catch (e) {
      broken++;
      ctx.problems.push({ line: span.line, message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    const event = readRecord(value, span.line, options, ctx);
    if (event) events.push(event);
  }
  const error = broken === 0 ? wholeFileError(body) : null;
  if (error !== null) ctx.problems.push({ line: 1, message: `not valid JSON: ${error}` });
  return events;
}

/**
 * Reads a dossier event log. CSV has a header row whose names may be the generic
 * `dossier_id,step,performer,timestamp,outcome` (+ `unit`, `role`, `name`, `started_at`, `due`,
 * `channel`), the DVCQG progress-row fields (MaHoSo, NguoiXuLy, ChucDanh, ThoiDiemXuLy,
 * PhongBanXuLy, NoiDungXuLy — else TrangThai — as the activity, NgayBatDau,
 * NgayKetThucTheoQuyDinh, KenhThucHien) or XES names; JSON Lines and JSON arrays hold objects with
 * the same keys. Timestamps are ISO 8601 with an offset or `yyyyMMddHHmmss` in Vietnam time.
 * Unusable rows are returned as problems with their line numbers.
 * @throws {CalendarError} `INVALID_OPTIONS` for an unknown format.
 * @example
 * const { events, problems } = readEventLog(
 *   'MaHoSo,NoiDungXuLy,ChucDanh,ThoiDiemXuLy\nH56.14-260213-0001,receive,Công chức một cửa,20260213163000',
 *   { format: 'csv' },
 * );
 * // events[0]: { dossierId: 'H56.14-260213-0001', activity: 'receive', at: 1770975000000, line: 2, … }
 */
export function readEventLog(source: string, options: ReadEventLogOptions): EventLog {
  const ctx: Context = { zone: options.zone ?? 'Asia/Ho_Chi_Minh', problems: [] };
  let events: LogEvent[];
  if (options.format === 'csv') events = readCsv(source, options, ctx);
  else if (options.format === 'jsonl') events = readJsonLines(source, options, ctx);
  else if (options.format === 'json') events = readJson(source, options, ctx);
  else {
    throw new CalendarError(
      'INVALID_OPTIONS',
      `format: expected "csv", "jsonl" or "json", got ${JSON.stringify(options.format)}`,
      {
        field: 'format',
        value: options.format,
      },
    );
  }
  // The intern tables live for one read: nothing is retained between logs.
  interned.clear();
  performers.clear();
  const problems = ctx.problems.sort((a, b) => a.line - b.line);
  return { events, problems };
}
