// Benchmark of @tthc/sync bulk diff (run with `pnpm bench:sync`, which builds first).
//
// Generates 2,000 e-ISO / portal pairs of 10 steps each (written by the adapters from one canonical
// process per procedure; one pair in ten has a renamed step, one in seven a changed step time, one in
// eleven a different performer), then times:
//   - diffAll over the 2,000 pairs (reads every native document with its adapter, pairs them by
//     national TTHC code, matches steps, diffs) — target: under 1 s;
//   - fast-json-patch `compare` on the same raw documents (a structural diff that knows nothing of
//     steps, units or times), as the baseline.
// Prints both times, diffAll's time per pair and the ratio. It reports; it never fails the build: the
// exit code is always 0. The adapters remember readings per text (step names, responsibility texts,
// duration texts) for the life of the process, so runs after the first (the warm-up included) find them.
import { diffAll, eisoAdapter, portalAdapter } from '@tthc/sync';
import jsonPatch from 'fast-json-patch';
import { Bench } from 'tinybench';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 2000);
const STEPS = 10;
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 2000);

const UNITS = ['Bộ phận tiếp nhận và trả kết quả', 'Phòng Văn hóa - Xã hội', 'Phòng Kinh tế', 'Văn phòng HĐND và UBND'];

function step(i, variant) {
  const last = i === STEPS;
  return {
    key: `B${i}`,
    name: `${i === 1 ? 'Tiếp nhận' : 'Xử lý'} hồ sơ bước ${i}${variant.renamed === i ? ' (sửa đổi)' : ''}`,
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

function processOf(n, variant) {
  return {
    procedureCode: `1.${String(100000 + n).padStart(6, '0')}.000.00.00.H12`,
    name: `Quy trình thủ tục ${n}`,
    agency: { code: 'H12.01.01', name: 'UBND phường An Bình' },
    version: '01',
    effectiveFrom: '2025-07-07',
    countingRule: 'working-time',
    supplementation: { policy: 'restart', requestWithin: { amount: 3, unit: 'workingDay' } },
    steps: Array.from({ length: STEPS }, (_, i) => step(i + 1, variant)),
    forms: [],
  };
}

/** Deterministic data set: which pairs differ depends on the index only. */
function dataSet() {
  const eiso = [];
  const portal = [];
  for (let n = 0; n < PAIRS; n++) {
    const differ = {
      renamed: n % 10 === 0 ? 3 : 0,
      slower: n % 7 === 0 ? 5 : 0,
      performer: n % 11 === 0 ? 7 : 0,
    };
    eiso.push({ raw: eisoAdapter.serialize(processOf(n, {})), source: `eiso/${n}.json` });
    portal.push({ raw: portalAdapter.serialize(processOf(n, differ)), source: `portal/${n}.json` });
  }
  return { eiso, portal };
}

const sets = dataSet();
const check = diffAll(sets);
const differing = check.procedures.filter((p) => p.drift.length > 0).length;
console.log(
  `${check.procedures.length} pairs × ${STEPS} steps: ${differing} differ, ${check.unpaired.length} unpaired, ${check.problems.length} problems`,
);

const bench = new Bench({ time: TIME_MS, iterations: 3 });
bench
  .add('diffAll (2,000 pairs)', () => {
    diffAll(sets);
  })
  .add('fast-json-patch compare (2,000 pairs)', () => {
    for (let i = 0; i < sets.eiso.length; i++) jsonPatch.compare(sets.eiso[i].raw, sets.portal[i].raw);
  });
await bench.run();

const ms = (task) => {
  const r = task.result;
  return r && 'latency' in r ? r.latency.mean : Number.NaN;
};
const [ours, baseline] = bench.tasks.map(ms);
console.table(bench.tasks.map((t) => ({ task: t.name, 'mean ms': ms(t).toFixed(1) })));
console.log(
  `diffAll: ${ours.toFixed(1)} ms for ${PAIRS} pairs, ${(ours / PAIRS).toFixed(3)} ms per pair (target < 1000 ms: ${ours < 1000 ? 'met' : 'NOT met'})`,
);
console.log(
  `fast-json-patch compare: ${baseline.toFixed(1)} ms; ratio diffAll / compare = ${(ours / baseline).toFixed(1)}×`,
);
