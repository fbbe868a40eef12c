/**
 * The e-ISO work-flow table saved as an Excel workbook (.xlsx, ECMA-376 SpreadsheetML): unzipped with
 * fflate (pure JS, so this runs in browsers too), the workbook, its relationships, the shared strings
 * and one worksheet read with a small XML scanner, then the same grid reading as CSV and HTML.
 */
import { strFromU8 } from 'fflate';
import { type ReadContext, readContext, report } from '../native.js';
import { foldVietnamese } from '../normalize.js';
import { type GridCell, type GridReadOptions, readGrid, type StepTable } from './grid.js';
import { readSharedStrings, readSheetGrid, type SheetLimits } from './xlsx-sheet.js';
import { readNumberKinds } from './xlsx-styles.js';
import { localName, scanXml, XmlSyntaxError } from './xml.js';
import { readZipParts, type ZipLimits, ZipReadError } from './xlsx-zip.js';

/** Options of {@link readStepTableXlsx}. */
export interface StepTableXlsxOptions extends GridReadOptions {
  /** The sheet: its name (as on the tab) or its 0-based index. Default: the first visible worksheet. */
  readonly sheet?: string | number;
  /**
   * Resource limits (a step table's workbook is a few kB; these stop zip bombs and huge sheets). A
   * limit exceeded is one `limit.exceeded` issue naming it; raise a limit to read a larger file.
   */
  readonly limits?: XlsxLimits;
}

/** Limits of {@link readStepTableXlsx}: the zip container's and the sheet's. */
export interface XlsxLimits extends ZipLimits, SheetLimits {}

const WORKSHEET = /\/worksheet$/;

interface SheetEntry {
  readonly name: string;
  readonly relId: string | undefined;
  readonly hidden: boolean;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** The parts named by `wanted`, or undefined (with the issue reported) when the bytes are no zip. */
function unzipParts(
  ctx: ReadContext,
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: XlsxLimits,
): { parts: Map<string, string>; names: string[] } | undefined {
  let files: { parts: Map<string, Uint8Array>; names: string[] };
  try {
    files = readZipParts(bytes, wanted, limits);
  } catch (error) {
    if (!(error instanceof ZipReadError)) throw error;
    const path = error.part === undefined ? ['xlsx'] : ['xlsx', error.part];
    if (error.limit !== undefined)
      report(ctx, 'limit.exceeded', path, `${error.message}; raise it with { limits: { ${error.limit}: … } }`, {
        value: error.value,
      });
    else report(ctx, 'format.invalid', path, `the file is not a readable zip archive (${error.message})`);
    return undefined;
  }
  const parts = new Map<string, string>();
  for (const [name, data] of files.parts) parts.set(name, strFromU8(data).replace(/^\uFEFF/, ''));
  return { parts, names: files.names };
}

/** Why bytes that are not a zip are not a workbook, in words a user can act on. */
function notZip(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return undefined;
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'an OLE compound file: a legacy .xls workbook or a password-protected .xlsx; save it as .xlsx without a password';
  if (bytes.length === 0) return 'the file is empty';
  return 'the file does not start like a zip archive ("PK"); an .xlsx workbook is one';
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function readRelationships(xml: string | undefined, base: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  scanXml(xml, {
    open(name, attrs) {
      if (localName(name) !== 'Relationship' || attrs.Id === undefined || attrs.Target === undefined) return;
      const external = attrs.TargetMode === 'External';
      rels.set(attrs.Id, {
        type: attrs.Type ?? '',
        target: external ? attrs.Target : resolveTarget(base, attrs.Target),
      });
    },
  });
  return rels;
}

function readSheetList(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (localName(name) === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      if (localName(name) !== 'sheet') return;
      // The relationship id is `r:id` in the officeDocument relationships namespace, whatever its prefix.
      const relKey = Object.keys(attrs).find((k) => k.includes(':') && localName(k) === 'id');
      sheets.push({
        name: (attrs.name ?? '').normalize('NFC'),
        relId: relKey === undefined ? undefined : attrs[relKey],
        hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden',
      });
    },
  });
  return { sheets, date1904 };
}

function pickSheet(
  ctx: ReadContext,
  sheets: readonly SheetEntry[],
  rels: ReadonlyMap<string, Relationship>,
  wanted: string | number | undefined,
  workbookPath: string,
): { name: string; path: string } | undefined {
  const isWorksheet = (s: SheetEntry) => WORKSHEET.test(rels.get(s.relId ?? '')?.type ?? '');
  const listed = sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
  let sheet: SheetEntry | undefined;
  if (wanted === undefined) sheet = sheets.find((s) => isWorksheet(s) && !s.hidden) ?? sheets.find(isWorksheet);
  else if (typeof wanted === 'number') sheet = sheets[wanted];
  else {
    const name = wanted.normalize('NFC');
    sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => foldVietnamese(s.name) === foldVietnamese(name));
  }
  if (!sheet) {
    const asked =
      wanted === undefined ? 'a worksheet' : typeof wanted === 'number' ? `sheet #${wanted}` : `sheet "${wanted}"`;
    report(
      ctx,
      'sheet.notFound',
      ['xlsx', workbookPath, 'sheets'],
      `the workbook has no ${asked}; its sheets: ${listed}`,
      {
        ...(wanted === undefined ? {} : { value: wanted }),
      },
    );
    return undefined;
  }
  const rel = rels.get(sheet.relId ?? '');
  if (!rel || !isWorksheet(sheet)) {
    const what = rel ? `a ${rel.type.split('/').at(-1)}, not a worksheet` : 'not linked to a part';
    report(ctx, 'sheet.notFound', ['xlsx', workbookPath, 'sheets', sheet.name], `sheet "${sheet.name}" is ${what}`, {
      value: sheet.name,
    });
    return undefined;
  }
  return { name: sheet.name, path: rel.target };
}

