/**
 * A sender that drains the outbox through an injected transport: claim, send (one row per dossier
 * at a time, so a dossier's rows keep their order), ack or fail with backoff. The clock and the
 * sleep are injected too, so a test can run hours of retries in milliseconds.
 */
import type { SqlClient } from './driver.js';
import { ack, claim, fail, type OutboxMessage, type RetryPolicy } from './outbox.js';

/** What a transport says about one message. */
export type TransportResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: string; readonly permanent?: boolean };

/** Sends one outbox message; a thrown error is a retryable failure. */
export type Transport = (message: OutboxMessage) => Promise<TransportResult>;

/** Options of {@link sendOutbox} and {@link drainOutbox}. */
export interface SenderOptions extends RetryPolicy {
  /** This sender's name (the lease holder). */
  readonly sender: string;
  /** The caller's clock, epoch ms. */
  readonly clock: () => number;
  /** Rows per claim. Default 50. */
  readonly batch?: number;
  /** Lease of a claim. Default 60 000 ms. */
  readonly leaseMs?: number;
}

/** What one pass did. */
export interface SendReport {
  readonly claimed: number;
  readonly sent: number;
  readonly retried: number;
  readonly parked: number;
}

async function sendOne(
  db: SqlClient,
  transport: Transport,
  m: OutboxMessage,
  options: SenderOptions,
): Promise<keyof Omit<SendReport, 'claimed'> | null> {
  let result: TransportResult;
  try {
    result = await transport(m);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const at = options.clock();
  if (result.ok) return (await ack(db, m.id, { at, sender: options.sender })) ? 'sent' : null;
  const state = await fail(
    db,
    m.id,
    { at, sender: options.sender, error: result.error, ...(result.permanent ? { permanent: true } : {}) },
    options,
  );
  return state === 'parked' ? 'parked' : state === 'pending' ? 'retried' : null;
}

/**
 * One pass: claims a batch and sends it (rows of different dossiers in parallel).
 * @example const report = await sendOutbox(store.driver, httpTransport({ url }), { sender: 'a', clock: Date.now });
 */
export async function sendOutbox(db: SqlClient, transport: Transport, options: SenderOptions): Promise<SendReport> {
  const rows = await claim(db, options.batch ?? 50, {
    at: options.clock(),
    sender: options.sender,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
  });
  const outcomes = await Promise.all(rows.map((m) => sendOne(db, transport, m, options)));
  const count = (k: string) => outcomes.filter((o) => o === k).length;
  return { claimed: rows.length, sent: count('sent'), retried: count('retried'), parked: count('parked') };
}

/** Options of {@link drainOutbox}. */
export interface DrainOptions extends SenderOptions {
  /** Waits between passes when nothing was due (a retry's backoff). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Stop after this many passes. Default 10 000. */
  readonly maxPasses?: number;
}

/**
 * Sends until no row can be sent any more (every row sent, parked, or behind a parked row of its
 * dossier) or `maxPasses` is reached; between passes it sleeps until the next retry or lease end.
 * @example await drainOutbox(store.driver, transport, { sender: 'a', clock: Date.now, sleep });
 */
export async function drainOutbox(
  db: SqlClient,
  transport: Transport,
  options: DrainOptions,
): Promise<SendReport & { readonly passes: number }> {
  const total = { claimed: 0, sent: 0, retried: 0, parked: 0 };
  const maxPasses = options.maxPasses ?? 10_000;
  let passes = 0;
  while (passes < maxPasses) {
    passes++;
    const r = await sendOutbox(db, transport, options);
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.retried += r.retried;
    total.parked += r.parked;
    if (r.claimed > 0) continue;
    // The earliest instant a dossier's head row becomes claimable (its retry time or the end of a
    // lease); rows behind a parked head never do, so a queue of only those ends the drain.
    const next = await db.query<{ wait: number | null }>(
      `SELECT (EXTRACT(EPOCH FROM min(greatest(o.next_attempt_at, coalesce(o.lease_until, o.next_attempt_at)))) * 1000)::float8 AS wait
       FROM outbox o WHERE o.state = 'pending'
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.dossier_id = o.dossier_id AND p.id < o.id AND p.state <> 'sent')`,
    );
    const row = next.rows[0];
    if (!row || row.wait === null) break;
    await options.sleep(Math.max(1, Number(row.wait) - options.clock()));
  }
  return { ...total, passes };
}

/** Options of {@link httpTransport}. */
export interface HttpTransportOptions {
  /** The receiver's URL (the national portal's sync endpoint or a relay). */
  readonly url: string;
  /** Abort a request after this long. Default 10 000 ms. */
  readonly timeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/**
 * A transport that POSTs `{ id, dossierId, seq, kind, payload }` as JSON with an `Idempotency-Key`
 * header. 2xx is sent; 408, 429 and 5xx, timeouts and network errors are retried; another 4xx is
 * permanent (the row is parked with the status and the start of the answer).
 * @example const transport = httpTransport({ url: 'http://127.0.0.1:8080/dvcqg', timeoutMs: 2000 });
 */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? fetch;
  return async (m) => {
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': m.idempotencyKey, ...options.headers },
      body: JSON.stringify({ id: m.id, dossierId: m.dossierId, seq: m.seq, kind: m.kind, payload: m.payload }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = (await response.text()).slice(0, 500);
    if (response.ok) return { ok: true };
    const retry = response.status === 408 || response.status === 429 || response.status >= 500;
    return { ok: false, error: `HTTP ${response.status}: ${text}`, ...(retry ? {} : { permanent: true }) };
  };
}
