/**
 * Tables in plain-text exports of published documents (test/corpus/README.md lists the forms):
 * - the linear form of legal-text sites exported to text (thuvienphapluat.vn as scraped datasets
 *   keep it): each cell a block of lines, blocks separated by a line holding one `|`, a row ended
 *   by an empty block (two or more empty blocks in a row are empty cells, then the end of the row);
 *   cells a merge covers are absent;
 * - the text of a Word file: one line per row, cells joined by ` | `, a cell's own line break
 *   left in the text (a row can run over several lines).
 * Both become blocks of the cell model (cells without spans: an absent or empty cell continues the
 * one above, as in Markdown).
 */
import { cleanText, type DocumentBlock, type SourceCell } from './cells.js';
import { headerCellKind } from './header.js';
import { cleanMarkdownText } from './markdown.js';
import { totalLine } from './totals.js';

const cell = (text: string): SourceCell => ({ text: cleanMarkdownText(text), rowspan: 1, colspan: 1 });

/** A header cell is short: a heading that mentions "Quy trình" is not one. */
const isHeaderCell = (text: string) => {
  const t = cleanMarkdownText(text);
  return t.length <= 80 && headerCellKind(t) !== undefined;
};

/** Whether blocks `i…i+2` are three header cells ("Thứ tự công việc", "Nội dung", "Trách nhiệm"…). */
function headerAt(blocks: readonly string[], i: number): boolean {
  if (i < 0) return false;
  let hits = 0;
  for (let j = i; j < Math.min(blocks.length, i + 3); j++) if (isHeaderCell(blocks[j]!)) hits++;
  return hits === 3;
}

/**
 * Whether a text is in the linear form: at least four lines that hold a single `|`.
 * @example isLinearTableText('a\n|\nb\n|\n|\nc\n|\nd\n|\n') // true
 */
export function isLinearTableText(text: string): boolean {
  let n = 0;
  for (const line of text.split('\n')) if (line.trim() === '|' && ++n >= 4) return true;
  return false;
}

/**
 * The blocks of a text in the linear form. A heading between two tables has no separator of its
 * own: the block just before a header row is read as text.
 * @example readLinearBlocks('Mã TTHC: 1.001806\n|\nTT\n|\nNội dung\n|\nTrách nhiệm\n|\nThời gian\n|\n|\n1\n|\nTiếp nhận\n|\nCCMC\n|\n1 giờ\n|\n|')
 */
export function readLinearBlocks(text: string): DocumentBlock[] {
  const lines = text.normalize('NFC').split(/\r?\n/);
  const out: DocumentBlock[] = [];
  let i = 0;
  /** Raw lines of the paragraph being read: a `**bold**` run wraps over lines. */
  let paragraph: string[] = [];
  const flushParagraph = () => {
    const t = cleanText(cleanMarkdownText(paragraph.join('\n')).replace(/\n/g, ' '));
    if (t !== '') out.push({ kind: 'text', text: t });
    paragraph = [];
  };
  const open = (raw: string) =>
    (raw.split('**').length - 1) % 2 === 1 || (raw.replace(/\*\*/g, '').split('*').length - 1) % 2 === 1;
  while (i < lines.length) {
    if (lines[i]!.trim() !== '|') {
      const line = lines[i]!;
      // A line opening with a lower-case letter goes on with the paragraph (the export's hard wrap).
      if (paragraph.length > 0 && !open(paragraph.join('\n')) && !/^\s*\p{Ll}/u.test(line)) flushParagraph();
      if (line.trim() !== '') paragraph.push(line);
      else flushParagraph();
      i++;
      continue;
    }
    flushParagraph();
    // A linear region: blocks until the text has no more separators.
    const blocks: string[] = [];
    let current: string[] = [];
    let end = i;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.trim() === '|') {
        blocks.push(current.join('\n'));
        current = [];
        end = j + 1;
      } else current.push(lines[j]!);
    }
    // Lines after the last separator close the last block (a cell), unless they are blank.
    if (current.some((l) => l.trim() !== '')) {
      blocks.push(current.join('\n'));
      end = lines.length;
    }
    i = Math.max(end, i + 1);
    regionTables(blocks, out);
  }
  flushParagraph();
  return out;
}

