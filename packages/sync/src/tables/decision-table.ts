/**
 * A province's published process table (quy trình nội bộ in a decision's appendix, REFERENCE.md §3.4):
 * an HTML `<table>` with merged cells, or a Markdown pipe table.
 */
import { type GridReadOptions, readGrid, type StepTable } from './grid.js';
import { decodeEntities, readHtmlTables, toGrid } from './html.js';
import { readMarkdownTables } from './markdown.js';

/** Options of {@link readProcessDecisionTable}. */
export interface DecisionTableOptions extends Pick<GridReadOptions, 'numberUnit'> {
  /** Which table to read when the text holds several. Default: the first with a step-table header. */
  readonly tableIndex?: number;
}

function stripTags(html: string): string {
  return html
    .replace(/<table[\s\S]*?<\/table>/gi, '\n')
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
}

/**
 * Reads a published process table. HTML merged cells are honoured: a time cell merged over several
 * steps is one group budget (Hà Nội's steps 6–13 share "07 ngày"), a merged step number gives
 * sub-steps; "Không tính thời gian"/"Giờ hành chính" are not counted; plain "ngày" is a working day;
 * the declared total comes from a "Tổng" row or a "Tổng thời gian …:" line.
 * @example
 * const t = readProcessDecisionTable(html);
 * t.groups // [{ keys: ['B6', 'B7'], budget: { amount: 7, unit: 'workingDay' }, text: '07 ngày' }]
 */
export function readProcessDecisionTable(htmlOrMarkdown: string, options: DecisionTableOptions = {}): StepTable {
  const text = htmlOrMarkdown.normalize('NFC');
  const isHtml = /<table\b/i.test(text);
  const grids = isHtml ? readHtmlTables(text).map(toGrid) : readMarkdownTables(text).tables;
  const readOptions: GridReadOptions = {
    // HTML says what is merged; Markdown cannot, so an empty cell there means "same as above".
    emptyMeansAbove: !isHtml,
    surroundingText: isHtml ? decodeEntities(stripTags(text)) : readMarkdownTables(text).outside,
    ...(options.numberUnit === undefined ? {} : { numberUnit: options.numberUnit }),
  };
  if (options.tableIndex !== undefined) return readGrid(grids[options.tableIndex] ?? [], readOptions);
  const tables = grids.map((g) => readGrid(g, readOptions));
  return (
    tables.find((t) => !t.issues.some((i) => i.code === 'table.noHeader')) ?? tables[0] ?? readGrid([], readOptions)
  );
}
