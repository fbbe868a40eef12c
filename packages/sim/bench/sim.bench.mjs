// Benchmark of @tthc/sim simulate() (run `pnpm -s build && node packages/sim/bench/sim.bench.mjs`).
//
// Simulates the example household-business process (examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh)
// under the example ward scenario scaled up to ~300 receipts a working day for 1,000 working days
// (~300,000 dossiers, ~1.5 million step events), and beside it a bare baseline loop doing the same
// work without the model: per step event one reseed, one duration draw from the step's distribution,
// one outcome draw, one heap push and one heap pop. Prints step events/s of both and their ratio.
// Last, one shorter run (BENCH_EXACT_HORIZON working days, default 20) with `routing: 'exact'`: xstate's
// `transition` at every routing event, as for processes with registered guards.
// Target: ≥ 1,000,000 step events/s on one core. It reports; it never fails the build: exit code 0.
import { readFileSync } from 'node:fs';
import { vietnamCalendar } from '@tthc/calendar';
import { parseProcedure, parseProcess } from '@tthc/core';
import { compileDistribution, deriveSeed, EventQueue, Random, simulate } from '@tthc/sim';
import { Bench } from 'tinybench';

const examples = new URL('../../../examples/', import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, examples), 'utf8'));
const procedure = parseProcedure(json('procedures/dang-ky-thanh-lap-ho-kinh-doanh/procedure.json'));
const process_ = parseProcess(json('procedures/dang-ky-thanh-lap-ho-kinh-doanh/process.json'));
const scenario = json('simulation/ward-scenario.json');
const SCALE = Number(process.env.BENCH_SCALE ?? 20);
scenario.arrivals.perWorkingDay *= SCALE;
for (const unit of Object.keys(scenario.staff)) scenario.staff[unit] *= SCALE;
const HORIZON = Number(process.env.BENCH_HORIZON ?? 1000);
const calendar = vietnamCalendar();

let stepEvents = 0;
function runSimulation() {
  const result = simulate(procedure, process_, calendar, scenario, { seed: 1, horizon: HORIZON });
  stepEvents = result.events.stepEvents;
  return result;
}

/** The same random draws and heap traffic as the simulation's step events, without the model. */
function runBaseline(n) {
  const samplers = Object.values(scenario.steps).map((s) => compileDistribution(s.duration));
  const random = new Random(1);
  const queue = new EventQueue(4096);
  const seed = deriveSeed(1);
  let t = 0;
  let sink = 0;
  // Keep the heap as full as the simulation's (one pending event per dossier in progress).
  for (let i = 0; i < 64; i++) queue.push(i, i);
  for (let i = 0; i < n; i++) {
    random.reseed((seed ^ i) >>> 0);
    const duration = samplers[i % samplers.length](random);
    sink += random.float() < 0.97 ? 1 : 0;
    t = queue.peekTime();
    sink += queue.pop();
    queue.push(t + duration, i);
  }
  return sink;
}

runSimulation();
const N = stepEvents;
console.log(`simulate: ${N.toLocaleString('en-US')} step events per run (scale ×${SCALE}, ${HORIZON} working days)`);

const bench = new Bench({ time: Number(process.env.BENCH_TIME_MS ?? 3000), iterations: 3, warmupIterations: 1 });
bench.add('simulate()', runSimulation).add('baseline loop', () => runBaseline(N));
await bench.run();

const perSecond = (task) => {
  const r = task.result;
  const mean = r && 'latency' in r ? r.latency.mean : Number.NaN;
  return (N / mean) * 1000;
};
const [sim, base] = bench.tasks.map(perSecond);
const fmt = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
console.table([
  { task: 'simulate()', 'step events/s': fmt(sim) },
  { task: 'baseline (draws + heap)', 'step events/s': fmt(base) },
]);
console.log(`ratio simulate / baseline: ${(sim / base).toFixed(2)}`);
console.log(`target ≥ 1,000,000 step events/s: ${sim >= 1_000_000 ? 'met' : 'NOT met'}`);

const EXACT_HORIZON = Number(process.env.BENCH_EXACT_HORIZON ?? 20);
const t0 = performance.now();
const exact = simulate(procedure, process_, calendar, scenario, { seed: 1, horizon: EXACT_HORIZON, routing: 'exact' });
const exactPerSecond = (exact.events.stepEvents / (performance.now() - t0)) * 1000;
console.log(`routing 'exact' (${EXACT_HORIZON} working days, one run): ${fmt(exactPerSecond)} step events/s`);
