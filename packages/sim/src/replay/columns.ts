/**
 * Which column of a log holds which field: header aliases for the generic form
 * (`dossier_id,step,performer,timestamp,outcome`), the national portal's progress rows
 * (REFERENCE.md §3.2: MaHoSo, NguoiXuLy, ChucDanh, ThoiDiemXuLy, PhongBanXuLy, NoiDungXuLy,
 * TrangThai, NgayBatDau, NgayKetThucTheoQuyDinh) and XES attribute names (`case:concept:name`…).
 */
import { foldText } from './fold.js';

/** A field of a log event that a column may hold. */
export type LogField =
  | 'dossierId'
  | 'activity'
  | 'status'
  | 'performerName'
  | 'performerRole'
  | 'performerUnit'
  | 'at'
  | 'outcome'
  | 'startedAt'
  | 'dueAt'
  | 'channel';

/** Explicit header names per field; they win over the aliases. */
export type LogColumns = Readonly<Partial<Record<LogField, string>>>;

/**
 * Header aliases, folded (no case, diacritics, spaces or punctuation). The generic `performer` is a
 * role — what one-stop logs record and what conformance checks; map a person's name with `columns`.
 */
const ALIASES: Readonly<Record<LogField, readonly string[]>> = {
  dossierId: ['dossierid', 'dossier', 'mahoso', 'sohoso', 'caseid', 'caseconceptname'],
  activity: ['step', 'stepkey', 'stepname', 'activity', 'noidungxuly', 'conceptname', 'buocxuly'],
  status: ['trangthai', 'status'],
  performerName: ['nguoixuly', 'performername', 'name', 'orgresource', 'resource'],
  performerRole: ['performer', 'role', 'performerrole', 'chucdanh', 'orgrole'],
  performerUnit: ['unit', 'performerunit', 'phongbanxuly', 'donvixuly', 'orggroup', 'department'],
  at: ['timestamp', 'thoidiemxuly', 'timetimestamp', 'time', 'at', 'doneat', 'completedat'],
  outcome: ['outcome', 'ketqua', 'result'],
  startedAt: ['ngaybatdau', 'startedat', 'start', 'starttimestamp'],
  dueAt: ['ngayketthuctheoquydinh', 'dueat', 'due', 'deadline'],
  channel: ['channel', 'kenhthuchien', 'kenh'],
};

const FIELDS = Object.keys(ALIASES) as LogField[];

/**
 * A header folded for alias lookup: `Dossier_ID`, `dossier id`, `MaHoSo` → `dossierid`, `mahoso`.
 * @example headerKey('case:concept:name') // 'caseconceptname'
 */
export function headerKey(header: string): string {
  return foldText(header).replace(/ /g, '');
}

/**
 * The field each header holds (`undefined` for a column replay does not use): explicit `columns`
 * first, then the aliases; the first column wins when two claim a field.
 * @example fieldsOfHeaders(['MaHoSo', 'ThoiDiemXuLy', 'Ghi chú']) // ['dossierId', 'at', undefined]
 */
export function fieldsOfHeaders(headers: readonly string[], columns: LogColumns = {}): (LogField | undefined)[] {
  const keys = headers.map(headerKey);
  const out: (LogField | undefined)[] = headers.map(() => undefined);
  const taken = new Set<LogField>();
  for (const field of FIELDS) {
    const explicit = columns[field];
    if (explicit === undefined) continue;
    const k = keys.indexOf(headerKey(explicit));
    if (k >= 0 && out[k] === undefined) {
      out[k] = field;
      taken.add(field);
    }
  }
  keys.forEach((key, k) => {
    if (out[k] !== undefined) return;
    const field = FIELDS.find((f) => !taken.has(f) && columns[f] === undefined && ALIASES[f].includes(key));
    if (field) {
      out[k] = field;
      taken.add(field);
    }
  });
  return out;
}
