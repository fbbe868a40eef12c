/**
 * What a decision or ISO document states around its tables, read from its text (never from raw
 * markup): the procedure a table belongs to (its heading and TTHC code), the approving decision
 * (number and date) and the document's own abbreviation list.
 */
import type { DocumentBlock } from './cells.js';

/** A TTHC code: "1.012994", "1.004227.000.00.00.H42" (core's ProcedureCodeSchema). */
const CODE = /(?<![\d.])([1-9]\.\d{6}(?:\.[0-9A-Za-z]+)*)(?![\d])/u;

/** "Mã số: 1.012994", "Mã TTHC: …", "(mã TTHC 1.004227)", "Mã thủ tục: …". */
const CODE_LABEL = /m[ãa]\s*(?:số|so|tthc|thủ tục|thu tuc|hồ sơ tthc|quy trình|quy trinh)?\s*(?:tthc)?\s*[:：]?\s*$/iu;

/**
 * The TTHC code a text states ("Mã số: 1.012994", "mã TTHC: 1.004227"), or undefined. A bare code
 * counts when the text is short (a heading "1.012994 - Cấp giấy phép…").
 * @example procedureCodeIn('Thủ tục: Đăng ký khai sinh (Mã TTHC: 1.001193)') // '1.001193'
 */
export function procedureCodeIn(text: string): string | undefined {
  const m = CODE.exec(text);
  if (!m) return undefined;
  const before = text.slice(Math.max(0, m.index - 24), m.index);
  if (CODE_LABEL.test(before) || text.length < 300) return m[1]!.replace(/\.$/, '');
  return undefined;
}

/** A heading line: "1. Thủ tục …", "II. Lĩnh vực …", "Tên thủ tục: …", "Quy trình …". */
const HEADING = /^(?:(?:[IVXLC]+|\d+(?:\s*\.\d+)*)\s*[.)]\s*|tên thủ tục\s*[:：]|thủ tục\s*[:：]?|quy trình\s)/iu;

/** A heading without its numbering, its "Tên thủ tục:" lead and its "(mã TTHC: …)" part. */
function headingName(text: string): string {
  return text
    .replace(/^(?:(?:[IVXLC]+|\d+(?:\s*\.\d+)*)\s*[.)]\s*)/iu, '')
    .replace(/^tên thủ tục\s*[:：]\s*/iu, '')
    .replace(/^quy trình[^:：]{0,80}[:：]\s*/iu, '')
    .replace(/\s*[([]?\s*m[ãa]\s*(?:số|tthc|thủ tục)?\s*[:：]?\s*[1-9]\.\d{6}[^)\]]*[)\]]?\s*/iu, ' ')
    .replace(/\s*\(\s*[1-9]\.\d{6}[^)]*\)\s*/u, ' ')
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?:,?\s*gồm)?\s*:\s*$/u, '')
    .trim();
}

/** The procedure a table belongs to, from the paragraphs between the previous step table and it. */
export interface ProcedureRef {
  /** The heading as the document words it, without numbering and code. */
  readonly name?: string;
  /** The TTHC code the heading or a "Mã số" line states. */
  readonly code?: string;
}

/**
 * The procedure named by the text blocks before a table (nearest last): the last code stated, and
 * the heading nearest above the table (or the line holding the code).
 * @example procedureBefore(['2. Đăng ký biến động (mã TTHC: 1.004227)']) // { name: 'Đăng ký biến động', code: '1.004227' }
 */
export function procedureBefore(texts: readonly string[]): ProcedureRef {
  // A short paragraph is one heading even when Word broke its line; a long text is read line by line.
  const lines = texts
    .flatMap((t) => (t.length <= 400 ? [t.replace(/\s*\n\s*/g, ' ')] : t.split('\n')))
    .map((l) => l.replace(/\*+/g, '').trim())
    .filter((l) => l !== '');
  let code: string | undefined;
  let name: string | undefined;
  for (let j = lines.length - 1; j >= 0 && code === undefined; j--) {
    code = procedureCodeIn(lines[j]!);
    if (code !== undefined) {
      const n = headingName(lines[j]!);
      if (n.length > 8 && !/^m[ãa]\b/iu.test(n)) name = n;
    }
  }
  if (name === undefined) {
    // Several numbered headings over one table ("1. Cấp …, gồm:", "2. Cấp điều chỉnh …") share it:
    // the first after the last group heading ("II. TTHC CÓ CÙNG THỜI GIAN …") names it.
    let from = 0;
    lines.forEach((l, j) => {
      if (/^[IVXLC]+\s*[.)]\s/u.test(l)) from = j + 1;
    });
    const numbered = lines.slice(from).find((l) => /^\d+(?:\s*\.\s*\d+)*\s*[.)]\s*\S/u.test(l));
    const heading = numbered ?? [...lines].reverse().find((l) => HEADING.test(l) && !/^(bước|buoc)\b/iu.test(l));
    const n = heading === undefined ? '' : headingName(heading);
    if (n.length > 3) name = n;
  }
  return { ...(name ? { name } : {}), ...(code ? { code } : {}) };
}