/** Splits the blocks of a linear region into rows and tables. */
function regionTables(blocks: readonly string[], out: DocumentBlock[]): void {
  let rows: SourceCell[][] = [];
  let row: string[] = [];
  const flushRow = () => {
    if (row.length > 0) rows.push(row.map(cell));
    row = [];
  };
  const flushTable = () => {
    flushRow();
    if (rows.length > 0) out.push({ kind: 'table', rows, depth: 0 });
    rows = [];
  };
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.trim() === '') {
      let n = 1;
      while (k + n < blocks.length && blocks[k + n]!.trim() === '') n++;
      // n empty blocks: n - 1 empty cells, then the end of the row.
      for (let e = 0; e < n - 1; e++) row.push('');
      flushRow();
      k += n - 1;
      continue;
    }
    if (headerAt(blocks, k) && !headerAt(blocks, k - 1)) {
      // A new table: the block before its header (in the same row) is the heading above it.
      const heading = row.length > 0 && !isHeaderCell(row.at(-1)!) ? row.pop() : undefined;
      flushTable();
      if (heading !== undefined) out.push(...readLinearBlocks(heading));
    }
    row.push(b);
  }
  flushTable();
}

/** Starts of a row in the Word-text form: a step number, a total, a section numeral. */
const ROW_START =
  /^\s*(?:bước|buoc|b)\s*\d|^\s*\d+(?:\.\d+)*\s*(?:\||$)|^\s*[-–]?\s*(?:tổng|thời gian giải quyết|thời hạn)|^\s*[IVX]+\s*\|/iu;

/**
 * The blocks of a Word file's text where each table row is one line of cells joined by ` | `; a
 * line that does not start a row continues the row above when that row has fewer cells than the
 * header (a cell's own line break).
 * @example readPipeTextBlocks('TT | Nội dung | Trách nhiệm | Thời gian\n1 | Tiếp nhận | CCMC | 1 giờ')[0].rows.length // 2
 */
export function readPipeTextBlocks(text: string): DocumentBlock[] {
  const lines = text.normalize('NFC').split(/\r?\n/);
  const out: DocumentBlock[] = [];
  let table: string[][] | undefined;
  let width = 0;
  const flush = () => {
    if (table && table.length > 0) out.push({ kind: 'table', rows: table.map((r) => r.map(cell)), depth: 0 });
    table = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cells = line.split(' | ');
    if (!table) {
      const lineTable = cells.length === 1 && isHeaderCell(line) ? readCellLineTable(lines, i) : undefined;
      if (lineTable) {
        out.push({ kind: 'table', rows: lineTable.rows, depth: 0 });
        i = lineTable.end - 1;
        continue;
      }
      if (cells.length >= 3 && cells.filter(isHeaderCell).length >= 3) {
        table = [cells];
        width = cells.length;
        continue;
      }
      const t = cleanMarkdownText(line);
      if (t !== '') out.push({ kind: 'text', text: t });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const last = table.at(-1)!;
    if (last.length < width && !ROW_START.test(line) && table.length > 1) {
      // The previous row's last cell goes on over a line break.
      last[last.length - 1] = `${last.at(-1)}\n${cells[0]}`;
      last.push(...cells.slice(1));
    } else if (cells.length === 1 && !ROW_START.test(line)) {
      flush();
      const t = cleanMarkdownText(line);
      if (t !== '') out.push({ kind: 'text', text: t });
    } else table.push(cells);
  }
  flush();
  return out;
}

/** A time cell on a line of its own: "03 ngày", "½ ngày", "0,5 ngày làm việc", "04 giờ", "Trong ngày". */
const TIME_LINE =
  /^(?:(?:\d+(?:[,.]\d+)?|[½¼¾]|\d+\s*[½¼¾])\s*(?:ngày|giờ|tiếng|phút|buổi|tuần|tháng)(?:\s+làm\s+việc)?|trong\s+ngày)\.?$/iu;

/** Where a performer cell starts: a post or a unit ("Công chức…", "Lãnh đạo…", "Văn thư…", "Bộ phận…"). */
const PERFORMER_HEAD =
  /^(?:Công chức|Cán bộ|Lãnh đạo|Văn thư|Chủ tịch|Phó Chủ tịch|Chuyên viên|Viên chức|Nhân viên|Kế toán|Thủ trưởng|Giám đốc|Phó Giám đốc|Trưởng|Phó trưởng|Bộ phận|Phòng|Sở|Ủy ban|Uỷ ban|UBND|Trung tâm|Văn phòng|Chi cục|Thư ký|Người|Tổ chức|Cá nhân|CCMC|BPTN|BP\s*TN|TTPVHCC|Đội)(?![\p{L}\p{N}])/u;

/** A step number written in the number cell: "1", "1.", "Bước 1", "B1". */
const LABEL_LINE = /^(?:bước\s*|b)?\d+(?:\.\d+)*[.)]?$/iu;

