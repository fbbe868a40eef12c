/**
 * Tolerant reading of what real DVCQG clients send (issue 11): numbers or numeric strings
 * (`"4"`, `4`), `""` and `null` for absent values, dates as `yyyyMMddHHmmss` or in the ISO-like forms
 * other adapters use (`2026-06-08T07:47:28.329`, `2026-06-08 14:07:53`, `08/06/2026 14:07:53`, all Vietnam
 * time). Clients read: HuanVu201/DichVuCong_KhoaLuan_PASETO `SyncLocalDataToDVCQGService.cs` (every
 * value a string, `""` when absent) and OpenCPS v2 `DVCQGIntegrationActionImpl` (strings for
 * LoaiDoiTuong, HinhThuc, TrangThaiHoSo; no KenhThucHien, NgayNopHoSo, SoGiayToChuHoSo).
 */
import { parseDvcqgDate } from './dates.js';

/** True for `undefined`, `null` and blank text: the clients' ways of saying "no value". */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A whole number written as a number or as its digits; `undefined` for anything else.
 * @example wholeNumber(' 4 ') // 4
 */
export function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return undefined;
}

const pad = (n: string): string => n.padStart(2, '0');
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;
const VI_LIKE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A client's date as DVCQG text `yyyyMMddHHmmss` (Vietnam time); `undefined` when it is none of the
 * forms real clients write, or not a real date. Fractions of a second are dropped (the portal has none).
 * @example
 * looseDvcqgDate('2026-06-08T07:47:28.329') // '20260608074728'
 * looseDvcqgDate('08/06/2026 14:07:53') // '20260608140753'
 */
export function looseDvcqgDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  let text: string | undefined;
  if (/^\d{14}$/.test(t)) text = t;
  const iso = ISO_LIKE.exec(t);
  if (iso) text = `${iso[1]}${iso[2]}${iso[3]}${iso[4]}${iso[5]}${iso[6] ?? '00'}`;
  const vi = VI_LIKE.exec(t);
  if (vi) text = `${vi[3]}${pad(vi[2]!)}${pad(vi[1]!)}${pad(vi[4] ?? '00')}${vi[5] ?? '00'}${vi[6] ?? '00'}`;
  return text !== undefined && parseDvcqgDate(text) !== undefined ? text : undefined;
}

/**
 * True when a client's raw value means the canonical one: `"4"` for 4, `true` for 1, an ISO-like
 * date for its `yyyyMMddHHmmss` text (equal values are handled by the caller).
 * @example sameClientValue(4, '4') // true
 */
export function sameClientValue(canonical: unknown, raw: unknown): boolean {
  if (Object.is(canonical, raw)) return true;
  if (typeof canonical === 'object' || typeof raw === 'object') return false;
  if (typeof raw === 'boolean') return canonical === Number(raw);
  if (typeof raw === 'string' && typeof canonical === 'number')
    return wholeNumber(raw) === canonical || Number(raw) === canonical;
  if (typeof raw === 'string' && typeof canonical === 'string')
    return looseDvcqgDate(raw) === canonical && canonical !== raw;
  return false;
}
