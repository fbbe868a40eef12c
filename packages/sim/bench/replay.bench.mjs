// Benchmark of @tthc/sim replay (run `pnpm -s build && node packages/sim/bench/replay.bench.mjs`).
//
// Generates a deterministic log of ~1,000,000 events for the example household-business process
// (examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh: receive → review ⇄ sign → issue → return),
// with a few deviations mixed in, writes it as a DVCQG-style CSV (MaHoSo, NoiDungXuLy, PhongBanXuLy,
// ChucDanh, ThoiDiemXuLy as yyyyMMddHHmmss), then measures, in interleaved rounds (medians):
//   - the anchor: a plain papaparse parse of the same CSV text (header: false, no typing);
//   - read: readEventLog(csv) — CSV, header aliases, NFC, timestamps, validation, line numbers;
//   - replay: replay() on the events read — grouping, token replay, deviations, timing, classification.
// Prints each and (read + replay) / papaparse (issue 13 goal ≤ 1.5×), with the machine noted.
// It reports; it never fails the build: exit code 0.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import Papa from 'papaparse';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
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

const median = (xs) => {
  const v = [...xs].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/** yyyyMMddHHmmss in Vietnam time (UTC+7, no daylight saving since 1975). */
function compact(ms) {
  const d = new Date(ms + 7 * 3_600_000);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** The log as the DVCQG progress-row CSV a province would export (CRLF, quoted where needed). */
function toCsv(events) {
  const q = (t) => (t.includes(',') || t.includes('"') ? `"${t.replace(/"/g, '""')}"` : t);
  const lines = ['MaHoSo,NoiDungXuLy,PhongBanXuLy,ChucDanh,ThoiDiemXuLy'];
  for (const e of events) {
    lines.push(
      `${e.dossierId},${q(e.activity)},${q(e.performer?.unit ?? '')},${q(e.performer?.role ?? '')},${compact(e.at)}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

async function main() {
  const { parseProcedure, parseProcess } = await import('@tthc/core');
  const { vietnamCalendar } = await import('@tthc/calendar');
  const sim = await import('../dist/index.js');
  const procedure = parseProcedure(JSON.parse(readFileSync(new URL('procedure.json', example), 'utf8')));
  const internalProcess = parseProcess(JSON.parse(readFileSync(new URL('process.json', example), 'utf8')));
  const calendar = vietnamCalendar();
  const csv = toCsv(generateLog(internalProcess, EVENTS));
  const cpu = cpus();
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (shared machines: read the ratios, not the absolute times)`,
  );
  console.log(
    `log: ${format(EVENTS)} events, CSV ${(csv.length / 1e6).toFixed(1)} M characters; medians of ${ROUNDS} interleaved rounds`,
  );

  const times = { papaparse: [], read: [], replay: [] };
  let sink = 0;
  let last;
  for (let round = 0; round <= ROUNDS; round++) {
    let t0 = process.hrtime.bigint();
    const parsed = Papa.parse(csv, { header: false });
    const tPapa = seconds(t0);
    sink += parsed.data.length;
    t0 = process.hrtime.bigint();
    const log = sim.readEventLog(csv, { format: 'csv' });
    const tRead = seconds(t0);
    if (log.problems.length > 0) throw new Error(`the generated log has problems: ${log.problems[0].message}`);
    t0 = process.hrtime.bigint();
    last = sim.replay(procedure, internalProcess, calendar, log.events);
    const tReplay = seconds(t0);
    // Round 0 is the warm-up.
    if (round === 0) continue;
    times.papaparse.push(tPapa);
    times.read.push(tRead);
    times.replay.push(tReplay);
  }
  const papa = median(times.papaparse);
  const read = median(times.read);
  const replay = median(times.replay);
  const row = (name, t) =>
    `  ${name.padEnd(34)} ${t.toFixed(3).padStart(7)} s  ${format(EVENTS / t).padStart(11)} events/s  ${(t / papa).toFixed(2)}× papaparse`;
  console.log(row('papaparse parse (anchor)', papa));
  console.log(row('read: readEventLog', read));
  console.log(row('replay: replay()', replay));
  const total = (read + replay) / papa;
  console.log(row('read + replay', read + replay));
  console.log(`(read + replay) / papaparse = ${total.toFixed(2)}× (goal ≤ 1.5×: ${total <= 1.5 ? 'met' : 'NOT met'})`);
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
