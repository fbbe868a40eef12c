import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

const examples = join(import.meta.dirname, '../../../../examples/procedures');
const dir = mkdtempSync(join(tmpdir(), 'tthc-store-cli-'));
const db = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tthc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

it('tthc store: init, import the examples, due/overdue at an instant, show, outbox drain, reproject', async () => {
  expect((await tthc('store', 'init', '--db', db)).out).toContain('schema version 3');
  const imported = await tthc(
    'store',
    'import',
    '--db',
    db,
    '--json',
    join(examples, 'dang-ky-thanh-lap-ho-kinh-doanh'),
    join(examples, 'dang-ky-khai-sinh'),
  );
  expect(imported.code).toBe(0);
  const rows = JSON.parse(imported.out) as { imported: string[] }[];
  expect(rows.flatMap((r) => r.imported)).toContain('HKD-2026-0212-0015');

  const show = await tthc('store', 'show', 'HKD-2026-0212-0015', '--db', db, '--json');
  expect(JSON.parse(show.out)).toMatchObject({ status: 'returned', portalStatus: 10 });

  const missing = await tthc('store', 'due', '--db', db);
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('--at');

  const overdue = await tthc('store', 'overdue', '--db', db, '--at', '2026-12-31T08:00:00+07:00', '--json');
  expect(overdue.code).toBe(0);
  for (const r of JSON.parse(overdue.out) as { active: boolean }[]) expect(r.active).toBe(true);

  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(String(req.headers['idempotency-key']));
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const drained = await tthc('store', 'outbox', 'drain', '--db', db, '--to', url, '--json');
    expect(drained.err).toBe('');
    expect(drained.code).toBe(0);
    expect(JSON.parse(drained.out).sent).toBe(received.length);
    expect(new Set(received).size).toBe(received.length);
    expect(received.length).toBeGreaterThan(0);
  } finally {
    server.close();
  }
  expect((await tthc('store', 'outbox', '--db', db)).out).toMatch(/^pending 0, sent \d+, parked 0/);

  const calendarFile = join(dir, 'province.json');
  writeFileSync(
    calendarFile,
    JSON.stringify({ extraDaysOff: [{ date: '2026-02-24', kind: 'local', name: 'Nghỉ thử' }] }),
  );
  const dry = await tthc(
    '--calendar',
    calendarFile,
    'store',
    'reproject',
    '--db',
    db,
    '--run-id',
    't1',
    '--reason',
    'thử nghiệm',
    '--at',
    '2026-02-20T08:00:00+07:00',
    '--dry-run',
    '--json',
  );
  expect(dry.code).toBe(0);
  expect(JSON.parse(dry.out).scanned).toBeGreaterThan(0);

  const unknown = await tthc('store', 'show', 'NOPE', '--db', db);
  expect(unknown).toMatchObject({ code: 1 });
  expect(unknown.err).toContain('NOPE');
}, 600_000);
