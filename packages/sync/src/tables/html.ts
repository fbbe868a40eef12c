/**
 * HTML documents (a decision saved from a legal-text site, a provincial portal page, or a Word file
 * saved as "Web Page") as blocks of the cell model, read with htmlparser2 — a maintained, streaming
 * HTML parser with the full HTML5 entity table (`&aacute;`, `&#7879;`) and the implied end tags of
 * real pages. No regular expression runs over raw HTML. Word's HTML is ordinary HTML to this reader:
 * `<o:p>` and `mso-` styles carry no text, conditional comments are comments, `<xml>` islands and
 * `<style>` are skipped.
 */
import { Parser } from 'htmlparser2';
import { type ReadContext, report } from '../native.js';
import { cleanText, type DocumentBlock, type SourceCell } from './cells.js';
import { resolveLimits, type TableLimits } from './limits.js';

/** Elements whose content is never document text. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'xml', 'template', 'noscript', 'svg', 'object']);

/** Elements that end a line of text (a paragraph in a cell, a heading, a list item). */
const BREAKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'caption',
  'hr',
]);

/**
 * Decodes HTML entities (the whole HTML5 table, numeric references) in a text that holds no markup.
 * @example decodeEntities('TN&amp;TKQ&nbsp;Tr&aacute;ch nhi&#7879;m') // 'TN&TKQ\u00a0Trách nhiệm'
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  // `<` is escaped first, so the parser sees one text run and only decodes its references.
  const parser = new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true });
  parser.write(text.replaceAll('<', '&lt;'));
  parser.end();
  return out;
}

function span(value: string | undefined): number {
  const n = value === undefined ? 1 : Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

interface OpenCell {
  text: string;
  readonly rowspan: number;
  readonly colspan: number;
}

interface OpenTable {
  readonly rows: SourceCell[][];
  row: SourceCell[] | undefined;
  cell: OpenCell | undefined;
  readonly depth: number;
  /** Where in `blocks` this table goes: before the tables nested in it, in document order. */
  readonly at: number;
}

/** Options of {@link readHtmlBlocks}. */
export interface HtmlReadOptions {
  readonly limits?: Partial<TableLimits>;
  /** Receives `table.limit` issues. */
  readonly ctx?: ReadContext;
}

/**
 * An HTML text as document blocks: paragraphs outside tables, and every table (nested ones too, up
 * to `limits.maxDepth`) with its cells, rowspans and colspans. Text of a nested table is also kept
 * in the cell that holds it.
 * @example readHtmlBlocks('<p>Mã số: 1.012994</p><table><tr><td rowspan="2">07 ngày</td></tr></table>')
 * // [{ kind: 'text', text: 'Mã số: 1.012994' }, { kind: 'table', depth: 0, rows: [[{ text: '07 ngày', rowspan: 2, colspan: 1 }]] }]
 */
export function readHtmlBlocks(html: string, options: HtmlReadOptions = {}): DocumentBlock[] {
  const limits = resolveLimits(options.limits);
  const limited = (message: string) => {
    if (options.ctx) report(options.ctx, 'table.limit', [], message, { severity: 'warning' });
  };
  let source = html;
  if (source.length > limits.maxInputBytes) {
    limited(
      `the document has ${source.length} characters; only the first ${limits.maxInputBytes} are read (limits.maxInputBytes)`,
    );
    source = source.slice(0, limits.maxInputBytes);
  }
  const blocks: (DocumentBlock | undefined)[] = [];
  const tables: OpenTable[] = [];
  let paragraph = '';
  let skipping = 0;
  /** Tables deeper than maxDepth: their tags are read as text breaks of the enclosing cell. */
  let tooDeep = 0;
  let tableCount = 0;
  const top = () => tables.at(-1);
  const addText = (t: string) => {
    const table = top();
    if (table) {
      if (table.cell) table.cell.text += t;
    } else paragraph += t;
  };
  const flushParagraph = () => {
    const text = cleanText(paragraph);
    if (text !== '') blocks.push({ kind: 'text', text });
    paragraph = '';
  };
  const closeCell = (table: OpenTable) => {
    if (!table.cell) return;
    table.row ??= [];
    table.row.push({ text: cleanText(table.cell.text), rowspan: table.cell.rowspan, colspan: table.cell.colspan });
    table.cell = undefined;
  };
  const closeRow = (table: OpenTable) => {
    closeCell(table);
    if (table.row) table.rows.push(table.row);
    table.row = undefined;
  };
  const closeTable = () => {
    const table = tables.pop()!;
    closeRow(table);
    blocks[table.at] = table.rows.length > 0 ? { kind: 'table', rows: table.rows, depth: table.depth } : undefined;
    // The nested table's text stays in the outer cell, one line per row.
    const outer = top();
    if (outer?.cell) outer.cell.text += `\n${table.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n')}\n`;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipping > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          return;
        }
        if (name === 'table') {
          if (tables.length > limits.maxDepth || tableCount >= limits.maxTables) {
            if (tooDeep === 0)
              limited(
                tableCount >= limits.maxTables
                  ? `the document has more than ${limits.maxTables} tables; the rest is read as text (limits.maxTables)`
                  : `tables are nested more than ${limits.maxDepth} deep; deeper ones are read as text (limits.maxDepth)`,
              );
            tooDeep++;
            addText('\n');
            return;
          }
          if (tables.length === 0) flushParagraph();
          tableCount++;
          tables.push({ rows: [], row: undefined, cell: undefined, depth: tables.length, at: blocks.length });
          blocks.push(undefined);
          return;
        }
        const table = top();
        if (table && tooDeep === 0) {
          if (name === 'tr') {
            closeRow(table);
            table.row = [];
            return;
          }
          if (name === 'td' || name === 'th') {
            closeCell(table);
            table.cell = { text: '', rowspan: span(attrs.rowspan), colspan: span(attrs.colspan) };
            return;
          }
        }
        if (BREAKS.has(name) || (tooDeep > 0 && (name === 'tr' || name === 'td' || name === 'th'))) {
          if (!table && name !== 'br') flushParagraph();
          else addText(name === 'td' || name === 'th' ? ' ' : '\n');
        }
      },
      ontext(text) {
        if (skipping === 0) addText(text.replace(/[\r\n\t]+/g, ' '));
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          if (skipping > 0) skipping--;
          return;
        }
        if (skipping > 0) return;
        if (name === 'table') {
          if (tooDeep > 0) {
            tooDeep--;
            addText('\n');
          } else if (tables.length > 0) closeTable();
          return;
        }
        const table = top();
        if (table && tooDeep === 0) {
          if (name === 'tr') return closeRow(table);
          if (name === 'td' || name === 'th') return closeCell(table);
        }
        if (BREAKS.has(name)) {
          if (!table) flushParagraph();
          else addText('\n');
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  while (tables.length > 0) closeTable();
  flushParagraph();
  return blocks.filter((b): b is DocumentBlock => b !== undefined);
}
