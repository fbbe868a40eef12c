// Benchmark of @tthc/calendar (run with `pnpm bench`, which builds first). It reports; it never fails
// the build: the exit code is always 0.
//
// Every figure is printed beside its anchor measured in the same run, and as a ratio to it:
//   - addWorkingTimeMs / addWorkingTime (20 working days) vs date-fns addBusinessDays (weekends only),
//     vs a hand-written loop-free lookup on the same working days, and vs `new Date(ms)` alone;
//   - first deadline in a fresh process (import + vietnamCalendar() + one call), and the whole
//     `tthc deadline … --json` process, vs `node -e 0`.
// Hot-path figures are medians over ROUNDS interleaved rounds (each round times every task once, in
// turn), so a neighbour's load on a shared machine hits all tasks alike. Goals (issue 13): ≥ 10×,
// ≥ 5×, ≤ 60 ms, ≤ 150 ms.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBusinessDays } from 'date-fns';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CALLS = Number(process.env.BENCH_CALLS ?? 200_000);
const PROCESS_RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 9);
const STARTS = 4096;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Deterministic start instants: 4096 minutes spread over 2024–2025 (Park–Miller LCG, fixed seed). */
function startInstants() {
  const from = Date.UTC(2024, 0, 1);
  const spanMinutes = 2 * 365 * 24 * 60;
  let seed = 20260213;
  const starts = new Float64Array(STARTS);
  for (let i = 0; i < STARTS; i++) {
    seed = (seed * 48271) % 2147483647;
    starts[i] = from + (seed % spanMinutes) * 60_000;
  }
  return starts;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/**
 * The anchor "hand-written loop-free lookup on the same tables": the default calendar's working days
 * 2023–2028 read once through the public API (describeDay), then a due is pure index arithmetic for
 * the standard day 08:00–12:00, 13:00–17:00 at UTC+7 — no checks, no search, no loop.
 */
function loopFreeLookup(calendar, cal) {
  const first = Date.UTC(2023, 0, 1) / DAY;
  const days = (Date.UTC(2029, 0, 1) - Date.UTC(2023, 0, 1)) / DAY;
  const workingBefore = new Int32Array(days + 1);
  const workingDayStart = new Float64Array(days);
  let rank = 0;
  for (let i = 0; i < days; i++) {
    workingBefore[i] = rank;
    const iso = new Date((first + i) * DAY).toISOString().slice(0, 10);
    const info = calendar.describeDay(cal, iso);
    if (info.working) workingDayStart[rank++] = (first + i) * DAY + 8 * HOUR - 7 * HOUR;
  }
  workingBefore[days] = rank;
  const DAY_MS = 8 * HOUR;
  const OFFSET = 7 * HOUR;
  return (t, ms) => {
    const day = Math.floor((t + OFFSET) / DAY) - first;
    const r = workingBefore[day];
    // Working ms already elapsed on the start's day if it is a working day (clamped arithmetic).
    const sinceOpen = t - workingDayStart[r];
    const isToday = workingDayStart[r] < (first + day + 1) * DAY - OFFSET ? 1 : 0;
    const raw = Math.min(Math.max(sinceOpen, 0), 9 * HOUR);
    const elapsed = isToday * (raw - Math.min(Math.max(raw - 4 * HOUR, 0), HOUR));
    const target = r * DAY_MS + elapsed + ms;
    const dueRank = Math.ceil(target / DAY_MS) - 1;
    const within = target - dueRank * DAY_MS;
    return workingDayStart[dueRank] + within + (within > 4 * HOUR ? HOUR : 0);
  };
}

function hotPath(calendar) {
  const cal = calendar.vietnamCalendar();
  const starts = startInstants();
  const dates = Array.from(starts, (ms) => new Date(ms));
  const duration = { amount: 20, unit: 'workingDay' };
  const lookup = loopFreeLookup(calendar, cal);
  const ms20 = 20 * 8 * HOUR;
  // Sanity: the anchor answers what the library answers (else the ratio would compare different work).
  for (let i = 0; i < STARTS; i++) {
    if (lookup(starts[i], ms20) !== calendar.addWorkingTimeMs(cal, starts[i], duration)) {
      throw new Error(`loop-free anchor disagrees at ${new Date(starts[i]).toISOString()}`);
    }
  }
  let sink = 0;
  const tasks = {
    'empty loop': () => {
      for (let n = 0; n < CALLS; n++) sink += starts[n & (STARTS - 1)];
    },
    'new Date(ms)': () => {
      for (let n = 0; n < CALLS; n++) sink += new Date(starts[n & (STARTS - 1)]).getTime();
    },
    'loop-free lookup (anchor)': () => {
      for (let n = 0; n < CALLS; n++) sink += lookup(starts[n & (STARTS - 1)], ms20);
    },
    'tthc addWorkingTimeMs 20d': () => {
      for (let n = 0; n < CALLS; n++) sink += calendar.addWorkingTimeMs(cal, starts[n & (STARTS - 1)], duration);
    },
    'tthc addWorkingTime 20d': () => {
      for (let n = 0; n < CALLS; n++)
        sink += calendar.addWorkingTime(cal, starts[n & (STARTS - 1)], duration).getTime();
    },
    'tthc addWorkingTime 2000d': () => {
      const long = { amount: 2000, unit: 'workingDay' };
      for (let n = 0; n < CALLS; n++) sink += calendar.addWorkingTime(cal, starts[n & (STARTS - 1)], long).getTime();
    },
    'date-fns addBusinessDays 20d': () => {
      for (let n = 0; n < CALLS; n++) sink += addBusinessDays(dates[n & (STARTS - 1)], 20).getTime();
    },
  };
  const samples = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
  for (const run of Object.values(tasks)) run(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(tasks)) {
      const t0 = process.hrtime.bigint();
      run();
      samples[name].push(Number(process.hrtime.bigint() - t0) / CALLS);
    }
  }
  if (sink === 0.5) console.log('');
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

/** Wall time of a child process (ms), and what it printed. */
function timeProcess(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const FIRST_DEADLINE = `
const t0 = performance.now();
const c = await import(${JSON.stringify(join(ROOT, 'packages/calendar/dist/index.js'))});
const t1 = performance.now();
const cal = c.vietnamCalendar();
const t2 = performance.now();
const due = c.addWorkingTime(cal, '2026-02-13T16:30:00+07:00', { amount: 3, unit: 'workingDay' });
const t3 = performance.now();
console.log(JSON.stringify({ import: t1 - t0, calendar: t2 - t1, call: t3 - t2, total: t3 - t0, due }));
`;

function coldStart() {
  const bin = join(ROOT, 'packages/cli/dist/bin.js');
  const cli = [bin, 'deadline', '--start', '2026-02-13T16:30:00+07:00', '--duration', '03 ngày làm việc', '--json'];
  const rows = { empty: [], first: [], firstWall: [], cli: [] };
  const parts = { import: [], calendar: [], call: [] };
  for (let i = 0; i < PROCESS_RUNS; i++) {
    rows.empty.push(timeProcess(['-e', '0']).ms);
    const first = timeProcess(['--input-type=module', '-e', FIRST_DEADLINE]);
    const inside = JSON.parse(first.stdout);
    rows.first.push(inside.total);
    rows.firstWall.push(first.ms);
    for (const k of Object.keys(parts)) parts[k].push(inside[k]);
    rows.cli.push(timeProcess(cli).ms);
  }
  return {
    empty: median(rows.empty),
    first: median(rows.first),
    firstWall: median(rows.firstWall),
    cli: median(rows.cli),
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v)])),
  };
}

