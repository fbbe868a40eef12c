/**
 * Reading steps as documents word them: the kind of a step from its Vietnamese verb, the performer
 * from a responsibility text ("Trách nhiệm"), a step key from a step label ("B1", "Bước 2.1").
 */
import type { Performer, StepKind } from '@tthc/core';
import { foldVietnamese, isUsableAbbreviation, type UnitNameOptions, unitKey, unitNamingScope } from './normalize.js';

/** Verbs (NFC, lower case, with diacritics) and the step kind each one starts. */
const KIND_VERBS: readonly (readonly [string, StepKind, 'start'?])[] = [
  ['tiếp nhận', 'receive'],
  ['nhận hồ sơ', 'receive'],
  ['trả kết quả', 'return'],
  ['chờ trả kết quả', 'return'],
  ['trả hồ sơ', 'return'],
  ['thẩm định', 'review'],
  ['xem xét', 'review'],
  ['kiểm tra', 'review'],
  ['xử lý', 'review'],
  ['giải quyết', 'review'],
  ['thẩm tra', 'verify'],
  ['xác minh', 'verify'],
  ['lấy ý kiến', 'consult'],
  ['liên thông', 'consult'],
  ['phối hợp', 'consult'],
  ['phê duyệt', 'approve'],
  ['duyệt', 'approve'],
  ['trình', 'approve'],
  ['ký', 'sign'],
  ['vào sổ', 'issue'],
  ['đóng dấu', 'issue'],
  ['phát hành', 'issue'],
  // "cấp" is also the level ("cấp xã"): only a verb when it opens the text ("Cấp Giấy chứng nhận").
  ['cấp', 'issue', 'start'],
  ['thu phí', 'pay'],
  ['nộp phí', 'pay'],
  ['thanh toán', 'pay'],
  ['nghĩa vụ tài chính', 'pay'],
  ['chuyển', 'transfer'],
  ['bàn giao', 'transfer'],
];

function wordRegExp(phrase: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u');
}

const VERB_PATTERNS = KIND_VERBS.map(([verb, kind, where]) => ({
  kind,
  exact: wordRegExp(where === 'start' ? `^${verb}` : verb),
  folded: wordRegExp(where === 'start' ? `^${foldVietnamese(verb)}` : foldVietnamese(verb)),
}));

/** Compounds whose second word is not a verb: "đăng ký" (register) is not "ký" (sign). */
const NOT_VERBS = /(đăng|dang|quy)\s+(ký|ky|trình|trinh)/gu;

/**
 * The kind of a step from the first verb of its text: Tiếp nhận → receive, Thẩm định/Xem xét → review,
 * Trình/Phê duyệt → approve, Ký → sign, Vào sổ/Phát hành → issue, Trả kết quả → return, Chuyển →
 * transfer, Lấy ý kiến/Liên thông → consult… The earliest verb in the text wins (longer verb on a tie);
 * text written without diacritics is matched folded. Unknown verbs give `other`.
 * @example inferStepKind('Thẩm định hồ sơ, trình lãnh đạo ký') // 'review'
 */
export function inferStepKind(text: string): StepKind {
  // Bulk runs read the same few step names thousands of times; 29 Unicode patterns each time is the cost.
  if (typeof text !== 'string') return readStepKind(text);
  const known = kinds.get(text);
  if (known !== undefined) return known;
  const kind = readStepKind(text);
  if (kinds.size >= MEMO_LIMIT) kinds.clear();
  kinds.set(text, kind);
  return kind;
}

const MEMO_LIMIT = 10_000;
const kinds = new Map<string, StepKind>();

function readStepKind(text: string): StepKind {
  const lower = text.normalize('NFC').toLowerCase();
  const hasDiacritics = foldVietnamese(lower) !== lower.replace(/\s+/g, ' ').trim();
  const subject = (hasDiacritics ? lower : foldVietnamese(lower)).replace(NOT_VERBS, '$1$2');
  let best: { at: number; length: number; kind: StepKind } | undefined;
  for (const p of VERB_PATTERNS) {
    const m = (hasDiacritics ? p.exact : p.folded).exec(subject);
    if (!m) continue;
    if (!best || m.index < best.at || (m.index === best.at && m[0].length > best.length)) {
      best = { at: m.index, length: m[0].length, kind: p.kind };
    }
  }
  return best?.kind ?? 'other';
}

