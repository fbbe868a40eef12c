/** Step renames of process-version migrations, applied to the stored events on replay. */
import type { DossierEvent } from '@tthc/core';

/** Old step key → new step key. */
export type StepMap = Readonly<Record<string, string>>;

/** One recorded migration: the events up to `seq_through` were written under the old keys. */
export interface RecordedMigration {
  readonly seq_through: number;
  readonly step_map: StepMap;
}

/**
 * The events with the step keys each migration renamed (events are never rewritten in the database:
 * the history stays as it was written, the renames are replayed).
 * @example renameSteps(events, [{ seq_through: 2, step_map: { B2: 'tham-dinh' } }])
 */
export function renameSteps(events: readonly DossierEvent[], migrations: readonly RecordedMigration[]): DossierEvent[] {
  if (migrations.length === 0) return [...events];
  return events.map((event, i) => {
    if (event.type !== 'complete-step') return event;
    let step = event.step;
    for (const m of migrations) if (i + 1 <= m.seq_through) step = m.step_map[step] ?? step;
    return step === event.step ? event : { ...event, step };
  });
}
