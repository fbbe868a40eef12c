/** Stable codes of the errors `@tthc/store` throws. */
export type StoreErrorCode =
  | 'CONFLICT' // a stale expectedVersion: another writer appended first
  | 'NOT_FOUND' // no dossier with that id
  | 'ALREADY_EXISTS' // a dossier with that id is already stored
  | 'UNKNOWN_PROCESS' // no stored procedure / process version for a dossier
  | 'SNAPSHOT_MISMATCH' // the stored projection disagrees with the replay of the events
  | 'INVALID_INPUT' // an argument is out of range or malformed
  | 'INVALID_DB' // the --db value is neither a folder, memory:// nor postgres://
  | 'SCHEMA_TOO_NEW' // the database was migrated by a newer @tthc/store
  | 'MIGRATION_BLOCKED'; // a process-version migration has dossiers that cannot move

/**
 * The error class of `@tthc/store`: a stable `code`, a message naming the dossier, field and value,
 * and `details` as data.
 * @example
 * try { await store.append(id, events, { expectedVersion: 3 }) }
 * catch (e) { if (e instanceof StoreError && e.code === 'CONFLICT') reload() }
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
