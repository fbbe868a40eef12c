// Benchmark of @tthc/sim replay (run `pnpm -s build && node packages/sim/bench/replay.bench.mjs`).
//
// Generates a deterministic log of ~1,000,000 events for the example household-business process
// (examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh: receive → review ⇄ sign → issue → return),
// with a few deviations mixed in, then measures:
//   - a bare baseline loop over the same events (reads dossierId, activity and at of each);
//   - replay(): grouping, ordering, token replay, deviations, step timing, dossier classification.
// Prints events/s of both and their ratio. It reports; it never fails the build: exit code 0.
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const example = new URL('../../../examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh/', import.meta.url);

/** Park–Miller LCG with a fixed seed: the same log on every run. */
function lcg(seed) {
  let s = seed;
  return (n) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

/** Walks the process graph for dossier after dossier until `count` events exist. */
function generateLog(internalProcess, count) {
  const random = lcg(20260213);
  const byKey = new Map(internalProcess.steps.map((s) => [s.key, s]));
  const first = internalProcess.start ?? internalProcess.steps[0].key;
  const events = [];
  const from = Date.parse('2025-03-03T08:00:00+07:00');
  for (let d = 0; events.length < count; d++) {
    const dossierId = `H56.14-${String(d).padStart(7, '0')}`;
    let at = from + random(360 * 24 * 60) * 60_000;
    let step = byKey.get(first);
    for (let i = 0; step && events.length < count; i++) {
      at += (1 + random(600)) * 60_000;
      const deviant = random(100);
      // ~1% skipped steps, ~1% wrong performers, ~0.5% unknown activities.
      if (deviant === 0 && i > 0) {
        step = nextOf(step, byKey, random, i);
        continue;
      }
      const role = deviant === 1 ? 'Bảo vệ' : step.performer.role;
      events.push({
        dossierId,
        activity: step.key,
        performer: { unit: step.performer.unit, role },
        at,
        line: events.length + 2,
      });
      if (deviant === 2 && random(2) === 0) {
        events.push({ dossierId, activity: 'Gọi điện cho công dân', at: at + 1, line: events.length + 2 });
      }
      step = nextOf(step, byKey, random, i);
    }
  }
  return events;
}

function nextOf(step, byKey, random, i) {
  if (step.outcomes.length === 0) return undefined;
  // Loops back at most a few times; then the first outcome (the main path).
  const o = i < 8 ? step.outcomes[random(10) === 0 ? step.outcomes.length - 1 : 0] : step.outcomes[0];
  return o.next === null ? undefined : byKey.get(o.next);
}

function format(n) {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

async function main() {
  const { parseProcedure, parseProcess } = await import('@tthc/core');
  const { vietnamCalendar } = await import('@tthc/calendar');
  const sim = await import('../dist/index.js');
  const procedure = parseProcedure(JSON.parse(readFileSync(new URL('procedure.json', example), 'utf8')));
  const internalProcess = parseProcess(JSON.parse(readFileSync(new URL('process.json', example), 'utf8')));
  const calendar = vietnamCalendar();
  const events = generateLog(internalProcess, EVENTS);
  console.log(`log: ${events.length.toLocaleString('en-US')} events`);

  const bench = new Bench({ time: 0, iterations: 5, warmupIterations: 1 });
  let sink = 0;
  bench.add('baseline loop (read dossierId, activity, at)', () => {
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      sink += e.at + e.dossierId.length + e.activity.length;
    }
  });
  let last;
  bench.add('replay()', () => {
    last = sim.replay(procedure, internalProcess, calendar, events);
  });
  await bench.run();
  console.table(bench.table());

  const mean = (name) => bench.tasks.find((t) => t.name === name).result.latency.mean;
  const base = events.length / (mean('baseline loop (read dossierId, activity, at)') / 1000);
  const ours = events.length / (mean('replay()') / 1000);
  console.log(`baseline: ${format(base)} events/s`);
  console.log(
    `replay:   ${format(ours)} events/s (${(mean('replay()') / 1000).toFixed(2)} s per ${format(events.length)} events; baseline/replay = ${format(base / ours)}×)`,
  );
  const s = last.summary;
  console.log(
    `summary: ${s.traces} traces, percFitTraces ${s.percFitTraces.toFixed(2)}, averageFitness ${s.averageFitness.toFixed(4)}, logFitness ${s.logFitness.toFixed(4)}`,
  );
  if (sink === 0.5) console.log('');
}

try {
  await main();
} catch (error) {
  console.error(`benchmark could not run: ${error instanceof Error ? error.message : String(error)}`);
  console.error('(build first: `pnpm -s build`; @tthc/sim must export replay from src/index.ts)');
}
process.exitCode = 0;
