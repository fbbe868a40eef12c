/**
 * A responsibility cell ("Đơn vị/cá nhân thực hiện") as the list of performers it names: one per
 * line, list item ("- Công chức TN&TKQ - Văn thư") or ";", with the document's own abbreviations
 * expanded. A hyphen inside a commune civil-servant title ("Công chức Tư pháp - Hộ tịch", ND
 * 33/2023/NĐ-CP art. 5) is not a separator: only a hyphen followed by a new performer's title is.
 */
import { isUsableAbbreviation } from '../normalize.js';

/** Words a performer's text starts with: after " - " they open a new performer. */
const PERFORMER_START =
  /^(công chức|cán bộ|văn thư|lãnh đạo|chuyên viên|chủ tịch|phó chủ tịch|phó|trưởng|giám đốc|bộ phận|phòng|ubnd|ủy ban|uỷ ban|cá nhân|tổ chức|người|kế toán|thủ trưởng|cơ quan|trung tâm|sở|chi cục|chi nhánh|văn phòng|đơn vị|hội đồng|ttpvhcc|cc|cb|bp|tn&tkq|bptn)/iu;

/**
 * Expands the abbreviations a document defines ("CCMC: Công chức một cửa") in a text, whole words
 * only, longest first.
 * @example expandAbbreviations('CCMC tại TTPVHCC', { CCMC: 'Công chức một cửa' }) // 'Công chức một cửa tại TTPVHCC'
 */
export function expandAbbreviations(text: string, abbreviations: Readonly<Record<string, string>>): string {
  let out = text;
  const list = Object.entries(abbreviations)
    .filter(([a, f]) => isUsableAbbreviation(a, f))
    .sort((a, b) => b[0].length - a[0].length);
  for (const [abbr, full] of list) {
    if (!out.includes(abbr)) continue;
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}&])${abbr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}&])`,
      'gu',
    );
    out = out.replace(re, full);
  }
  return out;
}

/**
 * The performers a responsibility cell names, each cleaned (list marks, trailing punctuation),
 * abbreviations expanded; an empty cell names none.
 * @example splitPerformers('- Công chức TN&TKQ\n- Văn thư') // ['Công chức TN&TKQ', 'Văn thư']
 * @example splitPerformers('Công chức Tư pháp - Hộ tịch') // ['Công chức Tư pháp - Hộ tịch']
 */
export function splitPerformers(text: string, abbreviations: Readonly<Record<string, string>> = {}): string[] {
  const out: string[] = [];
  for (const line of text.normalize('NFC').split(/\n|;/)) {
    const parts: string[] = [];
    let current = '';
    // " - " splits only before a new performer's title.
    for (const piece of line.split(/\s+[-–]\s+/)) {
      if (current !== '' && PERFORMER_START.test(piece.trim())) {
        parts.push(current);
        current = piece;
      } else current = current === '' ? piece : `${current} - ${piece}`;
    }
    parts.push(current);
    for (const p of parts) {
      const clean = p
        .replace(/^[\s\-–+•·*]+/u, '')
        .replace(/[\s,.;:]+$/u, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (clean !== '') out.push(expandAbbreviations(clean, abbreviations));
    }
  }
  return out;
}
