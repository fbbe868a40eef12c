/**
 * The projection of a dossier: the row of the `dossiers` table the desk queries read. It is derived
 * purely from the replayed dossier (DESIGN.md §4: events are the truth, everything else a cache).
 */
import { toEpochMs } from '@tthc/calendar';
import {
  type Dossier,
  FINAL_PHASES,
  locate,
  nationalCode,
  type PortalStatusOptions,
  portalStatus,
  serialize,
} from '@tthc/core';

/** The stored snapshot: the machine's persisted snapshot and the clock ledger (a cache of the events). */
export interface StoredSnapshot {
  readonly snapshot: unknown;
  readonly ledger: unknown;
}

/** One row of the `dossiers` table, with instants as epoch milliseconds. */
export interface Projection {
  readonly id: string;
  readonly procedureCode: string;
  readonly nationalCode: string;
  readonly processVersion: string;
  readonly agency: string;
  readonly channel: string;
  readonly receivedAt: number;
  /** The receipt as the desk wrote it (ISO 8601 with its offset). */
  readonly receivedText: string;
  /** The lawful due (NgayHenTra after supplementation rules; an apology never moves it). */
  readonly overallDue: number;
  /** True while the dossier waits for a supplement (its due is suspended). */
  readonly clockStopped: boolean;
  readonly step: string | null;
  readonly stepDue: number | null;
  /** The earliest open due: the dossier's, its current step's, a consulted agency's share. */
  readonly nextDue: number;
  readonly performerUnit: string | null;
  readonly performerRole: string | null;
  /** The phase (processing, consulting, awaitingSupplement, …, returned, rejected, withdrawn). */
  readonly status: string;
  /** Not finished and not in a final phase: the dossiers a desk still has to act on. */
  readonly active: boolean;
  /** DVCQG TrangThaiHoSo (1–10). */
  readonly portalStatus: number;
  readonly finishedAt: number | null;
  readonly countingRule: string;
  readonly snapshot: StoredSnapshot;
  /** The number of events applied. */
  readonly version: number;
  /** The last event's instant (the receipt for a new dossier). */
  readonly updatedAt: number;
}

/**
 * The projection row of a dossier.
 * @example project(dossier).overallDue === dossier.ledger.legalDue // true
 */
export function project(dossier: Dossier, options: PortalStatusOptions = {}): Projection {
  const l = dossier.ledger;
  const { phase, step } = locate(dossier.snapshot.value);
  const open = l.steps.findLast((v) => v.doneAt === null && v.interruptedBy === null);
  const performer = dossier.process.steps.find((s) => s.key === step)?.performer;
  const envelope = serialize(dossier);
  const stepDue = open && open.step === step ? open.due : null;
  const consultDues = l.consults.filter((c) => c.returnedAt === null && c.due !== null).map((c) => c.due as number);
  const last = dossier.events.at(-1);
  return {
    id: dossier.id,
    procedureCode: dossier.procedure.code,
    nationalCode: nationalCode(dossier.procedure.code),
    processVersion: dossier.process.version,
    agency: dossier.process.agency.name,
    channel: dossier.channel,
    receivedAt: l.receivedAt,
    receivedText: dossier.receivedAt,
    overallDue: l.legalDue,
    clockStopped: l.clockStopped,
    step,
    stepDue,
    nextDue: Math.min(l.legalDue, stepDue ?? Number.POSITIVE_INFINITY, ...consultDues),
    performerUnit: performer?.unit ?? null,
    performerRole: performer?.role ?? null,
    status: phase,
    active: l.finishedAt === null && !FINAL_PHASES.includes(phase),
    portalStatus: portalStatus(dossier, options),
    finishedAt: l.finishedAt,
    countingRule: l.rule,
    snapshot: { snapshot: envelope.snapshot, ledger: envelope.ledger },
    version: dossier.events.length,
    updatedAt: last ? toEpochMs(last.at, 'at') : l.receivedAt,
  };
}
