/**
 * Faults: two writers racing on one dossier (one wins, one conflict), a process killed in the middle
 * of an append (nothing half-written) — on the server and on a PGlite folder — and a connection that
 * dies in the middle of one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { openDriver, type SqlDriver } from './driver.js';
import { StoreError } from './errors.js';
import {
  describeOnDrivers,
  procedure,
  process as processDoc,
  receptionist,
  reviewer,
  server,
} from './harness.test-util.js';
import { openStore } from './store.js';

const receive = { type: 'complete-step', step: 'receive', at: '2026-02-23T09:30:00+07:00', by: receptionist };
const review = {
  type: 'complete-step',
  step: 'review',
  outcome: 'done',
  at: '2026-02-23T15:00:00+07:00',
  by: reviewer,
};
const init = (id: string) => ({
  id,
  receivedAt: '2026-02-23T09:00:00+07:00',
  channel: 'direct' as const,
  procedureCode: procedure.code,
});

const packages = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(packages, 'store/dist/index.js');
/** The child runs the built packages (CI builds before it tests). */
const built = ['calendar', 'core', 'sync', 'store'].every((p) => existsSync(join(packages, p, 'dist/index.js')));

/** A child that appends through the built package and stops inside the transaction, before the outbox rows. */
const CHILD = `
const { openDriver, openStore } = await import(process.env.STORE_DIST);
const inner = await openDriver(process.env.STORE_DB, { schema: process.env.STORE_SCHEMA });
const driver = {
  kind: inner.kind,
  query: (s, p) => inner.query(s, p),
  exec: (s) => inner.exec(s),
  close: () => inner.close(),
  transaction: (fn) => inner.transaction((tx) => fn({
    query: async (sql, params) => {
      if (sql.includes('INSERT INTO outbox')) {
        process.stdout.write('inside\\n');
        await new Promise((resolve) => setTimeout(resolve, 120000));
      }
      return tx.query(sql, params);
    },
  })),
};
const store = await openStore({ db: driver });
await store.append('K-1', JSON.parse(process.env.STORE_EVENTS), { expectedVersion: 1 });
`;

