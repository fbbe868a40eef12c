/**
 * The simulation and replay parts of `tthc demo`: the ward scenario of examples/simulation (seed 1)
 * with a what-if of one more officer at the bottleneck, and the example progress log of examples/logs
 * with its known deviations. Every number is computed at run time from the example files.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { vietnamCalendar, type WorkCalendar } from '@tthc/calendar';
import { compareScenarios, replay, type SimulationResult, simulate } from '@tthc/sim';
import { problemLines, readLogFile, replayText } from './commands/replay.js';
import { defaultExamplesDir } from './examples-dir.js';
import { readJsonFile } from './json-file.js';
import { loadProcedure, loadProcess } from './procedure-files.js';
import type { CliIo } from './io.js';

/** Options of {@link demoSimulation} and {@link demoReplay}. */
export interface DemoSimOptions {
  /** The repository's `examples/` folder. Default: found from the CLI file or the working directory. */
  readonly examplesRoot?: string;
  /** Default: the Vietnam calendar. */
  readonly calendar?: WorkCalendar;
}

const PROCEDURE_DIR = join('procedures', 'dang-ky-thanh-lap-ho-kinh-doanh');
const SCENARIO = join('simulation', 'ward-scenario.json');
const LOG = join('logs', 'ho-kinh-doanh-progress.csv');

function examplesRoot(options: DemoSimOptions): string | null {
  if (options.examplesRoot !== undefined) return options.examplesRoot;
  const procedures = defaultExamplesDir();
  return procedures === null ? null : dirname(procedures);
}

function missing(io: CliIo, what: string): number {
  io.stdout.write(`  (bỏ qua — skipped: ${what} not found; run from a checkout of the repository)\n`);
  return 1;
}

const pct = (x: number | null, digits = 2): string => (x === null ? '—' : `${(x * 100).toFixed(digits)} %`);

function whatIfLine(base: SimulationResult, more: SimulationResult, unit: string): string {
  const c = compareScenarios(base, more);
  const u = c.units.find((x) => x.unit === unit);
  const lead = c.meanLeadTime;
  const fix = (x: number | null | undefined, d: number) => (x === null || x === undefined ? '—' : x.toFixed(d));
  const wait = u ? `chờ TB ${fix(u.meanWaiting.a, 1)} → ${fix(u.meanWaiting.b, 1)} phút (mean wait, min)` : '';
  const interval = lead.low === null ? '' : ` (95 % CI of the change ${fix(lead.low, 3)}…${fix(lead.high, 3)})`;
  return [
    `  Thêm 1 cán bộ tại "${unit}" (what if one more officer):`,
    ...(wait ? [`    ${wait}`] : []),
    `    thời gian giải quyết TB ${fix(lead.a, 3)} → ${fix(lead.b, 3)} ngày LV (mean lead time, working days)`,
    ...(interval ? [`   ${interval}`] : []),
  ].join('\n');
}

/**
 * Simulates a ward's quarter of household-business registrations (examples/simulation/ward-scenario.json,
 * seed 1), prints the on-time rate with its 95 % interval, lead times and the bottleneck, then the
 * effect of one more officer there (same seed: common random numbers). Returns 0, or 1 when the
 * example files are not found.
 * @example demoSimulation({ stdout: process.stdout, stderr: process.stderr })
 */
export function demoSimulation(io: CliIo, options: DemoSimOptions = {}): number {
  const root = examplesRoot(options);
  if (root === null || !existsSync(join(root, SCENARIO))) return missing(io, `examples/${SCENARIO}`);
  const calendar = options.calendar ?? vietnamCalendar();
  const dir = join(root, PROCEDURE_DIR);
  const procedure = loadProcedure(join(dir, 'procedure.json'));
  const process = loadProcess(join(dir, 'process.json'));
  const scenario = readJsonFile(join(root, SCENARIO)) as { staff: Record<string, number> };
  const r = simulate(procedure, process, calendar, scenario, { seed: 1 });
  const top = r.bottlenecks[0];
  const lines = [
    `Mô phỏng một quý tại phường (a ward's quarter, examples/${SCENARIO}, seed 1):`,
    `  ${r.dossiers.arrived} hồ sơ (dossiers), ${r.dossiers.supplemented} phải bổ sung (supplemented); đúng hạn (on time) ` +
      `${pct(r.onTimeRate.rate)}, 95 % CI ${pct(r.onTimeRate.low)}–${pct(r.onTimeRate.high)}`,
    `  Thời gian giải quyết (lead time): P50 ${r.leadTime.p50?.toFixed(2)}, P90 ${r.leadTime.p90?.toFixed(2)}, ` +
      `max ${r.leadTime.max?.toFixed(2)} ngày làm việc (working days) — hạn ${r.limit.amount} ngày (limit)`,
  ];
  if (top) {
    lines.push(
      `  Điểm nghẽn (bottleneck): ${top.unit} — hiệu suất ${pct(top.utilisation, 1)} (utilisation), chờ TB ${top.meanWaiting.toFixed(1)} phút (mean wait)`,
    );
    const more = { ...scenario, staff: { ...scenario.staff, [top.unit]: (scenario.staff[top.unit] ?? 0) + 1 } };
    lines.push(whatIfLine(r, simulate(procedure, process, calendar, more, { seed: 1 }), top.unit));
  }
  lines.push('  Báo cáo HTML (report): tthc simulate <process.json> <scenario.json> --html report.html');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * Replays the example progress log (examples/logs/ho-kinh-doanh-progress.csv) against the household
 * business process: its malformed rows by line, fitness, deviations and the late review. Returns 0, or
 * 1 when the example files are not found.
 * @example demoReplay({ stdout: process.stdout, stderr: process.stderr })
 */
export function demoReplay(io: CliIo, options: DemoSimOptions = {}): number {
  const root = examplesRoot(options);
  if (root === null || !existsSync(join(root, LOG))) return missing(io, `examples/${LOG}`);
  const calendar = options.calendar ?? vietnamCalendar();
  const dir = join(root, PROCEDURE_DIR);
  const procedure = loadProcedure(join(dir, 'procedure.json'));
  const process = loadProcess(join(dir, 'process.json'));
  const log = readLogFile(join(root, LOG), 'csv');
  const result = replay(procedure, process, calendar, log);
  const problems = problemLines(`examples/${LOG.replace(/\\/g, '/')}`, log.problems)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `  dòng lỗi (problem row) ${l}`);
  io.stdout.write(
    `Đối chiếu nhật ký mẫu (example log replay, examples/${LOG.replace(/\\/g, '/')}):\n${problems.join('\n')}\n` +
      `${replayText(result, calendar)}`,
  );
  return 0;
}
