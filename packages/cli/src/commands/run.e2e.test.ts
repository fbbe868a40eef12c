import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Through the built entry point (run `pnpm -s build` first); skipped when dist/bin.js is absent.
const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const hkd = fileURLToPath(new URL('../../../../examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh/', import.meta.url));

function tthc(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe.skipIf(!existsSync(bin))('dist/bin.js: validate, schema, run, demo', () => {
  it('runs the online household-business dossier to its due, Wed 25 Feb 2026 16:30', () => {
    const { code, out, err } = tthc('run', `${hkd}process.json`, `${hkd}dossier-online-send-back.json`, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.dossier.dueDates.due).toBe('2026-02-25T16:30:00+07:00');
    expect(report.status.classification).toBe('on-time');
    expect(report.portalStatus.code).toBe(10);
  });

  it('validates the example, prints a schema, and runs the examples in the demo', () => {
    const validate = tthc('validate', `${hkd}procedure.json`, `${hkd}process.json`);
    expect(validate.code).toBe(0);
    expect(validate.out).toContain('[legal-basis-not-in-force/warning]');
    expect(JSON.parse(tthc('schema', 'dossier-event').out).$schema).toMatch(/2020-12/);
    const demo = tthc('demo', '--out', mkdtempSync(join(tmpdir(), 'tthc-demo-')));
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('== 7.3 ');
    expect(demo.out).toContain('Thứ Sáu 27/02/2026 (Fri) 08:30');
  });

  it('exits 1 with one line for a bad option', () => {
    const { code, out, err } = tthc(
      'validate',
      fileURLToPath(new URL('../../package.json', import.meta.url)),
      '--kind',
      'x',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('tthc validate: --kind "x" is not a document kind; expected procedure, process, dossier\n');
  });
});
