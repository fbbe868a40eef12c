/**
 * `openStore` and the `DossierStore`: dossiers as event streams in PostgreSQL. An append runs the
 * runtime's pure `apply` on the replayed dossier and writes the events, the new projection and the
 * outbox rows in one transaction; a stale `expectedVersion` is a `CONFLICT`, never a lost update.
 */
import { toEpochMs, type WorkCalendar, vietnamCalendar } from '@tthc/calendar';
import {
  applyAll,
  type ChannelKind,
  CoreError,
  type Dossier,
  type DossierEvent,
  deserialize,
  type MachineRegistry,
  openDossier,
  type PortalStatusOptions,
  type Procedure,
  type Process,
  parseDossierEvents,
} from '@tthc/core';
import type { DvcqgOwner } from '@tthc/sync';
import { Definitions } from './definitions.js';
import { openDriver, type SqlClient, type SqlDriver } from './driver.js';
import { StoreError } from './errors.js';
import { migrate } from './migrations.js';
import { renameSteps, type StepMap } from './migration-map.js';
import { writeOutbox } from './outbox-write.js';
import { project } from './projection.js';
import {
  insertProjection,
  ROW_COLUMNS,
  timestampParam,
  toDossierRow,
  type DossierRow,
  updateProjection,
} from './rows.js';

/** Where the national-portal payload of a dossier comes from (DongBoHoSoMC needs the applicant). */
export interface PortalMeta {
  readonly owner: DvcqgOwner;
  /** DonViXuLy, e.g. `H56.14`. */
  readonly agencyCode: string;
  /** MaLinhVuc when the procedure has no `field.code`. */
  readonly fieldCode?: string;
}

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** A folder (PGlite on disk), `memory://` (PGlite in memory), `postgres://…` (a server), or a driver. Default `./tthc-data`. */
  readonly db?: string | SqlDriver;
  /** Schema of the tables. Default `tthc`. */
  readonly schema?: string;
  /** The working calendar dues are counted with. Default `vietnamCalendar()`. */
  readonly calendar?: WorkCalendar;
  /** Implementations of the actions and guards the processes name. */
  readonly registry?: MachineRegistry;
  /** DVCQG status mapping for the projection and the outbox. */
  readonly portalStatus?: PortalStatusOptions;
}

/** What the desk records on receipt, plus where the dossier belongs. */
export interface CreateDossierInput {
  /** Mã số hồ sơ. */
  readonly id: string;
  readonly receivedAt: string;
  readonly channel: ChannelKind;
  /** The procedure's full code (as stored with `putProcedure`). */
  readonly procedureCode: string;
  /** The agency whose process applies; default: the only one stored for the procedure. */
  readonly agency?: string;
  /** Default: the version in force on the receipt's local date (`selectProcess`). */
  readonly processVersion?: string;
  /** When given, the outbox also carries the DongBoHoSoMC dossier payload. */
  readonly portal?: PortalMeta;
}

/** Options of {@link DossierStore.append}. */
export interface AppendOptions {
  /** The version (number of events) the caller read; another value in the database is a conflict. */
  readonly expectedVersion: number;
}

/** The result of a write. */
export interface WriteResult {
  readonly version: number;
  readonly dossier: Dossier;
}

/** @internal the head columns a replay needs. */
export interface StoredHead {
  readonly procedure_code: string;
  readonly agency: string;
  readonly process_version: string;
  readonly channel: string;
  readonly received_text: string;
  readonly portal: PortalMeta | null;
  readonly snapshot: { snapshot: unknown; ledger: unknown };
  readonly version: number;
}

/** A dossier store on one database. Get one with {@link openStore}. */
export class DossierStore {
  /** @internal */
  readonly definitions: Definitions;

  /** @internal use {@link openStore}. */
  constructor(
    readonly driver: SqlDriver,
    readonly calendar: WorkCalendar,
    readonly registry: MachineRegistry | undefined,
    readonly portalOptions: PortalStatusOptions,
  ) {
    this.definitions = new Definitions(driver);
  }

  /**
   * Stores (or replaces) a procedure.
   * @example await store.putProcedure(parseProcedure(json));
   */
  putProcedure(procedure: Procedure): Promise<void> {
    return this.definitions.putProcedure(procedure);
  }

  /**
   * Stores a process version; a version already stored with other content is refused.
   * @example await store.putProcess(parseProcess(json));
   */
  putProcess(process: Process): Promise<void> {
    return this.definitions.putProcess(process);
  }

