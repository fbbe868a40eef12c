/**
 * Sync out, progress: `toDvcqgProgress` writes a dossier's history as `CapNhatTienDoHoSoMC` rows —
 * the receipt, then one row per event (a completed step visit, a supplementation request or its
 * receipt, a liên thông hand-off or answer, a refusal, a new appointment, a payment, the return).
 */
import { CalendarError, toEpochMs } from '@tthc/calendar';
import {
  type ChannelKind,
  type Dossier,
  type DossierEvent,
  apply,
  openDossier,
  type PortalStatusOptions,
  portalStatus,
} from '@tthc/core';
import { writeContent } from './content.js';
import { formatDvcqgDate } from './dates.js';
import { type ClientObject, type DvcqgProfile, styleProgressRow } from './profiles.js';
import { type DvcqgProgressRow, DvcqgProgressRowSchema, PROGRESS_COLUMNS } from './schemas.js';

/** KenhThucHien of a channel: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (REFERENCE.md §3.2). */
export const CHANNEL_CODES: Readonly<Record<ChannelKind, 1 | 2 | 3>> = { direct: 1, online: 2, postal: 3 };

/** Options of {@link toDvcqgProgress}. */
export interface DvcqgProgressOptions extends PortalStatusOptions {
  /**
   * Add the machine-readable `[tthc] {json}` last line to NoiDungXuLy, so `rebuildDossiers` reads each
   * event back exactly. Default `false`: real clients' NoiDungXuLy holds only what a person reads.
   */
  readonly tag?: boolean;
}

/** Start and deadline a row reports: the step visit, the consulted agency's share, or the dossier. */
function period(before: Dossier, after: Dossier, event: DossierEvent): { start: number; due: number | null } {
  const at = toEpochMs(event.at, 'at');
  const l = after.ledger;
  switch (event.type) {
    case 'complete-step': {
      const visit = before.ledger.steps.findLast((v) => v.step === event.step && v.doneAt === null);
      return { start: visit?.enteredAt ?? at, due: visit ? visit.due : null };
    }
    case 'consult':
    case 'consult-returned': {
      const share = l.consults.findLast((c) => c.agency === event.agency);
      return { start: share?.sentAt ?? at, due: share?.due ?? null };
    }
    case 'request-supplement':
      return { start: at, due: null };
    case 'supplement-received':
      // NgayHenTraMoi: the due once the complete dossier is back (ND 61 art. 19(3) as amended).
      return { start: l.supplements.at(-1)?.requestedAt ?? at, due: l.legalDue };
    case 'extend':
      return { start: at, due: l.extension?.newDue ?? null };
    default:
      return { start: at, due: l.legalDue };
  }
}

function row(
  dossier: Dossier,
  content: string,
  actor: DossierEvent['by'] | undefined,
  times: { at: number; start: number; due: number | null },
  status: number,
): DvcqgProgressRow {
  const out: DvcqgProgressRow = {
    MaHoSo: dossier.id,
    NguoiXuLy: actor?.name ?? '',
    ChucDanh: actor?.role ?? '',
    ThoiDiemXuLy: formatDvcqgDate(times.at),
    PhongBanXuLy: actor?.unit ?? '',
    NoiDungXuLy: content,
    TrangThai: status,
    NgayBatDau: formatDvcqgDate(times.start),
    KenhThucHien: CHANNEL_CODES[dossier.channel],
  };
  if (times.due !== null) out.NgayKetThucTheoQuyDinh = formatDvcqgDate(times.due);
  return checkRow(out, dossier.id);
}

function checkRow(out: DvcqgProgressRow, id: string): DvcqgProgressRow {
  const r = DvcqgProgressRowSchema.safeParse(out);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.');
  const value = (out as Record<string, unknown>)[String(issue.path[0])];
  throw new CalendarError(
    'INVALID_OPTIONS',
    `dossier ${id}: CapNhatTienDoHoSoMC.${field}: ${issue.message} (got ${JSON.stringify(value)})`,
    { field: `CapNhatTienDoHoSoMC.${field}`, value },
  );
}

