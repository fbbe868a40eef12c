/**
 * Two drivers, one SQL: PGlite (PostgreSQL compiled to WebAssembly, in-process — a folder on disk or
 * memory) and a PostgreSQL server through `pg`. Both take the same statements with `$n` parameters;
 * nothing is ever spliced into SQL text except identifiers checked by {@link checkIdentifier}.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { StoreError } from './errors.js';

/** What a query returns. */
export interface SqlResult<T> {
  readonly rows: T[];
}

/** Something that runs one parameterised statement. */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<T>>;
}

/** A connection (or pool) to one database. */
export interface SqlDriver extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks a schema name before it is used as an identifier (the only text ever put into SQL).
 * @example checkIdentifier('tthc') // 'tthc'
 */
export function checkIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new StoreError('INVALID_INPUT', `schema: "${name}" is not a lower-case SQL identifier ([a-z_][a-z0-9_]*)`, {
      field: 'schema',
      value: name,
    });
  }
  return name;
}

class PgliteDriver implements SqlDriver {
  readonly kind = 'pglite';
  constructor(private readonly db: PGlite) {}
  async query<T>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<T>> {
    const r = await this.db.query<T>(sql, params as unknown[]);
    return { rows: r.rows };
  }
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      fn({
        query: async <R>(sql: string, params: readonly unknown[] = []) => ({
          rows: (await tx.query<R>(sql, params as unknown[])).rows,
        }),
      }),
    );
  }
  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }
  async close(): Promise<void> {
    await this.db.close();
  }
}

class PgDriver implements SqlDriver {
  readonly kind = 'postgres';
  constructor(private readonly pool: pg.Pool) {}
  async query<T>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<T>> {
    const r = await this.pool.query(sql, params as unknown[]);
    return { rows: r.rows as T[] };
  }
  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection lost mid-transaction is reported by the failing query; the client's own 'error'
    // event must not crash the process.
    const ignore = () => undefined;
    client.on('error', ignore);
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(sql: string, params: readonly unknown[] = []) => ({
          rows: (await client.query(sql, params as unknown[])).rows as R[],
        }),
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', ignore);
      // A broken connection is destroyed, not returned to the pool.
      client.release(broken);
    }
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Options of {@link openDriver}. */
export interface OpenDriverOptions {
  /** Schema (search_path) the store's tables live in. Default `tthc`. */
  readonly schema?: string;
  /** Server pool size. Default 4. */
  readonly poolSize?: number;
}

/** True for a `postgres://` or `postgresql://` connection string. */
export function isServerUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//.test(db);
}

/**
 * Opens a database: `postgres://…` → a server through `pg`; `memory://` → PGlite in memory; anything
 * else → PGlite in that folder (created if missing). The schema is created and put on the search_path.
 * @throws {StoreError} `INVALID_DB` for an empty value, `INVALID_INPUT` for a bad schema name.
 * @example const driver = await openDriver('memory://');
 */
export async function openDriver(db: string, options: OpenDriverOptions = {}): Promise<SqlDriver> {
  const schema = checkIdentifier(options.schema ?? 'tthc');
  if (db.trim() === '') {
    throw new StoreError('INVALID_DB', 'db: expected a folder, memory:// or postgres://…, got ""', {
      field: 'db',
      value: db,
    });
  }
  if (isServerUrl(db)) {
    const pool = new pg.Pool({
      connectionString: db,
      max: options.poolSize ?? 4,
      options: `-c search_path=${schema}`,
    });
    // A server that does not answer must not leave a pending pool behind.
    pool.on('error', () => undefined);
    const driver = new PgDriver(pool);
    try {
      await driver.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return driver;
  }
  const pglite = db === 'memory://' ? new PGlite() : new PGlite(db);
  await pglite.waitReady;
  await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  return new PgliteDriver(pglite);
}
