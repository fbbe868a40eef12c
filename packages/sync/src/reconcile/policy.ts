/**
 * Field ownership (Kubernetes server-side apply's managed fields, applied to TTHC): which system's
 * value wins for each reconciled field of the process. Default: the catalogue owns legal facts, the
 * e-ISO document owns the approved steps, performers, budgets and forms, the portal owns its
 * technical fields (status codes, user-group ids and other extensions).
 */
import type { SystemName } from '../issues.js';
import { ReconcileError } from './errors.js';

/** Step fields reconciled one by one. `kind` follows `name` (both adapters read it from the name). */
export type ReconciledStepField = 'name' | 'performer' | 'budget' | 'forms' | 'portalStatus';

/** Every {@link ReconciledStepField}. */
export const RECONCILED_STEP_FIELDS: readonly ReconciledStepField[] = [
  'name',
  'performer',
  'budget',
  'forms',
  'portalStatus',
];

/** Process-level fields reconciled: the step list (set, order, flow), the declared total, the form list. */
export type ReconciledProcessField = '/steps' | '/totalLimit' | '/forms';

/** Which systems can hold each field: a system owns only what its format carries. */
export const FIELD_CARRIERS: Readonly<Record<ReconciledStepField | ReconciledProcessField, readonly SystemName[]>> = {
  '/steps': ['eiso', 'portal'],
  // The catalogue can own the total only when asked: its statutory limit is a ceiling, not a plan.
  '/totalLimit': ['eiso', 'portal', 'catalogue'],
  '/forms': ['eiso'],
  name: ['eiso', 'portal'],
  performer: ['eiso', 'portal'],
  budget: ['eiso', 'portal'],
  forms: ['eiso'],
  portalStatus: ['portal'],
};

/** Owners when the policy says nothing (DESIGN §5). */
export const DEFAULT_OWNERS: Readonly<Record<ReconciledStepField | ReconciledProcessField, SystemName>> = {
  '/steps': 'eiso',
  '/totalLimit': 'eiso',
  '/forms': 'eiso',
  name: 'eiso',
  performer: 'eiso',
  budget: 'eiso',
  forms: 'eiso',
  portalStatus: 'portal',
};

/** A reconcile policy. */
export interface ReconcilePolicy {
  /**
   * Explicit owners by field path: `/steps` (the step list: set, order, flow), `/totalLimit`, `/forms`,
   * or `/steps/<key>/<field>` with `<field>` one of {@link RECONCILED_STEP_FIELDS} and `<key>` a key of
   * the step-list owner, or `*` for every step. A path naming one step wins over `*`.
   */
  readonly force?: Readonly<Record<string, SystemName>>;
}

const STEP_PATH = /^\/steps\/([^/]+)\/([^/]+)$/;

/**
 * Checks a policy up front: every forced path is a reconciled field, every system carries it, every
 * named step exists. Throws `ReconcileError('INVALID_POLICY')` naming the path.
 * @example checkPolicy({ force: { '/steps/*\/budget': 'portal' } }, ['B1', 'B2'])
 */
export function checkPolicy(policy: ReconcilePolicy, stepKeys: readonly string[]): void {
  for (const [path, system] of Object.entries(policy.force ?? {})) {
    const m = STEP_PATH.exec(path);
    const field = (m ? m[2] : path) as ReconciledStepField | ReconciledProcessField;
    const carriers = FIELD_CARRIERS[field];
    if (!carriers || (m === null && !path.startsWith('/'))) {
      throw new ReconcileError('INVALID_POLICY', `policy.force["${path}"]: not a reconciled field`, { path });
    }
    if (!carriers.includes(system)) {
      throw new ReconcileError(
        'INVALID_POLICY',
        `policy.force["${path}"]: ${system} does not carry this field (carried by ${carriers.join(', ')})`,
        { path, value: system },
      );
    }
    if (m && m[1] !== '*' && !stepKeys.includes(m[1]!)) {
      throw new ReconcileError('INVALID_POLICY', `policy.force["${path}"]: no step with key "${m[1]}"`, {
        path,
        value: m[1],
      });
    }
  }
}

/**
 * The owner of a process-level field.
 * @example processOwner({}, '/totalLimit') // 'eiso'
 */
export function processOwner(policy: ReconcilePolicy, field: ReconciledProcessField): SystemName {
  return policy.force?.[field] ?? DEFAULT_OWNERS[field];
}

/**
 * The owner of one field of one step: `/steps/<key>/<field>`, else `/steps/* /<field>`, else the default.
 * @example stepOwner({ force: { '/steps/*\/budget': 'portal' } }, 'B2', 'budget') // 'portal'
 */
export function stepOwner(policy: ReconcilePolicy, key: string, field: ReconciledStepField): SystemName {
  return policy.force?.[`/steps/${key}/${field}`] ?? policy.force?.[`/steps/*/${field}`] ?? DEFAULT_OWNERS[field];
}
