import { extname } from 'node:path';
import { formatDuration } from '@tthc/calendar';
import {
  type DecisionDocument,
  type DecisionTable,
  pickTable,
  readDecision,
  readStepTableCsv,
  readStepTableXlsx,
  type StepTable,
  stepTableToSteps,
} from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { readInputBytes } from '../input-file.js';

/** The file formats a step table is read from. */
export type StepTableFormat = 'csv' | 'xlsx' | 'decision';

const BY_EXTENSION: Readonly<Record<string, StepTableFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.html': 'decision',
  '.htm': 'decision',
  '.md': 'decision',
  '.markdown': 'decision',
  '.docx': 'decision',
};

function readBytes(path: string, options: StepTableFileOptions): { bytes: Uint8Array; format: StepTableFormat } {
  let bytes: Uint8Array;
  try {
    bytes = readInputBytes(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(
      `"${path}" cannot be read (${code}); expected a step table (.csv, .xlsx, .html, .md or .docx)`,
    );
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const format = BY_EXTENSION[extname(path).toLowerCase()] ?? (isZip ? 'xlsx' : undefined);
  if (format === undefined) {
    throw new UsageError(
      `"${path}": cannot tell the step table format by its extension; expected .csv, .xlsx, .html, .md or .docx`,
    );
  }
  if (options.sheet !== undefined && format !== 'xlsx')
    throw new UsageError(`--sheet applies to .xlsx workbooks, and "${path}" is read as ${format}`);
  return { bytes, format };
}

/** Options of {@link readStepTableFile}. */
export interface StepTableFileOptions {
  /** The sheet of a workbook: its name or 0-based index. */
  readonly sheet?: string | number;
  /** Unit of a time written as a bare number when the header names none (default working days, with a warning). */
  readonly numberUnit?: 'workingDay' | 'workingHour' | 'workingMinute';
}

/**
 * Reads a step table file; the format comes from the extension, or from the bytes (a zip is a
 * workbook). A workbook is read as bytes, everything else as UTF-8 text.
 * @throws {UsageError} naming the file when it cannot be read or its format cannot be told.
 * @example readStepTableFile('packages/sync/src/__fixtures__/birth-registration.steps.xlsx').format // 'xlsx'
 */
export function readStepTableFile(
  path: string,
  options: StepTableFileOptions = {},
): { format: StepTableFormat; table: StepTable } {
  const { bytes, format } = readBytes(path, options);
  const doc = readStepTableDocument(bytes, format, options);
  return { format, table: pickTable(doc).table };
}

/** Reads the bytes of a step-table file as a document of step tables (CSV and XLSX hold one). */
function readStepTableDocument(
  bytes: Uint8Array,
  format: StepTableFormat,
  options: StepTableFileOptions,
): DecisionDocument {
  const unit = options.numberUnit === undefined ? {} : { numberUnit: options.numberUnit };
  const single = (table: StepTable): DecisionDocument => ({
    format: 'markdown',
    tables: [{ index: 0, procedure: {}, table }],
    abbreviations: {},
    texts: [],
    issues: [],
  });
  if (format === 'xlsx')
    return single(readStepTableXlsx(bytes, options.sheet === undefined ? unit : { ...unit, sheet: options.sheet }));
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (format === 'decision' && isZip) return readDecision(bytes, { ...unit, format: 'docx' });
  const text = new TextDecoder().decode(bytes);
  return format === 'csv' ? single(readStepTableCsv(text, unit)) : readDecision(text, unit);
}

/**
 * Reads a step-table file whole: every step table it holds, with the procedure each belongs to.
 * @throws {UsageError} naming the file when it cannot be read or its format cannot be told.
 * @example readStepTableFileDocument('qd-3857.docx').tables.length // 8
 */
export function readStepTableFileDocument(path: string, options: StepTableFileOptions = {}): DecisionDocument {
  const { bytes, format } = readBytes(path, options);
  return readStepTableDocument(bytes, format, options);
}

const NUMBER_UNITS = { day: 'workingDay', hour: 'workingHour', minute: 'workingMinute' } as const;

const OPTIONS: OptionSpecs = {
  'number-unit': {
    type: 'string',
    value: '<day|hour|minute>',
    help: 'unit of a time written as a bare number when the header names none (default day, with a warning)',
  },
  sheet: { type: 'string', value: '<name|index>', help: 'the sheet of an .xlsx workbook (default: the first visible)' },
  agency: {
    type: 'string',
    value: '<name>',
    help: 'the agency of the table: the unit of a role written without one (default: "UBND")',
  },
  list: { type: 'boolean', help: 'list the step tables of the file: index, TTHC code, procedure, steps, total' },
  table: {
    type: 'string',
    value: '<N|CODE>',
    help: 'the step table to read: its 0-based index, or the TTHC code above it (default: the first, with a warning when there are several)',
  },
  all: { type: 'boolean', help: 'read every step table: one process per procedure, keyed by its TTHC code' },
  json: {
    type: 'boolean',
    help: 'print { file, format, table, steps } as JSON (with --all: { file, decision, processes })',
  },
};

/** `--sheet 2` is an index, `--sheet "Quy trình"` a name. */
function sheetOption(value: unknown): string | number | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function tableText(file: string, format: StepTableFormat, table: StepTable): string {
  const lines = table.rows.map((r) => {
    const group = r.group === undefined ? undefined : table.groups[r.group];
    const time = r.budget ? formatDuration(r.budget) : group ? `${formatDuration(group.budget)} (nhóm/group)` : '';
    return `${r.key.padEnd(6)}  ${time.padEnd(28)}  ${r.responsibility.replace(/\n/g, ' ')}  —  ${r.content.split('\n')[0]}`;
  });
  const total = table.totalLimit ? `Tổng / total: ${formatDuration(table.totalLimit)}\n` : '';
  return `${file} (${format}): ${table.rows.length} bước / steps\n${lines.join('\n')}\n${total}`;
}

function listText(file: string, doc: DecisionDocument): string {
  const head = doc.decision
    ? `${file}: ${doc.tables.length} bảng / tables (Quyết định ${doc.decision.number}${doc.decision.date ? `, ${doc.decision.date}` : ''})`
    : `${file}: ${doc.tables.length} bảng / tables`;
  const lines = doc.tables.map((t) => {
    const total = t.table.totalLimit ? formatDuration(t.table.totalLimit) : '—';
    return `#${String(t.index).padEnd(3)} ${(t.procedure.code ?? '—').padEnd(10)} ${String(t.table.rows.length).padStart(3)} bước  ${total.padEnd(20)}  ${t.procedure.name ?? ''}`;
  });
  return `${head}
${lines.join('\n')}
`;
}

/** The key of a table in `--all`: its TTHC code, or `#N` when no code is stated (a second table of one code gets `#N` too). */
function processKey(t: DecisionTable, seen: Set<string>): string {
  const key = t.procedure.code && !seen.has(t.procedure.code) ? t.procedure.code : `#${t.index}`;
  seen.add(key);
  return key;
}

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(stepsCommand.help());
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`expected one step table file (tthc steps <file>), got ${positionals.length} arguments`);
  }
  const file = positionals[0]!;
  const sheet = sheetOption(values.sheet);
  const unitName = values['number-unit'];
  let numberUnit: StepTableFileOptions['numberUnit'];
  if (typeof unitName === 'string') {
    numberUnit = Object.hasOwn(NUMBER_UNITS, unitName)
      ? NUMBER_UNITS[unitName as keyof typeof NUMBER_UNITS]
      : undefined;
    if (numberUnit === undefined) throw new UsageError(`--number-unit "${unitName}": expected day, hour or minute`);
  }
  const chosen = [values.list, values.all, values.table !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('--list, --table and --all are alternatives: give one of them');
  const options = { ...(sheet === undefined ? {} : { sheet }), ...(numberUnit === undefined ? {} : { numberUnit }) };
  const { format } = readBytes(file, options);
  const doc = readStepTableFileDocument(file, options);
  const agency = typeof values.agency === 'string' ? values.agency : 'UBND';
  const docError = doc.issues.find((i) => i.severity === 'error');
  if (docError) throw new UsageError(`"${file}" is not a readable document: ${docError.message}`);
  if (values.list) {
    for (const w of doc.issues) context.io.stderr.write(`warning: ${w.message}\n`);
    context.io.stdout.write(
      values.json
        ? json({
            file,
            format,
            decision: doc.decision ?? null,
            tables: doc.tables.map((t) => ({
              index: t.index,
              procedure: t.procedure,
              steps: t.table.rows.length,
              totalLimit: t.table.totalLimit ?? null,
              issues: t.table.issues,
            })),
          })
        : listText(file, doc),
    );
    return 0;
  }
  const readOne = (t: DecisionTable) => {
    const { steps, issues } = stepTableToSteps(t.table, { agency, abbreviations: doc.abbreviations });
    const all = [...t.table.issues, ...issues];
    const error = all.find((i) => i.severity === 'error');
    const which = t.procedure.code
      ? ` (table #${t.index}, ${t.procedure.code})`
      : doc.tables.length > 1
        ? ` (table #${t.index})`
        : '';
    if (error) throw new UsageError(`"${file}"${which} is not a readable step table: ${error.message}`);
    for (const warning of all) context.io.stderr.write(`warning: ${warning.message}\n`);
    return steps;
  };
  if (values.all) {
    if (doc.tables.length === 0) throw new UsageError(`"${file}" holds no step table`);
    const seen = new Set<string>();
    const processes: Record<string, unknown> = {};
    let text = '';
    for (const t of doc.tables) {
      const steps = readOne(t);
      const key = processKey(t, seen);
      processes[key] = { procedure: t.procedure, table: t.table, steps };
      text += `${key} ${t.procedure.name ?? ''}\n${tableText(file, format, t.table)}\n`;
    }
    context.io.stdout.write(values.json ? json({ file, format, decision: doc.decision ?? null, processes }) : text);
    return 0;
  }
  const wanted =
    typeof values.table === 'string' ? (/^\d+$/.test(values.table) ? Number(values.table) : values.table) : undefined;
  const picked = pickTable(doc, wanted === undefined ? {} : { table: wanted });
  const steps = readOne(picked);
  context.io.stdout.write(
    values.json
      ? json({ file, format, procedure: picked.procedure, table: picked.table, steps })
      : tableText(file, format, picked.table),
  );
  return 0;
}

/** `tthc steps <file> [--list | --table <N|CODE> | --all] [--sheet <name|index>] [--number-unit <day|hour|minute>] [--agency <name>] [--json]`. */
export const stepsCommand: Command = {
  name: 'steps',
  summary: 'read a work-flow table (.csv, .xlsx, .html, .md, .docx): steps, group budgets, declared total',
  help: () =>
    commandHelp(
      'tthc steps <file> [--list | --table <N|CODE> | --all] [--sheet <name|index>] [--number-unit <day|hour|minute>] [--agency <name>] [--json]',
      'Reads the step table of a procedure as agencies hold it: the e-ISO work-flow table exported as CSV\n' +
        'or saved as an .xlsx workbook, or a decision / ISO procedure as HTML, Markdown or .docx. Prints each\n' +
        'step with its time (a merged time cell is one group budget), and the declared total. A document with\n' +
        'several step tables: --list lists them, --table N|CODE reads one, --all reads every one (without\n' +
        'them the first is read, with a warning). Exit 0: read; 1: the file cannot be read as a step table\n' +
        '(the message names the cell, e.g. /xlsx/…/sheet1.xml/D7).',
      OPTIONS,
    ),
  run,
};
