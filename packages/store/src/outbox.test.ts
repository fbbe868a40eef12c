import { expect, it } from 'vitest';
import { describeOnDrivers, procedure, receptionist, reviewer } from './harness.test-util.js';
import { ack, claim, fail, outboxCounts, parkedRows, unpark } from './outbox.js';
import { startPortalStub, virtualClock } from './portal-stub.test-util.js';
import { drainOutbox, httpTransport } from './sender.js';

const T0 = Date.UTC(2026, 1, 24, 1, 0, 0); // Tue 24 Feb 2026 08:00 +07
const owner = { name: 'Nguyễn Văn An', kind: 1 as const, idNumber: '038090001234' };
const events = (n: number) =>
  [
    { type: 'complete-step', step: 'receive', at: '2026-02-23T09:30:00+07:00', by: receptionist },
    { type: 'complete-step', step: 'review', outcome: 'done', at: '2026-02-23T15:00:00+07:00', by: reviewer },
  ].slice(0, n);

describeOnDrivers('outbox', (h) => {
  const create = (id: string, n: number, portal = false) =>
    h().store.create(
      {
        id,
        receivedAt: '2026-02-23T09:00:00+07:00',
        channel: 'direct',
        procedureCode: procedure.code,
        ...(portal ? { portal: { owner, agencyCode: 'H56.14', fieldCode: 'G15-KD' } } : {}),
      },
      events(n),
    );

  it('writes the receipt and one progress row per event, and the DongBoHoSoMC payload when it changes', async () => {
    await create('O-1', 2, true);
    const { rows } = await h().driver.query<{ kind: string; seq: number; payload: Record<string, unknown> }>(
      "SELECT kind, seq, payload FROM outbox WHERE dossier_id = 'O-1' ORDER BY id",
    );
    expect(rows.map((r) => [r.kind, r.seq])).toEqual([
      ['progress', 0],
      ['progress', 1],
      ['progress', 2],
      ['dossier', 2],
    ]);
    expect(rows[3]!.payload).toMatchObject({ MaHoSo: 'O-1', TrangThaiHoSo: 4, DonViXuLy: 'H56.14' });
  });

  it('claims only the oldest unsent row of each dossier, then the next one after ack', async () => {
    const first = await claim(h().driver, 10, { at: T0, sender: 'a' });
    expect(first.map((m) => [m.dossierId, m.seq, m.kind])).toEqual([['O-1', 0, 'progress']]);
    // Leased: another sender gets nothing until the lease ends.
    expect(await claim(h().driver, 10, { at: T0 + 1_000, sender: 'b' })).toEqual([]);
    expect(await ack(h().driver, first[0]!.id, { at: T0 + 1_000, sender: 'b' })).toBe(false);
    expect(await ack(h().driver, first[0]!.id, { at: T0 + 1_000, sender: 'a' })).toBe(true);
    const second = await claim(h().driver, 10, { at: T0 + 2_000, sender: 'b' });
    expect(second.map((m) => m.seq)).toEqual([1]);
    expect(second[0]!.idempotencyKey).toBe('O-1/progress/1');
  });

  it('retries with exponential backoff and parks a poison row with its error', async () => {
    await h().driver.query("UPDATE outbox SET state = 'sent' WHERE state <> 'sent'");
    await create('O-2', 1);
    const [m] = await claim(h().driver, 1, { at: T0 + 3_000, sender: 'a' });
    expect(m).toMatchObject({ dossierId: 'O-2', seq: 0, attempts: 1 });
    const policy = { baseDelayMs: 1_000, maxAttempts: 3 };
    const t = T0 + 100_000;
    expect(await fail(h().driver, m!.id, { at: t, sender: 'a', error: 'HTTP 503: busy' }, policy)).toBe('pending');
    expect(await claim(h().driver, 1, { at: t + 999, sender: 'a' })).toEqual([]);
    const again = await claim(h().driver, 1, { at: t + 1_000, sender: 'a' });
    expect(again.map((r) => [r.id, r.attempts])).toEqual([[m!.id, 2]]);
    expect(await fail(h().driver, m!.id, { at: t + 1_000, sender: 'a', error: 'HTTP 503: busy' }, policy)).toBe(
      'pending',
    );
    expect(await claim(h().driver, 1, { at: t + 2_999, sender: 'a' })).toEqual([]);
    await claim(h().driver, 1, { at: t + 3_000, sender: 'a' });
    expect(await fail(h().driver, m!.id, { at: t + 3_000, sender: 'a', error: 'HTTP 503: busy' }, policy)).toBe(
      'parked',
    );
    expect(await parkedRows(h().driver)).toEqual([
      { id: m!.id, dossierId: 'O-2', seq: 0, kind: 'progress', attempts: 3, error: 'HTTP 503: busy' },
    ]);
    // A parked row holds back the dossier's later rows (their order must not break).
    expect(await claim(h().driver, 10, { at: t + 999_999, sender: 'a' })).toEqual([]);
    expect(await unpark(h().driver, m!.id, { at: t + 5_000 })).toBe(true);
    expect((await claim(h().driver, 10, { at: t + 5_000, sender: 'a' })).map((r) => r.id)).toEqual([m!.id]);
  });

  it('drains through a loopback stub that fails and times out: every row once, in order per dossier', async () => {
    await h().driver.query("UPDATE outbox SET state = 'sent' WHERE state <> 'sent'");
    for (let i = 0; i < 8; i++) await create(`D-${i}`, i % 3, i % 2 === 0);
    await create('POISON', 2);
    const stub = await startPortalStub({ seed: 15, failRate: 0.2, stallRate: 0.1, stallMs: 1_500, poison: ['POISON'] });
    try {
      const { clock, sleep } = virtualClock(T0);
      // A timeout well above a loaded machine's answer time, well below the stub's stall.
      const transport = httpTransport({ url: stub.url, timeoutMs: 1_000 });
      const common = { clock, sleep, batch: 5, baseDelayMs: 1_000, maxAttempts: 12 };
      // Two senders at once, as two machines would run them.
      const [a, b] = await Promise.all([
        drainOutbox(h().driver, transport, { ...common, sender: 'a' }),
        drainOutbox(h().driver, transport, { ...common, sender: 'b' }),
      ]);
      const { rows } = await h().driver.query<{ dossier_id: string; id: number; kind: string; seq: number }>(
        "SELECT dossier_id, id::float8 AS id, kind, seq FROM outbox WHERE state = 'sent' AND dossier_id LIKE 'D-%' ORDER BY id",
      );
      const keys = rows.map((r) => `${r.dossier_id}/${r.kind}/${r.seq}`);
      expect(stub.accepted.map((x) => x.key).sort()).toEqual([...keys].sort());
      expect(new Set(stub.accepted.map((x) => x.key)).size).toBe(stub.accepted.length);
      for (const d of new Set(rows.map((r) => r.dossier_id))) {
        const order = stub.accepted.filter((x) => x.dossierId === d).map((x) => x.id);
        expect(order).toEqual([...order].sort((x, y) => x - y));
      }
      // The faults happened: retries, and answers lost to the timeout (the stub saw those again).
      expect(a.retried + b.retried).toBeGreaterThan(0);
      expect(stub.duplicates).toBeGreaterThan(0);
      // The poison dossier's head row is parked with the receiver's answer; its later rows wait behind it.
      const parked = await parkedRows(h().driver);
      expect(parked.map((p) => [p.dossierId, p.seq])).toEqual([['POISON', 0]]);
      expect(parked[0]!.error).toBe('HTTP 400: MaHoSo POISON: không hợp lệ');
      expect(await outboxCounts(h().driver)).toMatchObject({ pending: 2, parked: 1 });
    } finally {
      await stub.close();
    }
  });

  it('a sender killed after sending and before ack loses nothing and doubles nothing', async () => {
    await h().driver.query("UPDATE outbox SET state = 'sent' WHERE state <> 'sent'");
    for (let i = 0; i < 4; i++) await create(`R-${i}`, 1);
    const stub = await startPortalStub({ seed: 7, failRate: 0, stallRate: 0, stallMs: 0 });
    try {
      const transport = httpTransport({ url: stub.url, timeoutMs: 20_000 });
      const { clock, sleep } = virtualClock(T0);
      // Sender "a" claims and sends, then dies: no ack, its lease (60 s) still holds.
      const taken = await claim(h().driver, 2, { at: clock(), sender: 'a' });
      for (const m of taken) await transport(m);
      expect(stub.accepted).toHaveLength(2);
      // A new sender starts: it waits out the lease, resends the two (deduplicated) and sends the rest.
      const report = await drainOutbox(h().driver, transport, { sender: 'b', clock, sleep });
      expect(report.sent).toBe(8);
      const keys = stub.accepted.map((x) => x.key);
      expect(keys).toHaveLength(8);
      expect(new Set(keys).size).toBe(8);
      expect(stub.duplicates).toBe(2);
      expect(await outboxCounts(h().driver)).toMatchObject({ pending: 0, parked: 0 });
    } finally {
      await stub.close();
    }
  });
});
