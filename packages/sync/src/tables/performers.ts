/**
 * A responsibility cell ("Đơn vị/cá nhân thực hiện") as the list of performers it names: one per
 * line, list item ("- Công chức TN&TKQ - Văn thư") or ";", with the document's own abbreviations
 * expanded. A hyphen inside a commune civil-servant title ("Công chức Tư pháp - Hộ tịch", ND
 * 33/2023/NĐ-CP art. 5) is not a separator: only a hyphen followed by a new performer's title is.
 */
import { isUsableAbbreviation } from '../normalize.js';

/**
 * Words a person's post starts with: after " - " or ", " they open a new performer. Units ("- Sở Y tế")
 * do not: "Lãnh đạo Phòng BTXH và Trẻ em - Sở Y tế" is one performer.
 */
const PERFORMER_START =
  /^(đại diện|nhân viên|viên chức|chính quyền|công an|công chức|cán bộ|văn thư|lãnh đạo|chuyên viên|chủ tịch|phó chủ tịch|phó|trưởng|giám đốc|cá nhân|tổ chức|người|kế toán|thủ trưởng|cc|cb|ccmc)(?![\p{L}])/iu;

/** Bodies as well as posts: after ", " they open a new performer ("Sở Y tế, cơ quan Công an các cấp, UBND xã"). */
const BODY_START =
  /^(cơ quan|ubnd|ủy ban|uỷ ban|sở|phòng|bộ phận|trung tâm|chi cục|chi nhánh|văn phòng|đơn vị|ttpvhcc|hội đồng)(?![\p{L}])/iu;

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
  // A line break is the page's wrap unless the next line opens a list item ("- Văn thư").
  const items: string[] = [];
  for (const line of text.normalize('NFC').split('\n')) {
    if (items.length === 0 || /^\s*[-–+•·*]\s*/u.test(line)) items.push(line);
    else items[items.length - 1] = `${items.at(-1)} ${line}`;
  }
  const out: string[] = [];
  for (const item of items.flatMap((i) => i.split(';'))) {
    const parts: string[] = [];
    let current = '';
    // " - " and ", " split only before a new performer's title (a body, a post).
    // A long cell is a sentence about who does what: its commas are the sentence's, not a list's.
    const pieces = item.split(item.length > 120 ? /(\s+[-–]\s+)/u : /(\s+[-–]\s+|,\s+)/u);
    for (let k = 0; k < pieces.length; k += 2) {
      const piece = pieces[k]!;
      const sep = k > 0 ? pieces[k - 1]! : '';
      const opens = PERFORMER_START.test(piece.trim()) || (sep.includes(',') && BODY_START.test(piece.trim()));
      if (current !== '' && opens) {
        parts.push(current);
        current = piece;
      } else current = current === '' ? piece : `${current}${sep}${piece}`;
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
