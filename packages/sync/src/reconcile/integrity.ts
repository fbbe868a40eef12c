/**
 * What makes a plan safe to hand to `apply` on someone else's machine: a digest over its whole
 * content (so an edited patch, source, fingerprint or reason shows), and the list of structural
 * operations (the root, a whole top-level section, move/copy) the plan itself explains — any other
 * structural operation is refused. The digest detects edits; it does not say who made the plan (anyone
 * can recompute a SHA-256): authenticity needs a signature over the plan file, outside this library.
 */
import type { Operation } from 'fast-json-patch';
import { ReconcileError } from './errors.js';
import { canonicalJson, sha256Hex } from './hash.js';

/** A structural operation the plan explains; `apply` refuses every structural operation not listed. */
export interface StructuralChange {
  readonly system: 'eiso' | 'portal';
  readonly op: Operation['op'];
  readonly path: string;
  /** Why the plan writes it (shown to the person who reviews the plan). */
  readonly reason: string;
}

/**
 * Digest of a plan: SHA-256 of the canonical JSON of every member but `digest` itself, as `sha256:<hex>`.
 * @example planDigest(p) === p.digest // true for a plan as `plan` wrote it
 */
export function planDigest(plan: object): string {
  const { digest: _d, ...content } = plan as { digest?: unknown };
  return `sha256:${sha256Hex(canonicalJson(content))}`;
}

/** JSON Pointer (RFC 6901) segments of a path: `~1` is `/`, `~0` is `~`. */
export function pointerSegments(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isContainer(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

function valueAt(document: unknown, segments: readonly string[]): unknown {
  let node = document;
  for (const s of segments) {
    if (!isContainer(node) || !Object.hasOwn(node as object, s)) return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

/**
 * Why an operation is structural, or undefined when it is an ordinary edit: it replaces the document
 * root (`path: ""`), moves or copies (the adapters never write those), or adds, removes or replaces a
 * whole top-level section (an object or array one level under the root — `/TruongHop`, `/scripts`).
 * @example structuralKind(doc, { op: 'replace', path: '', value: {} }) // 'replaces the whole document'
 */
export function structuralKind(document: unknown, op: Operation): string | undefined {
  if (op.path === '') return 'replaces the whole document';
  if (op.op === 'move' || op.op === 'copy') return `${op.op}s a value (the adapters never write ${op.op})`;
  const segments = pointerSegments(op.path);
  if (segments.length > 1) return undefined;
  const before = valueAt(document, segments);
  const after = (op as { value?: unknown }).value;
  if (op.op === 'test') return undefined;
  if (isContainer(before) || (op.op !== 'remove' && isContainer(after))) {
    return `${op.op === 'add' ? 'adds' : op.op === 'remove' ? 'removes' : 'replaces'} the whole top-level section ${op.path}`;
  }
  return undefined;
}

/**
 * The structural operations of one system's patch, each with its reason (for `plan` to record).
 * @example structuralChanges('portal', raw, ops) // [] for ordinary field edits
 */
export function structuralChanges(
  system: 'eiso' | 'portal',
  document: unknown,
  ops: readonly Operation[],
): StructuralChange[] {
  const out: StructuralChange[] = [];
  for (const op of ops) {
    const kind = structuralKind(document, op);
    if (kind !== undefined) {
      out.push({ system, op: op.op, path: op.path, reason: `the ${system} adapter's output ${kind}` });
    }
  }
  return out;
}

/**
 * Refuses (`PATCH_REJECTED`) a structural operation the plan does not list with a reason.
 * @example checkStructural('portal', raw, plan.patches.portal, plan.structural)
 */
export function checkStructural(
  system: 'eiso' | 'portal',
  document: unknown,
  ops: readonly Operation[],
  explained: readonly StructuralChange[],
): void {
  for (const op of ops) {
    const kind = structuralKind(document, op);
    if (kind === undefined) continue;
    const listed = explained.some((s) => s.system === system && s.path === op.path && s.op === op.op && s.reason);
    if (!listed) {
      throw new ReconcileError(
        'PATCH_REJECTED',
        `${system}: patch refused at "${op.path}": the operation ${kind}, and the plan gives no reason for it`,
        { system, operation: op },
      );
    }
  }
}
