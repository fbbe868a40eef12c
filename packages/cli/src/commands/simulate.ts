/**
 * `tthc simulate`: a seeded simulation of a process under a scenario file, printed as a summary, JSON,
 * a self-contained HTML report or Markdown. The seed is an argument (default 1), never the clock, so
 * the same command prints the same numbers.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CalendarError } from '@tthc/calendar';
import { type SimulationProgress, type SimulationResult, simulate } from '@tthc/sim';
import { renderSimulationHtml, renderSimulationMarkdown } from '@tthc/sim';
import { commandHelp, type OptionSpecs, parseCommandArgs, type ParsedArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json, table } from '../format.js';
import { type CliIo, isTerminal, UsageError } from '../io.js';
import { readJsonFile } from '../json-file.js';
import { loadProcedure, loadProcess } from '../procedure-files.js';
import type { Command } from './command.js';

const pct = (x: number | null, digits = 2): string => (x === null ? '—' : `${(x * 100).toFixed(digits)} %`);
const num = (x: number | null, digits: number): string => (x === null ? '—' : x.toFixed(digits));

/**
 * `tthc simulate` for people: the on-time rate with its 95 % interval, lead times, each step's waiting
 * and processing, utilisation and the bottleneck ranking.
 * @example simulationText(simulate(procedure, process, vietnamCalendar(), scenario, { seed: 1 }))
 */
export function simulationText(r: SimulationResult): string {
  const d = r.dossiers;
  const lt = r.leadTime;
  const lines = [
    `Mô phỏng (simulation) thủ tục ${r.procedureCode}, quy trình v${r.processVersion}, kênh ${r.channel}, seed ${r.seed}`,
    `  Tiếp nhận (arrival window):   ${r.window.from} → ${r.window.to} (${num(r.window.workingDays, 1)} ngày làm việc)`,
    `  Hồ sơ (dossiers):             ${d.arrived} tiếp nhận, ${d.finished} đã xử lý — ${d.early} trước hạn, ${d.onTime} đúng hạn, ${d.late} quá hạn; ${d.supplemented} bổ sung`,
    r.replications
      ? `  Tỷ lệ đúng hạn (on time):     ${pct(r.onTimeRate.rate)} (95 % CI ${pct(r.onTimeRate.low)}–${pct(r.onTimeRate.high)}, Student t over ${r.replications.count} replications; ${r.onTimeRate.successes}/${r.onTimeRate.trials} pooled)`
      : `  Tỷ lệ đúng hạn (on time):     ${pct(r.onTimeRate.rate)} (95 % CI ${pct(r.onTimeRate.low)}–${pct(r.onTimeRate.high)}, ${r.onTimeRate.successes}/${r.onTimeRate.trials})`,
    ...(r.replications
      ? [
          `  Thời gian TB (mean lead):     ${num(r.replications.meanLeadTime.mean, 3)} ngày làm việc (95 % CI ${num(r.replications.meanLeadTime.low, 3)}–${num(r.replications.meanLeadTime.high, 3)}, ${r.replications.count} replications; other figures: replication 1, seed ${r.seed})`,
        ]
      : []),
    `  Thời gian giải quyết (lead):  P50 ${num(lt.p50, 2)}, P90 ${num(lt.p90, 2)}, P99 ${num(lt.p99, 2)}, max ${num(lt.max, 2)} ngày làm việc (working days)`,
    `  Phiếu xin lỗi (apologies):    ${r.apology.predicted} dự báo (predicted)`,
    '',
    table(
      ['Bước (step)', 'Lượt (visits)', 'Chờ TB (wait, min)', 'Xử lý TB (proc., min)', 'Đúng hạn (on time)'],
      r.steps.map((s) => [
        s.step,
        String(s.visits),
        num(s.waiting.mean, 1),
        num(s.processing.mean, 1),
        s.onTimeRate.rate === null
          ? '—'
          : `${pct(s.onTimeRate.rate, 1)} [${pct(s.onTimeRate.low, 1)}–${pct(s.onTimeRate.high, 1)}]`,
      ]),
    ),
    table(
      ['Hạng (rank)', 'Đơn vị (unit)', 'Cán bộ (staff)', 'Hiệu suất (utilisation)', 'Chờ TB (wait, min)'],
      r.bottlenecks.map((b) => {
        const unit = r.units.find((u) => u.unit === b.unit);
        return [String(b.rank), b.unit, String(unit?.staff ?? ''), pct(b.utilisation, 1), num(b.meanWaiting, 1)];
      }),
    ),
  ];
  return lines.join('\n');
}

/**
 * A text progress bar: `[######----] 6000/10000`.
 * @example progressBar(6000, 10000, 10) // '[######----] 6000/10000'
 */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

const OPTIONS: OptionSpecs = {
  procedure: { type: 'string', value: '<file>', help: 'the procedure (default: procedure.json beside the process)' },
  seed: { type: 'string', value: '<N>', help: 'integer seed; the same seed prints the same result (default 1)' },
  dossiers: { type: 'string', value: '<N>', help: 'stop arrivals after N dossiers (default: the scenario horizon)' },
  replications: {
    type: 'string',
    value: '<N>',
    help: 'N ≥ 2 independent replications: on-time rate and mean lead time with Student-t 95 % intervals',
  },
  json: { type: 'boolean', help: 'print the SimulationResult as JSON' },
  html: { type: 'string', value: '<out.html>', help: 'write a self-contained HTML report with charts' },
  md: { type: 'string', value: '<out.md>', help: 'write a Markdown report' },
  progress: {
    type: 'boolean',
    help: 'show a progress bar on stderr (default: only when stderr is a terminal and without --json)',
  },
};

