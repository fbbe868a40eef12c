/**
 * Process versions for running dossiers. A dossier keeps the process version in force at its
 * receipt; moving running dossiers to a new version is explicit: `planMigration` pairs the steps by
 * key and name (sync's `matchSteps`), replays every affected dossier under the new version and says
 * what happens to each clock; `applyMigration` then moves them in batches. Dossiers that cannot move
 * (their step has no partner, an event no longer replays) are listed, never moved silently.
 */
import { type InstantInput, toEpochMs } from '@tthc/calendar';
import { applyAll, formatInstant, nationalCode, type Process } from '@tthc/core';
import { matchSteps } from '@tthc/sync';
import { StoreError } from './errors.js';
import { renameSteps, type StepMap } from './migration-map.js';
import { type Projection, project } from './projection.js';
import { timestampParam, updateProjection } from './rows.js';
import type { DossierStore, StoredHead } from './store.js';

/** The process a migration starts from. */
export interface ProcessRef {
  readonly procedureCode: string;
  readonly agency: string;
  readonly version: string;
}

/** What happens to a dossier. */
export interface DossierMigration {
  readonly dossierId: string;
  readonly version: number;
  readonly step: string | null;
  readonly toStep: string | null;
  /** The overall due: `keep` when the replay under the new version gives the same instant. */
  readonly overallClock: 'keep' | 'moved';
  readonly overallDue: { readonly before: string; readonly after: string | null };
  /** The current step's due: `keep`, or `recount` (the new budget counted from the step's entry). */
  readonly stepClock: 'keep' | 'recount';
  readonly stepDue: { readonly before: string | null; readonly after: string | null };
  /** Why the dossier cannot move (then it is not moved); null when it can. */
  readonly problem: {
    readonly code: 'step-removed' | 'step-ambiguous' | 'replay-refused';
    readonly message: string;
  } | null;
}

/** The plan of a migration (a dry run: nothing is written). */
export interface MigrationPlan {
  readonly from: ProcessRef;
  readonly to: ProcessRef;
  /** Old step key → new step key, with how each pair was made. */
  readonly steps: readonly {
    readonly from: string;
    readonly to: string;
    readonly by: string;
    readonly confidence: number;
  }[];
  readonly removedSteps: readonly string[];
  readonly addedSteps: readonly string[];
  readonly dossiers: readonly DossierMigration[];
  readonly movable: number;
  readonly blocked: number;
}

const refOf = (p: Process): ProcessRef => ({
  procedureCode: p.procedureCode,
  agency: p.agency.name,
  version: p.version,
});

/**
 * Plans moving the running dossiers of `from` to the stored process version `toVersion`.
 * @throws {StoreError} `UNKNOWN_PROCESS` when a version is not stored.
 * @example
 * const plan = await planMigration(store, { procedureCode: '2.000720', agency: 'UBND xã Tân Thành', version: '2026.1' }, '2026.2');
 * plan.dossiers.filter((d) => d.problem) // what cannot move, and why
 */
export async function planMigration(store: DossierStore, from: ProcessRef, toVersion: string): Promise<MigrationPlan> {
  const fromProcess = await store.definitions.process(from.procedureCode, from.agency, from.version);
  const toProcess = await store.definitions.process(from.procedureCode, from.agency, toVersion);
  const matching = matchSteps(fromProcess, toProcess);
  const map: Record<string, string> = {};
  for (const p of matching.pairs) map[p.a.step.key] = p.b.step.key;
  const ambiguous = new Set(matching.ambiguous.flatMap((a) => a.a.map((s) => s.step.key)));
  const { rows } = await store.driver.query<{ id: string }>(
    `SELECT id FROM dossiers WHERE active AND national_code = $1 AND agency = $2 AND process_version = $3 ORDER BY id`,
    [nationalCode(from.procedureCode), from.agency, from.version],
  );
  const dossiers: DossierMigration[] = [];
  const show = (v: number | null) => (v === null ? null : formatInstant(v, store.calendar));
  for (const { id } of rows) {
    const before = await store.load(id);
    const p0 = project(before, store.portalOptions);
    const base = {
      dossierId: id,
      version: before.events.length,
      step: p0.step,
      toStep: p0.step === null ? null : (map[p0.step] ?? null),
    };
    const blocked = (
      code: 'step-removed' | 'step-ambiguous' | 'replay-refused',
      message: string,
    ): DossierMigration => ({
      ...base,
      overallClock: 'keep',
      overallDue: { before: show(p0.overallDue)!, after: null },
      stepClock: 'keep',
      stepDue: { before: show(p0.stepDue), after: null },
      problem: { code, message },
    });
    if (p0.step !== null && ambiguous.has(p0.step)) {
      dossiers.push(blocked('step-ambiguous', `step "${p0.step}" ties with several steps of v${toVersion}`));
      continue;
    }
    if (p0.step !== null && map[p0.step] === undefined) {
      dossiers.push(blocked('step-removed', `step "${p0.step}" has no partner in v${toVersion}`));
      continue;
    }
    let p1: Projection;
    try {
      const events = renameSteps(before.events, [{ seq_through: before.events.length, step_map: map }]);
      p1 = project(
        applyAll(store.open(before.procedure, toProcess, id, before.receivedAt, before.channel), events),
        store.portalOptions,
      );
    } catch (error) {
      dossiers.push(blocked('replay-refused', error instanceof Error ? error.message : String(error)));
      continue;
    }
    dossiers.push({
      ...base,
      overallClock: p1.overallDue === p0.overallDue ? 'keep' : 'moved',
      overallDue: { before: show(p0.overallDue)!, after: show(p1.overallDue) },
      stepClock: p1.stepDue === p0.stepDue ? 'keep' : 'recount',
      stepDue: { before: show(p0.stepDue), after: show(p1.stepDue) },
      problem: null,
    });
  }
  const blockedCount = dossiers.filter((d) => d.problem !== null).length;
  return {
    from: refOf(fromProcess),
    to: refOf(toProcess),
    steps: matching.pairs.map((p) => ({ from: p.a.step.key, to: p.b.step.key, by: p.by, confidence: p.confidence })),
    removedSteps: matching.onlyA.map((s) => s.step.key),
    addedSteps: matching.onlyB.map((s) => s.step.key),
    dossiers,
    movable: dossiers.length - blockedCount,
    blocked: blockedCount,
  };
}

