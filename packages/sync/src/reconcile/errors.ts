/** The error `plan` and `apply` throw on misuse (STYLE habit 8: a stable `code`, the culprit named). */

/** Stable codes of {@link ReconcileError}. */
export type ReconcileErrorCode =
  /** A document no longer has the hash the plan was made from: plan again. */
  | 'PLAN_STALE'
  /** The plan is not a version this library reads. */
  | 'PLAN_UNSUPPORTED'
  /** The plan lacks what `apply` needs to trust it (both fingerprints in `createdFrom`, patch arrays). */
  | 'PLAN_INVALID'
  /** The plan's `digest` is not the digest of its content: it was edited after `plan` made it. */
  | 'PLAN_TAMPERED'
  /** A document cannot be parsed by its adapter (its issues are attached). */
  | 'INVALID_DOCUMENT'
  /** A patch cannot be applied (invalid operation, prototype modification, unexplained structural operation). */
  | 'PATCH_REJECTED'
  /** A policy names an unknown field, a step that does not exist, or a system that does not carry the field. */
  | 'INVALID_POLICY';

/**
 * Thrown by `plan` and `apply` on misuse; data problems are in `details`.
 * @example try { apply(plan, docs) } catch (e) { if (e instanceof ReconcileError && e.code === 'PLAN_STALE') replan() }
 */
export class ReconcileError extends Error {
  override readonly name = 'ReconcileError';
  constructor(
    readonly code: ReconcileErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
