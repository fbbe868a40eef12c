// Benchmark of @tthc/sync bulk diff and plan (run with `pnpm bench:sync`, which builds first).
//
// Data: PAIRS e-ISO / portal pairs of 10 steps each, written by the adapters from one canonical process
// per procedure (one pair in ten has a renamed step, one in seven a changed step time, one in eleven a
// different performer). The adapters remember readings per text (step names, responsibility texts,
// duration texts) for the life of the process, so a warm figure hides the cost a real run pays once:
// every figure here is the FIRST call in a fresh child process on data it has never seen (each run
// salts the texts), the median of RUNS interleaved runs (ours, then the anchor, then ours …).
//
// Rows (issue 13's table):
//   - diffAll, 2,000 pairs — goal < 1 s;
//   - planAll, 2,000 pairs — goal < 1 s;
//   - planAll, 20,000 pairs — goal < 10 s and peak RSS < 400 MB (RSS includes the input documents),
//     with every outcome kept, and streamed (`onProcedure`: outcomes handed over, not kept);
//   - the anchor of each: fast-json-patch `compare` over the same raw documents, in the same child.
// Wall and CPU time (user + system of the call) are both printed: on a shared machine the CPU time is
// the steadier figure.
// It reports; it never fails the build (exit 0). BENCH_RUNS, BENCH_PAIRS, BENCH_BIG_PAIRS override.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const STEPS = 10;
const UNITS = ['Bộ phận tiếp nhận và trả kết quả', 'Phòng Văn hóa - Xã hội', 'Phòng Kinh tế', 'Văn phòng HĐND và UBND'];

function step(i, variant, salt) {
  const last = i === STEPS;
  return {
    key: `B${i}`,
    name: `${i === 1 ? 'Tiếp nhận' : 'Xử lý'} hồ sơ bước ${i}${salt}${variant.renamed === i ? ' (sửa đổi)' : ''}`,
    kind: i === 1 ? 'receive' : last ? 'return' : 'review',
    performer: {
      unit: variant.performer === i ? 'Phòng Tài chính - Kế hoạch' : UNITS[i % UNITS.length],
      role: 'Công chức',
    },
    budget: { amount: variant.slower === i ? 8 : 4, unit: 'workingHour' },
    forms: [],
    outputs: [],
    outcomes: last ? [] : [{ name: 'done', next: `B${i + 1}` }],
  };
}

function processOf(n, variant, salt) {
  return {
    procedureCode: `1.${String(100000 + n).padStart(6, '0')}.000.00.00.H12`,
    name: `Quy trình thủ tục ${n}`,
    agency: { code: 'H12.01.01', name: 'UBND phường An Bình' },
    version: '01',
    effectiveFrom: '2025-07-07',
    countingRule: 'working-time',
    supplementation: { policy: 'restart', requestWithin: { amount: 3, unit: 'workingDay' } },
    steps: Array.from({ length: STEPS }, (_, i) => step(i + 1, variant, salt)),
    forms: [],
  };
}

/**
 * Deterministic data set: which pairs differ depends on the index only; `salt` (empty for the
 * reference set) makes every text new to the process so no reading is remembered from before.
 */
export function dataSet(sync, pairs, salt = '') {
  const eiso = [];
  const portal = [];
  for (let n = 0; n < pairs; n++) {
    const differ = { renamed: n % 10 === 0 ? 3 : 0, slower: n % 7 === 0 ? 5 : 0, performer: n % 11 === 0 ? 7 : 0 };
    eiso.push({ raw: sync.eisoAdapter.serialize(processOf(n, {}, salt)), source: `eiso/${n}.json` });
    portal.push({ raw: sync.portalAdapter.serialize(processOf(n, differ, salt)), source: `portal/${n}.json` });
  }
  return { eiso, portal };
}

/** In a child: build fresh data (salted with a text never used in this process), time one call. */
async function child(task, pairs) {
  const sync = await import('@tthc/sync');
  const sets = dataSet(sync, pairs, ` ${task}${pairs}`);
  // The data are written by the adapters, which warms nothing the salted reading needs; collect
  // what building them left so the measured call does not pay for it.
  globalThis.gc?.();
  let count;
  const jsonPatch = (await import('fast-json-patch')).default;
  const run = task === 'diff' ? sync.diffAll : sync.planAll;
  // Streamed: each outcome goes to a callback that keeps only a count (planAll's onProcedure).
  const options = task === 'planStream' ? { onProcedure: () => count++ } : {};
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (task === 'compare') {
    count = 0;
    for (let i = 0; i < sets.eiso.length; i++) count += jsonPatch.compare(sets.eiso[i].raw, sets.portal[i].raw).length;
  } else {
    count = 0;
    const kept = run(sets, options).procedures.length;
    count += kept;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb, count }));
}

function runChild(task, pairs) {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), '--child', task, String(pairs)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const RUNS = Number(process.env.BENCH_RUNS ?? 3);
  const PAIRS = Number(process.env.BENCH_PAIRS ?? 2000);
  const BIG = Number(process.env.BENCH_BIG_PAIRS ?? 20000);
  const rows = [
    { name: `diffAll, ${PAIRS} pairs`, task: 'diff', pairs: PAIRS, goalMs: 1000 },
    { name: `planAll, ${PAIRS} pairs`, task: 'plan', pairs: PAIRS, goalMs: 1000 },
    { name: `planAll, ${BIG} pairs`, task: 'plan', pairs: BIG, goalMs: 10000, goalMb: 400 },
    {
      name: `planAll, ${BIG} pairs, streamed (onProcedure)`,
      task: 'planStream',
      pairs: BIG,
      goalMs: 10000,
      goalMb: 400,
    },
  ];
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' ',
      )}; ${RUNS} interleaved runs, medians (CPU ms: user + system time of the call, steadier on a busy machine)`,
  );
  const table = [];
  for (const row of rows) {
    const ours = [];
    const anchor = [];
    for (let r = 0; r < RUNS; r++) {
      ours.push(runChild(row.task, row.pairs));
      anchor.push(runChild('compare', row.pairs));
    }
    const ms = median(ours.map((x) => x.ms));
    const cpuMs = median(ours.map((x) => x.cpuMs));
    const rss = median(ours.map((x) => x.rssMb));
    const base = median(anchor.map((x) => x.ms));
    const met = ms < row.goalMs && (row.goalMb === undefined || rss < row.goalMb);
    table.push({
      measure: `${row.name} (first call, fresh data)`,
      'ms (median)': ms.toFixed(0),
      'CPU ms': cpuMs.toFixed(0),
      'peak RSS MB': rss.toFixed(0),
      'compare ms': base.toFixed(0),
      'ratio vs compare': `${(ms / base).toFixed(1)}×`,
      goal: `< ${row.goalMs} ms${row.goalMb ? `, < ${row.goalMb} MB` : ''}`,
      met: met ? 'met' : 'NOT met',
    });
  }
  console.table(table);
}

// Run as a script (not when imported for its data set).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
  else await main();
}
