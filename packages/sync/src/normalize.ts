/**
 * Normalisation for COMPARISON ONLY: the canonical model keeps text as the source wrote it; matching
 * and diff compare folded text and resolve unit-name aliases from the data table below.
 */
import { type Duration, durationToWorkingMinutes } from '@tthc/calendar';

const FOLD_MEMO_LIMIT = 50_000;
const folded = new Map<string, string>();

/**
 * Folds Vietnamese text for comparison: NFC, lower case, diacritics stripped, đ → d, punctuation
 * spacing and runs of spaces collapsed. Never store the result.
 * @example foldVietnamese('  Ủy ban  nhân dân Xã ') // 'uy ban nhan dan xa'
 */
export function foldVietnamese(text: string): string {
  // Matching folds the same few hundred names millions of times in a bulk run: remember them.
  const known = folded.get(text);
  if (known !== undefined) return known;
  const out = text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
  if (folded.size >= FOLD_MEMO_LIMIT) folded.clear();
  folded.set(text, out);
  return out;
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

interface UnitKeyer {
  readonly abbreviations: readonly { readonly re: RegExp; readonly full: string }[];
  readonly aliases: ReadonlyMap<string, string>;
  readonly memo: Map<string, string>;
}

const MEMO_LIMIT = 10_000;

function expandAbbreviations(folded: string, keyer: Pick<UnitKeyer, 'abbreviations'>): string {
  let out = folded;
  for (const { re, full } of keyer.abbreviations) out = out.replace(re, full);
  return out.replace(/\s*-\s*/g, ' - ');
}

// Compiling the abbreviation patterns and the alias table once per options object (not per call)
// keeps bulk matching of thousands of procedures fast.
function buildKeyer(options: UnitNameOptions): UnitKeyer {
  const abbreviations = Object.entries({ ...UNIT_ABBREVIATIONS, ...options.abbreviations })
    .filter(([abbr, full]) => isUsableAbbreviation(abbr, full))
    .map(([abbr, full]) => ({
      re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(foldVietnamese(abbr))}(?![\\p{L}\\p{N}])`, 'gu'),
      full: foldVietnamese(full),
    }));
  const aliases = new Map<string, string>();
  // The first entry that names a key wins, as before: user aliases are checked before the shipped ones.
  for (const entry of [...(options.aliases ?? []), ...UNIT_ALIASES]) {
    const canonical = expandAbbreviations(foldVietnamese(entry.name), { abbreviations });
    for (const n of [entry.name, ...entry.aliases]) {
      const k = expandAbbreviations(foldVietnamese(n), { abbreviations });
      if (!aliases.has(k)) aliases.set(k, canonical);
    }
  }
  return { abbreviations, aliases, memo: new Map() };
}

const defaultKeyer = { current: undefined as UnitKeyer | undefined };
const keyers = new WeakMap<UnitNameOptions, UnitKeyer>();
const KEYER_LIMIT = 256;
const keyersByContent = new Map<string, UnitKeyer>();

/**
 * The content of the options a keyer is built from, as a string; undefined when it cannot be told
 * (values JSON cannot write). Adapters make a new options object per document, mostly with the same
 * (often no) abbreviations: one keyer, and its memo, serves them all.
 */
function contentOf(options: UnitNameOptions): string | undefined {
  const { aliases, abbreviations } = options;
  if (aliases !== undefined && !Array.isArray(aliases)) return undefined;
  const plain =
    abbreviations === undefined ||
    (typeof abbreviations === 'object' &&
      abbreviations !== null &&
      Object.getPrototypeOf(abbreviations) === Object.prototype);
  if (!plain) return undefined;
  try {
    return JSON.stringify([options.aliases ?? null, options.abbreviations ?? null]);
  } catch {
    return undefined;
  }
}

function keyerFor(options: UnitNameOptions): UnitKeyer {
  if (options.aliases === undefined && options.abbreviations === undefined) {
    defaultKeyer.current ??= buildKeyer({});
    return defaultKeyer.current;
  }
  let k = keyers.get(options);
  if (!k) {
    const content = contentOf(options);
    k = content === undefined ? undefined : keyersByContent.get(content);
    if (!k) {
      k = buildKeyer(options);
      if (content !== undefined) {
        if (keyersByContent.size >= KEYER_LIMIT) keyersByContent.clear();
        keyersByContent.set(content, k);
      }
    }
    keyers.set(options, k);
  }
  return k;
}

/**
 * An object that stands for the unit-name options' content (same abbreviations and aliases, same
 * object), for memos of readings that depend on them. Internal.
 */
export function unitNamingScope(options: UnitNameOptions): object {
  return keyerFor(options);
}

/**
 * The comparison key of a unit name: folded, abbreviations expanded, aliases resolved to one name.
 * @example unitKey('Bộ phận TN&TKQ') === unitKey('Bộ phận tiếp nhận và trả kết quả') // true
 */
export function unitKey(name: string, options: UnitNameOptions = {}): string {
  const keyer = keyerFor(options);
  const known = keyer.memo.get(name);
  if (known !== undefined) return known;
  const key = expandAbbreviations(foldVietnamese(name), keyer);
  const result = keyer.aliases.get(key) ?? key;
  if (keyer.memo.size >= MEMO_LIMIT) keyer.memo.clear();
  keyer.memo.set(name, result);
  return result;
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