/** The decision that approves the document: its number and date, when the text states them. */
export interface DecisionRef {
  /** "3857/QĐ-UBND". */
  readonly number: string;
  /** ISO date "2025-11-12", from "ngày 12 tháng 11 năm 2025" or "ngày 12/11/2025" next to it. */
  readonly date?: string;
}

const DECISION_NUMBER =
  /(?:quyết định|số)\s*(?:số)?\s*[:：]?\s*(\d{1,6}\/(?:\d{4}\/)?QĐ-[\p{L}\d.]+(?:-[\p{L}\d.]+)*)/iu;
const DATE = /ngày\s+(\d{1,2})\s*(?:tháng\s*|[/.-])\s*(\d{1,2})\s*(?:năm\s*|[/.-])\s*(\d{4})/iu;

function isoDate(m: RegExpExecArray): string | undefined {
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The approving decision: the first "Số: 3857/QĐ-UBND" / "Quyết định số …" of the document, with
 * the date on the same line or in the next few paragraphs.
 * @example decisionIn(['Số: 3857/QĐ-UBND', 'Nghệ An, ngày 12 tháng 11 năm 2025']) // { number: '3857/QĐ-UBND', date: '2025-11-12' }
 */
export function decisionIn(texts: readonly string[]): DecisionRef | undefined {
  for (let i = 0; i < texts.length; i++) {
    const m = DECISION_NUMBER.exec(texts[i]!);
    if (!m) continue;
    const number = m[1]!.replace(/[.,;]+$/, '');
    for (const t of [texts[i]!.slice(m.index), ...texts.slice(i + 1, i + 4), ...texts.slice(Math.max(0, i - 3), i)]) {
      const d = DATE.exec(t);
      const date = d ? isoDate(d) : undefined;
      if (date) return { number, date };
    }
    return { number };
  }
  return undefined;
}

/** "CCMC: Công chức một cửa", "- TTPVHCC – Trung tâm Phục vụ hành chính công". */
const ABBREVIATION_LINE =
  /^[\s\-+•*]*([A-ZĐ][A-ZĐ0-9&./-]{1,15})\s*(?:[:：=]|\s[-–]\s|\slà\s)\s*([A-ZĐ\p{Lu}][^\n]{2,120})$/u;

/**
 * The abbreviation list of a document: lines "ABBR: expansion" and two-column tables "Viết tắt |
 * Giải thích". Upper-case abbreviations only, so a "Bước 1: …" line is not one.
 * @example abbreviationsIn([{ kind: 'text', text: 'CCMC: Công chức một cửa' }]) // { CCMC: 'Công chức một cửa' }
 */
export function abbreviationsIn(blocks: readonly DocumentBlock[]): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (abbr: string, full: string) => {
    const f = full.replace(/[\s;,.]+$/u, '').trim();
    if (!(abbr in out) && f.length >= 3 && f.toUpperCase() !== f) out[abbr] = f;
  };
  for (const b of blocks) {
    if (b.kind === 'text') {
      for (const line of b.text.split('\n')) {
        const m = ABBREVIATION_LINE.exec(line.trim());
        if (m) add(m[1]!, m[2]!);
      }
    } else if (b.rows.every((row) => row.length <= 3)) {
      // A definitions table "Viết tắt | Giải thích" (or "TT | Viết tắt | Giải thích"), never a step table.
      for (const row of b.rows) {
        const cells = row.filter((c) => c.text !== '');
        const last = cells.length >= 2 ? cells.at(-1)! : undefined;
        const first = cells.length >= 2 ? cells.at(-2)! : undefined;
        if (first && last && /^[A-ZĐ][A-ZĐ0-9&./-]{1,15}$/u.test(first.text)) add(first.text, last.text);
        else
          for (const c of row)
            for (const line of c.text.split('\n')) {
              const m = ABBREVIATION_LINE.exec(line.trim());
              if (m) add(m[1]!, m[2]!);
            }
      }
    }
  }
  return out;
}
