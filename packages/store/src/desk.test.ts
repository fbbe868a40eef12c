/**
 * The desk queries, re-projection and process migration on a small, hand-counted set of dossiers of
 * Đăng ký thành lập hộ kinh doanh (03 ngày làm việc; Tết 2026 off Sat 14 – Sun 22 Feb).
 */
import { vietnamCalendar } from '@tthc/calendar';
import { classifyCompletion, parseProcess, reminders } from '@tthc/core';
import { expect, it } from 'vitest';
import { AGENCY, describeOnDrivers, procedure, process, receptionist, reviewer } from './harness.test-util.js';
import { applyMigration, planMigration } from './process-migration.js';
import { completionCounts, dueWithin, listDossiers, overdue, reminderList } from './queries.js';
import { reproject, reprojectionLog } from './reproject.js';

const signer = { unit: 'Ủy ban nhân dân xã', role: 'Chủ tịch hoặc Phó Chủ tịch UBND xã' };
const clerk = { unit: 'Văn phòng HĐND và UBND xã', role: 'Văn thư' };
const T = '2026-02-23T08:00:00+07:00'; // Mon 23 Feb, the first working day after Tết
const day = (n: number) => ({ amount: n, unit: 'workingDay' as const });
const step = (s: string, at: string, by: object, outcome?: string) => ({
  type: 'complete-step',
  step: s,
  at,
  by,
  ...(outcome ? { outcome } : {}),
});
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describeOnDrivers('desk queries', (h) => {
  const create = (id: string, receivedAt: string, events: unknown[]) =>
    h().store.create({ id, receivedAt, channel: 'direct', procedureCode: procedure.code }, events);

  it('stores the desk set', async () => {
    // Thu 12 Feb 10:00 → due Tue 24 Feb 10:00 (6 h + 8 h, Tết, 8 h Mon, 2 h Tue).
    await create('Q-1', '2026-02-12T10:00:00+07:00', [step('receive', '2026-02-12T11:30:00+07:00', receptionist)]);
    // Mon 23 Feb 08:00 → due Wed 25 Feb 17:00 (three whole working days).
    await create('Q-2', '2026-02-23T08:00:00+07:00', []);
    // Tue 3 Feb 09:00 → due Fri 6 Feb 09:00 (7 h + 8 h + 8 h + 1 h): overdue on 23 Feb.
    await create('Q-3', '2026-02-03T09:00:00+07:00', [step('receive', '2026-02-03T09:30:00+07:00', receptionist)]);
    // waiting for a supplement: no running due.
    await create('Q-4', '2026-02-12T14:00:00+07:00', [
      step('receive', '2026-02-12T14:30:00+07:00', receptionist),
      { type: 'request-supplement', reason: 'Thiếu biên bản họp', at: '2026-02-13T09:00:00+07:00', by: reviewer },
    ]);
    // L-1: like Q-3 but finished Fri 6 Feb 10:00, one hour after its due: late by instant, on time by date.
    await create('L-1', '2026-02-03T09:00:00+07:00', [
      step('receive', '2026-02-03T09:30:00+07:00', receptionist),
      step('review', '2026-02-04T10:00:00+07:00', reviewer, 'done'),
      step('sign', '2026-02-05T10:00:00+07:00', signer, 'approved'),
      step('issue', '2026-02-06T10:00:00+07:00', clerk),
    ]);
    expect((await h().store.get('Q-2'))?.overallDue).toBe('2026-02-25T17:00:00+07:00');
    expect((await h().store.get('Q-3'))?.overallDue).toBe('2026-02-06T09:00:00+07:00');
  });

  it('lists the dossiers due within N working days or hours of T, earliest first', async () => {
    const at = T;
    // 1 working day from Mon 08:00 ends Mon 17:00: nothing; 2 days end Tue 17:00: Q-1; 3 days.
    expect(ids(await dueWithin(h().store, { at, within: day(1) }))).toEqual([]);
    expect(ids(await dueWithin(h().store, { at, within: day(2) }))).toEqual(['Q-1']);
    expect(ids(await dueWithin(h().store, { at, within: day(3) }))).toEqual(['Q-1', 'Q-2']);
    // 10 working hours end Tue 10:00, exactly Q-1's due (a due at the horizon is within it).
    expect(ids(await dueWithin(h().store, { at, within: { amount: 10, unit: 'workingHour' } }))).toEqual(['Q-1']);
    expect(ids(await dueWithin(h().store, { at, within: { amount: 599, unit: 'workingMinute' } }))).toEqual([]);
    expect(ids(await dueWithin(h().store, { at, within: day(3), agency: 'Another agency' }))).toEqual([]);
  });

  it('lists the overdue dossiers and steps at T', async () => {
    expect(ids(await overdue(h().store, { at: T }))).toEqual(['Q-3']);
    // Step scope: Q-3's review (due Wed 4 Feb) and Q-1's review (due Fri 13 Feb 16:30) are late.
    expect(ids(await overdue(h().store, { at: T, scope: 'step' }))).toEqual(['Q-3', 'Q-1']);
    expect(ids(await overdue(h().store, { at: '2026-02-06T09:00:00+07:00' }))).toEqual([]);
    expect(ids(await overdue(h().store, { at: '2026-02-06T09:00:00.001+07:00' }))).toEqual(['Q-3']);
  });

  it('filters by step, performer and status', async () => {
    expect(ids(await listDossiers(h().store, { step: 'review' }))).toEqual(['Q-3', 'Q-1']);
    expect(ids(await listDossiers(h().store, { performerUnit: reviewer.unit, status: 'processing' }))).toEqual([
      'Q-3',
      'Q-1',
    ]);
    expect(ids(await listDossiers(h().store, { status: 'awaitingSupplement' }))).toEqual(['Q-4']);
    expect(ids(await listDossiers(h().store, { step: 'receive', agency: AGENCY }))).toEqual(['Q-2']);
    await expect(listDossiers(h().store, { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it("gives the day's reminder list the runtime gives over every dossier", async () => {
    const list = await reminderList(h().store, { at: T });
    const all = [];
    for (const id of ['Q-1', 'Q-2', 'Q-3', 'Q-4', 'L-1']) all.push(await h().store.load(id));
    expect(list).toEqual(reminders(all, T, day(1)));
    expect(list).toContainEqual(expect.objectContaining({ dossierId: 'Q-3', kind: 'overdue', scope: 'dossier' }));
    // Q-1 has 10 working hours left: within 1 working day + the horizon, the apology (Mẫu 04) is needed.
    expect(list).toContainEqual(expect.objectContaining({ dossierId: 'Q-1', kind: 'apology-needed' }));
  });

  it('counts on-time and late per procedure and agency as classifyCompletion does', async () => {
    const period = { from: '2026-02-01T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00' };
    const byInstant = await completionCounts(h().store, { ...period, compare: 'instant' });
    const byDate = await completionCounts(h().store, { ...period, compare: 'date' });
    const l1 = await h().store.load('L-1');
    const zone = vietnamCalendar();
    expect(classifyCompletion(l1.ledger.finishedAt!, l1.ledger.legalDue, zone, 'instant')).toBe('late');
    expect(byInstant).toEqual([
      { procedureCode: procedure.code, agency: AGENCY, early: 0, onTime: 0, late: 1, total: 1 },
    ]);
    expect(byDate).toEqual([{ procedureCode: procedure.code, agency: AGENCY, early: 0, onTime: 1, late: 0, total: 1 }]);
    expect(
      await completionCounts(h().store, { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' }),
    ).toEqual([]);
  });

  it('re-projects after a province adds a day off on Tue 24 Feb, logging what moved and why', async () => {
    const calendar = vietnamCalendar({
      extraDaysOff: [{ date: '2026-02-24', kind: 'local', name: 'Ngày nghỉ của tỉnh (thử nghiệm)' }],
    });
    const store = await h().reopen({ calendar });
    const reason = 'QĐ thử nghiệm: nghỉ thứ Ba 24/02/2026';
    const at = '2026-02-20T08:00:00+07:00';
    const dry = await reproject(store, { runId: 'r1', reason, at, dryRun: true });
    // Q-4's suspended due (Tue 24 14:00) moves too; the earliest dues of are their steps'.
    expect(dry.changes.map((c) => [c.dossierId, c.field])).toEqual([
      ['Q-1', 'overall_due'],
      ['Q-2', 'overall_due'],
      ['Q-4', 'overall_due'],
      ['Q-4', 'next_due'],
    ]);
    expect(dry.changed).toBe(3);
    expect((await h().store.get('Q-1'))?.overallDue).toBe('2026-02-24T10:00:00+07:00');
    const run = await reproject(store, { runId: 'r1', reason, at });
    expect(run).toMatchObject({ scanned: 5, changed: 3, skipped: [] });
    // Tue 24 10:00 → Wed 25 10:00; Q-2: Wed 25 17:00 → Thu 26 17:00; Q-3 and L-1 (early Feb) unaffected.
    expect((await store.get('Q-1'))?.overallDue).toBe('2026-02-25T10:00:00+07:00');
    expect((await store.get('Q-2'))?.overallDue).toBe('2026-02-26T17:00:00+07:00');
    expect(await reprojectionLog(store, 'Q-1')).toContainEqual({
      runId: 'r1',
      dossierId: 'Q-1',
      field: 'overall_due',
      before: '2026-02-24T10:00:00+07:00',
      after: '2026-02-25T10:00:00+07:00',
      reason,
    });
    // The store on the new calendar reads every dossier back (snapshots agree with the replay).
    for (const id of ['Q-1', 'Q-2', 'Q-3', 'Q-4', 'L-1']) await store.load(id);
    expect((await reproject(store, { runId: 'r2', reason, at })).changed).toBe(0);
    // Put the shipped calendar back for the next tests.
    await reproject(h().store, { runId: 'r3', reason: 'ngày nghỉ thử nghiệm bị hủy', at });
  });

  it('plans a process-version migration (dry run), then applies it in batches', async () => {
    const v2 = parseProcess({
      ...process,
      version: '2026.1',
      effectiveFrom: '2026-03-01',
      steps: process.steps.map((s) => ({
        ...s,
        key: s.key === 'review' ? 'tham-dinh' : s.key,
        budget: s.key === 'sign' ? { amount: 8, unit: 'workingHour' } : s.budget,
        outcomes: s.outcomes.map((o) => ({ ...o, next: o.next === 'review' ? 'tham-dinh' : o.next })),
      })),
    });
    await h().store.putProcess(v2);
    const from = { procedureCode: process.procedureCode, agency: AGENCY, version: process.version };
    const plan = await planMigration(h().store, from, '2026.1');
    expect(plan.steps).toContainEqual(expect.objectContaining({ from: 'review', to: 'tham-dinh', by: 'name' }));
    expect(plan.dossiers.map((d) => [d.dossierId, d.toStep, d.overallClock, d.stepClock, d.problem])).toEqual([
      ['Q-1', 'tham-dinh', 'keep', 'keep', null],
      ['Q-2', 'receive', 'keep', 'keep', null],
      ['Q-3', 'tham-dinh', 'keep', 'keep', null],
      ['Q-4', null, 'keep', 'keep', null],
    ]);
    // The dry run wrote nothing.
    expect((await h().store.get('Q-1'))?.processVersion).toBe('2025.1');
    const report = await applyMigration(h().store, plan, { at: '2026-03-01T08:00:00+07:00', batch: 2 });
    expect(report.moved).toEqual(['Q-1', 'Q-2', 'Q-3', 'Q-4']);
    expect(await h().store.get('Q-1')).toMatchObject({ processVersion: '2026.1', step: 'tham-dinh' });
    // The old events replay with the renamed step; new events use the new keys.
    const next = step('tham-dinh', '2026-02-24T09:00:00+07:00', reviewer, 'done');
    await h().store.append('Q-1', [next], { expectedVersion: 1 });
    const q1 = await h().store.load('Q-1');
    expect(q1.process.version).toBe('2026.1');
    // Sign entered Tue 24 09:00 with the new 8-hour budget: due Tue 24 Feb 17:00... + 1 h → Wed 25 09:00.
    expect((await h().store.get('Q-1'))?.stepDue).toBe('2026-02-25T09:00:00+07:00');
    expect((await h().store.events('Q-1'))[0]).toMatchObject({ step: 'receive' });
  });

  it('refuses to move dossiers whose step has no partner unless told to skip them', async () => {
    const v3 = parseProcess({
      ...process,
      version: '2026.2',
      effectiveFrom: '2026-06-01',
      steps: process.steps
        .map((s) =>
          s.key === 'receive'
            ? { ...s, outcomes: [{ name: 'done', next: 'sign' }] }
            : s.key === 'review'
              ? null
              : { ...s, outcomes: s.outcomes.map((o) => ({ ...o, next: o.next === 'review' ? 'return' : o.next })) },
        )
        .filter((s) => s !== null),
    });
    await h().store.putProcess(v3);
    await h().store.create(
      { id: 'M-1', receivedAt: '2026-02-23T09:00:00+07:00', channel: 'direct', procedureCode: procedure.code },
      [step('receive', '2026-02-23T09:30:00+07:00', receptionist)],
    );
    const plan = await planMigration(
      h().store,
      { procedureCode: process.procedureCode, agency: AGENCY, version: '2025.1' },
      '2026.2',
    );
    expect(plan.removedSteps).toEqual(['review']);
    expect(plan.dossiers.find((d) => d.dossierId === 'M-1')?.problem?.code).toBe('step-removed');
    await expect(applyMigration(h().store, plan, { at: '2026-06-01T08:00:00+07:00' })).rejects.toMatchObject({
      code: 'MIGRATION_BLOCKED',
    });
    expect((await h().store.get('M-1'))?.processVersion).toBe('2025.1');
  });
});