async function main() {
  const calendar = await import('../dist/index.js');
  const cpu = cpus();
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (shared machines: read the ratios, not the absolute times)`,
  );
  console.log(`hot path: medians of ${ROUNDS} interleaved rounds × ${CALLS.toLocaleString('en-US')} calls\n`);
  const ns = hotPath(calendar);
  const loop = ns['empty loop'];
  console.log('ns per call (the empty loop is subtracted from every other row)');
  for (const [name, v] of Object.entries(ns)) {
    console.log(`  ${name.padEnd(30)} ${fmt(name === 'empty loop' ? v : v - loop).padStart(7)} ns`);
  }
  const net = (name) => ns[name] - loop;
  const dateFns = net('date-fns addBusinessDays 20d');
  const ms = net('tthc addWorkingTimeMs 20d');
  const date = net('tthc addWorkingTime 20d');
  const anchor = net('loop-free lookup (anchor)');
  const alloc = net('new Date(ms)');
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log('\nPer-call breakdown of addWorkingTime (20 working days)');
  console.log(`  the lookup itself (loop-free anchor)        ${fmt(anchor).padStart(6)} ns`);
  console.log(`  checks, rank table, generality (Ms − anchor) ${fmt(ms - anchor).padStart(5)} ns`);
  console.log(
    `  the returned Date (addWorkingTime − Ms)     ${fmt(date - ms).padStart(6)} ns  (new Date alone: ${fmt(alloc)} ns)`,
  );
  console.log('\nRatios (same run)');
  console.log(
    `  addWorkingTimeMs 20d vs date-fns addBusinessDays: ${fmt(dateFns / ms)}× faster (goal ≥ 10×: ${verdict(dateFns / ms >= 10)})`,
  );
  console.log(
    `  addWorkingTime   20d vs date-fns addBusinessDays: ${fmt(dateFns / date)}× faster (goal ≥ 5×: ${verdict(dateFns / date >= 5)})`,
  );
  console.log(`  addWorkingTimeMs 20d vs the loop-free lookup:     ${fmt(ms / anchor, 2)}× its cost`);
  console.log(`  addWorkingTime   20d vs new Date(ms) alone:       ${fmt(date / alloc, 2)}× its cost`);
  console.log(
    `  addWorkingTime 2000d / 20d:                       ${fmt(net('tthc addWorkingTime 2000d') / date, 2)} (≈ 1: flat in the duration)`,
  );

  try {
    const cold = coldStart();
    console.log(`\nFresh processes (medians of ${PROCESS_RUNS} interleaved runs)`);
    console.log(`  node -e 0 (anchor), whole process:               ${fmt(cold.empty)} ms`);
    console.log(
      `  first deadline (import + vietnamCalendar() + call): ${fmt(cold.first)} ms inside the process ` +
        `(import ${fmt(cold.parts.import)}, vietnamCalendar ${fmt(cold.parts.calendar)}, call ${fmt(cold.parts.call)}); ` +
        `goal ≤ 60 ms: ${verdict(cold.first <= 60)}; whole process ${fmt(cold.firstWall)} ms = ${fmt(cold.firstWall / cold.empty, 2)}× node -e 0`,
    );
    console.log(
      `  tthc deadline … --json, whole process:           ${fmt(cold.cli)} ms = ${fmt(cold.cli / cold.empty, 2)}× node -e 0; ` +
        `goal ≤ 150 ms: ${verdict(cold.cli <= 150)}`,
    );
  } catch (error) {
    console.log(`\nfresh-process figures unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(`benchmark could not run: ${error instanceof Error ? error.message : String(error)}`);
  console.error('(run `pnpm bench`, which builds the packages first)');
}
process.exitCode = 0;