/**
 * The dossier's progress rows for `CapNhatTienDoHoSoMC`: first the receipt (TrangThai 2, deadline
 * NgayHenTra), then one row per event, each with the DVCQG status after it (through `portalStatus`),
 * the start of the step visit or share it closes (NgayBatDau) and that step's or share's deadline
 * (NgayKetThucTheoQuyDinh). Dates are `yyyyMMddHHmmss` in Vietnam time whatever the calendar's zone.
 * `rebuildDossiers` reads the rows back into the same dossier (docs/integration.md §3).
 * @throws {CalendarError} `INVALID_OPTIONS` naming the row field when a row would be invalid (e.g. a
 * status mapping that gives 0).
 * @example
 * const rows = toDvcqgProgress(dossier);
 * rows[0].NoiDungXuLy.startsWith('Tiếp nhận hồ sơ') // true
 */
export function toDvcqgProgress(dossier: Dossier, options: DvcqgProgressOptions = {}): DvcqgProgressRow[] {
  let d = openDossier(
    dossier.procedure,
    dossier.process,
    dossier.calendar,
    { id: dossier.id, receivedAt: dossier.receivedAt, channel: dossier.channel },
    dossier.registry ? { registry: dossier.registry } : {},
  );
  const receivedAt = d.ledger.receivedAt;
  const rows = [
    row(
      d,
      writeContent({ type: 'receipt' }, d.process, options.tag === true),
      undefined,
      { at: receivedAt, start: receivedAt, due: d.ledger.legalDue },
      portalStatus(d, options),
    ),
  ];
  for (const event of dossier.events) {
    const next = apply(d, event);
    const { start, due } = period(d, next, event);
    const times = { at: toEpochMs(event.at, 'at'), start, due };
    rows.push(
      row(next, writeContent(event, d.process, options.tag === true), event.by, times, portalStatus(next, options)),
    );
    d = next;
  }
  return rows;
}

/** Options of {@link toDvcqgClientProgress}. */
export interface DvcqgClientProgressOptions extends DvcqgProgressOptions {
  /** Default `strict`. */
  readonly profile?: DvcqgProfile;
}

/**
 * The dossier's progress rows as a client writes them (see profiles.ts): `strict` is
 * {@link toDvcqgProgress}; `thanhhoa` gives the receipt row as that client writes its own first row
 * ("Tiếp nhận hồ sơ", "Cán bộ một cửa", status "2") and adds its last row "Kết thúc xử lý hồ sơ"
 * (status "9") once processing is over; `opencps` writes one row per action with its blanks.
 * @example toDvcqgClientProgress(dossier, { profile: 'thanhhoa' })[0].NoiDungXuLy // 'Tiếp nhận hồ sơ'
 */
export function toDvcqgClientProgress(dossier: Dossier, options: DvcqgClientProgressOptions = {}): ClientObject[] {
  const profile = options.profile ?? 'strict';
  const rows = toDvcqgProgress(dossier, options);
  const out = rows.map((r) => styleProgressRow(r, profile));
  if (profile !== 'thanhhoa') return out;
  // SyncLocalDataToDVCQGService.PushData: its own first row, and a last one when the status is 9 or 10.
  const synthetic = (content: string, at: string, status: string): ClientObject => ({
    MaHoSo: dossier.id,
    NguoiXuLy: 'Cán bộ một cửa',
    ChucDanh: '',
    ThoiDiemXuLy: at,
    PhongBanXuLy: '',
    NoiDungXuLy: content,
    TrangThai: status,
    NgayBatDau: '',
    NgayKetThucTheoQuyDinh: '',
  });
  out[0] = synthetic('Tiếp nhận hồ sơ', rows[0]!.ThoiDiemXuLy, '2');
  const finished = dossier.ledger.finishedAt ?? dossier.ledger.returnedAt;
  if (finished !== null) out.push(synthetic('Kết thúc xử lý hồ sơ', formatDvcqgDate(finished), '9'));
  return out;
}

function csvField(value: unknown): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Progress rows as CSV (header row, RFC 4180 quoting, CRLF) — what `readDvcqgProgress` reads back.
 * @example writeDvcqgProgressCsv(toDvcqgProgress(dossier)).split('\r\n')[0] // 'MaHoSo,NguoiXuLy,…,KenhThucHien'
 */
export function writeDvcqgProgressCsv(rows: readonly (DvcqgProgressRow | ClientObject)[]): string {
  const lines = [PROGRESS_COLUMNS.join(',')];
  for (const r of rows) lines.push(PROGRESS_COLUMNS.map((c) => csvField((r as ClientObject)[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
