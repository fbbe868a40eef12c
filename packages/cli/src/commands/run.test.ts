import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';
import type { RunReport } from '../dossier-report.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/procedures');
const hkd = join(examples, 'dang-ky-thanh-lap-ho-kinh-doanh');
const online = join(hkd, 'dossier-online-send-back.json');
const supplement = join(hkd, 'dossier-tet-2026-supplement.json');

async function tthc(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function report(processFile: string, dossierFile: string, ...options: string[]): Promise<RunReport> {
  const { code, out, err } = await tthc('run', processFile, dossierFile, ...options, '--json');
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as RunReport;
}

/** A failing run: exit 1, nothing on stdout, exactly one line on stderr. */
async function failure(...argv: string[]): Promise<string> {
  const { code, out, err } = await tthc(...argv);
  expect(code).toBe(1);
  expect(out).toBe('');
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  return err.trimEnd();
}

describe('tthc run on the household-business dossiers (1.001612, 3 working days = 24 h)', () => {
  it('online, received Fri 13 Feb 16:30: due Wed 25 Feb 16:30 across Tết, returned on time', async () => {
    const r = await report(join(hkd, 'process.json'), online);
    // 30 min on Fri 13; Tết and the weekends 14–22 Feb; 8 h Mon 23; 8 h Tue 24; 7 h 30 on Wed 25
    // (08:00–12:00, 13:00–16:30).
    expect(r.dossier.dueDates.due).toBe('2026-02-25T16:30:00+07:00');
    expect(r.dossier.dueDates.originalDue).toBe('2026-02-25T16:30:00+07:00');
    expect(r.controlSheet.appointment).toBe('2026-02-25T16:30:00+07:00');
    expect(r.dossier).toMatchObject({ id: 'HKD-2026-0213-0021', channel: 'online', at: '2026-02-25T14:00:00+07:00' });
    expect(r.dossier).toMatchObject({ eventsApplied: 7, eventsTotal: 7, flags: [] });
    // Processing ended when the issue step was done (10:00), before the due: on time, not early (same date).
    expect(r.status).toMatchObject({ state: 'returned', step: null, classification: 'on-time', dueSoon: false });
    expect(r.portalStatus).toEqual({ code: 10, label: 'Đã trả kết quả' });
    const rows = r.controlSheet.rows;
    expect(rows.map((row) => row.step)).toEqual(['receive', 'review', 'sign', 'review', 'sign', 'issue', 'return']);
    // receive: 4 h = 30 min Fri + 3 h 30 Mon 23 → 11:30; review: 12 h from Fri 16:45 = 15 min + 8 h Mon + 3 h 45 Tue.
    expect(rows[0]).toMatchObject({ due: '2026-02-23T11:30:00+07:00', doneAt: '2026-02-13T16:45:00+07:00' });
    expect(rows[1]).toMatchObject({ due: '2026-02-24T11:45:00+07:00', doneAt: '2026-02-24T11:00:00+07:00' });
    // The send-back: the second review (from Tue 14:00, 12 h) is due Thu 26 09:00 and done Tue 16:00.
    expect(rows[3]).toMatchObject({ receivedAt: '2026-02-24T14:00:00+07:00', due: '2026-02-26T09:00:00+07:00' });
    expect(rows.map((row) => row.result)).toEqual(['early', 'on-time', 'on-time', 'early', 'on-time', 'on-time', null]);
    expect(rows[6]!.due).toBeNull();
  });

  it('supplemented across Tết: the 24 h restart from Tue 24 Feb 08:30 → due Fri 27 Feb 08:30', async () => {
    const r = await report(join(hkd, 'process.json'), supplement);
    // Before the request: Thu 12 10:00–17:00 = 6 h, Fri 13 8 h, Mon 23 8 h, Tue 24 2 h → Tue 24 10:00.
    expect(r.dossier.dueDates.originalDue).toBe('2026-02-24T10:00:00+07:00');
    // Restart (ND 61 art. 19(3) as amended): Tue 24 7 h 30, Wed 25 8 h, Thu 26 8 h, Fri 27 30 min.
    expect(r.dossier.dueDates.due).toBe('2026-02-27T08:30:00+07:00');
    expect(r.dossier.dueDates.supplements).toEqual([
      { round: 1, dueBefore: '2026-02-24T10:00:00+07:00', dueAfter: '2026-02-27T08:30:00+07:00' },
    ]);
    // Issued Thu 26 15:30, a day before the due: early.
    expect(r.status.classification).toBe('early');
    expect(r.controlSheet.rows.map((row) => row.result)).toEqual(['on-time', null, 'late', 'on-time', 'late', null]);
  });

  it('takes the status as of --at, applying only the events up to it', async () => {
    const paused = await report(join(hkd, 'process.json'), supplement, '--at', '2026-02-20T09:00:00+07:00');
    expect(paused.dossier).toMatchObject({ eventsApplied: 2, eventsTotal: 7, at: '2026-02-20T09:00:00+07:00' });
    expect(paused.status).toMatchObject({ state: 'awaitingSupplement', classification: 'in-time', due: null });
    expect(paused.portalStatus).toEqual({ code: 5, label: 'Yêu cầu bổ sung giấy tờ' });
    // Wed 25 09:00 + 1 working day = Thu 26 09:00, before the due Fri 27 08:30: not yet due soon.
    const review = await report(join(hkd, 'process.json'), supplement, '--at', '2026-02-25T09:00:00+07:00');
    expect(review.status).toMatchObject({
      state: 'processing',
      step: 'review',
      classification: 'in-time',
      dueSoon: false,
    });
    expect(review.portalStatus.code).toBe(4);
    // Thu 26 09:00 + 1 working day = Fri 27 09:00, past the due: due soon.
    const sign = await report(join(hkd, 'process.json'), supplement, '--at', '2026-02-26T09:00:00+07:00');
    expect(sign.status).toMatchObject({ step: 'sign', classification: 'in-time', dueSoon: true });
    const after = await report(join(hkd, 'process.json'), supplement, '--at', '2026-02-28T09:00:00+07:00');
    expect(after.dossier.eventsApplied).toBe(7);
  });

  it('compares by local date with --compare date (provincial practice)', async () => {
    const r = await report(join(hkd, 'process.json'), supplement, '--compare', 'date');
    // Review due Wed 25 13:30, done Wed 25 15:00: late by the instant, on time by the date.
    expect(r.controlSheet.rows[2]!.result).toBe('on-time');
  });

  it('prints a readable control sheet', async () => {
    const { code, out } = await tthc('run', join(hkd, 'process.json'), online);
    expect(code).toBe(0);
    expect(out).toContain('Hẹn trả (due, NgayHenTra):     Thứ Tư 25/02/2026 (Wed) 16:30  (2026-02-25T16:30:00+07:00)');
    expect(out).toContain('đã trả kết quả (returned) — đúng hạn (on time)');
    expect(out).toContain('Cổng DVCQG (TrangThaiHoSo):    10 — Đã trả kết quả');
    expect(out).toMatch(
      /\n4 {2}review {7}Phòng Kinh tế xã {16}24\/02\/26 14:00 {2}26\/02\/26 09:00 {2}24\/02\/26 16:00 {2}trước hạn/,
    );
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });
});

describe('tthc run on the same-day procedures (cut-off 15:00)', () => {
  it('birth registration received Fri 13 Feb 15:35, after the cut-off: due the next working day, Mon 23 Feb 17:00', async () => {
    const dir = join(examples, 'dang-ky-khai-sinh');
    const r = await report(join(dir, 'process.json'), join(dir, 'dossier-tet-2026.json'));
    expect(r.dossier.dueDates.originalDue).toBe('2026-02-23T17:00:00+07:00');
    // Supplement back Mon 23 08:15, before the cut-off: the restarted limit ends that day at 17:00.
    expect(r.dossier.dueDates.due).toBe('2026-02-23T17:00:00+07:00');
    expect(r.status).toMatchObject({ state: 'returned', classification: 'on-time' });
  });

  it('certification received Fri 13 Feb 14:05: due that day 17:00, restarted on Mon 23 Feb', async () => {
    const dir = join(examples, 'chung-thuc-ban-sao-tu-ban-chinh');
    const r = await report(join(dir, 'process.json'), join(dir, 'dossier-tet-2026.json'));
    expect(r.dossier.dueDates.originalDue).toBe('2026-02-13T17:00:00+07:00');
    expect(r.dossier.dueDates.due).toBe('2026-02-23T17:00:00+07:00');
    expect(r.status.classification).toBe('on-time');
    expect(r.portalStatus.code).toBe(10);
  });
});

describe('tthc run errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-run-'));
  const write = (name: string, value: unknown): string => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };
  const dossier = JSON.parse(readFileSync(online, 'utf8')) as { events: Record<string, unknown>[] };

  it('names the refused event by index, type and reason', async () => {
    const events = dossier.events.map((e, i) => (i === 2 ? { ...e, step: 'issue' } : e));
    const file = write('refused.json', { ...dossier, events });
    expect(await failure('run', join(hkd, 'process.json'), file)).toBe(
      `tthc run: "${file}": events[2] (complete-step at 2026-02-24T14:00:00+07:00) rejected: step-not-current — ` +
        'step: step "issue" is not current (the dossier is at step "sign")',
    );
    const early = dossier.events.map((e, i) => (i === 1 ? { ...e, at: '2026-02-13T16:40:00+07:00' } : e));
    expect(await failure('run', join(hkd, 'process.json'), write('order.json', { ...dossier, events: early }))).toMatch(
      /events\[1\] \(complete-step at 2026-02-13T16:40:00\+07:00\) rejected: out-of-order/,
    );
  });

  it('names a bad dossier file, a missing procedure, and bad options', async () => {
    const bad = write('bad.json', { ...dossier, channel: 'fax' });
    expect(await failure('run', join(hkd, 'process.json'), bad)).toMatch(
      /^tthc run: ".*bad\.json" is not a valid dossier file: channel: .*"fax"/,
    );
    expect(await failure('run', join(dir, 'process.json'), online)).toMatch(
      /^tthc run: ".*procedure\.json" cannot be read \(ENOENT\)/,
    );
    expect(await failure('run', join(hkd, 'process.json'), online, '--at', '2026-02-24')).toBe(
      'tthc run: --at "2026-02-24" is not an ISO 8601 instant with offset (e.g. 2026-02-24T09:00:00+07:00)',
    );
    expect(await failure('run', join(hkd, 'process.json'), online, '--compare', 'day')).toBe(
      'tthc run: --compare "day" is not a comparison mode; expected instant or date',
    );
    expect(await failure('run', join(hkd, 'process.json'))).toMatch(
      /^tthc run: expected <process\.json> <dossier\.json>/,
    );
  });

  it('refuses a dossier whose channel the process does not serve', async () => {
    const ct = join(examples, 'chung-thuc-ban-sao-tu-ban-chinh');
    const file = write('online-ct.json', {
      id: 'CT-1',
      receivedAt: '2026-03-02T09:00:00+07:00',
      channel: 'online',
      events: [],
    });
    expect(await failure('run', join(ct, 'process.json'), file)).toMatch(/cannot be opened: .*channel "online"/);
  });
});

