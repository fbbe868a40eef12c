import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOpencpsAdapter, opencpsAdapter } from './opencps.js';
import { OpenCpsPackageError, readOpenCpsPackage, unzipOpenCpsPackage, zipOpenCpsPackage } from './opencps-package.js';

const DIR = new URL('../../../../test/corpus/systems/opencps/import-package/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, DIR), 'utf8');
const pkg = (...processNos: string[]) => {
  const files = new Map<string, string>();
  for (const f of ['services/1.001193.xml', 'services/1.000656.xml', 'services/2.000815.xml']) files.set(f, read(f));
  for (const no of processNos) files.set(`processes/${no}.xml`, read(`processes/${no}.xml`));
  return readOpenCpsPackage(files).processes;
};

describe('OpenCPS import files: lossless writes', () => {
  const [ct] = pkg('QT-CT-01');
  const doc = ct!;
  const p = opencpsAdapter.parse(doc).value!;

  it('a changed budget and name change those bytes only (CRLF and <x/> kept)', () => {
    const changed = {
      ...p,
      steps: p.steps.map((s, i) =>
        i === 1 ? { ...s, name: 'Đối chiếu & ghi lời chứng', budget: { amount: 3, unit: 'workingHour' as const } } : s,
      ),
    };
    const out = opencpsAdapter.serialize(changed, doc).xml;
    const before = doc.xml.split('\r\n');
    const after = out.split('\r\n');
    expect(after).toHaveLength(before.length);
    const diff = before.flatMap((line, i) => (line === after[i] ? [] : [[line.trim(), after[i]!.trim()]]));
    expect(diff).toEqual([
      [
        '<stepName>Đối chiếu bản sao với bản chính; ghi lời chứng</stepName>',
        '<stepName>Đối chiếu &amp; ghi lời chứng</stepName>',
      ],
      ['<durationCount>3.5</durationCount>', '<durationCount>3</durationCount>'],
    ]);
    const back = opencpsAdapter.parse({ ...doc, xml: out }).value!;
    expect(back.steps[1]).toMatchObject({
      name: 'Đối chiếu & ghi lời chứng',
      budget: { amount: 3, unit: 'workingHour' },
    });
  });

  it('a removed step and an added step give a well-formed file that reads back', () => {
    const [a, b, c, d] = p.steps;
    const added = { ...c!, key: 'CT5', name: 'Lưu trữ hồ sơ chứng thực', outcomes: [] };
    const changed = {
      ...p,
      steps: [
        a!,
        { ...b!, outcomes: [{ name: '2100', next: 'CT4', label: 'Trình ký' }] },
        { ...d!, outcomes: [{ name: 'luu', next: 'CT5', label: 'Lưu' }] },
        added,
      ],
    };
    const out = opencpsAdapter.serialize(changed, doc).xml;
    expect(out).not.toContain('<stepCode>CT3</stepCode>');
    const back = opencpsAdapter.parse({ ...doc, xml: out });
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.value!.steps.map((s) => [s.key, s.outcomes.map((o) => o.next)])).toEqual([
      ['CT1', ['CT2']],
      ['CT2', ['CT4']],
      ['CT4', ['CT5']],
      ['CT5', []],
    ]);
    // New elements follow the file's line endings and indentation.
    expect(out).toContain('\r\n        <ProcessStep>\r\n            <stepCode>CT5</stepCode>');
  });

  it('reports a file that is not well-formed with its line and column, without throwing', () => {
    const r = opencpsAdapter.parse({ ...doc, xml: doc.xml.replace('</processName>', '</processNam>') });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'format.invalid', system: 'opencps', pointer: '/xml' });
    expect(r.issues[0]!.message).toMatch(/line 4, column \d+/);
  });

  it('needs the TTHC code from services/*.xml or the caller', () => {
    const { service: _, ...orphan } = doc;
    expect(opencpsAdapter.parse(orphan).issues.map((i) => [i.code, i.pointer])).toContainEqual([
      'format.invalid',
      '/service/serviceCode',
    ]);
    expect(opencpsAdapter.parse(orphan, { procedureCode: '2.000815', agency: 'UBND xã A' }).value?.agency.name).toBe(
      'UBND xã A',
    );
  });
});

describe('DossierStatusMapping as data', () => {
  const [kt] = pkg('QT-KT-01');
  it('reads the sub-status row first, then the status, as OpenCPS getMappingStatus does', () => {
    const adapter = createOpencpsAdapter({
      statusMapping: [
        // OpenCPS falls back to the first row of the status (findByF_GID_SC(...).get(0)): its own row first.
        { statusCode: 'processing', statusCodeDVCQG: 4 },
        { statusCode: 'processing', subStatusCode: 'processing_2', statusCodeDVCQG: 8 },
        { statusCode: 'interoperating', statusCodeDVCQG: 4 },
      ],
    });
    const p = adapter.parse(kt!).value!;
    expect(p.steps.map((s) => s.portalStatus ?? null)).toEqual([null, 4, 4, 8, null, null]);
    expect(adapter.serialize(p, kt!).xml).toBe(kt!.xml);
  });
});

describe('OpenCPS import packages', () => {
  it('reads a zip with a top folder, and refuses one past its limits', () => {
    const zip = zipOpenCpsPackage(
      undefined,
      new Map([
        ['goi/processes/QT-KS-01.xml', read('processes/QT-KS-01.xml')],
        ['goi/services/1.001193.xml', read('services/1.001193.xml')],
        ['goi/readme.txt', 'x'],
      ]),
    );
    const docs = readOpenCpsPackage(unzipOpenCpsPackage(zip)).processes;
    expect(docs.map((d) => [d.file, d.service?.serviceCode, d.service?.govAgencyName])).toEqual([
      ['goi/processes/QT-KS-01.xml', '1.001193.000.00.00.H12', 'UBND phường An Bình'],
    ]);
    expect(() => unzipOpenCpsPackage(zip, { maxEntryBytes: 100 })).toThrow(OpenCpsPackageError);
    expect(() => unzipOpenCpsPackage(new Uint8Array([1, 2, 3]))).toThrow(/not a readable zip/);
  });

  it('lists a process file that is not XML as a problem', () => {
    const r = readOpenCpsPackage(new Map([['processes/X.xml', '<ServiceProcess><processNo>X</ServiceProcess>']]));
    expect(r.processes).toEqual([]);
    expect(r.problems[0]?.file).toBe('processes/X.xml');
  });
});
