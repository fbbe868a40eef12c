/**
 * @tthc/store — dossiers in PostgreSQL: an event-sourced store (PGlite embedded by default, a server
 * by connection string), the desk queries in working time, re-projection after a calendar change, an
 * outbox to the national portal and process-version migration for running dossiers.
 *
 * @example
 * import { openStore, dueWithin } from '@tthc/store';
 * const store = await openStore({ db: './tthc-data' });
 * await store.create({ id: 'KS-1', receivedAt: '2026-02-13T15:35:00+07:00', channel: 'direct', procedureCode });
 * await dueWithin(store, { at: '2026-02-24T08:00:00+07:00', within: { amount: 1, unit: 'workingDay' } });
 * @packageDocumentation
 */
export { StoreError, type StoreErrorCode } from './errors.js';
export {
  checkIdentifier,
  isServerUrl,
  openDriver,
  type OpenDriverOptions,
  type SqlClient,
  type SqlDriver,
  type SqlResult,
} from './driver.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate, type Migration } from './migrations.js';
export {
  DossierStore,
  openStore,
  type AppendOptions,
  type CreateDossierInput,
  type PortalMeta,
  type StoreOptions,
  type WriteResult,
} from './store.js';
export { project, type Projection, type StoredSnapshot } from './projection.js';
export type { DossierRow } from './rows.js';
export {
  completionCounts,
  dueWithin,
  listDossiers,
  overdue,
  reminderList,
  type CompletionCounts,
  type CompletionCountsOptions,
  type DossierFilter,
  type DueWithinOptions,
  type OverdueOptions,
  type ReminderListOptions,
} from './queries.js';
export {
  reproject,
  reprojectionLog,
  type DueChange,
  type ReprojectOptions,
  type ReprojectReport,
  type ReprojectionLogRow,
} from './reproject.js';
export {
  ack,
  backoffMs,
  claim,
  fail,
  outboxCounts,
  parkedRows,
  unpark,
  type ClaimOptions,
  type OutboxCounts,
  type OutboxMessage,
  type ParkedRow,
  type RetryPolicy,
  type SendFailure,
} from './outbox.js';
export {
  drainOutbox,
  httpTransport,
  sendOutbox,
  type DrainOptions,
  type HttpTransportOptions,
  type SendReport,
  type SenderOptions,
  type Transport,
  type TransportResult,
} from './sender.js';
export {
  applyMigration,
  planMigration,
  type ApplyMigrationOptions,
  type ApplyMigrationReport,
  type DossierMigration,
  type MigrationPlan,
  type ProcessRef,
} from './process-migration.js';
export { renameSteps, type RecordedMigration, type StepMap } from './migration-map.js';
