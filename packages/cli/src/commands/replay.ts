import { dirname, extname, join } from 'node:path';
import { formatLocalInstant, type WorkCalendar } from '@tthc/calendar';
import { type EventLog, type LogFormat, type ReplayResult, readEventLog, replay } from '@tthc/sim';
import { renderReplayHtml } from '@tthc/sim';
import { dvcqgReplayEvents, PROGRESS_COLUMNS, readDvcqgProgress, rebuildDossiers } from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json, table } from '../format.js';
import { UsageError } from '../io.js';
import { loadProcedure, loadProcess } from '../procedure-files.js';
import type { Command } from './command.js';
import { writeReport } from './simulate.js';
import { readInputText } from '../input-file.js';

const FORMATS: Readonly<Record<string, LogFormat>> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};

/**
 * The log format from `--format`, else from the file's extension.
 * @throws {UsageError} naming the file or the option and the accepted values.
 * @example logFormat('progress.csv', undefined) // 'csv'
 */
export function logFormat(file: string, option: string | boolean | undefined): LogFormat {
  if (typeof option === 'string') {
    if (option === 'csv' || option === 'jsonl' || option === 'json') return option;
    throw new UsageError(`--format "${option}" is not a log format; expected csv, jsonl or json`);
  }
  const format = FORMATS[extname(file).toLowerCase()];
  if (format) return format;
  throw new UsageError(`"${file}": cannot tell the log format from the extension; use --format csv|jsonl|json`);
}

/**
 * Reads and parses the log file.
 * @throws {UsageError} when the file cannot be read, or holds no usable event at all (naming its first problem).
 * @example readLogFile('examples/logs/ho-kinh-doanh-progress.csv', 'csv').events.length // 36
 */
export function readLogFile(file: string, format: LogFormat): EventLog {
  let text: string;
  try {
    text = readInputText(file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`"${file}" cannot be read (${code}); expected an event log (${format})`);
  }
  const log = readEventLog(text, { format });
  if (log.events.length === 0) {
    const first = log.problems[0];
    const why = first ? `line ${first.line}: ${first.message}` : 'the file is empty';
    throw new UsageError(`"${file}" holds no readable event (${why})`);
  }
  return log;
}

/**
 * One line per problem row: `<file>:<line>: <column>: <message>`.
 * @example problemLines('log.csv', [{ line: 12, message: 'MaHoSo: missing dossier id' }])
 */
export function problemLines(file: string, problems: EventLog['problems']): string {
  return problems.map((p) => `${file}:${p.line}: ${p.message}\n`).join('');
}

const pct = (x: number, digits = 2): string => `${x.toFixed(digits)} %`;

function when(calendar: WorkCalendar, ms: number): string {
  return formatLocalInstant(calendar, ms).slice(0, 16).replace('T', ' ');
}

/**
 * `tthc replay` for people: the fitness metrics, the deviations by dossier and step, and the late steps.
 * @example replayText(replay(procedure, process, vietnamCalendar(), log), vietnamCalendar())
 */
