/**
 * The outbox to the national portal: `claim` takes the head row of each dossier with
 * `FOR UPDATE SKIP LOCKED` and a lease, so several senders on several machines never hold one row at
 * once and a dossier's rows go out in order; `ack` marks a row sent, `fail` schedules a retry with
 * exponential backoff or parks a poison row with its error. Time always comes from the caller.
 */
import { toEpochMs } from '@tthc/calendar';
import type { SqlClient } from './driver.js';
import { StoreError } from './errors.js';
import { timestampParam } from './rows.js';

/** One row to send. */
export interface OutboxMessage {
  readonly id: number;
  readonly dossierId: string;
  /** The event sequence the row reports (0: the receipt). */
  readonly seq: number;
  /** `progress`: a CapNhatTienDoHoSoMC row; `dossier`: a DongBoHoSoMC dossier payload. */
  readonly kind: 'dossier' | 'progress';
  readonly payload: unknown;
  /** Attempts so far, this one included. */
  readonly attempts: number;
  /** A key the receiver deduplicates on: a resend after a lost answer is the same message. */
  readonly idempotencyKey: string;
}

/** Options of {@link claim}. */
export interface ClaimOptions {
  /** The instant of the claim (epoch ms or ISO text), from the caller's clock. */
  readonly at: number | string;
  /** Who claims: the lease holder named on the rows. */
  readonly sender: string;
  /** How long the claim holds before another sender may take the row. Default 60 000 ms. */
  readonly leaseMs?: number;
}

/** Retry policy of {@link fail}. */
export interface RetryPolicy {
  /** After this many attempts a row is parked. Default 8. */
  readonly maxAttempts?: number;
  /** First retry delay. Default 1 000 ms; doubled on each attempt. */
  readonly baseDelayMs?: number;
  /** Longest retry delay. Default 300 000 ms (5 min). */
  readonly maxDelayMs?: number;
}

/** The state of the outbox. */
export interface OutboxCounts {
  readonly pending: number;
  readonly sent: number;
  readonly parked: number;
}

/** A parked row and why. */
export interface ParkedRow {
  readonly id: number;
  readonly dossierId: string;
  readonly seq: number;
  readonly kind: string;
  readonly attempts: number;
  readonly error: string;
}

const epoch = (v: number | string, field: string): number => toEpochMs(v, field);

/**
 * Claims up to `n` rows: per dossier only the oldest row not yet sent, and only when it is due and
 * not leased; rows another sender is claiming right now are skipped (`SKIP LOCKED`), never waited on.
 * @example const rows = await claim(store.driver, 50, { at: clock(), sender: 'web-1' });
 */
