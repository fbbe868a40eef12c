import {
  type CatalogueCoverage,
  type CoverageProcess,
  catalogueCoverage,
  detectFormat,
  nativeCode,
  parseCsv,
  readCatalogueIndex,
} from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json, table } from '../format.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { loadDocuments } from './plan.js';
import { readInputText } from '../input-file.js';

const OPTIONS: OptionSpecs = {
  json: { type: 'boolean', help: 'print {uncovered, unlisted, covered, problems} as JSON' },
};

/** The list's rows: JSON, or CSV with a header row. */
function readList(file: string): unknown {
  let text: string;
  try {
    text = readInputText(file).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`"${file}" cannot be read (${(error as { code?: string }).code ?? 'unreadable'})`);
  }
  if (file.toLowerCase().endsWith('.csv')) {
    const [header, ...rows] = parseCsv(text);
    return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h.trim(), r[i] ?? ''])));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`"${file}" is not JSON or CSV (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Process documents of the paths given: each one's code and system, from its shape. */
function readProcesses(paths: readonly string[]): CoverageProcess[] {
  const out: CoverageProcess[] = [];
  for (const path of paths) {
    for (const d of loadDocuments(path, 'process').documents) {
      const format = detectFormat(d.raw);
      if (format === null || format === 'catalogue') {
        throw new UsageError(`"${d.source}" is not a process document (e-ISO, portal or OpenCPS)`);
      }
      const code = nativeCode(format, d.raw);
      if (code === undefined) throw new UsageError(`"${d.source}": no TTHC code in its ${format} code field`);
      out.push({ code, source: d.source ?? path, system: format });
    }
  }
  return out;
}

/**
 * The coverage for people: counts, then the uncovered procedures and the unlisted processes.
 * @example coverageText(catalogueCoverage(index, processes), 12)
 */
export function coverageText(c: CatalogueCoverage, listed: number): string {
  const lines = [
    `Danh mục (list): ${listed} thủ tục (procedures); có quy trình (with a process): ${c.covered.length}; ` +
      `chưa có (without): ${c.uncovered.length}; quy trình ngoài danh mục (processes not in the list): ${c.unlisted.length}`,
    '',
  ];
  if (c.uncovered.length > 0) {
    lines.push(
      'Thủ tục chưa có quy trình (procedures with no e-ISO or portal process):',
      table(
        ['Mã (code)', 'Tên (name)', 'Loại (type)'],
        c.uncovered.map((e) => [e.code, e.name ?? '', e.type ?? '']),
      ),
    );
  }
  if (c.unlisted.length > 0) {
    lines.push(
      'Quy trình có mã không thuộc danh mục (processes whose code is not listed):',
      table(
        ['Mã (code)', 'Hệ thống (system)', 'Tệp (file)'],
        c.unlisted.map((p) => [p.code, p.system, p.source]),
      ),
    );
  }
  return lines.join('\n');
}

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(coverageCommand.help());
    return 0;
  }
  const [listFile, ...paths] = positionals;
  if (listFile === undefined || paths.length === 0) {
    throw new UsageError('expected <list.json|csv> <process files or directories…> (tthc coverage --help)');
  }
  const index = readCatalogueIndex(readList(listFile));
  const whole = index.problems.find((p) => p.index < 0 && index.entries.length === 0);
  if (whole) throw new UsageError(`"${listFile}": ${whole.message}`);
  for (const p of index.problems) context.io.stderr.write(`${listFile}: row ${p.index}: ${p.code}: ${p.message}\n`);
  const result = catalogueCoverage(index, readProcesses(paths));
  if (values.json === true) {
    context.io.stdout.write(
      json({
        uncovered: result.uncovered.map((e) => ({ code: e.code, name: e.name, type: e.type })),
        unlisted: result.unlisted,
        covered: result.covered.map((c) => ({ code: c.entry.code, processes: c.processes })),
        problems: index.problems,
      }),
    );
  } else context.io.stdout.write(`${coverageText(result, index.entries.length)}\n`);
  return 0;
}

/** `tthc coverage <list> <processes…> [--json]`. */
export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'compare the public list of procedures with the process documents: what has no process, what is not listed',
  help: () =>
    commandHelp(
      'tthc coverage <list.json|list.csv> <process file|dir>… [--json]',
      'Reads the public list of procedures (TTHC_MA / MATTHC, NAME, TYPE… — JSON rows or CSV with a header) and\n' +
        'the process documents (e-ISO, portal, OpenCPS), pairs them by national code X.NNNNNN, and lists the\n' +
        'listed procedures with no process and the processes whose code is not in the list. Exit 0 when read.',
      OPTIONS,
    ),
  run,
};
