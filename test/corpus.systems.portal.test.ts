/**
 * The corpus of one-stop exports in their real shapes (test/corpus/systems): an OpenCPS v2 import
 * package (zipped here from its folder, as OpenCPS takes it), the REST JSON of an OpenCPS process, and
 * Thanh Hóa-style TruongHopThuTuc rows with their ReactFlow graphs. Every document is read through
 * its adapter with no error, written back unchanged (byte for byte for the XML files and the JSON
 * text columns), and compared with what a person recorded in its expected.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Duration } from '@tthc/calendar';
import type { Process } from '@tthc/core';
import {
  type Adapter,
  type AdapterResult,
  opencpsAdapter,
  readOpenCpsPackage,
  reactflowAdapter,
  sameDuration,
  toWorkingMinutes,
  unzipOpenCpsPackage,
  zipOpenCpsPackage,
} from '@tthc/sync';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('./corpus/systems/', import.meta.url).pathname;

interface Expected {
  readonly procedureCode: string;
  readonly agency: string;
  readonly version?: string;
  readonly steps: number;
  readonly stepTimes: readonly Duration[];
  readonly total: Duration;
  readonly limit: Duration | null;
  readonly portalStatus: readonly (number | null)[];
  readonly roles: readonly string[];
  readonly warnings?: readonly string[];
}

interface ExpectedFile {
  readonly parseOptions?: Record<string, string>;
  readonly documents: Readonly<Record<string, Expected>>;
}

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Every file under a folder, by its path relative to the folder. */
function filesOf(dir: string, prefix = ''): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of filesOf(path, `${prefix}${name}/`)) out.set(k, v);
    else out.set(`${prefix}${name}`, readFileSync(path));
  }
  return out;
}

/** The sum of the step times in their common unit (working minutes when the units differ). */
function totalOf(steps: readonly Duration[]): Duration {
  const unit = steps[0]?.unit ?? 'workingMinute';
  if (steps.every((d) => d.unit === unit)) return { amount: steps.reduce((s, d) => s + d.amount, 0), unit };
  return { amount: steps.reduce((s, d) => s + (toWorkingMinutes(d) ?? 0), 0), unit: 'workingMinute' };
}

const tally = { exact: 0, all: 0, failed: [] as string[] };