/** Words that open a unit name inside a responsibility text. */
const UNIT_HEADS =
  /(?<![\p{L}\p{N}])(Bộ phận|BPTN|Phòng|Trung tâm|TTPVHCC|Văn phòng|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Chi cục|Chi nhánh|Sở|Cục|Hội đồng)(?![\p{L}\p{N}])/giu;

/**
 * Where the unit starts in a responsibility text. A unit word directly followed by " - " is part of a
 * commune civil-servant title ("Công chức Văn phòng - Thống kê", ND 33/2023/NĐ-CP art. 5), not a unit.
 */
function unitStart(text: string): number | undefined {
  for (const m of text.matchAll(UNIT_HEADS)) {
    const after = text.slice(m.index + m[0].length);
    if (/^\s*-\s/u.test(after)) continue;
    // "Lãnh đạo phòng Phòng Kinh tế": the first "phòng" is part of the post, the unit is the second.
    const next = /^\s+(\S+)/u.exec(after)?.[1];
    if (next !== undefined && next.toLowerCase() === m[0].toLowerCase()) continue;
    return m.index;
  }
  return undefined;
}

/** Options of {@link parsePerformer}. */
export interface ParsePerformerOptions extends UnitNameOptions {
  /** The agency the document belongs to: the unit of a role written without one. */
  readonly agency: string;
  /** Role used when the text names only a unit ("Bộ phận Một cửa"). Default "Công chức". */
  readonly defaultRole?: string;
}

/**
 * Reads a responsibility text (e-ISO "Trách nhiệm", a table's "Đơn vị thực hiện") as a performer.
 * "Role (Unit)" is read as written; otherwise the text is split at the first unit word (Bộ phận,
 * Phòng, UBND…): what precedes is the role, the rest the unit. A role without a unit ("Công chức Tư
 * pháp - Hộ tịch") works in the document's agency; a unit that names the agency in short ("UBND xã")
 * is the agency. Abbreviations the document defines are expanded.
 * @example parsePerformer('Chủ tịch/Phó Chủ tịch UBND xã', { agency: 'UBND xã An Bình' })
 * // { role: 'Chủ tịch/Phó Chủ tịch', unit: 'UBND xã An Bình' }
 */
export function parsePerformer(text: string, options: ParsePerformerOptions): Performer {
  if (typeof text !== 'string' || typeof options.agency !== 'string') return readPerformer(text, options);
  // The reading depends on the text, the agency, the default role and the abbreviations and aliases
  // (the naming scope); bulk runs read the same responsibility texts over and over.
  const scope = unitNamingScope(options);
  let memo = performers.get(scope);
  if (!memo) {
    memo = new Map();
    performers.set(scope, memo);
  }
  const role = options.defaultRole;
  const key = `${options.agency.length}:${options.agency}${role === undefined ? '-' : `${role.length}:${role}`}|${text}`;
  let found = memo.get(key);
  if (!found) {
    found = readPerformer(text, options);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, found);
  }
  // A copy: the caller owns the performer it gets.
  return { ...found };
}

const performers = new WeakMap<object, Map<string, Performer>>();

