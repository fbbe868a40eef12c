/**
 * The shapes of a bulk run: many procedures, each known to up to three systems, read, paired by
 * national TTHC code, diffed or planned, and every document that could not take part reported.
 */
import type { Change } from '../diff/change.js';
import type { ReconcilePolicy } from '../reconcile/policy.js';
import type { Conflict } from '../reconcile/merge.js';
import type { Plan, PlanOptions } from '../reconcile/plan.js';
import type { DocumentFormat } from './detect.js';

/** The roles a document plays in a bulk run. */
export type BulkRole = 'catalogue' | 'eiso' | 'portal';

/** One native document and, optionally, where it was read from (a file name, shown in reports). */
export interface BulkDocument {
  readonly raw: unknown;
  /** Where the document came from, e.g. `eiso/1.001193.json`; kept in the result for `apply`. */
  readonly source?: string;
  /** The document's text as read (a file): the plan fingerprints its bytes as well as its value. */
  readonly text?: string | undefined;
}

/** Documents already grouped for one procedure. */
export interface BulkPair {
  readonly catalogue?: BulkDocument | undefined;
  readonly eiso?: BulkDocument | undefined;
  readonly portal?: BulkDocument | undefined;
  /** The last synced catalogue record: diffed against `catalogue` (legal changes since the last sync). */
  readonly baseCatalogue?: BulkDocument | undefined;
  /** The last synced e-ISO document: the plan's base, so that both-sides edits show as conflicts. */
  readonly baseEiso?: BulkDocument | undefined;
}

/** Documents per system, to be paired by national TTHC code. */
export interface BulkSets {
  readonly catalogue?: readonly BulkDocument[] | undefined;
  readonly eiso: readonly BulkDocument[];
  readonly portal: readonly BulkDocument[];
  /** Last synced documents (same roles as {@link BulkPair.baseCatalogue} and {@link BulkPair.baseEiso}). */
  readonly base?: { readonly catalogue?: readonly BulkDocument[]; readonly eiso?: readonly BulkDocument[] } | undefined;
}

/** What {@link diffAll} and {@link planAll} read: pre-grouped pairs, or sets to pair by code. */
export type BulkInput = readonly BulkPair[] | BulkSets;

/** Options of the bulk runs. */
export interface BulkOptions extends PlanOptions {
  /**
   * Called after each procedure with the number done and the total (for a progress bar). The total
   * counts the procedures found by code before any document is parsed, so a code whose every
   * document turns out unreadable counts (and ticks) as one procedure, with only its problems to show.
   */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Streams the outcomes: each procedure's outcome is given to this callback as soon as it is made and
   * NOT kept in the result (`procedures` comes back empty; `unpaired` and `problems` are still there),
   * so memory stays flat with the number of procedures — write each outcome out, or fold it.
   */
  readonly onProcedure?: ((outcome: ProcedureOutcome) => void) | undefined;
  /** Field ownership for {@link planAll}. */
  readonly policy?: ReconcilePolicy | undefined;
}

/** Where each document of a procedure came from, by role (`source`, or `#<index>` when none was given). */
export type BulkSources = Readonly<Partial<Record<BulkRole | 'baseCatalogue' | 'baseEiso', string>>>;

/** The formats each document of a procedure was read as. */
export type BulkFormats = Readonly<Partial<Record<BulkRole | 'baseCatalogue' | 'baseEiso', DocumentFormat>>>;

/** One procedure of a bulk run. */
export interface ProcedureOutcome {
  /** National TTHC code `X.NNNNNN`. */
  readonly code: string;
  /** The procedure name, from the catalogue if present, else from the e-ISO document. */
  readonly name?: string;
  readonly sources: BulkSources;
  readonly formats: BulkFormats;
  /** Roles expected but absent (the catalogue, when catalogues were given but not this one). */
  readonly missing: readonly BulkRole[];
  /** How the e-ISO document and the portal configuration differ (paths: a = e-ISO, b = portal). */
  readonly drift: readonly Change[];
  /** Catalogue checks of the process (paths: a = catalogue, b = process). */
  readonly checks: readonly Change[];
  /** Changes of the catalogue since the last synced record (paths: a = base, b = current). */
  readonly announced: readonly Change[];
  /** Both systems changed a field since the base (plan runs only). */
  readonly conflicts: readonly Conflict[];
  /** The reconcile plan (plan runs only). */
  readonly plan?: Plan;
}

/** A procedure some system does not have: nothing to compare it with, reported rather than dropped. */
export interface UnpairedProcedure {
  readonly code: string;
  readonly present: readonly BulkRole[];
  readonly missing: readonly BulkRole[];
  readonly sources: BulkSources;
}

/** Closed list of problems a bulk run reports. */
export type BulkProblemCode =
  /** The adapter could not read the document (its first error is in the message). */
  | 'document.invalid'
  /** The document has no TTHC code `X.NNNNNN` to pair it by. */
  | 'document.noCode'
  /** Two documents of one system for the same procedure: the first is used. */
  | 'document.duplicate'
  /** The document's format is not one of the formats of its role. */
  | 'document.wrongFormat'
  /** Planning the procedure failed (e.g. a policy naming a step it does not have). */
  | 'plan.failed';

/** One document or procedure that could not take part. */
export interface BulkProblem {
  readonly code: BulkProblemCode;
  readonly role?: BulkRole | 'baseCatalogue' | 'baseEiso';
  readonly source?: string;
  /** The TTHC code, when known. */
  readonly procedure?: string;
  readonly message: string;
}

/** The result of {@link diffAll} or {@link planAll}: plain JSON, stable order (procedures by code). */
export interface BulkResult {
  readonly bulkVersion: 1;
  readonly kind: 'diff' | 'plan';
  readonly procedures: readonly ProcedureOutcome[];
  readonly unpaired: readonly UnpairedProcedure[];
  readonly problems: readonly BulkProblem[];
}