/** Checks a read against what a person recorded; returns the list of differences. */
function differences(r: AdapterResult<Process>, e: Expected): string[] {
  const out: string[] = [];
  const errors = r.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return errors.map((i) => i.message);
  const p = r.value!;
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      out.push(`${what}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
  };
  same('procedureCode', p.procedureCode, e.procedureCode);
  same('agency', p.agency.name, e.agency);
  if (e.version) same('version', p.version, e.version);
  same('steps', p.steps.length, e.steps);
  p.steps.forEach((s, i) => {
    const want = e.stepTimes[i];
    if (!want || !sameDuration(s.budget, want))
      out.push(`step ${i} time: got ${JSON.stringify(s.budget)}, expected ${JSON.stringify(want)}`);
  });
  const total = totalOf(p.steps.map((s) => s.budget));
  if (!sameDuration(total, e.total) && Math.abs(total.amount - e.total.amount) > 1e-9) {
    out.push(`total: got ${JSON.stringify(total)}, expected ${JSON.stringify(e.total)}`);
  }
  if (e.limit === null ? p.totalLimit !== undefined : !sameDuration(p.totalLimit, e.limit)) {
    out.push(`limit: got ${JSON.stringify(p.totalLimit)}, expected ${JSON.stringify(e.limit)}`);
  }
  same(
    'portalStatus',
    p.steps.map((s) => s.portalStatus ?? null),
    e.portalStatus,
  );
  same(
    'roles',
    p.steps.map((s) => s.performer.role),
    e.roles,
  );
  same(
    'warnings',
    r.issues.filter((i) => i.severity === 'warning').map((i) => i.code),
    e.warnings ?? [],
  );
  return out;
}

function check(name: string, r: AdapterResult<Process>, e: Expected | undefined, roundTrip: () => boolean): void {
  tally.all++;
  expect(e, `${name} has an expected entry`).toBeDefined();
  const diffs = differences(r, e!);
  expect(diffs, name).toEqual([]);
  expect(roundTrip(), `${name} round-trips unchanged`).toBe(true);
  tally.exact++;
}

afterAll(() => {
  console.log(`portal corpus: ${tally.exact}/${tally.all} read exactly`);
});

describe('OpenCPS import package (zip of processes/*.xml and services/*.xml)', () => {
  const dir = join(ROOT, 'opencps/import-package');
  const files = filesOf(dir);
  const zip = zipOpenCpsPackage(undefined, new Map([...files].map(([k, v]) => [`import/${k}`, v])));
  const pkg = readOpenCpsPackage(unzipOpenCpsPackage(zip));
  const expected = json(join(dir, 'expected.json')) as ExpectedFile;

  it('finds every process and links it to its service', () => {
    expect(pkg.problems).toEqual([]);
    expect(pkg.processes.map((p) => [p.file?.replace('import/', ''), p.service?.serviceCode])).toEqual(
      Object.entries(expected.documents)
        .map(([file, e]) => [file, e.procedureCode])
        .sort(),
    );
  });

  for (const doc of pkg.processes) {
    const file = doc.file!.replace('import/', '');
    it(`${file} reads as a person reads it and is written back byte for byte`, () => {
      const r = opencpsAdapter.parse(doc);
      check(file, r, expected.documents[file], () => opencpsAdapter.serialize(r.value!, doc).xml === doc.xml);
      expect(Buffer.from(doc.xml, 'utf8').equals(files.get(file)!)).toBe(true);
    });
  }

  it('the zip written back holds the same process files', () => {
    const written = zipOpenCpsPackage(
      zip,
      new Map(pkg.processes.map((d) => [d.file!, opencpsAdapter.serialize(opencpsAdapter.parse(d).value!, d).xml])),
    );
    const again = unzipOpenCpsPackage(written);
    for (const d of pkg.processes) expect(again.get(d.file!)).toBe(d.xml);
  });
});

describe('OpenCPS REST JSON of a process', () => {
  const dir = join(ROOT, 'opencps/rest-process');
  const expected = json(join(dir, 'expected.json')) as ExpectedFile;
  const raw = json(join(dir, 'process.json'));
  it('reads as a person reads it and round-trips', () => {
    const r = opencpsAdapter.parse(raw, expected.parseOptions);
    check(
      'rest-process',
      r,
      expected.documents['process.json'],
      () => JSON.stringify(opencpsAdapter.serialize(r.value!, raw as Record<string, unknown>)) === JSON.stringify(raw),
    );
  });
});

describe('Thanh Hóa-style cases (TruongHopThuTuc rows, ReactFlow NodeQuyTrinh/EdgeQuyTrinh)', () => {
  const cases = readdirSync(join(ROOT, 'reactflow')).filter((n) => statSync(join(ROOT, 'reactflow', n)).isDirectory());
  it('has at least four cases', () => expect(cases.length).toBeGreaterThanOrEqual(4));
  for (const name of cases.sort()) {
    it(`${name} reads as the due dates are computed and writes its columns back in the same form`, () => {
      const dir = join(ROOT, 'reactflow', name);
      const expected = json(join(dir, 'expected.json')) as ExpectedFile;
      const row = json(join(dir, 'case.json')) as Parameters<typeof reactflowAdapter.serialize>[1] & {};
      const adapter: Adapter<Process, typeof row, Record<string, string>> = reactflowAdapter;
      const r = adapter.parse(row, expected.parseOptions);
      check(name, r, expected.documents['case.json'], () => {
        const back = reactflowAdapter.serialize(r.value!, row);
        const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
        return JSON.stringify(back) === JSON.stringify(row) && text(back.NodeQuyTrinh) === text(row.NodeQuyTrinh);
      });
    });
  }
});
