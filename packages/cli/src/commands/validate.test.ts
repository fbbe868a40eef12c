import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';
import { detectKind } from '../document-kind.js';
import { jsonSyntaxError } from '../json-file.js';
import type { FileValidation } from '../validation-issues.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/procedures');
const hkd = join(examples, 'dang-ky-thanh-lap-ho-kinh-doanh');
const read = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));

async function tthc(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function validateJson(...argv: string[]): Promise<{ code: number; files: FileValidation[] }> {
  const { code, out, err } = await tthc('validate', ...argv, '--json');
  expect(err).toBe('');
  return { code, files: (JSON.parse(out) as { files: FileValidation[] }).files };
}

function tempDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-validate-'));
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }
  return dir;
}

describe('jsonSyntaxError', () => {
  it('locates the first error with line and column', () => {
    expect(jsonSyntaxError('{"a": }')).toEqual({
      position: 6,
      line: 1,
      column: 7,
      message: 'unexpected "}", expected a value',
    });
    expect(jsonSyntaxError('{\n  "steps": [1,\n  2,,]\n}')).toMatchObject({ position: 21, line: 3, column: 5 });
    expect(jsonSyntaxError('{"a": 1')).toMatchObject({
      position: 7,
      message: 'unexpected end of input, expected "," or "}"',
    });
    expect(jsonSyntaxError('{"a": "x\ty"}')?.message).toBe('control character in string');
    expect(jsonSyntaxError('[1] [2]')?.position).toBe(4);
    expect(jsonSyntaxError(' {"a": [true, false, null, -1.5e3, "\\u00e9"]} ')).toBeNull();
  });

  it('agrees with JSON.parse on validity, for valid documents and for every one-character deletion', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value, null, 1);
        expect(jsonSyntaxError(text)).toBeNull();
        const at = cut % text.length;
        const broken = text.slice(0, at) + text.slice(at + 1);
        let parses = true;
        try {
          JSON.parse(broken);
        } catch {
          parses = false;
        }
        expect(jsonSyntaxError(broken) === null).toBe(parses);
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectKind', () => {
  it('tells the documents apart by shape', () => {
    expect(detectKind(read(join(hkd, 'procedure.json')))).toBe('procedure');
    expect(detectKind(read(join(hkd, 'process.json')))).toBe('process');
    expect(detectKind(read(join(hkd, 'dossier-online-send-back.json')))).toBe('dossier');
    expect(detectKind([1, 2])).toBeNull();
    expect(detectKind({ name: 'x' })).toBeNull();
  });
});