/** Options of {@link applyMigration}. */
export interface ApplyMigrationOptions {
  /** When the migration happens, from the caller. */
  readonly at: InstantInput;
  /** Dossiers per transaction. Default 200. */
  readonly batch?: number;
  /** Move the movable dossiers although some are blocked (they stay on the old version). Default false. */
  readonly skipBlocked?: boolean;
}

/** What {@link applyMigration} did. */
export interface ApplyMigrationReport {
  readonly moved: readonly string[];
  /** Dossiers that changed since the plan (plan again), or were blocked. */
  readonly notMoved: readonly { readonly dossierId: string; readonly reason: string }[];
}

/**
 * Applies a plan in batches: each movable dossier gets a `dossier_migrations` row (its events are
 * replayed with the step renames from then on) and its projection under the new version. A dossier
 * appended to since the plan is not moved.
 * @throws {StoreError} `MIGRATION_BLOCKED` when the plan has blocked dossiers and `skipBlocked` is not set.
 * @example await applyMigration(store, plan, { at: '2026-07-01T08:00:00+07:00' });
 */
export async function applyMigration(
  store: DossierStore,
  plan: MigrationPlan,
  options: ApplyMigrationOptions,
): Promise<ApplyMigrationReport> {
  const at = timestampParam(toEpochMs(options.at, 'at'));
  if (plan.blocked > 0 && !options.skipBlocked) {
    const first = plan.dossiers.find((d) => d.problem !== null)!;
    throw new StoreError(
      'MIGRATION_BLOCKED',
      `${plan.blocked} dossier(s) cannot move to v${plan.to.version} (first: ${first.dossierId}: ${first.problem!.message}); pass skipBlocked to move the others`,
      { blocked: plan.blocked },
    );
  }
  const map: StepMap = Object.fromEntries(plan.steps.map((s) => [s.from, s.to]));
  const moved: string[] = [];
  const notMoved: { dossierId: string; reason: string }[] = [];
  for (const d of plan.dossiers) if (d.problem) notMoved.push({ dossierId: d.dossierId, reason: d.problem.message });
  const movable = plan.dossiers.filter((d) => d.problem === null);
  const batch = options.batch ?? 200;
  for (let i = 0; i < movable.length; i += batch) {
    await store.driver.transaction(async (tx) => {
      for (const d of movable.slice(i, i + batch)) {
        const { rows } = await tx.query<StoredHead>(
          `SELECT procedure_code, agency, process_version, channel, received_text, portal, snapshot, version
           FROM dossiers WHERE id = $1 FOR UPDATE`,
          [d.dossierId],
        );
        const head = rows[0];
        if (!head || Number(head.version) !== d.version || head.process_version !== plan.from.version) {
          notMoved.push({ dossierId: d.dossierId, reason: 'changed since the plan; plan again' });
          continue;
        }
        const { rows: n } = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM dossier_migrations WHERE dossier_id = $1',
          [d.dossierId],
        );
        await tx.query(
          `INSERT INTO dossier_migrations (dossier_id, ordinal, from_version, to_version, seq_through, step_map, at)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
          [d.dossierId, Number(n[0]!.n) + 1, plan.from.version, plan.to.version, d.version, JSON.stringify(map), at],
        );
        const next = await store.replay(tx, d.dossierId, { ...head, process_version: plan.to.version });
        await updateProjection(tx, project(next, store.portalOptions), d.version);
        moved.push(d.dossierId);
      }
    });
  }
  return { moved, notMoved };
}
