/**
 * Sync in, dossier: `readDvcqgDossier` reads a `DongBoHoSoMC` dossier object as any real client
 * writes it (tolerant.ts), and `writeDvcqgDossier` writes one back in a client's style; with the
 * object it was read from, the write gives that object back unchanged.
 */
import * as z from 'zod';
import { type ClientObject, type DvcqgProfile, restoreForms, styleDossier } from './profiles.js';
import type { DvcqgProblem } from './read.js';
import { DvcqgDateSchema, DvcqgDossierSchema } from './schemas.js';
import { isAbsent, looseDvcqgDate, sameClientValue, wholeNumber } from './tolerant.js';

/** The dossier object as read: required fields some clients do not send are optional here. */
export const DvcqgDossierInSchema = DvcqgDossierSchema.extend({
  KenhThucHien: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  SoGiayToChuHoSo: z.string().min(1).optional(),
  NgayNopHoSo: DvcqgDateSchema.optional(),
  NgayHenTra: DvcqgDateSchema.optional(),
  TrichYeuHoSo: z.string().min(1).optional(),
  MaLinhVuc: z.string().min(1).optional(),
  TenLinhVuc: z.string().min(1).optional(),
  DanhSachLePhi: DvcqgDossierSchema.shape.DanhSachLePhi.optional(),
  DanhSachHoSoBoSung: DvcqgDossierSchema.shape.DanhSachHoSoBoSung.optional(),
}).meta({ id: 'DvcqgDossierIn', title: 'DVCQG DongBoHoSoMC dossier object as clients send it' });

export type DvcqgDossierIn = z.infer<typeof DvcqgDossierInSchema>;

/** What {@link readDvcqgDossier} returns. */
export interface DvcqgDossierRead {
  /** The object in canonical types (numbers, `yyyyMMddHHmmss`), unknown fields kept verbatim. */
  readonly value: DvcqgDossierIn | undefined;
  /** Errors (no value) and warnings (`field.missing`: a field one client never sends). */
  readonly problems: DvcqgProblem[];
}

const NUMBERS = new Set(['KenhThucHien', 'LoaiDoiTuong', 'TrangThaiHoSo', 'HinhThuc']);
const DATES = new Set(['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra', 'NgayTuChoi']);
const SUPPLEMENT_DATES = ['NgayBoSung', 'NgayTiepNhanBoSung', 'NgayHenTraTruoc', 'NgayHenTraMoi'];
/** Fields the OpenCPS client never sends (DVCQGIntegrationActionImpl): read with a warning. */
const SOMETIMES_MISSING = ['KenhThucHien', 'NgayNopHoSo', 'SoGiayToChuHoSo'] as const;

const decimal = (v: unknown): unknown => (typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : v);

function normalizeItem(item: unknown, dates: readonly string[], numbers: readonly string[]): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (isAbsent(v) && v !== undefined) continue;
    if (dates.includes(k)) out[k] = looseDvcqgDate(v) ?? v;
    else if (numbers.includes(k))
      out[k] = k === 'Gia' ? decimal(v) : (wholeNumber(v) ?? (typeof v === 'boolean' ? Number(v) : v));
    else out[k] = v;
  }
  return out;
}

function normalize(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    // "" and null mean absent for every scalar the schema knows; unknown fields stay verbatim.
    if (isAbsent(v) && k in DvcqgDossierInSchema.shape) continue;
    if (NUMBERS.has(k)) out[k] = wholeNumber(v) ?? v;
    else if (DATES.has(k)) out[k] = looseDvcqgDate(v) ?? v;
    else if (k === 'DinhDanhCHS' && Array.isArray(v)) out[k] = v.map((i) => normalizeItem(i, [], ['LoaiDinhDanh']));
    else if (k === 'DanhSachLePhi' && Array.isArray(v))
      out[k] = v.map((i) => normalizeItem(i, [], ['Gia', 'HinhThucThu', 'LoaiPhiLePhi']));
    else if (k === 'DanhSachHoSoBoSung' && Array.isArray(v))
      out[k] = v.map((i) => normalizeItem(i, SUPPLEMENT_DATES, ['TrangThaiBoSung']));
    else out[k] = v;
  }
  return out;
}

/**
 * Reads a `DongBoHoSoMC` dossier object from any real client: numbers or numeric strings, `""` or
 * `null` for absent values, ISO-like dates, the unit's name or code in DonViXuLy; unknown fields
 * (NoiNopHoSo, HoSoCoThanhPhanSoHoa, TaiKhoanDuocXacThucVoiVNeID, DuocThanhToanTrucTuyen, DSKetNoiCSDL,
 * TaiLieuNop, DanhSachGiayToKetQua, DanhSachTepDinhKemKhac…) kept verbatim. A missing KenhThucHien,
 * NgayNopHoSo or SoGiayToChuHoSo is a warning, not an error.
 * @example
 * const { value, problems } = readDvcqgDossier(JSON.parse(text));
 * value?.TrangThaiHoSo // 4 (the client wrote "4")
 */
export function readDvcqgDossier(raw: unknown): DvcqgDossierRead {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      value: undefined,
      problems: [{ code: 'input.invalid', index: -1, message: 'expected a DongBoHoSoMC dossier object' }],
    };
  }
  const normalized = normalize(raw as Record<string, unknown>);
  const r = DvcqgDossierInSchema.safeParse(normalized);
  const id = typeof normalized.MaHoSo === 'string' ? { dossierId: normalized.MaHoSo } : {};
  if (!r.success) {
    return {
      value: undefined,
      problems: r.error.issues.map((issue) => {
        const field = issue.path.join('.') || '(dossier)';
        let value: unknown = raw;
        for (const p of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[p as PropertyKey];
        return {
          code: 'row.invalid',
          index: 0,
          ...id,
          message: `${field}: ${issue.message} (got ${JSON.stringify(value)})`,
        };
      }),
    };
  }
  const problems: DvcqgProblem[] = SOMETIMES_MISSING.filter((k) => r.data[k] === undefined).map((k) => ({
    code: 'field.missing',
    index: 0,
    ...id,
    severity: 'warning',
    message: `${k} is not sent (as OpenCPS v2 does); read without it`,
  }));
  return { value: r.data, problems };
}

/** Options of {@link writeDvcqgDossier}. */
export interface WriteDvcqgDossierOptions {
  /** Default `strict`. */
  readonly profile?: DvcqgProfile;
  /** The object the value was read from: every part whose meaning is unchanged is written as it was. */
  readonly original?: unknown;
}

/**
 * Writes a dossier object in a client's style; with `original`, unchanged parts keep the original's
 * form and unknown fields, so `writeDvcqgDossier(readDvcqgDossier(x).value, { original: x })` is `x`.
 * @example writeDvcqgDossier(payload, { profile: 'thanhhoa' }).KenhThucHien // '1'
 */
export function writeDvcqgDossier(value: DvcqgDossierIn, options: WriteDvcqgDossierOptions = {}): ClientObject {
  const styled =
    options.profile === undefined || options.profile === 'strict'
      ? { ...value }
      : styleDossier(value as Parameters<typeof styleDossier>[0], options.profile);
  if (options.original === undefined) return styled;
  return restoreForms(value, options.original, sameClientValue) as ClientObject;
}
