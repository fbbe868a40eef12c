import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';
import { defaultExamplesDir, findRepoRoot } from '../examples-dir.js';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '../../../../examples/procedures');

/** Runs the CLI; `demo` writes its sync output into a fresh temporary folder, never the working tree. */
async function tthc(...argv: string[]) {
  const io = memoryIo();
  const args =
    argv[0] === 'demo' && !argv.includes('--out')
      ? [...argv, '--out', mkdtempSync(join(tmpdir(), 'tthc-demo-'))]
      : argv;
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('tthc demo: the sync first', () => {
  it('reconciles the example ward, writes the plan and the HTML report, applies to copies and re-plans clean', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tthc-demo-sync-'));
    const result = await tthc('demo', '--out', out);
    expect(result.code).toBe(0);
    const text = result.out;
    // The sync comes before the calendar tour.
    expect(text.indexOf('== 1. Đồng bộ')).toBeGreaterThan(-1);
    expect(text.indexOf('== 1. Đồng bộ')).toBeLessThan(text.indexOf('== 2. '));
    const sync = text.slice(text.indexOf('== 1. Đồng bộ'), text.indexOf('== 2. '));
    // 21 procedures in three systems (examples/commune); the seeded disagreements show by kind.
    expect(sync).toContain('21 thủ tục / procedures');
    expect(sync).toMatch(/Khác nhau \/ Disagree: \d+ thủ tục/);
    for (const kind of ['Các bước / Steps', 'Người thực hiện / Performers', 'Thời gian / Times']) {
      expect(sync).toContain(kind);
    }
    expect(sync).toMatch(
      /Kế hoạch \/ Plan: [1-9]\d* thao tác vá ISO điện tử|Kế hoạch \/ Plan: \d+ thao tác vá ISO điện tử, [1-9]/,
    );
    expect(sync).toContain('không còn gì phải vá / nothing left to patch');
    // The report and the plan are on disk; the report is self-contained HTML naming the procedures.
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('1.001193');
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { kind: string; procedures: unknown[] };
    expect(plan.kind).toBe('plan');
    expect(plan.procedures).toHaveLength(21);
    expect(readdirSync(join(out, 'eiso'))).toHaveLength(21);
    expect(readdirSync(join(out, 'portal'))).toHaveLength(21);
  });
});

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
    const part = out.slice(out.indexOf('== 7. Thủ tục mẫu / Example procedures =='));
    expect(out.indexOf('== 6.')).toBeLessThan(out.indexOf('== 7.'));
    expect(part).toMatch(/== 7\.1 .*chung-thuc-ban-sao-tu-ban-chinh: 2\.000815/);
    expect(part).toMatch(/== 7\.2 .*dang-ky-khai-sinh: 1\.001193 Thủ tục đăng ký khai sinh ==/);
    expect(part).toMatch(/== 7\.3 .*dang-ky-thanh-lap-ho-kinh-doanh: 1\.001612 Đăng ký thành lập hộ kinh doanh ==/);
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