  /**
   * Receives a dossier (version 0) and writes its projection and receipt outbox rows, then appends
   * `events` if any, all in one transaction.
   * @throws {StoreError} `ALREADY_EXISTS`, `UNKNOWN_PROCESS`; {@link CoreError} for a bad receipt or event.
   * @example await store.create({ id: 'KS-1', receivedAt: '2026-02-13T15:35:00+07:00', channel: 'direct', procedureCode });
   */
  async create(input: CreateDossierInput, events: readonly unknown[] = []): Promise<WriteResult> {
    const procedure = await this.definitions.procedure(input.procedureCode);
    const process =
      input.processVersion === undefined
        ? await this.definitions.processAt(procedure.code, input.receivedAt, input.agency, this.calendar.zone)
        : await this.definitions.process(
            procedure.code,
            input.agency ??
              (await this.definitions.processAt(procedure.code, input.receivedAt, undefined, this.calendar.zone)).agency
                .name,
            input.processVersion,
          );
    const opened = this.open(procedure, process, input.id, input.receivedAt, input.channel);
    const parsed = parseDossierEvents(events);
    const dossier = applyAll(opened, parsed);
    return this.driver.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM dossiers WHERE id = $1', [input.id]);
      if (exists.rows.length > 0) {
        throw new StoreError('ALREADY_EXISTS', `dossier ${input.id} is already stored`, {
          field: 'id',
          value: input.id,
        });
      }
      await insertProjection(tx, project(dossier, this.portalOptions), input.portal ?? null);
      await insertEvents(tx, input.id, 1, parsed);
      await writeOutbox(tx, null, dossier, input.portal ?? null, this.portalOptions);
      return { version: dossier.events.length, dossier };
    });
  }

  /**
   * Appends events to a dossier at `expectedVersion`: replays it, applies each event with the
   * runtime's `apply`, and writes events, projection and outbox rows in one transaction.
   * @throws {StoreError} `CONFLICT` when the dossier is not at `expectedVersion`; `NOT_FOUND`.
   * @throws {CoreError} `INVALID_EVENT` / `EVENT_REJECTED` — nothing is written.
   * @example
   * const { version } = await store.append('KS-1', [{ type: 'complete-step', step: 'receive',
   *   at: '2026-02-13T15:40:00+07:00', by: { role: 'Công chức tiếp nhận' } }], { expectedVersion: 0 });
   */
  async append(dossierId: string, events: readonly unknown[], options: AppendOptions): Promise<WriteResult> {
    if (!Number.isInteger(options.expectedVersion) || options.expectedVersion < 0) {
      throw new StoreError(
        'INVALID_INPUT',
        `expectedVersion: expected a non-negative integer, got ${options.expectedVersion}`,
        {
          field: 'expectedVersion',
          value: options.expectedVersion,
        },
      );
    }
    const parsed = parseDossierEvents(events);
    // Read the procedure and process before the transaction: PGlite serialises every query, so a
    // definitions read through the driver from inside the transaction would wait for it forever
    // (a fresh process appending first thing hung this way).
    const outside = await readHead(this.driver, dossierId, false);
    await this.definitions.process(
      (await this.definitions.procedure(outside.procedure_code)).code,
      outside.agency,
      outside.process_version,
    );
    return this.driver.transaction(async (tx) => {
      // FOR UPDATE: a second writer waits here, then sees the new version and gets a conflict.
      const head = await readHead(tx, dossierId, true);
      if (head.version !== options.expectedVersion) throw conflict(dossierId, options.expectedVersion, head.version);
      const before = await this.replay(tx, dossierId, head);
      const after = applyAll(before, parsed);
      if (!(await updateProjection(tx, project(after, this.portalOptions), options.expectedVersion))) {
        throw conflict(dossierId, options.expectedVersion, null);
      }
      await insertEvents(tx, dossierId, head.version + 1, parsed);
      await writeOutbox(tx, before, after, head.portal, this.portalOptions);
      return { version: after.events.length, dossier: after };
    });
  }

  /**
   * Reads a dossier: rebuilds it from its events and checks the stored snapshot and ledger against
   * the replay.
   * @throws {StoreError} `NOT_FOUND`; `SNAPSHOT_MISMATCH` naming the first field that differs.
   * @example const dossier = await store.load('KS-1'); dueDates(dossier).due
   */
  async load(dossierId: string): Promise<Dossier> {
    const head = await readHead(this.driver, dossierId, false);
    const dossier = await this.replay(this.driver, dossierId, head);
    const procedure = dossier.procedure;
    try {
      // Core's envelope check: the stored cache must equal the replay, field by field.
      deserialize(
        {
          formatVersion: 1,
          id: dossierId,
          channel: head.channel,
          receivedAt: head.received_text,
          procedureCode: procedure.code,
          processVersion: dossier.process.version,
          snapshot: head.snapshot.snapshot,
          ledger: head.snapshot.ledger,
          events: dossier.events,
        },
        {
          procedure,
          process: dossier.process,
          calendar: this.calendar,
          ...(this.registry ? { registry: this.registry } : {}),
        },
      );
    } catch (error) {
      if (error instanceof CoreError && error.code === 'INVALID_ENVELOPE') {
        throw new StoreError('SNAPSHOT_MISMATCH', `dossier ${dossierId}: ${error.message}`, {
          field: error.issues[0]?.path.join('.'),
          value: error.issues[0]?.value,
        });
      }
      throw error;
    }
    return dossier;
  }

  /**
   * The projection row of a dossier, or `null`.
   * @example (await store.get('KS-1'))?.overallDue // '2026-02-25T16:30:00+07:00'
   */
  async get(dossierId: string): Promise<DossierRow | null> {
    const { rows } = await this.driver.query(`SELECT ${ROW_COLUMNS} FROM dossiers WHERE id = $1`, [dossierId]);
    return rows[0] ? toDossierRow(rows[0], this.calendar) : null;
  }

  /**
   * The stored events of a dossier, in order.
   * @example (await store.events('KS-1')).length
   */
  async events(dossierId: string): Promise<DossierEvent[]> {
    return eventsOf(this.driver, dossierId);
  }

  /**
   * Closes the database.
   * @example await store.close();
   */
  close(): Promise<void> {
    return this.driver.close();
  }

  /** @internal the dossier replayed from its events, under its process and migrations. */
  async replay(db: SqlClient, dossierId: string, head: StoredHead): Promise<Dossier> {
    const procedure = await this.definitions.procedure(head.procedure_code);
    const process = await this.definitions.process(procedure.code, head.agency, head.process_version);
    const events = await eventsOf(db, dossierId);
    const { rows } = await db.query<{ seq_through: number; step_map: StepMap }>(
      'SELECT seq_through, step_map FROM dossier_migrations WHERE dossier_id = $1 ORDER BY ordinal',
      [dossierId],
    );
    const replayed = renameSteps(events, rows);
    const opened = this.open(procedure, process, dossierId, head.received_text, head.channel as ChannelKind);
    return applyAll(opened, replayed);
  }

  /** @internal */
  open(procedure: Procedure, process: Process, id: string, receivedAt: string, channel: ChannelKind): Dossier {
    return openDossier(
      procedure,
      process,
      this.calendar,
      { id, receivedAt, channel },
      this.registry ? { registry: this.registry } : {},
    );
  }
}

