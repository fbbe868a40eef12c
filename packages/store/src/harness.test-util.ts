/**
 * Runs a store suite on both drivers: PGlite in memory (always) and the PostgreSQL server named by
 * `TTHC_PG_URL` (skipped, saying why, when the variable is unset or the server does not answer).
 * Each suite gets its own schema on the server, dropped afterwards.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Procedure, type Process, parseProcedure, parseProcess } from '@tthc/core';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDriver, type SqlDriver } from './driver.js';
import { type DossierStore, openStore, type StoreOptions } from './store.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/procedures');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(examples, path), 'utf8'));

/** Đăng ký thành lập hộ kinh doanh (examples/procedures): 03 ngày làm việc, 5 steps. */
export const procedure: Procedure = parseProcedure(readJson('dang-ky-thanh-lap-ho-kinh-doanh/procedure.json'));
export const process: Process = parseProcess(readJson('dang-ky-thanh-lap-ho-kinh-doanh/process.json'));
export const AGENCY = process.agency.name;
/** The example dossier (received Thu 12 Feb 2026 10:00, supplement over Tết, returned 27 Feb). */
export const exampleDossier = readJson('dang-ky-thanh-lap-ho-kinh-doanh/dossier-tet-2026-supplement.json') as {
  id: string;
  receivedAt: string;
  channel: 'direct';
  events: { type: string; at: string; [k: string]: unknown }[];
};

export const receptionist = {
  unit: 'Trung tâm Phục vụ hành chính công xã',
  role: 'Công chức tiếp nhận và trả kết quả',
};
export const reviewer = { unit: 'Phòng Kinh tế xã', role: 'Chuyên viên đăng ký kinh doanh' };

/** Where the server suite runs, or why it is skipped. */
export const server: { url: string; ok: true } | { ok: false; why: string } = await (async () => {
  const url = globalThis.process.env.TTHC_PG_URL;
  if (!url) return { ok: false, why: 'TTHC_PG_URL is unset' } as const;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, url } as const;
  } catch (error) {
    return {
      ok: false,
      why: `${url} does not answer (${error instanceof Error ? error.message : String(error)})`,
    } as const;
  } finally {
    await client.end().catch(() => undefined);
  }
})();

/** What a suite body gets. */
export interface Harness {
  readonly kind: 'pglite' | 'postgres';
  readonly driver: SqlDriver;
  /** The store with the default calendar, procedure and process stored. */
  readonly store: DossierStore;
  /** The server URL and schema (postgres only), for a second connection. */
  readonly url?: string;
  readonly schema: string;
  /** Another store on the same database (e.g. with another calendar). */
  reopen(options?: Omit<StoreOptions, 'db' | 'schema'>): Promise<DossierStore>;
}

let suites = 0;

/**
 * Declares `body` twice: on PGlite in memory and on the server.
 * @example describeOnDrivers('append', (h) => { it('…', async () => { await h().store.create(…) }) })
 */
export function describeOnDrivers(name: string, body: (harness: () => Harness) => void): void {
  const targets = [
    { kind: 'pglite' as const, label: 'PGlite (embedded, in memory)', url: 'memory://', skip: false },
    server.ok
      ? { kind: 'postgres' as const, label: `PostgreSQL server ${server.url}`, url: server.url, skip: false }
      : { kind: 'postgres' as const, label: `PostgreSQL server (skipped: ${server.why})`, url: '', skip: true },
  ];
  for (const target of targets) {
    describe.skipIf(target.skip)(`${name} — ${target.label}`, () => {
      let harness: Harness | undefined;
      const schema = `t${globalThis.process.pid}_${++suites}_${name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .slice(0, 30)}`;
      beforeAll(async () => {
        const driver = await openDriver(target.url, { schema });
        const store = await openStore({ db: driver });
        await store.putProcedure(procedure);
        await store.putProcess(process);
        harness = {
          kind: target.kind,
          driver,
          store,
          schema,
          ...(target.kind === 'postgres' ? { url: target.url } : {}),
          reopen: (options = {}) => openStore({ ...options, db: driver }),
        };
      }, 120_000);
      afterAll(async () => {
        if (!harness) return;
        if (harness.kind === 'postgres') await harness.driver.exec(`DROP SCHEMA ${schema} CASCADE`);
        await harness.driver.close();
      });
      body(() => {
        if (!harness) throw new Error('the store did not open (see beforeAll)');
        return harness;
      });
    });
  }
}