export async function claim(db: SqlClient, n: number, options: ClaimOptions): Promise<OutboxMessage[]> {
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new StoreError('INVALID_INPUT', `claim: n must be an integer from 1 to 10000, got ${n}`, {
      field: 'n',
      value: n,
    });
  }
  const at = epoch(options.at, 'at');
  const lease = at + (options.leaseMs ?? 60_000);
  const { rows } = await db.query<Record<string, unknown>>(
    `WITH candidates AS (
       SELECT o.id FROM outbox o
       WHERE o.state = 'pending' AND o.next_attempt_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.dossier_id = o.dossier_id AND p.id < o.id AND p.state <> 'sent')
       ORDER BY o.id LIMIT $2
       FOR UPDATE SKIP LOCKED)
     UPDATE outbox SET claimed_by = $3, lease_until = $4, attempts = outbox.attempts + 1
     FROM candidates WHERE outbox.id = candidates.id
     RETURNING outbox.id::float8 AS id, outbox.dossier_id, outbox.seq, outbox.kind, outbox.payload, outbox.attempts`,
    [timestampParam(at), n, options.sender, timestampParam(lease)],
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      dossierId: String(r.dossier_id),
      seq: Number(r.seq),
      kind: r.kind as 'dossier' | 'progress',
      payload: r.payload,
      attempts: Number(r.attempts),
      idempotencyKey: `${String(r.dossier_id)}/${String(r.kind)}/${Number(r.seq)}`,
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Marks a claimed row sent. Returns false when the lease was lost (another sender took the row).
 * @example await ack(store.driver, row.id, { at: clock(), sender: 'web-1' });
 */
export async function ack(
  db: SqlClient,
  id: number,
  options: { at: number | string; sender: string },
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE outbox SET state = 'sent', sent_at = $2, lease_until = NULL, last_error = NULL
     WHERE id = $1 AND state = 'pending' AND claimed_by = $3 RETURNING id`,
    [id, timestampParam(epoch(options.at, 'at')), options.sender],
  );
  return rows.length === 1;
}

/** What went wrong with one send. */
export interface SendFailure {
  readonly at: number | string;
  readonly sender: string;
  readonly error: string;
  /** The receiver refused the row itself (e.g. HTTP 400): retrying cannot help, park it now. */
  readonly permanent?: boolean;
}

/**
 * The delay before retry `attempts` + 1: base × 2^(attempts − 1), capped.
 * @example backoffMs(3, {}) // 4000
 */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  const base = policy.baseDelayMs ?? 1_000;
  const max = policy.maxDelayMs ?? 300_000;
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records a failed send: the row is retried after {@link backoffMs}, or parked with its error when
 * the failure is permanent or the attempts are used up. Returns the row's new state.
 * @example await fail(store.driver, row.id, { at: clock(), sender: 'web-1', error: 'HTTP 503' }, {});
 */
export async function fail(
  db: SqlClient,
  id: number,
  failure: SendFailure,
  policy: RetryPolicy = {},
): Promise<'pending' | 'parked' | 'lost-lease'> {
  const at = epoch(failure.at, 'at');
  const { rows } = await db.query<{ attempts: number }>(
    `SELECT attempts FROM outbox WHERE id = $1 AND state = 'pending' AND claimed_by = $2`,
    [id, failure.sender],
  );
  if (!rows[0]) return 'lost-lease';
  const attempts = Number(rows[0].attempts);
  const park = failure.permanent === true || attempts >= (policy.maxAttempts ?? 8);
  const error = failure.error.slice(0, 2_000);
  await db.query(
    `UPDATE outbox SET state = $2, last_error = $3, lease_until = NULL, next_attempt_at = $4
     WHERE id = $1 AND claimed_by = $5`,
    [id, park ? 'parked' : 'pending', error, timestampParam(at + backoffMs(attempts, policy)), failure.sender],
  );
  return park ? 'parked' : 'pending';
}

/**
 * Counts the outbox rows by state.
 * @example await outboxCounts(store.driver) // { pending: 3, sent: 12, parked: 0 }
 */
export async function outboxCounts(db: SqlClient): Promise<OutboxCounts> {
  const { rows } = await db.query<{ state: string; n: number }>(
    'SELECT state, count(*)::int AS n FROM outbox GROUP BY state',
  );
  const get = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
  return { pending: get('pending'), sent: get('sent'), parked: get('parked') };
}

/**
 * The parked rows with their errors, oldest first.
 * @example (await parkedRows(store.driver))[0]?.error // 'HTTP 400: MaHoSo trùng'
 */
export async function parkedRows(db: SqlClient, limit = 100): Promise<ParkedRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT id::float8 AS id, dossier_id, seq, kind, attempts, last_error FROM outbox
     WHERE state = 'parked' ORDER BY id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    dossierId: String(r.dossier_id),
    seq: Number(r.seq),
    kind: String(r.kind),
    attempts: Number(r.attempts),
    error: String(r.last_error ?? ''),
  }));
}

/**
 * Puts a parked row back in the queue (after the cause was fixed), due at `at`.
 * @example await unpark(store.driver, 17, { at: clock() });
 */
export async function unpark(db: SqlClient, id: number, options: { at: number | string }): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = $2, claimed_by = NULL
     WHERE id = $1 AND state = 'parked' RETURNING id`,
    [id, timestampParam(epoch(options.at, 'at'))],
  );
  return rows.length === 1;
}
