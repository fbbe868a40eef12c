/**
 * The queries a one-stop desk needs every day, on the indexed projection with every value bound as
 * a parameter: due within a working-time horizon, overdue, by agency / step / performer / status,
 * the day's reminder list and the on-time / late counts a province reports (docs/store.md).
 */
import { addWorkingTime, type CountingRule, type Duration, type InstantInput, toEpochMs } from '@tthc/calendar';
import { type CompareMode, type Reminder, reminders } from '@tthc/core';
import { StoreError } from './errors.js';
import { ROW_COLUMNS, type DossierRow, timestampParam, toDossierRow } from './rows.js';
import type { DossierStore } from './store.js';

/** Filters every desk query takes (all optional, combined with AND). */
export interface DossierFilter {
  readonly agency?: string;
  readonly procedureCode?: string;
  /** The current step key. */
  readonly step?: string;
  readonly performerUnit?: string;
  readonly performerRole?: string;
  /** The phase: processing, consulting, awaitingSupplement, awaitingPayment, closed, returned, rejected, withdrawn. */
  readonly status?: string;
  /** Rows at most. Default 1 000, at most 100 000. */
  readonly limit?: number;
}

/** Options of {@link dueWithin}. */
export interface DueWithinOptions extends DossierFilter {
  /** The instant the desk asks at (never the wall clock). */
  readonly at: InstantInput;
  /** The horizon in working time, e.g. `{ amount: 1, unit: 'workingDay' }`. */
  readonly within: Duration;
  /** `dossier` (default): the overall due (NgayHenTra); `step`: the current step's due. */
  readonly scope?: 'dossier' | 'step';
}

const RULES: readonly CountingRule[] = ['working-time', 'civil-code'];

function limitOf(limit: number | undefined): number {
  const n = limit ?? 1_000;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new StoreError('INVALID_INPUT', `limit: expected an integer from 1 to 100000, got ${n}`, {
      field: 'limit',
      value: n,
    });
  }
  return n;
}

/** WHERE clauses of a filter, numbered after `params`. */
function filterSql(filter: DossierFilter, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    clauses.push(`${column} = $${params.length}`);
  };
  add('agency', filter.agency);
  add('procedure_code', filter.procedureCode);
  add('step', filter.step);
  add('performer_unit', filter.performerUnit);
  add('performer_role', filter.performerRole);
  add('status', filter.status);
  return clauses.map((c) => ` AND ${c}`).join('');
}

/** The horizon `at + within` under each counting rule (a process may count by the civil code). */
function horizons(store: DossierStore, at: number, within: Duration): Record<CountingRule, number> {
  const out = {} as Record<CountingRule, number>;
  for (const rule of RULES) out[rule] = addWorkingTime(store.calendar, at, within, { rule }).getTime();
  return out;
}

/**
 * Running dossiers whose due falls within `within` working time of `at` (not yet overdue), earliest
 * first. Dossiers waiting for a supplement have no running due and are not listed.
 * @example
 * await dueWithin(store, { at: '2026-02-24T08:00:00+07:00', within: { amount: 1, unit: 'workingDay' }, agency: 'UBND xã Tân Thành' })
 */
export async function dueWithin(store: DossierStore, options: DueWithinOptions): Promise<DossierRow[]> {
  const at = toEpochMs(options.at, 'at');
  const h = horizons(store, at, options.within);
  const column = options.scope === 'step' ? 'step_due' : 'overall_due';
  const params: unknown[] = [
    timestampParam(at),
    timestampParam(Math.max(h['working-time'], h['civil-code'])),
    timestampParam(h['working-time']),
    timestampParam(h['civil-code']),
  ];
  const where = filterSql(options, params);
  params.push(limitOf(options.limit));
  const { rows } = await store.driver.query(
    `SELECT ${ROW_COLUMNS} FROM dossiers
     WHERE active AND NOT clock_stopped AND ${column} >= $1 AND ${column} <= $2
       AND (counting_rule = 'civil-code' OR ${column} <= $3) AND (counting_rule <> 'civil-code' OR ${column} <= $4)${where}
     ORDER BY ${column}, id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => toDossierRow(r, store.calendar));
}

/** Options of {@link overdue}. */
export interface OverdueOptions extends DossierFilter {
  readonly at: InstantInput;
  /** `dossier` (default) or `step`. */
  readonly scope?: 'dossier' | 'step';
}

/**
 * Running dossiers past their due at `at` (the due instant is exceeded, TT 01/2018 art. 13), most
 * overdue first.
 * @example await overdue(store, { at: '2026-03-02T08:00:00+07:00', step: 'review' })
 */
export async function overdue(store: DossierStore, options: OverdueOptions): Promise<DossierRow[]> {
  const at = toEpochMs(options.at, 'at');
  const column = options.scope === 'step' ? 'step_due' : 'overall_due';
  const params: unknown[] = [timestampParam(at)];
  const where = filterSql(options, params);
  params.push(limitOf(options.limit));
  const { rows } = await store.driver.query(
    `SELECT ${ROW_COLUMNS} FROM dossiers WHERE active AND NOT clock_stopped AND ${column} < $1${where}
     ORDER BY ${column}, id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => toDossierRow(r, store.calendar));
}