/** Runs the child until it is inside the append transaction, then SIGKILLs it. */
async function killMidAppend(db: string, schema: string): Promise<void> {
  // SIGKILL gives the child no chance to clean up: whatever is on disk (PGlite) or in the server is what a crash leaves.
  const dir = mkdtempSync(join(tmpdir(), 'tthc-kill-'));
  const script = join(dir, 'child.mjs');
  writeFileSync(script, CHILD);
  const child = spawn(globalThis.process.execPath, [script], {
    env: {
      ...globalThis.process.env,
      STORE_DIST: pathToFileURL(dist).href,
      STORE_DB: db,
      STORE_SCHEMA: schema,
      STORE_EVENTS: JSON.stringify([review]),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        if (c.toString().includes('inside')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before the append: ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countsOf(driver: SqlDriver, id: string) {
  const q = async (sql: string) => (await driver.query<{ n: number }>(sql, [id])).rows[0]!.n;
  return {
    events: await q('SELECT count(*)::int AS n FROM events WHERE dossier_id = $1'),
    outbox: await q('SELECT count(*)::int AS n FROM outbox WHERE dossier_id = $1'),
    version: await q('SELECT version AS n FROM dossiers WHERE id = $1'),
  };
}

describeOnDrivers('faults', (h) => {
  it('two writers racing on one dossier: one wins, the other gets CONFLICT', async () => {
    await h().store.create(init('W-1'));
    // On the server the second writer is a separate connection pool, as another machine would be.
    const other = h().url ? await openStore({ db: h().url!, schema: h().schema }) : await h().reopen();
    try {
      const results = await Promise.allSettled([
        h().store.append('W-1', [receive], { expectedVersion: 0 }),
        other.append('W-1', [{ ...receive, note: 'the other desk' }], { expectedVersion: 0 }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreError);
      expect(((lost[0] as PromiseRejectedResult).reason as StoreError).code).toBe('CONFLICT');
      expect(await countsOf(h().driver, 'W-1')).toEqual({ events: 1, outbox: 2, version: 1 });
    } finally {
      if (h().url) await other.close();
    }
  });

  it('many writers racing: exactly one append per version, no lost update', async () => {
    await h().store.create(init('W-2'));
    const attempt = async (i: number) =>
      h()
        .store.append('W-2', [{ ...receive, note: `desk ${i}` }], { expectedVersion: 0 })
        .then(() => i)
        .catch((e: StoreError) => e.code);
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map(attempt));
    expect(results.filter((r) => typeof r === 'number')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(5);
    const events = await h().store.events('W-2');
    expect(events).toHaveLength(1);
    expect(events[0]!.note).toBe(`desk ${results.find((r) => typeof r === 'number')}`);
  });

  it('a connection that dies inside an append leaves nothing half-written (server)', async (ctx) => {
    if (h().kind !== 'postgres') ctx.skip(); // PGlite runs in-process: there is no session to lose
    await h().store.create(init('C-1'), [receive]);
    const inner = await openDriver(h().url!, { schema: h().schema });
    const dying: SqlDriver = {
      kind: inner.kind,
      query: (s, p) => inner.query(s, p),
      exec: (s) => inner.exec(s),
      close: () => inner.close(),
      transaction: (fn) =>
        inner.transaction((tx) =>
          fn({
            query: async (sql, params) => {
              // The session ends after the events and the projection are written, before the outbox rows.
              if (sql.includes('INSERT INTO outbox')) await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const store = await openStore({ db: dying });
    await expect(store.append('C-1', [review], { expectedVersion: 1 })).rejects.toThrow();
    await inner.close().catch(() => undefined);
    expect(await countsOf(h().driver, 'C-1')).toEqual({ events: 1, outbox: 2, version: 1 });
    await h().store.append('C-1', [review], { expectedVersion: 1 });
    expect(await countsOf(h().driver, 'C-1')).toEqual({ events: 2, outbox: 3, version: 2 });
  });

  it.skipIf(!server.ok || !built)(
    'a process killed inside an append leaves nothing half-written (server; needs pnpm build)',
    async (ctx) => {
      if (h().kind !== 'postgres') ctx.skip();
      await h().store.create(init('K-1'), [receive]);
      await killMidAppend(h().url!, h().schema);
      expect(await countsOf(h().driver, 'K-1')).toEqual({ events: 1, outbox: 2, version: 1 });
      await h().store.append('K-1', [review], { expectedVersion: 1 });
      await h().store.load('K-1');
    },
    120_000,
  );
});

/** Every dossier replays to its stored snapshot (load checks it) and its version is its event count. */
async function checkConsistent(db: string): Promise<number> {
  const store = await openStore({ db });
  try {
    const { rows } = await store.driver.query<{ id: string; version: number; n: number }>(
      'SELECT d.id, d.version, (SELECT count(*)::int FROM events e WHERE e.dossier_id = d.id) AS n FROM dossiers d',
    );
    for (const r of rows) {
      expect(r.version, r.id).toBe(r.n);
      expect((await store.load(r.id)).events, r.id).toHaveLength(r.n);
    }
    return rows.length;
  } finally {
    await store.close();
  }
}

it.skipIf(!built)(
  'a process killed inside an append on a PGlite folder leaves nothing half-written (needs pnpm build)',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-kill-pglite-'));
    const db = join(dir, 'data');
    try {
      const store = await openStore({ db });
      await store.putProcedure(procedure);
      await store.putProcess(processDoc);
      await store.create(init('K-1'), [receive]);
      await store.create(init('K-2'), [receive, review]);
      await store.close();
      await killMidAppend(db, 'tthc');
      expect(await checkConsistent(db)).toBe(2);
      const reopened = await openStore({ db });
      try {
        expect(await countsOf(reopened.driver, 'K-1')).toEqual({ events: 1, outbox: 2, version: 1 });
        expect(await countsOf(reopened.driver, 'K-2')).toMatchObject({ events: 2, version: 2 });
        // The append the killed process did not finish goes through on the reopened folder.
        await reopened.append('K-1', [review], { expectedVersion: 1 });
        expect(await countsOf(reopened.driver, 'K-1')).toEqual({ events: 2, outbox: 3, version: 2 });
      } finally {
        await reopened.close();
      }
      expect(await checkConsistent(db)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  120_000,
);