function readPerformer(text: string, options: ParsePerformerOptions): Performer {
  const clean = expandDefined(text.normalize('NFC').replace(/\s+/g, ' ').trim(), options.abbreviations ?? {});
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(clean);
  if (paren) return { role: paren[1]!.trim(), unit: resolveUnit(paren[2]!.trim(), options) };
  const at = unitStart(clean);
  if (at === undefined) return { role: clean || (options.defaultRole ?? 'Công chức'), unit: options.agency };
  // "CCMC của Sở tại TTPVHCC": the post, its unit, and where it sits — no dangling "của"/"tại".
  const role = clean
    .slice(0, at)
    .replace(/[\s,;:–-]+$/u, '')
    .replace(/\s+(của|tại|thuộc)$/u, '')
    .trim();
  const whole = clean.slice(at).trim();
  const place = whole.search(/\s+tại\s+/u);
  const unit = place > 0 ? whole.slice(0, place).trim() : whole;
  return { role: role === '' ? (options.defaultRole ?? 'Công chức') : role, unit: resolveUnit(unit, options) };
}

/** A unit that abbreviates the agency's own name ("UBND xã" for "UBND xã An Bình") is the agency. */
function resolveUnit(unit: string, options: ParsePerformerOptions): string {
  const key = unitKey(unit, options);
  const agencyKey = unitKey(options.agency, options);
  return agencyKey === key || agencyKey.startsWith(`${key} `) ? options.agency : unit;
}

/** Abbreviations an ISO document defines itself (Định nghĩa / Viết tắt) are expanded in place. */
function expandDefined(text: string, abbreviations: Readonly<Record<string, string>>): string {
  let out = text;
  for (const [abbr, full] of Object.entries(abbreviations)) {
    if (!isUsableAbbreviation(abbr, full)) continue;
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}&])${abbr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}&])`,
      'gu',
    );
    out = out.replace(re, full);
  }
  return out;
}

/**
 * Writes a performer as a responsibility text that {@link parsePerformer} reads back: the role alone
 * when the unit is the agency, else "Role (Unit)".
 * @example formatPerformer({ role: 'Công chức', unit: 'Bộ phận Một cửa' }, { agency: 'UBND xã A' }) // 'Công chức (Bộ phận Một cửa)'
 */
export function formatPerformer(performer: Performer, options: { readonly agency: string }): string {
  return performer.unit === options.agency && unitStart(performer.role) === undefined
    ? performer.role
    : `${performer.role} (${performer.unit})`;
}

/** A step label read from a table or an e-ISO row. */
export interface StepLabel {
  /** Canonical step key, e.g. `B1`, `B2.1`, `B3a`. */
  readonly key: string;
  /** The step number, when there is one. */
  readonly number?: number;
}

/**
 * Reads a step label ("1", "B1", "Bước 1", "Bước 2.1", "2a") as a step key.
 * @example stepLabel('Bước 2.1') // { key: 'B2.1', number: 2 }
 */
export function stepLabel(label: unknown): StepLabel | undefined {
  const text = typeof label === 'number' ? String(label) : typeof label === 'string' ? foldVietnamese(label) : '';
  const m = /^(?:b|buoc)?\s*\.?\s*(\d+)((?:\.\d+)*[a-z]?)\.?$/.exec(text);
  if (!m) return undefined;
  return { key: `B${Number(m[1])}${m[2]}`, number: Number(m[1]) };
}

/** Form codes as agencies write them: "Mẫu 01", "Mẫu số 02/TP", "BM.TP.01", "BM 02". */
const FORM_CODE = /^(mẫu|bm|biểu mẫu|phụ lục)[\s.]/iu;

/**
 * Splits a "Biểu mẫu / Kết quả" cell into form codes and other outputs (results, records).
 * @example splitForms('Mẫu 01; Giấy khai sinh') // { forms: ['Mẫu 01'], outputs: ['Giấy khai sinh'] }
 */
export function splitForms(text: string, declared: readonly string[] = []): { forms: string[]; outputs: string[] } {
  // Most rows name no form: blank text splits into nothing.
  if (typeof text === 'string' && text.trim() === '') return { forms: [], outputs: [] };
  const items = text
    .normalize('NFC')
    .split(/[;\n]/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '' && s !== '-');
  const known = new Set(declared.map(foldVietnamese));
  const forms = items.filter((s) => known.has(foldVietnamese(s)) || FORM_CODE.test(s));
  return { forms, outputs: items.filter((s) => !forms.includes(s)) };
}
