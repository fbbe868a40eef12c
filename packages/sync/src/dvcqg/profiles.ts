/**
 * Export profiles: the DVCQG payloads as each real client writes them (issue 11), so a province can
 * send what its own system sends today.
 *
 * - `strict` — this library's schema: numbers for codes, absent values left out.
 * - `thanhhoa` — HuanVu201/DichVuCong_KhoaLuan_PASETO `ISyncLocalDataToDVCQGService.cs` (class
 *   `HoSoDongBoDVC`, `QuaTrinhXuLyDongBoDVC`): every value a string, `""` for an absent date or text,
 *   empty lists written, NgayBatDau always `""`; its own first progress row "Tiếp nhận hồ sơ" (status
 *   "2") and, once processing is over, a last row "Kết thúc xử lý hồ sơ" (status "9").
 * - `opencps` — OpenCPS v2 `DVCQGIntegrationActionImpl.createSyncDossierBodyRequest` /
 *   `createSyncDossierStatusBodyRequest`: strings for LoaiDoiTuong, HinhThuc, TrangThaiHoSo,
 *   TrangThai; no KenhThucHien, NgayNopHoSo, SoGiayToChuHoSo or DinhDanhCHS; `""` for ChucDanh,
 *   PhongBanXuLy, NgayBatDau, NgayKetThucTheoQuyDinh.
 */
import type { DvcqgDossier, DvcqgProgressRow } from './schemas.js';
import { sameClientValue } from './tolerant.js';

/** The client styles `--profile` accepts. */
export type DvcqgProfile = 'strict' | 'thanhhoa' | 'opencps';

/** The profiles, for option checking. */
export const DVCQG_PROFILES: readonly DvcqgProfile[] = ['strict', 'thanhhoa', 'opencps'];

/** A payload object as a client writes it (values are strings, numbers, lists or objects). */
export type ClientObject = Record<string, unknown>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Thanh Hóa's `QuaTrinhXuLyDongBoDVC` field order. */
const THANHHOA_ROW = [
  'MaHoSo',
  'NguoiXuLy',
  'ChucDanh',
  'ThoiDiemXuLy',
  'PhongBanXuLy',
  'NoiDungXuLy',
  'TrangThai',
  'NgayBatDau',
  'NgayKetThucTheoQuyDinh',
] as const;

/**
 * One progress row in a client's style.
 * @example styleProgressRow(row, 'thanhhoa').TrangThai // '4'
 */
export function styleProgressRow(row: DvcqgProgressRow, profile: DvcqgProfile): ClientObject {
  if (profile === 'strict') return { ...row };
  const out: ClientObject = {};
  for (const k of THANHHOA_ROW) out[k] = str(row[k]);
  // Thanh Hóa never selects NgayBatDau; OpenCPS writes "" for both step dates ("ko bb": not required).
  out.NgayBatDau = '';
  if (profile === 'opencps') {
    out.ChucDanh = '';
    out.PhongBanXuLy = '';
    out.NgayKetThucTheoQuyDinh = '';
  }
  return out;
}

/** `HoSoDongBoDVC` field order (Thanh Hóa) and the values it writes for what it does not know. */
const THANHHOA_DOSSIER: readonly (readonly [string, unknown])[] = [
  ['MaHoSo', ''],
  ['MaTTHC', ''],
  ['TenTTHC', ''],
  ['MaLinhVuc', ''],
  ['TenLinhVuc', ''],
  ['KenhThucHien', ''],
  ['SoGiayToChuHoSo', ''],
  ['ChuHoSo', ''],
  ['LoaiDoiTuong', ''],
  ['MaDoiTuong', ''],
  ['ThongTinKhac', ''],
  ['Email', ''],
  ['Fax', ''],
  ['SoDienThoai', ''],
  ['TrichYeuHoSo', ''],
  ['NgayTiepNhan', ''],
  ['NgayHenTra', ''],
  ['TrangThaiHoSo', ''],
  ['NgayTra', ''],
  ['ThongTinTra', ''],
  ['HinhThuc', ''],
  ['NgayKetThucXuLy', ''],
  ['DonViXuLy', ''],
  ['GhiChu', ''],
  ['TaiLieuNop', []],
  ['DanhSachLePhi', []],
  ['DanhSachTepDinhKemKhac', []],
  ['DanhSachHoSoBoSung', []],
  ['DanhSachGiayToKetQua', []],
  ['NoiNopHoSo', ''],
  ['HoSoCoThanhPhanSoHoa', '0'],
  ['TaiKhoanDuocXacThucVoiVNeID', '0'],
  ['DuocThanhToanTrucTuyen', '0'],
  ['NgayTuChoi', ''],
  ['DinhDanhCHS', []],
  ['NgayNopHoSo', ''],
  ['DSKetNoiCSDL', []],
];