function conflict(dossierId: string, expected: number, actual: number | null): StoreError {
  const now = actual === null ? 'moved by another writer' : `is at version ${actual}`;
  return new StoreError(
    'CONFLICT',
    `dossier ${dossierId}: expected version ${expected} but it ${now}; reload and retry`,
    {
      field: 'expectedVersion',
      value: expected,
      actual,
    },
  );
}

async function readHead(db: SqlClient, dossierId: string, lock: boolean): Promise<StoredHead> {
  const { rows } = await db.query<StoredHead>(
    `SELECT procedure_code, agency, process_version, channel, received_text, portal, snapshot, version
     FROM dossiers WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [dossierId],
  );
  if (!rows[0])
    throw new StoreError('NOT_FOUND', `no dossier ${dossierId} in the store`, { field: 'id', value: dossierId });
  return rows[0];
}

async function eventsOf(db: SqlClient, dossierId: string): Promise<DossierEvent[]> {
  const { rows } = await db.query<{ payload: DossierEvent }>(
    'SELECT payload FROM events WHERE dossier_id = $1 ORDER BY seq',
    [dossierId],
  );
  return rows.map((r) => r.payload);
}

async function insertEvents(
  tx: SqlClient,
  dossierId: string,
  firstSeq: number,
  events: readonly DossierEvent[],
): Promise<void> {
  for (const [i, e] of events.entries()) {
    await tx.query(
      'INSERT INTO events (dossier_id, seq, at, by, type, payload) VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb)',
      [dossierId, firstSeq + i, timestampParam(toEpochMs(e.at, 'at')), JSON.stringify(e.by), e.type, JSON.stringify(e)],
    );
  }
}

/**
 * Opens a dossier store and applies the missing schema migrations.
 * @throws {StoreError} `INVALID_DB`, `SCHEMA_TOO_NEW`; the driver's error when a server does not answer.
 * @example
 * const store = await openStore({ db: 'memory://' });
 * await store.putProcedure(procedure); await store.putProcess(process);
 */
export async function openStore(options: StoreOptions = {}): Promise<DossierStore> {
  const db = options.db ?? './tthc-data';
  const driver = typeof db === 'string' ? await openDriver(db, options.schema ? { schema: options.schema } : {}) : db;
  try {
    await migrate(driver);
  } catch (error) {
    if (typeof db === 'string') await driver.close().catch(() => undefined);
    throw error;
  }
  return new DossierStore(driver, options.calendar ?? vietnamCalendar(), options.registry, options.portalStatus ?? {});
}