export function replayText(r: ReplayResult, calendar: WorkCalendar): string {
  const s = r.summary;
  const deviations = r.dossiers.flatMap((d) => d.deviations);
  const late = r.dossiers.flatMap((d) => d.lateSteps.map((l) => ({ d, l })));
  const classes = Object.entries(s.classification)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [
    `Đối chiếu nhật ký (replay): ${s.traces} hồ sơ (dossiers), ${s.events} sự kiện (events)`,
    `  Vết khớp (fitting traces):     ${s.fittingTraces}/${s.traces} = ${pct(s.percFitTraces)}`,
    `  Độ khớp (fitness):             trung bình (average) ${s.averageFitness.toFixed(4)}, nhật ký (log) ${s.logFitness.toFixed(4)}  [m ${s.missing}, c ${s.consumed}, r ${s.remaining}, p ${s.produced}]`,
    `  Đúng hạn (on time):            ${pct(s.onTimeRate * 100, 1)} — ${classes || 'none'}`,
    `  Sai lệch (deviations):         ${deviations.length}; bước trễ (late steps): ${s.lateSteps}; dòng lỗi (problem rows): ${r.problems.length}`,
    '',
  ];
  if (deviations.length > 0) {
    lines.push(
      table(
        ['Hồ sơ (dossier)', 'Bước (step)', 'Loại (kind)', 'Dòng (line)', 'Mô tả (message)'],
        deviations.map((v) => [v.dossierId, v.step ?? '—', v.kind, String(v.line), v.message]),
      ),
    );
  }
  if (late.length > 0) {
    lines.push(
      table(
        ['Hồ sơ (dossier)', 'Bước (step)', 'Dòng (line)', 'Hạn (due)', 'Xong (done)', 'Trễ (late, min)'],
        late.map(({ d, l }) => [
          d.dossierId,
          l.step,
          String(l.line),
          when(calendar, l.due),
          when(calendar, l.doneAt),
          String(Math.round(l.lateMinutes)),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

/**
 * True when the text holds DVCQG progress rows as a real client exports them: a JSON array (or
 * `{ data: [...] }`) of CapNhatTienDoHoSoMC rows, or a CSV whose header is progress-row columns
 * without this library's KenhThucHien column. Those rows name actions, not steps, so they are
 * mapped to steps through the process (`@tthc/sync` rebuildDossiers) before the replay.
 * @example looksLikeClientProgress('[{"MaHoSo":"X","ThoiDiemXuLy":"20260302090000","NoiDungXuLy":"Chuyển xử lý","TrangThai":"4"}]') // true
 */
export function looksLikeClientProgress(text: string): boolean {
  const src = text.replace(/^\uFEFF/, '').trimStart();
  const need = ['MaHoSo', 'ThoiDiemXuLy', 'NoiDungXuLy', 'TrangThai'];
  if (src.startsWith('[') || src.startsWith('{')) {
    try {
      const doc: unknown = JSON.parse(src);
      const list = Array.isArray(doc) ? doc : (doc as { data?: unknown } | null)?.data;
      const first = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
      return first !== undefined && first !== null && need.every((k) => k in first);
    } catch {
      return false;
    }
  }
  const header = (src.split(/\r?\n/, 1)[0] ?? '').split(',').map((h) => h.trim());
  const known = new Set<string>(PROGRESS_COLUMNS);
  return need.every((k) => header.includes(k)) && !header.includes('KenhThucHien') && header.every((h) => known.has(h));
}

const OPTIONS: OptionSpecs = {
  procedure: { type: 'string', value: '<file>', help: 'the procedure (default: procedure.json beside the process)' },
  format: { type: 'string', value: '<csv|jsonl|json>', help: 'log format (default: from the extension)' },
  json: { type: 'boolean', help: 'print the ReplayResult as JSON' },
  html: { type: 'string', value: '<out.html>', help: 'write a self-contained HTML report with charts' },
  dvcqg: {
    type: 'boolean',
    help: 'read the log as DVCQG progress rows and map them to steps through the process (auto for real clients’ rows)',
  },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(replayCommand.help());
    return 0;
  }
  const [processFile, logFile, ...extra] = positionals;
  if (processFile === undefined || logFile === undefined) {
    throw new UsageError('expected <process.json> <log.csv|jsonl|json> (tthc replay --help)');
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; expected <process.json> <log>`);
  if (values.json === true && typeof values.html === 'string') {
    throw new UsageError('--json and --html cannot be combined; choose one');
  }
  const procedureFile =
    typeof values.procedure === 'string' ? values.procedure : join(dirname(processFile), 'procedure.json');
  const procedure = loadProcedure(procedureFile);
  const process = loadProcess(processFile);
  const calendar = context.calendar();
  const text = values.dvcqg === true || extname(logFile).toLowerCase() !== '.jsonl' ? readText(logFile) : '';
  const log =
    values.dvcqg === true || looksLikeClientProgress(text)
      ? progressLog(text, logFile, { procedure, process, calendar })
      : readLogFile(logFile, logFormat(logFile, values.format));
  context.io.stderr.write(problemLines(logFile, log.problems));
  const result = replay(procedure, process, calendar, log);
  if (values.json === true) context.io.stdout.write(json(result));
  else if (typeof values.html === 'string') {
    const html = renderReplayHtml(result, {
      calendar,
      subtitle: `${logFile} — ${result.summary.traces} hồ sơ (dossiers)`,
    });
    writeReport(values.html, html, 'html', context.io);
  } else context.io.stdout.write(replayText(result, calendar));
  return 0;
}

function readText(file: string): string {
  try {
    return readInputText(file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`"${file}" cannot be read (${code}); expected an event log`);
  }
}

/** DVCQG progress rows → an event log, each row mapped to a step through the process. */
function progressLog(
  text: string,
  file: string,
  ctx: { procedure: ReturnType<typeof loadProcedure>; process: ReturnType<typeof loadProcess>; calendar: WorkCalendar },
): EventLog {
  const read = readDvcqgProgress(text, file.toLowerCase().endsWith('.csv') ? { format: 'csv' } : {});
  const input = read.problems.find((p) => p.code === 'input.invalid');
  if (input) throw new UsageError(`"${file}": ${input.message}`);
  const rebuilt = rebuildDossiers(read.rows, { ...ctx, positions: read.positions });
  const log = dvcqgReplayEvents(read, rebuilt, ctx.process);
  if (log.events.length === 0) {
    const why = log.problems[0] ? `line ${log.problems[0].line}: ${log.problems[0].message}` : 'no row maps to a step';
    throw new UsageError(`"${file}" holds no progress row that maps to a step (${why})`);
  }
  return log;
}

/** `tthc replay <process.json> <log> [--procedure <file>] [--format csv|jsonl|json] [--json | --html <file>]`. */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay a dossier event log against a process: fitness, deviations, lateness, HTML report',
  help: () =>
    commandHelp(
      'tthc replay <process.json> <log.csv|jsonl|json> [--procedure <file>] [--format csv|jsonl|json] [--json | --html <out.html>]',
      'Reads the event log (generic columns, DVCQG progress rows or XES names; docs/replay.md), replays each\n' +
        'dossier (real clients’ DVCQG progress rows — JSON, or CSV without KenhThucHien, or with --dvcqg — are\n' +
        'first mapped to steps through the process’s step names, action labels, performers and statuses),\n' +
        'dossier on the process (token-based replay, PM4Py fitness), and reports deviations (skipped,\n' +
        'unexpected, wrong performer, out of order, unknown activity), per-step lateness and the on-time\n' +
        'classification. Unusable rows are listed on stderr with line numbers. Exit 0 when the log was read\n' +
        '(deviations are findings), 1 when it cannot be read at all.',
      OPTIONS,
    ),
  run,
};