/** `createSyncDossierBodyRequest` field order (OpenCPS v2). */
const OPENCPS_DOSSIER: readonly (readonly [string, unknown])[] = [
  ['MaHoSo', ''],
  ['MaTTHC', ''],
  ['TenTTHC', ''],
  ['MaLinhVuc', ''],
  ['TenLinhVuc', ''],
  ['ChuHoSo', ''],
  ['LoaiDoiTuong', ''],
  ['MaDoiTuong', ''],
  ['ThongTinKhac', ''],
  ['Email', ''],
  ['Fax', ''],
  ['SoDienThoai', ''],
  ['TrichYeuHoSo', ''],
  ['NgayTiepNhan', ''],
  ['NgayHenTra', ''],
  ['TrangThaiHoSo', ''],
  ['NgayTra', ''],
  ['ThongTinTra', ''],
  ['HinhThuc', ''],
  ['NgayKetThucXuLy', ''],
  ['DonViXuLy', ''],
  ['GhiChu', ''],
  ['TaiLieuNop', []],
  ['DanhSachLePhi', []],
  ['DanhSachTepDinhKemKhac', []],
  ['DanhSachHoSoBoSung', []],
  ['DanhSachGiayToKetQua', []],
];

/** Lists of objects whose scalar values the string-writing clients write as text. */
function stringsDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stringsDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringsDeep(v)]));
  }
  return typeof value === 'number' ? String(value) : value;
}

/**
 * The `DongBoHoSoMC` dossier object in a client's style: field order, strings where the client writes
 * strings, its defaults for what it does not know; fields outside its class are left out.
 * @example styleDossier(payload, 'opencps').TrangThaiHoSo // '4'
 */
export function styleDossier(payload: DvcqgDossier, profile: DvcqgProfile): ClientObject {
  if (profile === 'strict') return { ...payload };
  const layout = profile === 'thanhhoa' ? THANHHOA_DOSSIER : OPENCPS_DOSSIER;
  const source = payload as Record<string, unknown>;
  const out: ClientObject = {};
  for (const [key, fallback] of layout) {
    const v = source[key];
    out[key] = v === undefined || v === null ? fallback : stringsDeep(v);
  }
  return out;
}

/**
 * `value` with every part whose meaning equals the same part of `original` replaced by the
 * original's form (`"4"` stays `"4"`, `""` stays `""`, a field the reader did not interpret stays
 * as it was): what makes read → write give a client's document back unchanged.
 * @example restoreForms({ TrangThai: 4 }, { TrangThai: '4' }, (a, b) => String(a) === String(b)) // { TrangThai: '4' }
 */
export function restoreForms(value: unknown, original: unknown, same: (a: unknown, b: unknown) => boolean): unknown {
  if (same(value, original)) return original;
  if (Array.isArray(value) && Array.isArray(original)) {
    return value.map((v, i) => restoreForms(v, original[i], same));
  }
  if (value !== null && typeof value === 'object' && original !== null && typeof original === 'object') {
    const v = value as Record<string, unknown>;
    const o = original as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // The original's key order first, then keys it did not have.
    for (const k of Object.keys(o)) {
      if (k in v) out[k] = restoreForms(v[k], o[k], same);
      else if (o[k] === '' || o[k] === null) out[k] = o[k];
    }
    for (const k of Object.keys(v)) if (!(k in out) && v[k] !== undefined) out[k] = v[k];
    return out;
  }
  return value;
}

/**
 * Progress rows written back as the client wrote them (`readDvcqgProgress(...).sources`): unchanged
 * values keep their form, fields the schema does not know are kept.
 * @example restoreProgressRows(read.rows, read.sources) // deep-equals the rows as given
 */
export function restoreProgressRows(
  rows: readonly DvcqgProgressRow[],
  sources: readonly Record<string, unknown>[],
): ClientObject[] {
  return rows.map((r, i) => restoreForms(r, sources[i], sameClientValue) as ClientObject);
}