/** Where a cell-per-line table stops: its note ("*Ghi chú") or the document's next numbered heading. */
const TABLE_END = /^(?:\*?\s*ghi chú\b|\d+\.\s+\p{Lu}{2,}|\d+\.\d+\.?\s+\p{Lu})/u;

/** The longest a row of a cell-per-line table may run before the reading is given up. */
const MAX_ROW_LINES = 80;

/**
 * A table in the text of a Word `.doc` that kept no delimiters (test/corpus/README.md `text-lines`):
 * the header cells on lines of their own, then every row as its cells' lines — the step content,
 * the performer, then one line per time column. Blank lines carry no meaning (one or two occur
 * between any two cells). A row ends with its time cells; its performer cell is the last run of lines
 * opening with a post or a unit. Word's automatic numbering is lost in such an extraction: an empty
 * number cell is the next step number (the list Word printed). Returns undefined — the lines are then
 * read as text — when the lines at `at` are no such table or a row cannot be read that way.
 * @example readCellLineTable(['TT', 'Nội dung', 'Trách nhiệm', 'Thời gian', '', 'Tiếp nhận hồ sơ', 'Công chức một cửa', '½ ngày'], 0)?.rows.length // 2
 */
export function readCellLineTable(
  lines: readonly string[],
  at: number,
): { readonly rows: SourceCell[][]; readonly end: number } | undefined {
  const header: string[] = [];
  let i = at;
  for (let blank = 0; i < lines.length && blank <= 2; i++) {
    const t = lines[i]!.trim();
    if (t === '') {
      blank++;
      continue;
    }
    if (t.includes(' | ') || !isHeaderCell(t)) break;
    // Only time columns repeat ("Thời gian", "Thời gian có xác minh"): a second content cell is a row.
    const kind = headerCellKind(cleanMarkdownText(t));
    if (kind !== 'time' && header.some((h) => headerCellKind(cleanMarkdownText(h)) === kind)) break;
    header.push(t);
    blank = 0;
  }
  const kinds = header.map((h) => headerCellKind(cleanMarkdownText(h)));
  const times = kinds.filter((k) => k === 'time').length;
  if (header.length < 3 || !kinds.includes('content') || times === 0) return undefined;
  if (kinds.some((k) => k !== 'label' && k !== 'content' && k !== 'responsibility' && k !== 'time')) return undefined;
  const rows: SourceCell[][] = [header.map(cell)];
  let pending: string[] = [];
  let number = 0;
  let end = i;
  for (; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if (pending.length === 0 && (TABLE_END.test(t) || totalLine(t) !== undefined)) break;
    if (!TIME_LINE.test(t)) {
      pending.push(t);
      if (pending.length > MAX_ROW_LINES) return undefined;
      continue;
    }
    const timeCells = [t];
    let j = i + 1;
    for (; j < lines.length && timeCells.length < times; j++) {
      const u = lines[j]!.trim();
      if (u === '') continue;
      if (!TIME_LINE.test(u)) break;
      timeCells.push(u);
    }
    if (timeCells.length < times || pending.length === 0) return undefined;
    i = j - 1;
    const label = kinds.includes('label') && LABEL_LINE.test(pending[0]!) ? pending.shift()! : '';
    number = label === '' ? number + 1 : Number.parseInt(label.replace(/\D+/g, ' ').trim(), 10) || number + 1;
    let from = -1;
    for (let k = pending.length - 1; k > 0 && from < 0; k--) if (PERFORMER_HEAD.test(pending[k]!)) from = k;
    const content = (from < 0 ? pending : pending.slice(0, from)).join('\n');
    const performer = from < 0 ? '' : pending.slice(from).join('\n');
    let time = 0;
    rows.push(
      kinds.map((k) =>
        cell(
          k === 'label'
            ? label || String(number)
            : k === 'content'
              ? content
              : k === 'responsibility'
                ? performer
                : (timeCells[time++] ?? ''),
        ),
      ),
    );
    pending = [];
    end = i + 1;
  }
  if (rows.length < 2) return undefined;
  return { rows, end: pending.length === 0 ? i : end };
}
