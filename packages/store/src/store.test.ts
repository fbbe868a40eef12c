import { CoreError, dueDates } from '@tthc/core';
import { expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { describeOnDrivers, exampleDossier, procedure, receptionist, reviewer } from './harness.test-util.js';
import { migrate } from './migrations.js';

const init = (id: string) => ({
  id,
  receivedAt: exampleDossier.receivedAt,
  channel: 'direct' as const,
  procedureCode: procedure.code,
});
const receive = { type: 'complete-step', step: 'receive', at: '2026-02-12T11:30:00+07:00', by: receptionist };

describeOnDrivers('dossier store', (h) => {
  it('applies the migrations once', async () => {
    expect(await migrate(h().driver)).toEqual([]);
    const { rows } = await h().driver.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('creates a dossier with the due a person counts: 3 working days from Thu 12 Feb 10:00 over Tết → Tue 24 Feb 10:00', async () => {
    // Thu 12: 10–12 + 13–17 = 6 h; Fri 13: 8 h; Sat 14 – Sun 22 off (Tết 2026); Mon 23: 8 h; Tue 24: 08–10.
    const { version } = await h().store.create(init('S-1'));
    expect(version).toBe(0);
    const row = await h().store.get('S-1');
    expect(row).toMatchObject({
      overallDue: '2026-02-24T10:00:00+07:00',
      step: 'receive',
      status: 'processing',
      active: true,
      portalStatus: 2,
      version: 0,
      performerRole: 'Công chức tiếp nhận và trả kết quả',
    });
  });

  it('appends with the runtime: review entered at 11:30 Thu is due after 12 working hours, Fri 13 Feb 16:30', async () => {
    const { version, dossier } = await h().store.append('S-1', [receive], { expectedVersion: 0 });
    expect(version).toBe(1);
    const row = await h().store.get('S-1');
    // Thu 11:30–12 + 13–17 = 4.5 h; Fri 08–12 + 13:00–16:30 = 7.5 h.
    expect(row).toMatchObject({ step: 'review', stepDue: '2026-02-13T16:30:00+07:00', portalStatus: 4, version: 1 });
    expect(dueDates(dossier).due).toBe('2026-02-24T10:00:00+07:00');
    expect(await h().store.events('S-1')).toEqual([receive]);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const late = {
      type: 'request-supplement',
      reason: 'Thiếu biên bản họp',
      at: '2026-02-13T09:00:00+07:00',
      by: reviewer,
    };
    const error = await h()
      .store.append('S-1', [late], { expectedVersion: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('CONFLICT');
    expect((error as StoreError).details).toMatchObject({ value: 0, actual: 1 });
    expect((await h().store.get('S-1'))?.version).toBe(1);
  });

  it('refuses an event the runtime rejects and writes nothing (no event, projection or outbox row)', async () => {
    const before = await h().driver.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE dossier_id = 'S-1'",
    );
    const wrong = { type: 'complete-step', step: 'sign', at: '2026-02-13T09:00:00+07:00', by: reviewer };
    const ok = { type: 'complete-step', step: 'review', at: '2026-02-13T08:30:00+07:00', by: reviewer };
    const error = await h()
      .store.append('S-1', [ok, wrong], { expectedVersion: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('EVENT_REJECTED');
    expect(await h().store.events('S-1')).toHaveLength(1);
    const after = await h().driver.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE dossier_id = 'S-1'",
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('reads a dossier by replaying its events and checking the stored snapshot', async () => {
    const d = await h().store.load('S-1');
    expect(d.events).toHaveLength(1);
    expect(dueDates(d).steps.at(-1)).toMatchObject({ step: 'review', due: '2026-02-13T16:30:00+07:00' });
  });

  it('detects a snapshot that disagrees with the events (SNAPSHOT_MISMATCH naming the field)', async () => {
    await h().store.create(init('S-2'), [receive]);
    await h().driver.query(
      `UPDATE dossiers SET snapshot = jsonb_set(snapshot, '{ledger,legalDue}', '0'::jsonb) WHERE id = 'S-2'`,
    );
    const error = await h()
      .store.load('S-2')
      .catch((e: unknown) => e);
    expect((error as StoreError).code).toBe('SNAPSHOT_MISMATCH');
    expect((error as StoreError).details.field).toBe('ledger.legalDue');
  });

  it('refuses a second dossier with the same id, and an unknown one', async () => {
    await expect(h().store.create(init('S-1'))).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(h().store.append('NOPE', [receive], { expectedVersion: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(h().store.append('S-1', [], { expectedVersion: -1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('stores the whole example dossier and returns it replayed, finished on time', async () => {
    const { version } = await h().store.create({ ...init(exampleDossier.id) }, exampleDossier.events);
    expect(version).toBe(exampleDossier.events.length);
    const row = await h().store.get(exampleDossier.id);
    expect(row).toMatchObject({
      status: 'returned',
      active: false,
      portalStatus: 10,
      finishedAt: '2026-02-26T15:30:00+07:00',
    });
  });
});
