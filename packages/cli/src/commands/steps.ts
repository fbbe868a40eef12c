/**
 * `tthc steps`: reads a work-flow table as agencies hold it (CSV, an .xlsx workbook, an HTML or
 * Markdown process table) and prints its steps, group budgets and declared total.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { formatDuration } from '@tthc/calendar';
import {
  readProcessDecisionTable,
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
};

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
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(path));
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`"${path}" cannot be read (${code}); expected a step table (.csv, .xlsx, .html or .md)`);
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const format = BY_EXTENSION[extname(path).toLowerCase()] ?? (isZip ? 'xlsx' : undefined);
  if (format === undefined) {
    throw new UsageError(
      `"${path}": cannot tell the step table format by its extension; expected .csv, .xlsx, .html or .md`,
    );
  }
  if (options.sheet !== undefined && format !== 'xlsx')
    throw new UsageError(`--sheet applies to .xlsx workbooks, and "${path}" is read as ${format}`);
  const unit = options.numberUnit === undefined ? {} : { numberUnit: options.numberUnit };
  if (format === 'xlsx') {
    return {
      format,
      table: readStepTableXlsx(bytes, options.sheet === undefined ? unit : { ...unit, sheet: options.sheet }),
    };
  }
  const text = new TextDecoder().decode(bytes);
  return { format, table: format === 'csv' ? readStepTableCsv(text, unit) : readProcessDecisionTable(text, unit) };
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
  json: { type: 'boolean', help: 'print { file, format, table, steps } as JSON' },
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
  const { format, table } = readStepTableFile(file, {
    ...(sheet === undefined ? {} : { sheet }),
    ...(numberUnit === undefined ? {} : { numberUnit }),
  });
  const agency = typeof values.agency === 'string' ? values.agency : 'UBND';
  const { steps, issues } = stepTableToSteps(table, { agency });
  const all = [...table.issues, ...issues];
  const error = all.find((i) => i.severity === 'error');
  if (error) throw new UsageError(`"${file}" is not a readable step table: ${error.message}`);
  for (const warning of all) context.io.stderr.write(`warning: ${warning.message}\n`);
  context.io.stdout.write(values.json ? json({ file, format, table, steps }) : tableText(file, format, table));
  return 0;
}

/** `tthc steps <file> [--sheet <name|index>] [--number-unit <day|hour|minute>] [--agency <name>] [--json]`. */
export const stepsCommand: Command = {
  name: 'steps',
  summary: 'read a work-flow table (.csv, .xlsx, .html, .md): steps, group budgets, declared total',
  help: () =>
    commandHelp(
      'tthc steps <file> [--sheet <name|index>] [--number-unit <day|hour|minute>] [--agency <name>] [--json]',
      'Reads the step table of a procedure as agencies hold it: the e-ISO work-flow table exported as CSV\n' +
        'or saved as an .xlsx workbook, or the process table of a decision as HTML or Markdown. Prints each\n' +
        'step with its time (a merged time cell is one group budget), and the declared total. Exit 0: read;\n' +
        '1: the file cannot be read as a step table (the message names the cell, e.g. /xlsx/…/sheet1.xml/D7).',
      OPTIONS,
    ),
  run,
};
