/**
 * Markdown documents (GitHub pipe tables, as converters and scraped datasets write decisions) as
 * blocks of the cell model. Cells are cleaned of inline Markdown before anything reads them —
 * `**Số TT**`, `*x*`, `__x__`, `<br>`, escaped pipes `\|`, entities — so that a Markdown table
 * gives the same cells as the HTML one it was converted from. Markdown cannot merge cells: each
 * cell is its own, and an empty cell is read by the grid reader as "continues the cell above".
 */
import { type ReadContext, report } from '../native.js';
import { cleanText, type DocumentBlock, type SourceCell } from './cells.js';
import { readHtmlBlocks } from './html.js';
import { resolveLimits, type TableLimits } from './limits.js';

/** `|---|:--:|` — the line under a pipe table's header. */
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits a row at the pipes that are not escaped, with one linear scan. */
function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Emphasis markers around words: `**b**`, `__b__`, `*i*`, `_i_` (not `_` inside a word, not a lone `*`). */
const EMPHASIS = /(\*\*|__)(?=\S)([\s\S]*?\S)\1|(?<![\p{L}\p{N}])([*_])(?=\S)([^*_\n]*?\S)\3(?![\p{L}\p{N}])/gu;

/**
 * The text of a Markdown cell or line: inline HTML (`<br>`, `<b>`) and entities read as HTML would
 * read them, emphasis and backslash escapes removed.
 * @example cleanMarkdownText('**Bước 1**<br>Tiếp nhận \\*') // 'Bước 1\nTiếp nhận *'
 */
export function cleanMarkdownText(raw: string): string {
  let text = raw;
  if (text.includes('<') || text.includes('&')) {
    // Inline HTML is HTML: the HTML reader turns `<br>` into a line break and decodes entities.
    const blocks = readHtmlBlocks(`<p>${text}</p>`);
    text = blocks.map((b) => (b.kind === 'text' ? b.text : '')).join('\n');
  }
  let prev: string;
  do {
    prev = text;
    text = text.replace(EMPHASIS, (_m, _d: string, bold: string | undefined, _s: string, it: string | undefined) =>
      bold !== undefined ? bold : (it ?? ''),
    );
  } while (text !== prev);
  // Emphasis the pattern cannot pair ("Sở Y tế*, *cơ quan", "em **(1.004944)**") is markup too;
  // only the note mark "(*)" and escaped asterisks are text.
  text = text
    .replaceAll('\\*', '\u0000')
    .replace(/(?<!\()\*+(?!\))/g, '')
    .replaceAll('\u0000', '*');
  text = text.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
  return cleanText(text);
}

/** Options of {@link readMarkdownBlocks}. */
export interface MarkdownReadOptions {
  readonly limits?: Partial<TableLimits>;
  readonly ctx?: ReadContext;
}

/**
 * A Markdown text as document blocks: each non-table line a paragraph (headings without their `#`),
 * each pipe table a table of cells without spans.
 * @example readMarkdownBlocks('| TT | Nội dung |\n|---|---|\n| **1** | Tiếp nhận |')[0].rows[1][0].text // '1'
 */
export function readMarkdownBlocks(text: string, options: MarkdownReadOptions = {}): DocumentBlock[] {
  const limits = resolveLimits(options.limits);
  let source = text;
  if (source.length > limits.maxInputBytes) {
    if (options.ctx)
      report(
        options.ctx,
        'table.limit',
        [],
        `the document has ${source.length} characters; only the first ${limits.maxInputBytes} are read (limits.maxInputBytes)`,
        { severity: 'warning' },
      );
    source = source.slice(0, limits.maxInputBytes);
  }
  const lines = source.normalize('NFC').split(/\r?\n/);
  const blocks: DocumentBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('|') && SEPARATOR.test(lines[i + 1] ?? '')) {
      const rows: SourceCell[][] = [];
      const push = (l: string) =>
        rows.push(splitRow(l).map((c) => ({ text: cleanMarkdownText(c), rowspan: 1, colspan: 1 })));
      push(line);
      i += 2;
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== '') push(lines[i++]!);
      i--;
      blocks.push({ kind: 'table', rows, depth: 0 });
      continue;
    }
    const t = cleanMarkdownText(line.replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))/, ''));
    if (t !== '') blocks.push({ kind: 'text', text: t });
  }
  return blocks;
}
