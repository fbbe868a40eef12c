/**
 * Versioned SQL migrations, applied in order on open inside one transaction under an advisory lock
 * (several application servers may open the same database at once). A database migrated by a newer
 * release is refused rather than written with an older idea of its tables.
 */
import { StoreError } from './errors.js';
import type { SqlDriver } from './driver.js';

/** One migration: a version, a name and its statements. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, oldest first. Never edit a released one: add the next. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'definitions, dossiers, events',
    sql: `
CREATE TABLE procedures (
  code text PRIMARY KEY,
  national_code text NOT NULL,
  document jsonb NOT NULL
);
CREATE TABLE processes (
  national_code text NOT NULL,
  agency text NOT NULL,
  version text NOT NULL,
  document jsonb NOT NULL,
  PRIMARY KEY (national_code, agency, version)
);
-- The projection: one row per dossier, rewritten by every append in the same transaction as its events.
CREATE TABLE dossiers (
  id text PRIMARY KEY,
  procedure_code text NOT NULL,
  national_code text NOT NULL,
  process_version text NOT NULL,
  agency text NOT NULL,
  channel text NOT NULL,
  received_at timestamptz NOT NULL,
  received_text text NOT NULL,
  overall_due timestamptz NOT NULL,
  clock_stopped boolean NOT NULL,
  step text,
  step_due timestamptz,
  next_due timestamptz,
  performer_unit text,
  performer_role text,
  status text NOT NULL,
  active boolean NOT NULL,
  portal_status integer NOT NULL,
  finished_at timestamptz,
  counting_rule text NOT NULL,
  portal jsonb,
  snapshot jsonb NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE TABLE events (
  dossier_id text NOT NULL REFERENCES dossiers(id),
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  by jsonb NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);
-- The desk queries (docs/store.md): due soon / overdue scan only running dossiers with a due.
CREATE INDEX dossiers_due ON dossiers (overall_due) WHERE active AND NOT clock_stopped;
CREATE INDEX dossiers_step_due ON dossiers (step_due) WHERE active AND NOT clock_stopped;
CREATE INDEX dossiers_next_due ON dossiers (next_due) WHERE active AND NOT clock_stopped;
CREATE INDEX dossiers_agency_status ON dossiers (agency, status);
CREATE INDEX dossiers_step ON dossiers (step) WHERE active;
CREATE INDEX dossiers_performer ON dossiers (performer_unit, performer_role) WHERE active;
CREATE INDEX dossiers_finished ON dossiers (finished_at, procedure_code, agency) WHERE finished_at IS NOT NULL;
CREATE INDEX dossiers_process ON dossiers (national_code, agency, process_version) WHERE active;
`,
  },
  {
    version: 2,
    name: 'outbox to the national portal',
    sql: `
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers(id),
  seq integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('dossier', 'progress')),
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'parked')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  claimed_by text,
  lease_until timestamptz,
  last_error text,
  sent_at timestamptz
);
CREATE UNIQUE INDEX outbox_row ON outbox (dossier_id, kind, seq);
CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';
CREATE INDEX outbox_dossier_open ON outbox (dossier_id, id) WHERE state <> 'sent';
`,
  },
  {
    version: 3,
    name: 're-projection log and process migrations',
    sql: `
CREATE TABLE reprojections (
  run_id text NOT NULL,
  dossier_id text NOT NULL REFERENCES dossiers(id),
  field text NOT NULL,
  before timestamptz,
  after timestamptz,
  reason text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (run_id, dossier_id, field)
);
-- A dossier moved to another process version: events up to seq_through are replayed with step_map.
CREATE TABLE dossier_migrations (
  dossier_id text NOT NULL REFERENCES dossiers(id),
  ordinal integer NOT NULL,
  from_version text NOT NULL,
  to_version text NOT NULL,
  seq_through integer NOT NULL,
  step_map jsonb NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (dossier_id, ordinal)
);
`,
  },
]);

/** The schema version this release writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Applies the missing migrations; returns the versions applied (empty when up to date).
 * @throws {StoreError} `SCHEMA_TOO_NEW` when the database has a version this release does not know.
 * @example await migrate(driver) // [1, 2, 3] on a new database
 */
export async function migrate(driver: SqlDriver): Promise<number[]> {
  return driver.transaction(async (tx) => {
    // One opener at a time: the lock is released at commit (a server may have several openers).
    await tx.query('SELECT pg_advisory_xact_lock(7272015)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL)');
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const have = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...have);
    if (newest > SCHEMA_VERSION) {
      throw new StoreError(
        'SCHEMA_TOO_NEW',
        `database schema version ${newest} is newer than this @tthc/store (${SCHEMA_VERSION}); upgrade the package`,
        { version: newest, known: SCHEMA_VERSION },
      );
    }
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (have.has(m.version)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** Our migrations hold no semicolons inside literals, so they split on `;` at line ends. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s !== '');
}
