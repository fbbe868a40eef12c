/**
 * Mã số hồ sơ — the dossier code printed on the receipt (Mẫu 01) and used as `MaHoSo` on the national
 * portal. Two layouts:
 *
 * - `2018` (TT 01/2018/TT-VPCP art. 19): `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` — the receiving agency's
 *   identifier (QCVN 102:2016/BTTTT, TT 10/2016/TT-BTTTT), the receipt date, a 4-digit daily sequence.
 * - `2026-central` (TT 04/2025/TT-VPCP adding art. 13(3) to TT 03/2025/TT-VPCP, from 25/01/2026, for
 *   services hosted centrally): `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX` — AA the 2-digit host agency,
 *   XXXX a sequence of at least 4 digits. REFERENCE.md §1.8 has this layout from a summary only.
 *
 * Where the texts leave room, this module chooses and documents (docs/integration.md §1):
 * the agency identifier of a 2018 code is either the full four-level QCVN form (`000.00.20.H56`) or
 * the level-1-first short form provinces print (`H56.14`, Thanh Hóa); YY is read as 20YY; sequence 0
 * is refused (a daily sequence starts at 1).
 */
import { CoreError, type CoreErrorCode, type DataIssue } from './errors.js';

/** The two dossier-code layouts. */
export type DossierCodeFormat = '2018' | '2026-central';

/** What a dossier code is made of. */
export interface DossierCodeParts {
  /** Mã định danh of the receiving agency, e.g. `H56.14`, `000.00.20.H56`, `H56.123.45`. */
  readonly agencyId: string;
  /** Receipt date as a civil date `YYYY-MM-DD` (Vietnam time). */
  readonly receivedOn: string;
  /** Daily sequence number (1–9999 in the 2018 layout). */
  readonly sequence: number;
  /** Default `2018`. */
  readonly format?: DossierCodeFormat;
  /** AA: the 2-digit code of the host agency (only and always in `2026-central`). */
  readonly hostAgency?: string;
}

/** A parsed dossier code: its parts with the format resolved. */
export interface ParsedDossierCode extends DossierCodeParts {
  readonly format: DossierCodeFormat;
}

// TT 01/2018 art. 19 and TT 04/2025: a malformed dossier code names the part that is wrong.
const INVALID_DOSSIER_CODE: CoreErrorCode = 'INVALID_DOSSIER_CODE';

/** QCVN 102:2016 four-level identifier: level 4.3.2.1, level 1 a letter and 2 digits (H56 = Thanh Hóa). */
const AGENCY_FULL = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
/** The short, level-1-first identifier printed by provinces (`H56.14`, `H56.14.03`). */
const AGENCY_SHORT = /^[A-Z]\d{2}(\.\d{2,3}){1,3}$/;
/** TT 03/2025 art. 13(3) as amended: MX1X2.Y1Y2Y3.Z1Z2. */
const AGENCY_2026 = /^[A-Z]\d{2}\.\d{3}\.\d{2}$/;

function fail(part: string, message: string, value: unknown): never {
  const issue: DataIssue = { path: [part], message, value };
  throw new CoreError(INVALID_DOSSIER_CODE, `dossier code ${part}: ${message} (got ${JSON.stringify(value)})`, [issue]);
}

function checkAgency(agencyId: string, format: DossierCodeFormat): void {
  const ok = format === '2018' ? AGENCY_FULL.test(agencyId) || AGENCY_SHORT.test(agencyId) : AGENCY_2026.test(agencyId);
  if (!ok) {
    const expected =
      format === '2018'
        ? 'an agency identifier V1V2V3.Z1Z2.Y1Y2.MX1X2 (e.g. "000.00.20.H56") or a short one (e.g. "H56.14")'
        : 'an agency identifier MX1X2.Y1Y2Y3.Z1Z2 (e.g. "H56.123.45")';
    fail('agencyId', `expected ${expected}`, agencyId);
  }
}

/** YYMMDD of a civil date from 2000-01-01 to 2099-12-31, checking it is a real date. */
function yymmdd(receivedOn: string): string {
  const m = /^20(\d{2})-(\d{2})-(\d{2})$/.exec(receivedOn);
  if (!m || civilDate(2000 + Number(m[1]), Number(m[2]), Number(m[3])) === undefined) {
    fail('receivedOn', 'expected a real date YYYY-MM-DD between 2000 and 2099', receivedOn);
  }
  return `${m[1]}${m[2]}${m[3]}`;
}

