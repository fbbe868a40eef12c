/**
 * Word documents (.docx, ECMA-376 WordprocessingML) as blocks of the cell model: the one part
 * `word/document.xml` is unzipped with fflate and parsed with fast-xml-parser (both pure JS, so
 * this runs in browsers too). Paragraphs become text blocks; tables keep their merges —
 * `w:gridSpan` is a colspan, a `w:vMerge` restart followed by continue cells is a rowspan —,
 * paragraphs inside a cell become lines, nested tables follow the table that holds them.
 */
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { type ReadContext, report } from '../native.js';
import { cleanText, type DocumentBlock, type SourceCell } from './cells.js';
import { resolveLimits, type TableLimits } from './limits.js';

/** A node of fast-xml-parser's ordered output: `{ 'w:p': [...children], ':@': { '@_w:val': '2' } }`. */
type XmlNode = Record<string, unknown>;

const ATTRS = ':@';

function nameOf(node: XmlNode): string | undefined {
  for (const k in node) if (k !== ATTRS) return k;
  return undefined;
}

function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const value = name === undefined ? undefined : node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[ATTRS] as Record<string, unknown> | undefined;
  const v = attrs?.[`@_${name}`];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** `w:tbl` → `tbl`: documents written by other tools may use another prefix for the main namespace. */
const local = (name: string | undefined) => (name === undefined ? '' : name.slice(name.indexOf(':') + 1));

function child(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((c) => local(nameOf(c)) === name);
}

/** Elements whose runs are not the document's visible text (deleted text, field codes). */
const HIDDEN = new Set(['delText', 'instrText', 'del', 'rPr', 'pPr', 'tcPr', 'trPr', 'tblPr', 'tblGrid', 'sectPr']);

/** Options of {@link readDocxBlocks}. */
export interface DocxReadOptions {
  readonly limits?: Partial<TableLimits>;
  /** Receives `format.invalid` and `table.limit` issues. */
  readonly ctx?: ReadContext;
}

/**
 * The paragraphs and tables of a .docx file, in document order; `undefined` (with a
 * `format.invalid` issue in `options.ctx`) when the bytes are not a readable Word document.
 * @example readDocxBlocks(readFileSync('quy-trinh.docx'))?.filter((b) => b.kind === 'table').length
 */
export function readDocxBlocks(bytes: Uint8Array, options: DocxReadOptions = {}): DocumentBlock[] | undefined {
  const limits = resolveLimits(options.limits);
  const fail = (message: string) => {
    if (options.ctx) report(options.ctx, 'format.invalid', ['docx'], message);
    return undefined;
  };
  if (bytes.length === 0) return fail('the file is empty');
  if (bytes.length > limits.maxInputBytes)
    return fail(`the file has ${bytes.length} bytes, more than limits.maxInputBytes (${limits.maxInputBytes})`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf)
    return fail('an OLE compound file: a legacy .doc document or a password-protected .docx; save it as .docx');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return fail('the file does not start like a zip archive ("PK"); a .docx document is one');
  let entries = 0;
  let inflated = 0;
  let over: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (entries > limits.maxZipEntries)
          over ??= `more than ${limits.maxZipEntries} zip entries (limits.maxZipEntries)`;
        if (file.name !== 'word/document.xml' || over) return false;
        inflated += file.originalSize;
        if (inflated > limits.maxZipBytes)
          over = `word/document.xml inflates to ${file.originalSize} bytes, more than limits.maxZipBytes (${limits.maxZipBytes})`;
        return over === undefined;
      },
    });
  } catch (error) {
    return fail(`the file is not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  if (over) {
    if (options.ctx) report(options.ctx, 'table.limit', ['docx'], `the document is refused: ${over}`);
    return undefined;
  }
  const part = files['word/document.xml'];
  if (!part) return fail('the zip has no word/document.xml: not a Word document');
  const xml = strFromU8(part);
  // WordprocessingML never declares a DOCTYPE; one can only be there to expand entities.
  if (xml.includes('<!DOCTYPE')) return fail('word/document.xml declares a DOCTYPE, which Word never writes');
  let tree: XmlNode[];
  try {
    tree = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      htmlEntities: false,
    }).parse(xml) as XmlNode[];
  } catch (error) {
    return fail(`word/document.xml is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
  }
  const doc = tree.find((n) => local(nameOf(n)) === 'document');
  const body = doc && child(doc, 'body');
  if (!body) return fail('word/document.xml has no w:document/w:body');
  return new DocxWalker(limits, options.ctx).body(body);
}

class DocxWalker {
  readonly blocks: (DocumentBlock | undefined)[] = [];
  private tables = 0;
  private warned = false;
  constructor(
    private readonly limits: TableLimits,
    private readonly ctx: ReadContext | undefined,
  ) {}

  body(body: XmlNode): DocumentBlock[] {
    this.content(body, 0, undefined);
    return this.blocks.filter((b): b is DocumentBlock => b !== undefined);
  }

  private limit(message: string): void {
    if (this.warned || !this.ctx) return;
    this.warned = true;
    report(this.ctx, 'table.limit', ['docx'], message, { severity: 'warning' });
  }