describe('tthc run --store', () => {
  it('writes the run into the store: created up to --at, then the rest appended; store due finds it', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'tthc-run-store-')), 'data');
    const processFile = join(hkd, 'process.json');
    const first = await tthc('run', processFile, supplement, '--at', '2026-02-20T09:00:00+07:00', '--store', db);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/store: \S+ created at version 2\n$/);
    const shown = await tthc('store', 'show', 'HKD-2026-0212-0015', '--db', db, '--json');
    expect(JSON.parse(shown.out)).toMatchObject({ version: 2, status: 'awaitingSupplement' });
    const again = await tthc('run', processFile, supplement, '--store', db, '--json');
    expect(again.err).toMatch(/appended 5 event\(s\), now version 7/);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).dossier.eventsApplied).toBe(7);
    expect(again.err).toMatch(/appended 5 event\(s\), now version 7/);
    const shownAfter = await tthc('store', 'show', 'HKD-2026-0212-0015', '--db', db, '--json');
    expect(JSON.parse(shownAfter.out)).toMatchObject({ version: 7, status: 'returned' });
    // Another dossier run into the same store, still running: `store due` lists it.
    const running = await tthc('run', processFile, online, '--at', '2026-02-13T17:00:00+07:00', '--store', db);
    expect(running.code).toBe(0);
    const due = await tthc(
      'store',
      'due',
      '--db',
      db,
      '--at',
      '2026-02-24T09:00:00+07:00',
      '--within',
      '2 working days',
      '--json',
    );
    expect((JSON.parse(due.out) as { id: string }[]).map((r) => r.id)).toEqual(['HKD-2026-0213-0021']);
    // A stored dossier whose events are not this file's prefix is refused, not overwritten.
    const refused = await tthc('run', processFile, supplement, '--at', '2026-02-20T09:00:00+07:00', '--store', db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('stored with 7 event(s)');
  }, 120_000);
});
