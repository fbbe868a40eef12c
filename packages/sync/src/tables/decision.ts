/**
 * Whole documents: a decision approving quy trình nội bộ (one step table per procedure, eight in
 * one decision is common), or an ISO procedure document, as HTML, Word HTML, Markdown, DOCX or XLSX.
 * Every step table is listed with the procedure it belongs to, its declared total, and the
 * document's approving decision and abbreviation list.
 */
import { unzipSync } from 'fflate';
import type { AdapterIssue } from '../issues.js';
import { type ReadContext, readContext, report } from '../native.js';
import { type DocumentBlock, toGrid } from './cells.js';
import { abbreviationsIn, type DecisionRef, decisionIn, type ProcedureRef, procedureBefore } from './document-facts.js';
import { readDocxBlocks } from './docx.js';
import { type GridCell, type GridReadOptions, readGrid, type StepTable } from './grid.js';
import { findHeader } from './header.js';
import { readHtmlBlocks } from './html.js';
import type { TableLimits } from './limits.js';
import { readMarkdownBlocks } from './markdown.js';
import { isLinearTableText, readLinearBlocks, readPipeTextBlocks } from './plain-text.js';
import { readWorkbookGrid } from './xlsx.js';

/** The forms a document is read from. */
export type DecisionFormat = 'html' | 'markdown' | 'text' | 'docx' | 'xlsx';

/** Options of {@link readDecision}. */
export interface ReadDecisionOptions extends Pick<GridReadOptions, 'numberUnit'> {
  /**
   * The form of the input. Default: told from the input (a zip is DOCX or XLSX by its parts; text
   * with `<table`/`<html` is HTML, else Markdown — pipe tables, or the linear form of legal-text
   * sites). `text` is a Word file's text with one row per line, cells joined by " | ".
   */
  readonly format?: DecisionFormat;
  /** Bounds on the input (defaults in `DEFAULT_TABLE_LIMITS`). */
  readonly limits?: Partial<TableLimits>;
  /** The sheet of a workbook (name or 0-based index). Default: the first visible worksheet. */
  readonly sheet?: string | number;
  /** Abbreviations to use besides the document's own list (the document's win). */
  readonly abbreviations?: Readonly<Record<string, string>>;
}

/** One step table of a document. */
export interface DecisionTable {
  /** 0-based position among the document's step tables (`tthc steps --table N`). */
  readonly index: number;
  /** The procedure the table belongs to: the heading above it and the TTHC code it states. */
  readonly procedure: ProcedureRef;
  readonly table: StepTable;
}

/** A document read whole. */
export interface DecisionDocument {
  readonly format: DecisionFormat;
  readonly tables: readonly DecisionTable[];
  /** The approving decision, when the document states it. */
  readonly decision?: DecisionRef;
  /** The document's abbreviation list ("CCMC" → "Công chức một cửa"). */
  readonly abbreviations: Readonly<Record<string, string>>;
  /** The paragraphs of the document outside step tables, in order (for readers of other sections). */
  readonly texts: readonly string[];
  /** Problems with the document itself (not a table's): unreadable file, limits reached. */
  readonly issues: readonly AdapterIssue[];
}

function zipNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (names.length < 10_000) names.push(f.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

/** The format of an input, by its bytes or its text. */
export function detectDecisionFormat(input: string | Uint8Array): DecisionFormat {
  if (typeof input !== 'string') {
    const names = input[0] === 0x50 && input[1] === 0x4b ? zipNames(input) : undefined;
    if (names?.some((n) => n.startsWith('xl/'))) return 'xlsx';
    return 'docx';
  }
  const head = input.slice(0, 200_000).toLowerCase();
  return head.includes('<table') || head.includes('<html') || head.includes('<body') ? 'html' : 'markdown';
}

/** A document as blocks (tables as grids), whatever its form. */
function documentBlocks(
  ctx: ReadContext,
  input: string | Uint8Array,
  format: DecisionFormat,
  options: ReadDecisionOptions,
): (DocumentBlock | { readonly kind: 'grid'; readonly grid: GridCell[][] })[] {
  const limits = options.limits;
  const base = { ctx, ...(limits ? { limits } : {}) };
  if (format === 'xlsx' || format === 'docx') {
    const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
    if (format === 'docx') return readDocxBlocks(bytes, base) ?? [];
    // The document's table limits bound the workbook too (zip entries, inflated bytes, cells).
    const grid = readWorkbookGrid(ctx, bytes, options.sheet, {
      ...(limits?.maxZipEntries === undefined ? {} : { maxEntries: limits.maxZipEntries }),
      ...(limits?.maxZipBytes === undefined ? {} : { maxInflatedBytes: limits.maxZipBytes }),
      ...(limits?.maxCells === undefined ? {} : { maxCells: limits.maxCells }),
    });
    return grid ? [{ kind: 'grid', grid }] : [];
  }
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (format === 'html') return readHtmlBlocks(text, base);
  if (format === 'text') return readPipeTextBlocks(text);
  return isLinearTableText(text) ? readLinearBlocks(text) : readMarkdownBlocks(text, base);
}

/** A grid's text, one line per cell (each merged cell once): an ISO header table is several facts. */
function gridText(grid: readonly (readonly GridCell[])[]): string {
  const seen = new Set<number>();
  const lines: string[] = [];
  for (const row of grid)
    for (const c of row) {
      if (c.text === '' || seen.has(c.origin)) continue;
      seen.add(c.origin);
      lines.push(...c.text.split('\n'));
    }
  return lines.join('\n');
}

/**
 * Reads every step table of a document, each with the procedure it belongs to (the heading above
 * it, and a code such as "Mã số: 1.012994"), its declared total (a total row, or the "Tổng thời
 * gian …"/"Thời hạn giải quyết …" line nearest to it — never another table's), the approving
 * decision and the document's abbreviation list, used to read the performers. Never throws on bad
 * input: problems are issues (the document's in `issues`, each table's in `table.issues`).
 * @example
 * const doc = readDecision(readFileSync('qd-3857.docx'));
 * doc.tables.map((t) => [t.procedure.code, t.table.rows.length, t.table.totalText])
 * // [['1.004227', 6, '168 giờ'], ['1.012994', 9, '20 ngày làm việc'], …]
 * doc.decision // { number: '3857/QĐ-UBND', date: '2025-11-12' }
 */
export function readDecision(input: string | Uint8Array, options: ReadDecisionOptions = {}): DecisionDocument {
  if (typeof input !== 'string' && !(input instanceof Uint8Array))
    throw new TypeError('readDecision: expected the document as a string or a Uint8Array');
  const ctx = readContext('table');
  const format = options.format ?? detectDecisionFormat(input);
  const blocks = documentBlocks(ctx, input, format, options);
  // Each table as a grid, and whether it is a step table; other tables are text (an ISO header, a
  // procedure's information table "Mã số | 1.012994").
  const items = blocks.flatMap((b) => {
    if (b.kind === 'text') return [{ kind: 'text' as const, text: b.text }];
    const grid =
      b.kind === 'grid' ? b.grid : toGrid(b.rows, { ...(options.limits ? { limits: options.limits } : {}), ctx });
    const header = findHeader(grid);
    if (!header) return [{ kind: 'text' as const, text: gridText(grid) }];
    // A sheet's title rows above the header are the paragraphs above its table.
    const title = header.at > 0 ? gridText(grid.slice(0, header.at)) : '';
    return [...(title ? [{ kind: 'text' as const, text: title }] : []), { kind: 'step' as const, grid }];
  });
  const texts = items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));
  const abbreviations = { ...options.abbreviations, ...abbreviationsIn(blocks.filter((b) => b.kind !== 'grid')) };
  const tables: DecisionTable[] = [];
  const isoTitle = isoProcedureTitle(texts.slice(0, 20));
  let lastStep = -1;
  items.forEach((item, i) => {
    if (item.kind !== 'step') return;
    const before = items.slice(lastStep + 1, i).flatMap((x) => (x.kind === 'text' ? [x.text] : []));
    let next = items.findIndex((x, j) => j > i && x.kind === 'step');
    if (next < 0) next = items.length;
    const after = items.slice(i + 1, next).flatMap((x) => (x.kind === 'text' ? [x.text] : []));
    lastStep = i;
    const table = readGrid(item.grid, {
      textBefore: before,
      textAfter: after.slice(0, 3),
      abbreviations,
      ...(options.numberUnit ? { numberUnit: options.numberUnit } : {}),
    });
    // Cases of one procedure ("a) Trường hợp …", "b) …") each have a table under the one heading.
    const heading = procedureBefore(before);
    // An ISO procedure (QĐ 101/QĐ-BKHCN) is one procedure: its title block names it, not the
    // section heading ("5. NỘI DUNG") above its work-flow table.
    const found = heading.code === undefined && isoTitle !== undefined ? { name: isoTitle } : heading;
    const procedure =
      found.code === undefined && found.name === undefined ? (tables.at(-1)?.procedure ?? found) : found;
    tables.push({ index: tables.length, procedure, table });
  });
  if (tables.length === 0 && ctx.issues.every((x) => x.severity !== 'error'))
    report(
      ctx,
      'table.noHeader',
      [],
      'the document holds no step table (no table with a step-number or content column and a time column)',
    );
  const decision = decisionIn(texts.slice(0, 40));
  return {
    format,
    tables,
    ...(decision ? { decision } : {}),
    abbreviations,
    texts,
    issues: ctx.issues,
  };
}

