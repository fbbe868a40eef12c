/**
 * Sync out, dossier: `toDvcqgDossier` builds the `DongBoHoSoMC` dossier object (HoSoDongBoDVC,
 * REFERENCE.md §3.2) of a dossier, validated before it is returned.
 */
import { CalendarError, toEpochMs } from '@tthc/calendar';
import {
  type Dossier,
  nationalCode,
  type PortalStatusOptions,
  type Procedure,
  portalStatus,
  type SupplementRound,
} from '@tthc/core';
import { formatDvcqgDate } from './dates.js';
import { CHANNEL_CODES } from './progress.js';
import { type DvcqgDossier, DvcqgDossierSchema, type DvcqgFee, type DvcqgSupplement } from './schemas.js';

/** Chủ hồ sơ — the applicant as the portal records them. */
export interface DvcqgOwner {
  /** ChuHoSo. */
  readonly name: string;
  /** LoaiDoiTuong: 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức. */
  readonly kind: 1 | 2 | 3 | 4;
  /** SoGiayToChuHoSo: CCCD / CMND number, tax code… A 12-digit (CCCD) or 9-digit (CMND) number also gives DinhDanhCHS. */
  readonly idNumber: string;
  /** MaDoiTuong: the VNeID TechID (online dossiers only). */
  readonly techId?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly fax?: string;
  /** ThongTinKhac (e.g. the address). */
  readonly other?: string;
}

/** Options of {@link toDvcqgDossier}. */
export interface DvcqgDossierOptions extends PortalStatusOptions {
  readonly owner: DvcqgOwner;
  /** DonViXuLy: the processing agency's identifier (mã định danh, QCVN 102:2016), e.g. `H56.14`. */
  readonly agencyCode: string;
  /** MaLinhVuc when the procedure has no `field.code`. */
  readonly fieldCode?: string;
  /** NgayNopHoSo (ISO 8601 with offset) when submission preceded receipt (online). Default: receipt. */
  readonly submittedAt?: string;
  /** TrichYeuHoSo. Default: the procedure name. */
  readonly summary?: string;
  /** HinhThuc, how the result is delivered: 0 direct (default), 1 by post. */
  readonly delivery?: 0 | 1;
  /** NoiNopHoSo. */
  readonly place?: string;
}

function fees(dossier: Dossier, procedure: Procedure): DvcqgFee[] {
  const channel = procedure.channels.find((c) => c.channel === dossier.channel);
  return (channel?.fees ?? []).map((f) => ({
    TenPhiLePhi: f.name,
    ...(f.code === undefined ? {} : { MaPhiLePhi: f.code }),
    Gia: f.amount,
  }));
}

const who = (a: { name?: string; role?: string; unit?: string } | undefined): string | undefined =>
  a?.name ?? a?.role ?? a?.unit;

function supplement(dossier: Dossier, s: SupplementRound): DvcqgSupplement {
  const received =
    s.receivedAt === null
      ? undefined
      : dossier.events.find((e) => e.type === 'supplement-received' && toEpochMs(e.at, 'at') === s.receivedAt);
  const out: DvcqgSupplement = {
    HoSoBoSungId: `${dossier.id}-BS${s.round}`,
    NguoiYeuCauBoSung: who(s.requestedBy) ?? 'Cán bộ xử lý',
    NoiDungBoSung: s.reason,
    NgayBoSung: formatDvcqgDate(s.requestedAt),
    TrangThaiBoSung: s.receivedAt === null ? 0 : 1,
  };
  const taker = who(received?.by);
  if (taker !== undefined) out.NguoiTiepNhanBoSung = taker;
  if (s.receivedAt !== null) out.NgayTiepNhanBoSung = formatDvcqgDate(s.receivedAt);
  if (s.dueBefore !== null) out.NgayHenTraTruoc = formatDvcqgDate(s.dueBefore);
  if (s.dueAfter !== null) out.NgayHenTraMoi = formatDvcqgDate(s.dueAfter);
  return out;
}