/**
 * Dossiers by agency, step, performer and/or status, by receipt then id.
 * @example await listDossiers(store, { performerUnit: 'Phòng Kinh tế', status: 'processing' })
 */
export async function listDossiers(store: DossierStore, filter: DossierFilter = {}): Promise<DossierRow[]> {
  const params: unknown[] = [];
  const where = filterSql(filter, params);
  params.push(limitOf(filter.limit));
  const { rows } = await store.driver.query(
    `SELECT ${ROW_COLUMNS} FROM dossiers WHERE true${where} ORDER BY received_at, id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => toDossierRow(r, store.calendar));
}

/** Options of {@link reminderList}. */
export interface ReminderListOptions extends Omit<DossierFilter, 'status'> {
  readonly at: InstantInput;
  /** Default 1 working day. */
  readonly within?: Duration;
}

/**
 * The day's reminder list (nhắc việc): the runtime's `reminders` over the running dossiers whose
 * earliest open due (dossier, step, consulted agency) falls before the horizon plus one working day
 * (the apology notice, ND 61 art. 19(8)). The index narrows the candidates; the runtime decides.
 * @example await reminderList(store, { at: '2026-02-24T08:00:00+07:00', agency: 'UBND xã Tân Thành' })
 */
export async function reminderList(store: DossierStore, options: ReminderListOptions): Promise<Reminder[]> {
  const at = toEpochMs(options.at, 'at');
  const within = options.within ?? { amount: 1, unit: 'workingDay' };
  const h = horizons(store, at, within);
  let widest = 0;
  for (const rule of RULES) {
    const wider = addWorkingTime(store.calendar, h[rule], { amount: 1, unit: 'workingDay' }, { rule }).getTime();
    widest = Math.max(widest, wider);
  }
  const params: unknown[] = [timestampParam(widest)];
  const where = filterSql(options, params);
  params.push(limitOf(options.limit));
  const { rows } = await store.driver.query<{ id: string }>(
    `SELECT id FROM dossiers WHERE active AND NOT clock_stopped AND next_due <= $1${where}
     ORDER BY next_due, id LIMIT $${params.length}`,
    params,
  );
  const dossiers = [];
  for (const r of rows) dossiers.push(await store.load(r.id));
  return reminders(dossiers, at, within);
}

/** Options of {@link completionCounts}. */
export interface CompletionCountsOptions {
  /** Start of the period (inclusive), e.g. the first instant of the reporting month. */
  readonly from: InstantInput;
  /** End of the period (exclusive). */
  readonly to: InstantInput;
  /** `date` (what provincial software does) or `instant` (default). See core's `classifyCompletion`. */
  readonly compare?: CompareMode;
  readonly agency?: string;
}

/** On-time / late counts of one procedure at one agency. */
export interface CompletionCounts {
  readonly procedureCode: string;
  readonly agency: string;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly total: number;
}

/**
 * Dossiers finished in `[from, to)` per procedure and agency, classified as core's
 * `classifyCompletion` does (the local dates are read in the calendar's zone): the figures a province
 * reports (trước hạn / đúng hạn / quá hạn).
 * @example await completionCounts(store, { from: '2026-02-01T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00', compare: 'date' })
 */
export async function completionCounts(
  store: DossierStore,
  options: CompletionCountsOptions,
): Promise<CompletionCounts[]> {
  const compare = options.compare ?? 'instant';
  if (compare !== 'instant' && compare !== 'date') {
    throw new StoreError('INVALID_INPUT', `compare: expected instant or date, got "${String(compare)}"`, {
      field: 'compare',
      value: compare,
    });
  }
  const params: unknown[] = [
    timestampParam(toEpochMs(options.from, 'from')),
    timestampParam(toEpochMs(options.to, 'to')),
    store.calendar.zone,
    compare,
  ];
  let where = '';
  if (options.agency !== undefined) {
    params.push(options.agency);
    where = ` AND agency = $${params.length}`;
  }
  const { rows } = await store.driver.query<Record<string, unknown>>(
    `WITH c AS (
       SELECT procedure_code, agency,
         CASE WHEN ($4 = 'instant' AND finished_at > overall_due)
                OR (finished_at AT TIME ZONE $3)::date > (overall_due AT TIME ZONE $3)::date THEN 'late'
              WHEN (finished_at AT TIME ZONE $3)::date < (overall_due AT TIME ZONE $3)::date THEN 'early'
              ELSE 'on-time' END AS class
       FROM dossiers WHERE finished_at >= $1 AND finished_at < $2${where})
     SELECT procedure_code, agency,
       count(*) FILTER (WHERE class = 'early')::int AS early,
       count(*) FILTER (WHERE class = 'on-time')::int AS on_time,
       count(*) FILTER (WHERE class = 'late')::int AS late,
       count(*)::int AS total
     FROM c GROUP BY procedure_code, agency ORDER BY procedure_code, agency`,
    params,
  );
  return rows.map((r) => ({
    procedureCode: String(r.procedure_code),
    agency: String(r.agency),
    early: Number(r.early),
    onTime: Number(r.on_time),
    late: Number(r.late),
    total: Number(r.total),
  }));
}