  /** Block-level content (body, cell, sdtContent): paragraphs and tables; `lines` collects a cell's text. */
  private content(node: XmlNode, depth: number, lines: string[] | undefined): void {
    for (const c of childrenOf(node)) {
      const name = local(nameOf(c));
      if (name === 'p') {
        const text = cleanText(this.runs(c, 0));
        if (lines) lines.push(text);
        else if (text !== '') this.blocks.push({ kind: 'text', text });
      } else if (name === 'tbl') {
        const text = this.table(c, depth);
        if (lines) lines.push(text);
      } else if (name === 'sdt' || name === 'customXml' || name === 'sdtContent') {
        this.content(name === 'sdt' ? (child(c, 'sdtContent') ?? {}) : c, depth, lines);
      }
    }
  }

  /** The visible text of a paragraph: `w:t`, tabs as spaces, breaks as new lines. */
  private runs(node: XmlNode, level: number): string {
    let out = '';
    if (level > 32) return out;
    for (const c of childrenOf(node)) {
      const name = nameOf(c);
      if (name === '#text') {
        out += String(c[name] ?? '');
        continue;
      }
      const l = local(name);
      if (HIDDEN.has(l)) continue;
      if (l === 'tab') out += ' ';
      else if (l === 'br' || l === 'cr') out += '\n';
      else if (l === 'p') out += `\n${this.runs(c, level + 1)}\n`;
      else out += this.runs(c, level + 1);
    }
    return out;
  }

  /** Reads a table into a block (nested ones after it) and returns its text for an enclosing cell. */
  private table(node: XmlNode, depth: number): string {
    if (depth > this.limits.maxDepth || this.tables >= this.limits.maxTables) {
      this.limit(
        depth > this.limits.maxDepth
          ? `tables are nested more than ${this.limits.maxDepth} deep; deeper ones are read as text (limits.maxDepth)`
          : `the document has more than ${this.limits.maxTables} tables; the rest is read as text (limits.maxTables)`,
      );
      return cleanText(this.runs(node, 0));
    }
    this.tables++;
    const at = this.blocks.length;
    this.blocks.push(undefined);
    const rows: SourceCell[][] = [];
    /** The restart cell of a vertical merge in each grid column, still open. */
    const open = new Map<number, { cell: { text: string; rowspan: number; colspan: number }; colspan: number }>();
    for (const tr of childrenOf(node)) {
      if (local(nameOf(tr)) !== 'tr') continue;
      if (rows.length >= this.limits.maxRows) {
        this.limit(`a table has more than ${this.limits.maxRows} rows; the rest is not read (limits.maxRows)`);
        break;
      }
      const row: { text: string; rowspan: number; colspan: number }[] = [];
      let col = 0;
      const before = Number(attr(child(child(tr, 'trPr') ?? {}, 'gridBefore') ?? {}, 'w:val') ?? 0);
      if (before > 0) {
        const n = Math.min(before, this.limits.maxSpan);
        row.push({ text: '', rowspan: 1, colspan: n });
        col += n;
      }
      for (const tc of cellsOf(tr)) {
        const pr = child(tc, 'tcPr') ?? {};
        const spanAttr = Number(attr(child(pr, 'gridSpan') ?? {}, 'w:val') ?? 1);
        const colspan =
          Number.isFinite(spanAttr) && spanAttr >= 1 ? Math.min(Math.floor(spanAttr), this.limits.maxSpan) : 1;
        const vMerge = child(pr, 'vMerge');
        const mergeVal = vMerge ? (attr(vMerge, 'w:val') ?? 'continue') : undefined;
        const lines: string[] = [];
        this.content(tc, depth + 1, lines);
        const text = cleanText(lines.join('\n'));
        const above = open.get(col);
        if (mergeVal === 'continue' && above && above.colspan === colspan) {
          // A continue cell is part of the restart cell above: the merge grows, no new cell.
          if (above.cell.rowspan < this.limits.maxSpan) above.cell.rowspan++;
          if (text !== '') above.cell.text = cleanText(`${above.cell.text}\n${text}`);
        } else {
          const cell = { text, rowspan: 1, colspan };
          row.push(cell);
          if (mergeVal === 'restart') open.set(col, { cell, colspan });
          else for (let c = col; c < col + colspan; c++) open.delete(c);
        }
        col += colspan;
      }
      rows.push(row);
    }
    this.blocks[at] = rows.length > 0 ? { kind: 'table', rows, depth } : undefined;
    return rows.map((r) => r.map((c) => c.text).join(' ')).join('\n');
  }
}

/** The `w:tc` of a row, also those wrapped in content controls (`w:sdt`) or custom XML. */
function cellsOf(tr: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of childrenOf(tr)) {
    const name = local(nameOf(c));
    if (name === 'tc') out.push(c);
    else if (name === 'sdt') out.push(...cellsOf(child(c, 'sdtContent') ?? {}));
    else if (name === 'customXml' || name === 'sdtContent') out.push(...cellsOf(c));
  }
  return out;
}
