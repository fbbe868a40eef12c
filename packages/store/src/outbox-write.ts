/**
 * Outbox rows written in the append transaction: one CapNhatTienDoHoSoMC progress row per new event
 * (and the receipt row for a new dossier) and, when the dossier has portal metadata, the DongBoHoSoMC
 * dossier payload whenever the DVCQG status or the appointment changes. Both come from sync's export.
 */
import { toEpochMs } from '@tthc/calendar';
import type { Dossier, PortalStatusOptions } from '@tthc/core';
import { toDvcqgDossier, toDvcqgProgress } from '@tthc/sync';
import type { SqlClient } from './driver.js';
import { timestampParam } from './rows.js';
import type { PortalMeta } from './store.js';

const at = (d: Dossier): number => {
  const last = d.events.at(-1);
  return last ? toEpochMs(last.at, 'at') : d.ledger.receivedAt;
};

/** Writes the outbox rows of the step `before → after` (`before` null for a new dossier). */
export async function writeOutbox(
  tx: SqlClient,
  before: Dossier | null,
  after: Dossier,
  portal: PortalMeta | null,
  options: PortalStatusOptions,
): Promise<void> {
  const rows = toDvcqgProgress(after, options);
  // Row 0 is the receipt; row k is event k.
  const from = before === null ? 0 : before.events.length + 1;
  const time = timestampParam(at(after));
  for (let k = from; k < rows.length; k++) {
    await insert(tx, after.id, k, 'progress', rows[k], time);
  }
  if (portal === null) return;
  const payload = toDvcqgDossier(after, after.procedure, {
    ...options,
    owner: portal.owner,
    agencyCode: portal.agencyCode,
    ...(portal.fieldCode === undefined ? {} : { fieldCode: portal.fieldCode }),
  });
  if (before !== null) {
    const old = toDvcqgDossier(before, before.procedure, {
      ...options,
      owner: portal.owner,
      agencyCode: portal.agencyCode,
      ...(portal.fieldCode === undefined ? {} : { fieldCode: portal.fieldCode }),
    });
    if (JSON.stringify(old) === JSON.stringify(payload)) return;
  }
  await insert(tx, after.id, after.events.length, 'dossier', payload, time);
}

async function insert(
  tx: SqlClient,
  dossierId: string,
  seq: number,
  kind: 'dossier' | 'progress',
  payload: unknown,
  time: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO outbox (dossier_id, seq, kind, payload, created_at, next_attempt_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $5)`,
    [dossierId, seq, kind, JSON.stringify(payload), time],
  );
}
