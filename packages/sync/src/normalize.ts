/**
 * Normalisation for COMPARISON ONLY: the canonical model keeps text as the source wrote it; matching
 * and diff compare folded text and resolve unit-name aliases from the data table below.
 */
import { type Duration, durationToWorkingMinutes } from '@tthc/calendar';

/**
 * Folds Vietnamese text for comparison: NFC, lower case, diacritics stripped, đ → d, punctuation
 * spacing and runs of spaces collapsed. Never store the result.
 * @example foldVietnamese('  Ủy ban  nhân dân Xã ') // 'uy ban nhan dan xa'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One organisational unit and the names systems give it. */
export interface UnitAlias {
  /** The name we report. */
  readonly name: string;
  /** Other spellings and abbreviations in use. */
  readonly aliases: readonly string[];
}

/**
 * Unit names that mean the same unit, as data. The one-stop desk has several official and colloquial
 * names (ND 61/2018 art. 7; since ND 118/2025 the province's and commune's Trung tâm Phục vụ hành
 * chính công — kept distinct here because a 2025 centre is not the pre-2025 desk).
 */
export const UNIT_ALIASES: readonly UnitAlias[] = [
  {
    name: 'Bộ phận Một cửa',
    aliases: [
      'Bộ phận TN&TKQ',
      'Bộ phận TN và TKQ',
      'BPTN&TKQ',
      'Bộ phận tiếp nhận và trả kết quả',
      'Bộ phận tiếp nhận và trả kết quả giải quyết TTHC',
      'Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính',
      'Bộ phận một cửa',
      'Một cửa',
    ],
  },
  {
    name: 'Trung tâm Phục vụ hành chính công',
    aliases: ['TTPVHCC', 'Trung tâm PVHCC', 'TT PVHCC', 'Trung tâm phục vụ HCC'],
  },
];

/**
 * Abbreviations expanded inside longer unit names ("UBND xã An Bình" = "Ủy ban nhân dân xã An Bình"),
 * as data.
 */
export const UNIT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  TTPVHCC: 'Trung tâm Phục vụ hành chính công',
  VP: 'Văn phòng',
  'VH-XH': 'Văn hóa - Xã hội',
  TTHC: 'thủ tục hành chính',
};

/** Options of {@link unitKey} and {@link sameUnit}. */
export interface UnitNameOptions {
  /** Extra aliases (e.g. from an ISO document's definitions); checked before {@link UNIT_ALIASES}. */
  readonly aliases?: readonly UnitAlias[];
  /** Extra abbreviations, e.g. `{ 'CN&TC': 'Chứng nhận và chứng thực' }`. */
  readonly abbreviations?: Readonly<Record<string, string>>;
}

const MAX_ABBREVIATION = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An abbreviation is a short word ("BPTN&TKQ"); anything else (empty, huge, broken UTF-16, a non-text
 * expansion) is not one and would only make an invalid or pathological pattern, so it is ignored.
 * @example isUsableAbbreviation('TN&TKQ', 'Tiếp nhận và trả kết quả') // true
 */
export function isUsableAbbreviation(abbr: string, full: unknown): full is string {
  return abbr.length > 0 && abbr.length <= MAX_ABBREVIATION && !LONE_SURROGATE.test(abbr) && typeof full === 'string';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function expandAbbreviations(folded: string, abbreviations: Readonly<Record<string, string>>): string {
  let out = folded;
  for (const [abbr, full] of Object.entries(abbreviations)) {
    if (!isUsableAbbreviation(abbr, full)) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(foldVietnamese(abbr))}(?![\\p{L}\\p{N}])`, 'gu');
    out = out.replace(re, foldVietnamese(full));
  }
  return out.replace(/\s*-\s*/g, ' - ');
}

/**
 * The comparison key of a unit name: folded, abbreviations expanded, aliases resolved to one name.
 * @example unitKey('Bộ phận TN&TKQ') === unitKey('Bộ phận tiếp nhận và trả kết quả') // true
 */
export function unitKey(name: string, options: UnitNameOptions = {}): string {
  const abbreviations = { ...UNIT_ABBREVIATIONS, ...options.abbreviations };
  const key = expandAbbreviations(foldVietnamese(name), abbreviations);
  for (const entry of [...(options.aliases ?? []), ...UNIT_ALIASES]) {
    const names = [entry.name, ...entry.aliases].map((n) => expandAbbreviations(foldVietnamese(n), abbreviations));
    if (names.includes(key)) return expandAbbreviations(foldVietnamese(entry.name), abbreviations);
  }
  return key;
}

/**
 * True when two unit names denote the same unit (aliases and abbreviations resolved).
 * @example sameUnit('UBND xã An Bình', 'Ủy ban nhân dân xã An Bình') // true
 */
export function sameUnit(a: string, b: string, options: UnitNameOptions = {}): boolean {
  return unitKey(a, options) === unitKey(b, options);
}

/** Options of {@link toWorkingMinutes}. */
export interface WorkingMinutesOptions {
  /** Minutes in a working day. Default 480 (8 h, Decision 188/1999/QĐ-TTg). */
  readonly workingDayMinutes?: number;
}

/**
 * A duration in working minutes for comparison: `0` for a not-counted step, `null` for calendar days
 * and same-day limits (they depend on the start instant).
 * @example toWorkingMinutes({ amount: 0.5, unit: 'workingDay' }) // 240
 */
export function toWorkingMinutes(d: Duration, options: WorkingMinutesOptions = {}): number | null {
  return durationToWorkingMinutes(d, options.workingDayMinutes ?? 480);
}
