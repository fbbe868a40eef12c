#!/usr/bin/env node
/**
 * Nightly-size corruption fuzz of the three @tthc/sync adapters, on the BUILT packages:
 *   pnpm -s build && node scripts/fuzz-adapters.mjs --runs 100000 [--seed 42] [--json-only]
 * Properties (as in packages/testing/src/sync-arbitraries.test.ts, with hostile sizes): `parse` never
 * throws; every issue names a JSON pointer matching its path; ok ⇔ no error issue ⇔ a value.
 * Progress goes to stderr, a JSON summary to stdout; exit 1 on any finding.
 */
import { catalogueAdapter, eisoAdapter, jsonPointer, portalAdapter } from '@tthc/sync';
import { corruptArb } from '@tthc/testing';
import fc from 'fast-check';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 10_000);
const seed = arg('seed', 20_251_123);
// --json-only: plant only what JSON.parse can produce (no BigInt, Date, Map…), to look past JS-only findings.
const jsonOnly = process.argv.includes('--json-only');
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`fuzz-adapters: --runs must be a positive integer (got ${process.argv.join(' ')})\n`);
  process.exit(2);
}

const adapters = { catalogue: catalogueAdapter, eiso: eisoAdapter, portal: portalAdapter };

function check(adapter, raw) {
  const r = adapter.parse(raw);
  for (const issue of r.issues) {
    const ok =
      typeof issue.pointer === 'string' &&
      (issue.pointer === '' || issue.pointer.startsWith('/')) &&
      Array.isArray(issue.path) &&
      jsonPointer(issue.path) === issue.pointer;
    if (!ok) throw new Error(`issue without a JSON pointer of its path: ${JSON.stringify(issue).slice(0, 200)}`);
  }
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  if (r.ok !== (errors === 0)) throw new Error(`ok=${r.ok} with ${errors} error issue(s)`);
  if ((r.value !== undefined) !== r.ok)
    throw new Error(`ok=${r.ok} but value ${r.value === undefined ? 'missing' : 'set'}`);
}

function describeError(e) {
  return e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e).slice(0, 300);
}

const summary = { runs, seed, jsonOnly, systems: {}, findings: 0 };
const started = process.hrtime.bigint();
for (const [system, adapter] of Object.entries(adapters)) {
  const perSystem = Math.ceil(runs / 3);
  let done = 0;
  const step = Math.max(1, Math.floor(perSystem / 10));
  const property = fc.property(corruptArb(system, { jsonOnly }), (raw) => {
    done++;
    if (done % step === 0) process.stderr.write(`fuzz-adapters: ${system} ${done}/${perSystem}\n`);
    check(adapter, raw);
  });
  const out = fc.check(property, { numRuns: perSystem, seed, endOnFailure: true });
  const finding = out.failed
    ? {
        error: describeError(out.errorInstance),
        counterexample: JSON.stringify(out.counterexample, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(
          0,
          500,
        ),
        seed: out.seed,
        path: out.counterexamplePath,
      }
    : undefined;
  summary.systems[system] = { runs: out.numRuns, ...(finding ? { finding } : {}) };
  if (finding) {
    summary.findings++;
    process.stderr.write(`fuzz-adapters: ${system} FINDING after ${out.numRuns} runs: ${finding.error}\n`);
  } else process.stderr.write(`fuzz-adapters: ${system} ok (${out.numRuns} runs)\n`);
}
summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
process.exit(summary.findings > 0 ? 1 : 0);
