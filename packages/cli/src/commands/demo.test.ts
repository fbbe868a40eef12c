import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';
import { defaultExamplesDir, findRepoRoot } from '../examples-dir.js';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '../../../../examples/procedures');

async function tthc(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('tthc demo: the example procedures', () => {
  it('finds examples/procedures from the CLI file and the repository root by pnpm-workspace.yaml', () => {
    expect(defaultExamplesDir()).toBe(examples);
    const dir = mkdtempSync(join(tmpdir(), 'tthc-root-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    expect(findRepoRoot(join(dir, 'a', 'b'))).not.toBe(dir);
    writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'packages: []\n');
    expect(findRepoRoot(join(dir, 'a', 'b'))).toBe(dir);
  });

  it('validates, lints and runs every example after the calendar tour, within 120 columns', async () => {
    const { code, out, err } = await tthc('demo');
    expect(err).toBe('');
    expect(code).toBe(0);
    const part = out.slice(out.indexOf('== 6. Thủ tục mẫu / Example procedures =='));
    expect(out.indexOf('== 5.')).toBeLessThan(out.indexOf('== 6.'));
    expect(part).toMatch(/== 6\.1 .*chung-thuc-ban-sao-tu-ban-chinh: 2\.000815/);
    expect(part).toMatch(/== 6\.2 .*dang-ky-khai-sinh: 1\.001193 Thủ tục đăng ký khai sinh ==/);
    expect(part).toMatch(/== 6\.3 .*dang-ky-thanh-lap-ho-kinh-doanh: 1\.001612 Đăng ký thành lập hộ kinh doanh ==/);
    expect(part).toContain('procedure.legalBases[2]: "01/2021/NĐ-CP"');
    expect(part.match(/Hồ sơ mẫu \(example dossier\)/g)).toHaveLength(4);
    // The online household-business dossier: 24 working hours from Fri 13 Feb 16:30 end Wed 25 Feb 16:30.
    expect(part).toContain('Hẹn trả (due, NgayHenTra):     Thứ Tư 25/02/2026 (Wed) 16:30');
    // The supplemented one: restarted from Tue 24 Feb 08:30 → Fri 27 Feb 08:30; returned early.
    expect(part).toContain('Hẹn trả (due, NgayHenTra):     Thứ Sáu 27/02/2026 (Fri) 08:30');
    expect(part).toContain('24/02/26 10:00 → 27/02/26 08:30 (NgayHenTraTruoc → NgayHenTraMoi)');
    expect(part).toContain('đã trả kết quả (returned) — trước hạn (early)');
    expect(part.match(/Cổng DVCQG \(TrangThaiHoSo\): {4}10 — Đã trả kết quả/g)).toHaveLength(4);
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(120);
  });

  it('says so and skips when the examples folder is missing', async () => {
    const { code, out } = await tthc('demo', '--examples', join(tmpdir(), 'tthc-no-such-folder'));
    expect(code).toBe(0);
    expect(out).toContain('Không tìm thấy thủ tục mẫu / example procedures not found');
    expect(out).toContain('Thứ Tư 25/02/2026 (Wed) 16:30');
  });

  it('reports a broken example in its section and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-examples-'));
    cpSync(join(examples, 'dang-ky-khai-sinh'), join(dir, 'dang-ky-khai-sinh'), { recursive: true });
    const file = join(dir, 'dang-ky-khai-sinh', 'dossier-tet-2026.json');
    const dossier = JSON.parse(readFileSync(file, 'utf8')) as { events: { type: string }[] };
    dossier.events.splice(2, 1); // drop supplement-received: the review cannot be completed while waiting
    writeFileSync(file, JSON.stringify(dossier));
    const { code, out } = await tthc('demo', '--examples', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/lỗi \(error\): "dossier-tet-2026\.json": events\[2\] \(complete-step at .*\) rejected:/);
  });
});
