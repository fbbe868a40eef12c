/**
 * Re-projection after a calendar change (a province adds a day off, a new notice swaps a day): open
 * the store with the new calendar, then `reproject` replays every dossier under it, rewrites the
 * projections whose dues moved and records, per dossier and field, the due before and after and why.
 */
import { type InstantInput, toEpochMs } from '@tthc/calendar';
import { formatInstant } from '@tthc/core';
import type { SqlClient } from './driver.js';
import { StoreError } from './errors.js';
import { type Projection, project } from './projection.js';
import { epochOf, sameJson, timestampParam, updateProjection } from './rows.js';
import type { DossierStore, StoredHead } from './store.js';

/** Options of {@link reproject}. */
export interface ReprojectOptions {
  /** A name for this run (the key of its log rows), e.g. `tb-2026-05-nghi-bu`. */
  readonly runId: string;
  /** Why: the notice or decision that changed the calendar. */
  readonly reason: string;
  /** When the run happened, from the caller. */
  readonly at: InstantInput;
  /** Only list what would move; write nothing. Default false. */
  readonly dryRun?: boolean;
  /** Dossiers per transaction. Default 500. */
  readonly batch?: number;
}

/** One due that moved. */
export interface DueChange {
  readonly dossierId: string;
  readonly field: 'overall_due' | 'step_due' | 'next_due';
  readonly before: string | null;
  readonly after: string | null;
}

/** What a run did. */
export interface ReprojectReport {
  readonly scanned: number;
  /** Dossiers whose projection was rewritten (or would be, in a dry run). */
  readonly changed: number;
  readonly changes: readonly DueChange[];
  /** Dossiers not rewritten: a writer appended during the run (run again), or an event no longer replays. */
  readonly skipped: readonly { readonly dossierId: string; readonly reason: string }[];
}

const FIELDS = [
  ['overall_due', 'overallDue'],
  ['step_due', 'stepDue'],
  ['next_due', 'nextDue'],
] as const;

/**
 * Replays every dossier under `store.calendar` and rewrites the ones whose dues moved, logging each
 * change in `reprojections` with the run id and reason (in batches, one transaction each).
 * @example
 * const store = await openStore({ db, calendar: vietnamCalendar({ extraDaysOff: [...] }) });
 * await reproject(store, { runId: 'tb-42', reason: 'TB 42/TB-UBND: nghỉ 2026-04-30', at: '2026-04-20T08:00:00+07:00' });
 */
export async function reproject(store: DossierStore, options: ReprojectOptions): Promise<ReprojectReport> {
  if (options.runId.trim() === '' || options.reason.trim() === '') {
    throw new StoreError('INVALID_INPUT', 'reproject: runId and reason must be non-empty', {
      field: 'runId',
      value: options.runId,
    });
  }
  const at = toEpochMs(options.at, 'at');
  const batch = options.batch ?? 500;
  const changes: DueChange[] = [];
  const skipped: { dossierId: string; reason: string }[] = [];
  let scanned = 0;
  let changed = 0;
  let after = '';
  for (;;) {
    const { rows } = await store.driver.query<Record<string, unknown>>(
      'SELECT id, overall_due, step_due, next_due, snapshot, version FROM dossiers WHERE id > $1 ORDER BY id LIMIT $2',
      [after, batch],
    );
    if (rows.length === 0) break;
    after = String(rows.at(-1)!.id);
    scanned += rows.length;
    const moved: { row: Record<string, unknown>; next: Projection; diffs: DueChange[] }[] = [];
    for (const row of rows) {
      const id = String(row.id);
      const head = await headOf(store.driver, id);
      let next: Projection;
      try {
        next = project(await store.replay(store.driver, id, head), store.portalOptions);
      } catch (error) {
        // E.g. an extension whose new appointment is no longer after the recomputed due.
        skipped.push({ dossierId: id, reason: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const diffs: DueChange[] = [];
      for (const [column, key] of FIELDS) {
        const before = epochOf(row[column]);
        const now = next[key];
        if (before !== now) {
          const show = (v: number | null) => (v === null ? null : formatInstant(v, store.calendar));
          diffs.push({ dossierId: id, field: column, before: show(before), after: show(now) });
        }
      }
      // A snapshot that differs without a due moving (e.g. a step's due that is not projected) is rewritten too.
      if (diffs.length > 0 || !sameJson(row.snapshot, next.snapshot)) moved.push({ row, next, diffs });
    }
    if (options.dryRun) {
      changed += moved.length;
      for (const m of moved) changes.push(...m.diffs);
      continue;
    }
    await store.driver.transaction(async (tx) => {
      for (const m of moved) {
        if (!(await updateProjection(tx, m.next, Number(m.row.version)))) {
          skipped.push({ dossierId: m.next.id, reason: 'appended during the run' });
          continue;
        }
        changed++;
        changes.push(...m.diffs);
        for (const d of m.diffs) {
          await tx.query(
            `INSERT INTO reprojections (run_id, dossier_id, field, before, after, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (run_id, dossier_id, field) DO UPDATE SET after = EXCLUDED.after`,
            [
              options.runId,
              d.dossierId,
              d.field,
              timestampParam(epochOf(m.row[d.field])),
              timestampParam(m.next[FIELDS.find(([c]) => c === d.field)![1]]),
              options.reason,
              timestampParam(at),
            ],
          );
        }
      }
    });
  }
  return { scanned, changed, changes, skipped };
}

async function headOf(db: SqlClient, id: string): Promise<StoredHead> {
  const { rows } = await db.query<StoredHead>(
    'SELECT procedure_code, agency, process_version, channel, received_text, portal, snapshot, version FROM dossiers WHERE id = $1',
    [id],
  );
  return rows[0]!;
}

/** One logged change of a re-projection run. */
export interface ReprojectionLogRow extends DueChange {
  readonly runId: string;
  readonly reason: string;
}

/**
 * The logged changes of a dossier (every run), oldest run first.
 * @example await reprojectionLog(store, 'KS-1') // [{ field: 'overall_due', before, after, reason, runId }]
 */
export async function reprojectionLog(store: DossierStore, dossierId: string): Promise<ReprojectionLogRow[]> {
  const { rows } = await store.driver.query<Record<string, unknown>>(
    'SELECT run_id, dossier_id, field, before, after, reason FROM reprojections WHERE dossier_id = $1 ORDER BY at, run_id, field',
    [dossierId],
  );
  const show = (v: unknown) => {
    const m = epochOf(v);
    return m === null ? null : formatInstant(m, store.calendar);
  };
  return rows.map((r) => ({
    runId: String(r.run_id),
    dossierId: String(r.dossier_id),
    field: r.field as DueChange['field'],
    before: show(r.before),
    after: show(r.after),
    reason: String(r.reason),
  }));
}
