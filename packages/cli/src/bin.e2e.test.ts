import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// End to end through the published entry point: only after `pnpm build` has produced dist/bin.js
// (CI builds first); skipped otherwise so `pnpm test` on a fresh clone runs on source.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function tthc(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe.skipIf(!existsSync(bin))('dist/bin.js (built CLI)', () => {
  it('computes a deadline as JSON on stdout with exit 0', () => {
    const { code, out, err } = tthc('deadline', '--start', '2026-02-13T16:30:00+07:00', '--duration', '3d', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ due: '2026-02-25T16:30:00+07:00', rule: 'working-time' });
  });

  it('exits 1 with one line on stderr for a bad argument', () => {
    const { code, out, err } = tthc('days', '--from', 'yesterday', '--to', '2026-02-28');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^tthc days: --from: .*yesterday/);
  });

  it('prints the version and runs the demo', () => {
    expect(tthc('--version').out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const demo = tthc('demo', '--out', mkdtempSync(join(tmpdir(), 'tthc-demo-')));
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('Thứ Tư 25/02/2026 (Wed) 16:30');
  });

  it('ends quietly with 0 when its reader closes, prints help bare, reads - from stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-pipe-'));
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" demo --out "${dir}" | head -1`], {
      encoding: 'utf8',
    });
    expect(piped.stderr).toBe('');
    const bare = tthc();
    expect([bare.code, bare.out.startsWith('tthc ')]).toEqual([0, true]);
    expect(tthc('-V').out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const stdin = spawnSync(process.execPath, [bin, 'validate', '-', '--kind', 'dossier', '--json'], {
      encoding: 'utf8',
      input: '{"id": "x", "receivedAt": "2026-02-13T16:30:00+07:00", "channel": "online", "events": []}',
    });
    expect(JSON.parse(stdin.stdout).files[0]).toMatchObject({ file: '-', kind: 'dossier', valid: true });
  });
});