/**
 * A whole number option: `--seed` accepts any safe integer, `--dossiers` only ≥ 1.
 * @throws {UsageError} naming the option and the value.
 * @example integerOption('42', 'seed', { min: Number.MIN_SAFE_INTEGER }) // 42
 */
export function integerOption(
  value: string | boolean | undefined,
  name: string,
  options: { readonly min: number },
): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < options.min) {
    const range = options.min === 1 ? 'a whole number ≥ 1' : 'an integer';
    throw new UsageError(`--${name} "${value}" is not ${range}`);
  }
  return n;
}

/** Progress on stderr: dossiers finished of `--dossiers` when given, else working days of the run. */
function progressReporter(
  io: CliIo,
  total: number | undefined,
  workingDayMinutes: number,
): (p: SimulationProgress) => void {
  return (p) => {
    const line =
      total === undefined
        ? `${progressBar(p.finished, Math.max(p.arrived, 1))} hồ sơ (dossiers), ${(p.minutes / workingDayMinutes).toFixed(1)} ngày làm việc`
        : progressBar(p.finished, total);
    io.stderr.write(`\r${line}`);
  };
}

function outputs(values: ParsedArgs['values']): { html?: string; md?: string; json: boolean } {
  const chosen = (['json', 'html', 'md'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
  if (chosen.length > 1) {
    throw new UsageError(
      `--${chosen[0]} and --${chosen[1]} cannot be combined; choose one of --json, --html <file>, --md <file>`,
    );
  }
  return {
    json: values.json === true,
    html: typeof values.html === 'string' ? values.html : undefined,
    md: typeof values.md === 'string' ? values.md : undefined,
  };
}

/**
 * Writes a report file.
 * @throws {UsageError} naming the option and the path when the file cannot be written.
 * @example writeReport('report.html', html, 'html', io)
 */
export function writeReport(path: string, text: string, option: string, io: CliIo): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unwritable';
    throw new UsageError(`--${option} "${path}" cannot be written (${code})`);
  }
  io.stderr.write(`đã ghi (wrote) ${path} (${Buffer.byteLength(text)} bytes)\n`);
}

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(simulateCommand.help());
    return 0;
  }
  const [processFile, scenarioFile, ...extra] = positionals;
  if (processFile === undefined || scenarioFile === undefined) {
    throw new UsageError('expected <process.json> <scenario.json> (tthc simulate --help)');
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"; expected <process.json> <scenario.json>`);
  }
  const out = outputs(values);
  const seed = integerOption(values.seed, 'seed', { min: Number.MIN_SAFE_INTEGER }) ?? 1;
  const dossiers = integerOption(values.dossiers, 'dossiers', { min: 1 });
  const replications = integerOption(values.replications, 'replications', { min: 1 });
  if (replications === 1) throw new UsageError('--replications "1" is not a whole number ≥ 2 (omit it for one run)');
  const procedureFile =
    typeof values.procedure === 'string' ? values.procedure : join(dirname(processFile), 'procedure.json');
  const procedure = loadProcedure(procedureFile);
  const process = loadProcess(processFile);
  const scenario = readJsonFile(scenarioFile);
  const calendar = context.calendar();
  // Progress only on a terminal and never with --json (clig.dev), unless asked for with --progress.
  const showProgress = values.progress === true || (isTerminal(context.io.stderr) && values.json !== true);
  let result: SimulationResult;
  try {
    result = simulate(procedure, process, calendar, scenario, {
      seed,
      ...(dossiers === undefined ? {} : { dossiers }),
      ...(replications === undefined ? {} : { replications }),
      ...(showProgress ? { onProgress: progressReporter(context.io, dossiers, calendar.workingDayMinutes) } : {}),
    });
  } catch (error) {
    // Scenario problems name the scenario path; add the file so the user knows where to look.
    if (error instanceof CalendarError) throw new UsageError(`"${scenarioFile}": ${error.message}`);
    throw error;
  } finally {
    if (showProgress) context.io.stderr.write('\n');
  }
  if (out.json) context.io.stdout.write(json(result));
  else if (out.html !== undefined) writeReport(out.html, renderSimulationHtml(result), 'html', context.io);
  else if (out.md !== undefined) writeReport(out.md, renderSimulationMarkdown(result), 'md', context.io);
  else context.io.stdout.write(`${simulationText(result)}`);
  return 0;
}

/** `tthc simulate <process.json> <scenario.json> [--procedure <file>] [--seed N] [--dossiers N] [--replications N] [--json | --html <file> | --md <file>]`. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate dossiers through a process: on-time rate ± 95 % CI, lead times, bottlenecks, HTML report',
  help: () =>
    commandHelp(
      'tthc simulate <process.json> <scenario.json> [--procedure <file>] [--seed N] [--dossiers N] [--replications N] [--json | --html <out.html> | --md <out.md>] [--progress]',
      'Runs a seeded discrete-event simulation of the process under the scenario (arrivals, step durations,\n' +
        'outcomes, staff per unit, supplementation; docs/simulation.md) on the Vietnam working calendar and\n' +
        'prints the on-time rate with its 95 % interval, lead-time percentiles, waiting vs processing per step,\n' +
        'utilisation and the bottleneck ranking. The same seed gives the same result; the clock is never read.',
      OPTIONS,
    ),
  run,
};