function owner(o: DvcqgOwner): Partial<DvcqgDossier> {
  const id = o.idNumber?.trim() ?? '';
  const identity = /^\d{12}$/.test(id) ? 1 : /^\d{9}$/.test(id) ? 2 : undefined;
  const out: Record<string, unknown> = { ChuHoSo: o.name, LoaiDoiTuong: o.kind, SoGiayToChuHoSo: o.idNumber };
  if (identity) out.DinhDanhCHS = [{ LoaiDinhDanh: identity, SoDinhDanh: id }];
  for (const [k, v] of [
    ['MaDoiTuong', o.techId],
    ['Email', o.email],
    ['SoDienThoai', o.phone],
    ['Fax', o.fax],
    ['ThongTinKhac', o.other],
  ] as const) {
    if (v !== undefined) out[k] = v;
  }
  return out as Partial<DvcqgDossier>;
}

/** Where a field of the payload comes from, to name it in an error. */
const SOURCE: Readonly<Record<string, string>> = {
  MaLinhVuc: 'procedure.field.code or options.fieldCode',
  ChuHoSo: 'options.owner.name',
  LoaiDoiTuong: 'options.owner.kind',
  SoGiayToChuHoSo: 'options.owner.idNumber',
  DonViXuLy: 'options.agencyCode',
  TrangThaiHoSo: 'portalStatus(dossier, options)',
};

/**
 * The `DongBoHoSoMC` dossier object of a dossier: codes and names from the catalogue record
 * (`procedure`), the applicant from `options.owner`, dates from the clock ledger (NgayHenTra = the
 * lawful due, never moved by an apology; NgayKetThucXuLy, NgayTra, NgayTuChoi when they happened),
 * TrangThaiHoSo through `portalStatus`, one DanhSachHoSoBoSung item per supplementation round with
 * NgayHenTraTruoc / NgayHenTraMoi, and the channel's fees. Dates are `yyyyMMddHHmmss` in Vietnam time.
 * @throws {CalendarError} `INVALID_OPTIONS` naming the missing or invalid payload field and where it
 * comes from (e.g. `DongBoHoSoMC.MaLinhVuc` from `procedure.field.code or options.fieldCode`).
 * @example
 * const payload = toDvcqgDossier(dossier, procedure, {
 *   owner: { name: 'Nguyễn Văn An', kind: 1, idNumber: '038090001234' }, agencyCode: 'H56.14', fieldCode: 'G15-HT',
 * });
 * payload.NgayHenTra // '20260225163000'
 */
export function toDvcqgDossier(dossier: Dossier, procedure: Procedure, options: DvcqgDossierOptions): DvcqgDossier {
  const l = dossier.ledger;
  const payload: Record<string, unknown> = {
    MaHoSo: dossier.id,
    MaTTHC: nationalCode(procedure.code),
    TenTTHC: procedure.name,
    MaLinhVuc: options.fieldCode ?? procedure.field.code,
    TenLinhVuc: procedure.field.name,
    KenhThucHien: CHANNEL_CODES[dossier.channel],
    ...owner(options.owner ?? ({} as DvcqgOwner)),
    TrichYeuHoSo: options.summary ?? procedure.name,
    NgayNopHoSo: formatDvcqgDate(
      options.submittedAt === undefined ? l.receivedAt : toEpochMs(options.submittedAt, 'submittedAt'),
    ),
    NgayTiepNhan: formatDvcqgDate(l.receivedAt),
    NgayHenTra: formatDvcqgDate(l.legalDue),
    TrangThaiHoSo: portalStatus(dossier, options),
    HinhThuc: options.delivery ?? 0,
    DonViXuLy: options.agencyCode,
    DanhSachLePhi: fees(dossier, procedure),
    DanhSachHoSoBoSung: l.supplements.map((s) => supplement(dossier, s)),
  };
  if (l.finishedAt !== null) payload.NgayKetThucXuLy = formatDvcqgDate(l.finishedAt);
  if (l.returnedAt !== null) payload.NgayTra = formatDvcqgDate(l.returnedAt);
  if (l.refusal !== null) payload.NgayTuChoi = formatDvcqgDate(l.refusal.at);
  if (options.place !== undefined) payload.NoiNopHoSo = options.place;
  const r = DvcqgDossierSchema.safeParse(payload);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.');
  const top = String(issue.path[0]);
  const from = SOURCE[top] ? ` (from ${SOURCE[top]})` : '';
  throw new CalendarError(
    'INVALID_OPTIONS',
    `dossier ${dossier.id}: DongBoHoSoMC.${field}: ${issue.message}${from} (got ${JSON.stringify(payload[top])})`,
    { field: `DongBoHoSoMC.${field}`, value: payload[top], issues: r.error.issues },
  );
}