describe('tthc validate', () => {
  it('accepts every example file; the household-business process has its one documented warning', async () => {
    const files = ['chung-thuc-ban-sao-tu-ban-chinh', 'dang-ky-khai-sinh', 'dang-ky-thanh-lap-ho-kinh-doanh'].flatMap(
      (slug) => ['procedure.json', 'process.json'].map((f) => join(examples, slug, f)),
    );
    const { code, files: results } = await validateJson(...files, join(hkd, 'dossier-tet-2026-supplement.json'));
    expect(code).toBe(0);
    expect(results.map((r) => r.kind)).toEqual([...Array(3).fill(['procedure', 'process']).flat(), 'dossier']);
    expect(results.every((r) => r.valid)).toBe(true);
    const issues = results.flatMap((r) => r.issues.map((i) => `${r.file.split('/').at(-2)}: ${i.path} ${i.code}`));
    // ND 01/2021 (effectiveTo 2025-06-30) is cited by a process in force from 1 July 2025 (README).
    expect(issues).toEqual(['dang-ky-thanh-lap-ho-kinh-doanh: procedure.legalBases[2] legal-basis-not-in-force']);
  });

  it('prints one line per issue: path: message [code/severity]', async () => {
    const { code, out } = await tthc('validate', join(hkd, 'process.json'));
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/process\.json \[process\]: hợp lệ \(valid\) — 1 cảnh báo \(warning\)$/);
    expect(lines[1]).toMatch(
      /^ {2}procedure\.legalBases\[2\]: "01\/2021\/NĐ-CP" .*2025-06-30.* \[legal-basis-not-in-force\/warning\]$/,
    );
    expect(lines).toHaveLength(2);
  });

  it('exits 1 on a lint error: a step budget longer than the statutory 3 working days', async () => {
    const process = read(join(hkd, 'process.json')) as { steps: { budget: { amount: number } }[] };
    process.steps[1]!.budget.amount = 40;
    const dir = tempDir({ 'process.json': process, 'procedure.json': read(join(hkd, 'procedure.json')) });
    const { code, files } = await validateJson(join(dir, 'process.json'));
    expect(code).toBe(1);
    expect(files[0]!.valid).toBe(false);
    const errors = files[0]!.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((i) => /exceeds-limit|mismatch/.test(i.code))).toBe(true);
  });

  it('reports schema issues with their path and value, and finds the procedure through --procedure', async () => {
    const procedure = read(join(hkd, 'procedure.json'));
    delete procedure.code;
    const dossier = read(join(hkd, 'dossier-online-send-back.json')) as { events: { at: string }[] };
    dossier.events[3]!.at = '2026-02-24 16:00';
    const dir = tempDir({
      'p.json': procedure,
      'd.json': { ...dossier, operator: 'x' },
      'q.json': read(join(hkd, 'process.json')),
    });
    const { code, files } = await validateJson(join(dir, 'p.json'), join(dir, 'd.json'), join(dir, 'q.json'));
    expect(code).toBe(1);
    expect(files[0]!.issues).toEqual([expect.objectContaining({ path: 'code', code: 'schema', severity: 'error' })]);
    expect(files[1]!.issues).toEqual([
      expect.objectContaining({
        path: 'events[3].at',
        message: expect.stringContaining('"2026-02-24 16:00"'),
        code: 'schema',
      }),
      expect.objectContaining({ path: 'operator', code: 'unknown-key', severity: 'warning' }),
    ]);
    // No procedure.json beside q.json: the lint is skipped with a warning, the process itself is valid.
    expect(files[2]).toMatchObject({ valid: true, issues: [{ code: 'lint-skipped', severity: 'warning' }] });
    const withProcedure = await validateJson(join(dir, 'q.json'), '--procedure', join(hkd, 'procedure.json'));
    expect(withProcedure.files[0]!.issues.map((i) => i.code)).toEqual(['legal-basis-not-in-force']);
  });

  it('needs --kind when the shape says nothing, and honours it', async () => {
    const dir = tempDir({ 'x.json': { name: 'Thủ tục' } });
    const unknown = await validateJson(join(dir, 'x.json'));
    expect(unknown.code).toBe(1);
    expect(unknown.files[0]).toMatchObject({ kind: null, valid: false, issues: [{ code: 'unknown-kind' }] });
    const forced = await validateJson(join(dir, 'x.json'), '--kind', 'procedure');
    expect(forced.files[0]!.kind).toBe('procedure');
    expect(forced.files[0]!.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['code', 'channels']));
  });

  it('fails with one line naming the file and the JSON position, or the bad option', async () => {
    const dir = tempDir({ 'bad.json': '{\n  "steps": [\n    { "key": "a" }\n    { "key": "b" }\n  ]\n}\n' });
    const bad = await tthc('validate', join(dir, 'bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(
      /^tthc validate: ".*bad\.json" is not valid JSON: unexpected "\{", expected "," or "\]" at line 4 column 5 \(position 38\)\n$/,
    );
    const missing = await tthc('validate', join(dir, 'missing.json'));
    expect(missing.err).toMatch(/^tthc validate: ".*missing\.json" cannot be read \(ENOENT\); expected a JSON file\n$/);
    expect((await tthc('validate', join(dir, 'bad.json'), '--kind', 'form')).err).toBe(
      'tthc validate: --kind "form" is not a document kind; expected procedure, process, dossier\n',
    );
    expect((await tthc('validate')).err).toMatch(/^tthc validate: expected at least one <file>/);
  });
});