/**
 * One worksheet of an .xlsx workbook as a grid (merged cells share an origin), or undefined with
 * the reason in `ctx`.
 * @example readWorkbookGrid(readContext('table'), bytes, 'Quy trình')?.length
 */
export function readWorkbookGrid(
  ctx: ReadContext,
  bytes: Uint8Array,
  sheetWanted: string | number | undefined,
  limits: XlsxLimits,
): GridCell[][] | undefined {
  const why = notZip(bytes);
  if (why !== undefined) {
    report(ctx, 'format.invalid', ['xlsx'], `not an .xlsx workbook: ${why}`);
    return undefined;
  }
  let part = '';
  try {
    const meta = unzipParts(ctx, bytes, (n) => n.endsWith('.rels') || n.endsWith('workbook.xml'), limits);
    if (!meta) return undefined;
    part = '_rels/.rels';
    const root = readRelationships(meta.parts.get(part), '');
    const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
    const workbookPath = office?.target ?? 'xl/workbook.xml';
    part = workbookPath;
    const workbook = meta.parts.get(workbookPath);
    if (workbook === undefined) {
      const found = meta.names.slice(0, 5).join(', ') + (meta.names.length > 5 ? ', …' : '');
      report(
        ctx,
        'format.invalid',
        ['xlsx', workbookPath],
        `a zip archive without ${workbookPath}: not an .xlsx workbook (it holds ${found || 'nothing'})`,
      );
      return undefined;
    }
    const { sheets, date1904 } = readSheetList(workbook);
    part = relsPathOf(workbookPath);
    const rels = readRelationships(meta.parts.get(part), workbookPath);
    const sheet = pickSheet(ctx, sheets, rels, sheetWanted, workbookPath);
    if (!sheet) return undefined;
    const sharedPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
    const stylesPath = [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target;
    const data = unzipParts(ctx, bytes, (n) => n === sheet.path || n === sharedPath || n === stylesPath, limits);
    if (!data) return undefined;
    const sheetXml = data.parts.get(sheet.path);
    if (sheetXml === undefined) {
      const where = ['xlsx', sheet.path];
      report(ctx, 'format.invalid', where, `sheet "${sheet.name}" points to ${sheet.path}, which is missing`);
      return undefined;
    }
    part = sharedPath ?? '';
    const sharedXml = sharedPath === undefined ? undefined : data.parts.get(sharedPath);
    const shared = sharedXml === undefined ? undefined : readSharedStrings(sharedXml);
    part = stylesPath ?? '';
    const stylesXml = stylesPath === undefined ? undefined : data.parts.get(stylesPath);
    const kinds = stylesXml === undefined ? [] : readNumberKinds(stylesXml);
    part = sheet.path;
    return readSheetGrid(ctx, sheetXml, shared, sheet.path, { kinds, date1904 }, limits);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    report(ctx, 'format.invalid', ['xlsx', part], `not well-formed XML at character ${error.offset}: ${error.message}`);
    return undefined;
  }
}

/** Text of the sheet outside the table's cells, one line per row, for a "Tổng thời gian …:" line. */
function sheetText(grid: readonly (readonly GridCell[])[]): string {
  return grid
    .map((row) => row.filter((c, i) => c.text !== '' && c.origin !== row[i - 1]?.origin).map((c) => c.text))
    .filter((texts) => texts.length > 0)
    .map((texts) => texts.join(' ').replace(/\n/g, ' '))
    .join('\n');
}

/**
 * Reads the e-ISO work-flow table saved as an Excel workbook (.xlsx): the header row (TT/Bước, Nội
 * dung công việc, Trách nhiệm, Thời gian, Biểu mẫu/Kết quả) is found below any title block, merged
 * cells are honoured as in HTML tables (a time cell merged over several steps is ONE group budget, a
 * merged step number gives sub-steps), a number cell in the time column counts working days (or the
 * unit its header names, "Thời gian (giờ)"). A corrupt or non-xlsx file, a missing sheet or a bad
 * cell is reported in `issues` with its path (`['xlsx', 'xl/worksheets/sheet1.xml', 'C7']`), never
 * thrown. Grid row indices (`row`) are sheet rows counted from 0.
 * @example
 * const table = readStepTableXlsx(new Uint8Array(await file.arrayBuffer()), { sheet: 'Quy trình' });
 * table.rows[0].budget // { amount: 30, unit: 'workingMinute' }
 * const { steps } = stepTableToSteps(table, { agency: 'UBND xã An Bình' });
 */
export function readStepTableXlsx(bytes: Uint8Array, options: StepTableXlsxOptions = {}): StepTable {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('readStepTableXlsx: expected the file as a Uint8Array');
  const ctx = readContext('table');
  const grid = readWorkbookGrid(ctx, bytes, options.sheet, options.limits ?? {});
  if (!grid) return { rows: [], groups: [], issues: ctx.issues };
  const { sheet: _sheet, limits: _limits, ...readOptions } = options;
  const table = readGrid(grid, { surroundingText: sheetText(grid), ...readOptions });
  return { ...table, issues: [...ctx.issues, ...table.issues] };
}
