// Benchmark of @tthc/calendar against date-fns (run with `pnpm bench`, which builds first).
//
// Measures ops/s of addWorkingTime on the shipped Vietnam calendar for 1, 20 and 2000 working days
// beside date-fns addBusinessDays (weekends only, no holidays) for the same day counts, from a
// precomputed array of varying start instants. Prints a table and the ratios:
//   - ours / date-fns at each size (target: ≥ 10× at 20 days);
//   - ours at 2000 days / ours at 1 day (≈ 1 means the cost is flat in the duration).
// Also times the construction of a non-default (not memoised) Vietnam calendar.
// It reports; it never fails the build: the exit code is always 0.
import { addBusinessDays } from 'date-fns';
import { Bench } from 'tinybench';

const SIZES = [1, 20, 2000];
const STARTS = 4096;
/** Calls per measured iteration (ops/s below are per call). */
const BATCH = 64;
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 400);

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

function opsPerSecond(task) {
  const result = task.result;
  const perIteration = result && 'throughput' in result ? result.throughput.mean : Number.NaN;
  return task.name.startsWith('vietnamCalendar') ? perIteration : perIteration * BATCH;
}

function format(n) {
  if (!Number.isFinite(n)) return 'n/a';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

async function main() {
  const calendar = await import('../dist/index.js');
  const cal = calendar.vietnamCalendar();
  const starts = startInstants();
  const dates = Array.from(starts, (ms) => new Date(ms));
  const bench = new Bench({ time: TIME_MS, warmupTime: 100 });
  let sink = 0;

  for (const days of SIZES) {
    const duration = { amount: days, unit: 'workingDay' };
    let i = 0;
    // Each measured iteration runs BATCH calls: tinybench times every iteration with two clock reads,
    // and that overhead (tens of ns) would otherwise swamp a ~100 ns operation and flatten the ratios.
    bench.add(`tthc addWorkingTime ${days}d`, () => {
      for (let n = 0; n < BATCH; n++) {
        sink += calendar.addWorkingTime(cal, starts[i++ & (STARTS - 1)], duration).getTime();
      }
    });
    let m = 0;
    bench.add(`tthc addWorkingTimeMs ${days}d`, () => {
      for (let n = 0; n < BATCH; n++) sink += calendar.addWorkingTimeMs(cal, starts[m++ & (STARTS - 1)], duration);
    });
    let j = 0;
    bench.add(`date-fns addBusinessDays ${days}d`, () => {
      for (let n = 0; n < BATCH; n++) sink += addBusinessDays(dates[j++ & (STARTS - 1)], days).getTime();
    });
  }
  // Baseline in the same run: the cost of allocating the Date that addWorkingTime must return.
  let b = 0;
  bench.add('baseline new Date(ms)', () => {
    for (let n = 0; n < BATCH; n++) sink += new Date(starts[b++ & (STARTS - 1)]).getTime();
  });
  const options = {
    from: '2000-01-01',
    to: '2100-12-31',
    name: 'bench: a province with its own day off',
    extraDaysOff: [{ date: '2026-03-02', kind: 'local', name: 'Ngày của tỉnh', source: 'bench' }],
  };
  bench.add('vietnamCalendar({ non-default options }) 2000–2100', () => {
    sink += calendar.vietnamCalendar(options).workingDayMinutes;
  });

  await bench.run();
  console.table(bench.table());

  const ops = new Map(bench.tasks.map((task) => [task.name, opsPerSecond(task)]));
  console.log('\nRatios');
  for (const days of SIZES) {
    const ours = ops.get(`tthc addWorkingTime ${days}d`);
    const theirs = ops.get(`date-fns addBusinessDays ${days}d`);
    const verdict = days === 20 ? (ours / theirs >= 10 ? '  (target ≥ 10×: met)' : '  (target ≥ 10×: NOT met)') : '';
    console.log(`  ${String(days).padStart(4)} days: tthc / date-fns = ${format(ours / theirs)}×${verdict}`);
    const oursMs = ops.get(`tthc addWorkingTimeMs ${days}d`);
    console.log(`             tthc epoch-ms variant / date-fns = ${format(oursMs / theirs)}×`);
  }
  const dateNs = 1e9 / ops.get('baseline new Date(ms)');
  console.log(`  one new Date(ms) alone costs ${format(dateNs)} ns here (part of every Date-returning call)`);
  const flat = ops.get('tthc addWorkingTime 2000d') / ops.get('tthc addWorkingTime 1d');
  console.log(`  tthc 2000 days / tthc 1 day (ops/s) = ${format(flat)} (≈ 1 means the cost is flat in the duration)`);
  const construction = ops.get('vietnamCalendar({ non-default options }) 2000–2100');
  console.log(`  vietnamCalendar construction: ${format(1000 / construction)} ms per calendar (101 years)`);
  if (sink === 0.5) console.log('');
}

try {
  await main();
} catch (error) {
  console.error(`benchmark could not run: ${error instanceof Error ? error.message : String(error)}`);
  console.error('(run `pnpm bench`, which builds the packages first)');
}
process.exitCode = 0;