function civilDate(y: number, m: number, d: number): string | undefined {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function checkSequence(sequence: number, format: DossierCodeFormat): void {
  const max = format === '2018' ? 9999 : Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > max) {
    const range = format === '2018' ? '1–9999 (4 digits, TT 01/2018 art. 19)' : 'a positive integer';
    fail('sequence', `expected ${range}`, sequence);
  }
}

/**
 * Builds a dossier code from its parts, validating every part.
 * @throws {CoreError} `INVALID_DOSSIER_CODE` naming the part (`agencyId`, `receivedOn`, `sequence`,
 * `hostAgency`) and its value.
 * @example
 * formatDossierCode({ agencyId: 'H56.14', receivedOn: '2026-02-13', sequence: 42 }) // 'H56.14-260213-0042'
 * formatDossierCode({ agencyId: 'H56.123.45', receivedOn: '2026-02-13', sequence: 7, format: '2026-central', hostAgency: '01' })
 * // 'H56.123.45-260213-010007'
 */
export function formatDossierCode(parts: DossierCodeParts): string {
  const format = parts.format ?? '2018';
  if (format !== '2018' && format !== '2026-central') fail('format', 'expected "2018" or "2026-central"', format);
  checkAgency(parts.agencyId, format);
  const date = yymmdd(parts.receivedOn);
  checkSequence(parts.sequence, format);
  const seq = String(parts.sequence).padStart(4, '0');
  if (format === '2018') {
    if (parts.hostAgency !== undefined)
      fail('hostAgency', 'only the 2026-central layout has a host agency', parts.hostAgency);
    return `${parts.agencyId}-${date}-${seq}`;
  }
  if (parts.hostAgency === undefined || !/^\d{2}$/.test(parts.hostAgency)) {
    fail('hostAgency', 'expected the 2-digit host agency code AA', parts.hostAgency);
  }
  return `${parts.agencyId}-${date}-${parts.hostAgency}${seq}`;
}

/**
 * Reads a dossier code. The layout is told by the last group: 4 digits is the 2018 layout, 6 or more
 * the 2026 centrally-hosted one (AA + at least 4 digits). A sequence is written with exactly 4 digits
 * or, beyond 9999, without leading zeros, so that `formatDossierCode(parseDossierCode(t))` is `t`.
 * @throws {CoreError} `INVALID_DOSSIER_CODE` naming the part that is wrong and its value.
 * @example
 * parseDossierCode('H56.14-260213-0042')
 * // { format: '2018', agencyId: 'H56.14', receivedOn: '2026-02-13', sequence: 42 }
 */
export function parseDossierCode(text: string): ParsedDossierCode {
  if (typeof text !== 'string') fail('text', 'expected a string', text);
  const groups = text.trim().split('-');
  if (groups.length !== 3) fail('text', 'expected AGENCY-YYMMDD-SEQUENCE (three groups joined by "-")', text);
  const [agencyId, date, tail] = groups as [string, string, string];
  if (!/^\d{6}$/.test(date)) fail('receivedOn', 'expected YYMMDD', date);
  const receivedOn = civilDate(2000 + Number(date.slice(0, 2)), Number(date.slice(2, 4)), Number(date.slice(4)));
  if (receivedOn === undefined) fail('receivedOn', 'not a real date YYMMDD', date);
  if (/^\d{4}$/.test(tail)) {
    checkAgency(agencyId, '2018');
    const sequence = Number(tail);
    checkSequence(sequence, '2018');
    return { format: '2018', agencyId, receivedOn, sequence };
  }
  if (!/^\d{6,}$/.test(tail)) fail('sequence', 'expected 4 digits (2018) or AA + at least 4 digits (2026)', tail);
  checkAgency(agencyId, '2026-central');
  const digits = tail.slice(2);
  if (digits.length > 4 && digits.startsWith('0')) {
    fail('sequence', 'a sequence beyond 4 digits has no leading zero', digits);
  }
  const sequence = Number(digits);
  checkSequence(sequence, '2026-central');
  return { format: '2026-central', agencyId, receivedOn, sequence, hostAgency: tail.slice(0, 2) };
}