/**
 * The title of an ISO procedure document: the line after its "Mã hiệu: QT 35/CX-HCTP" (the title
 * block prints the code, then the procedure's name, then the issue and its date).
 */
function isoProcedureTitle(texts: readonly string[]): string | undefined {
  const at = texts.findIndex((t) => /^mã hiệu\s*[:：]/iu.test(t.trim()));
  if (at < 0) return undefined;
  const name = texts
    .slice(at + 1, at + 4)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .find((t) => t.length > 3 && !/^(lần ban hành|ngày ban hành|trang|mục lục)\b/iu.test(t) && !/^\d+$/.test(t));
  return name;
}

/** How {@link pickTable} chooses. */
export interface PickTableOptions {
  /** A 0-based index among the step tables, or a TTHC code ("1.012994"). */
  readonly table?: number | string;
}

/**
 * One table of a read document: the one asked for (index or code), else the first, with a
 * `table.notChosen` warning when the document holds several (listing them) and `table.notFound`
 * when the one asked for is not there.
 * @example pickTable(readDecision(html), { table: '1.012994' }).table.rows.length
 */
export function pickTable(doc: DecisionDocument, options: PickTableOptions = {}): DecisionTable {
  const ctx = readContext('table');
  const list = doc.tables.map(
    (t) =>
      `#${t.index}${t.procedure.code ? ` ${t.procedure.code}` : ''}${t.procedure.name ? ` ${t.procedure.name}` : ''}`,
  );
  const withIssues = (t: DecisionTable | undefined): DecisionTable => {
    const base = t ?? { index: -1, procedure: {}, table: { rows: [], groups: [], issues: [] } };
    return { ...base, table: { ...base.table, issues: [...doc.issues, ...ctx.issues, ...base.table.issues] } };
  };
  const wanted = options.table;
  if (wanted !== undefined) {
    const found =
      typeof wanted === 'number'
        ? doc.tables[wanted]
        : doc.tables.find((t) => t.procedure.code === wanted || t.procedure.code?.startsWith(`${wanted}.`));
    if (!found)
      report(
        ctx,
        'table.notFound',
        ['tables'],
        `the document has no step table ${typeof wanted === 'number' ? `#${wanted}` : `for ${wanted}`}; its tables: ${list.join('; ') || 'none'}`,
        { value: wanted },
      );
    return withIssues(found);
  }
  if (doc.tables.length > 1)
    report(
      ctx,
      'table.notChosen',
      ['tables'],
      `the document holds ${doc.tables.length} step tables and none was chosen; the first is read (choose with --table N|CODE, or --all): ${list.join('; ')}`,
      { severity: 'warning' },
    );
  return withIssues(doc.tables[0]);
}
