/** Reading and writing `dossiers` rows: the one place that knows the column names of the projection. */
import { formatInstant } from '@tthc/core';
import type { WorkCalendar } from '@tthc/calendar';
import type { SqlClient } from './driver.js';
import type { Projection } from './projection.js';

/** A dossier as the desk queries return it: instants as ISO 8601 text in the calendar's zone. */
export interface DossierRow {
  readonly id: string;
  readonly procedureCode: string;
  readonly processVersion: string;
  readonly agency: string;
  readonly channel: string;
  readonly receivedAt: string;
  readonly overallDue: string;
  readonly clockStopped: boolean;
  readonly step: string | null;
  readonly stepDue: string | null;
  readonly performerUnit: string | null;
  readonly performerRole: string | null;
  readonly status: string;
  readonly active: boolean;
  readonly portalStatus: number;
  readonly finishedAt: string | null;
  readonly version: number;
}

/** The columns a {@link DossierRow} is read from. */
export const ROW_COLUMNS =
  'id, procedure_code, process_version, agency, channel, received_at, overall_due, clock_stopped, step, step_due, ' +
  'performer_unit, performer_role, status, active, portal_status, finished_at, version';

const ms = (v: unknown): number | null => (v === null || v === undefined ? null : new Date(v as string).getTime());
const ts = (v: number | null): string | null => (v === null ? null : new Date(v).toISOString());

/** A database row (either driver returns timestamptz as a Date) as a {@link DossierRow}. */
export function toDossierRow(r: Record<string, unknown>, calendar: WorkCalendar): DossierRow {
  const iso = (v: unknown): string | null => {
    const m = ms(v);
    return m === null ? null : formatInstant(m, calendar);
  };
  return {
    id: String(r.id),
    procedureCode: String(r.procedure_code),
    processVersion: String(r.process_version),
    agency: String(r.agency),
    channel: String(r.channel),
    receivedAt: iso(r.received_at)!,
    overallDue: iso(r.overall_due)!,
    clockStopped: Boolean(r.clock_stopped),
    step: (r.step as string | null) ?? null,
    stepDue: iso(r.step_due),
    performerUnit: (r.performer_unit as string | null) ?? null,
    performerRole: (r.performer_role as string | null) ?? null,
    status: String(r.status),
    active: Boolean(r.active),
    portalStatus: Number(r.portal_status),
    finishedAt: iso(r.finished_at),
    version: Number(r.version),
  };
}

/** Epoch ms of a timestamptz column value. */
export function epochOf(v: unknown): number | null {
  return ms(v);
}

/** Epoch ms as a timestamptz parameter. */
export function timestampParam(v: number | null): string | null {
  return ts(v);
}

const WRITE_COLUMNS = [
  'id',
  'procedure_code',
  'national_code',
  'process_version',
  'agency',
  'channel',
  'received_at',
  'received_text',
  'overall_due',
  'clock_stopped',
  'step',
  'step_due',
  'next_due',
  'performer_unit',
  'performer_role',
  'status',
  'active',
  'portal_status',
  'finished_at',
  'counting_rule',
  'portal',
  'snapshot',
  'version',
  'updated_at',
] as const;

function values(p: Projection, portal: unknown): unknown[] {
  return [
    p.id,
    p.procedureCode,
    p.nationalCode,
    p.processVersion,
    p.agency,
    p.channel,
    ts(p.receivedAt),
    p.receivedText,
    ts(p.overallDue),
    p.clockStopped,
    p.step,
    ts(p.stepDue),
    ts(p.nextDue),
    p.performerUnit,
    p.performerRole,
    p.status,
    p.active,
    p.portalStatus,
    ts(p.finishedAt),
    p.countingRule,
    portal === undefined || portal === null ? null : JSON.stringify(portal),
    JSON.stringify(p.snapshot),
    p.version,
    ts(p.updatedAt),
  ];
}

const placeholders = WRITE_COLUMNS.map((c, i) =>
  c === 'portal' || c === 'snapshot' ? `$${i + 1}::jsonb` : `$${i + 1}`,
);

/** Inserts a new projection row. */
export async function insertProjection(tx: SqlClient, p: Projection, portal: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO dossiers (${WRITE_COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})`,
    values(p, portal),
  );
}

const SETS = WRITE_COLUMNS.map((c, i) => [c, placeholders[i]] as const)
  .filter(([c]) => c !== 'id')
  // A null portal parameter keeps the portal metadata given at creation.
  .map(([c, ph]) => (c === 'portal' ? `portal = COALESCE(${ph}, portal)` : `${c} = ${ph}`))
  .join(', ');

/**
 * Rewrites a projection row if it is still at `expectedVersion`; returns false when another writer
 * moved it first (the caller turns that into a conflict).
 */
export async function updateProjection(tx: SqlClient, p: Projection, expectedVersion: number): Promise<boolean> {
  const params = values(p, null);
  params.push(expectedVersion);
  const r = await tx.query(
    `UPDATE dossiers SET ${SETS} WHERE id = $1 AND version = $${params.length} RETURNING id`,
    params,
  );
  return r.rows.length === 1;
}

/** Deep equality of two JSON values, whatever the key order (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
