/**
 * A bulk plan file as data to trust: its shape checked member by member (a hand-edited file is bad
 * input with the member named, never a crash of the report or of apply), and a digest over its whole
 * content (each procedure's plan counted by its own digest, which `apply` recomputes).
 */
import { DEFAULT_SEVERITY } from '../diff/change.js';
import { canonicalJson, sha256Hex } from '../reconcile/hash.js';
import { planDigest } from '../reconcile/integrity.js';
import type { BulkResult } from './types.js';

/**
 * Digest of a bulk file (a {@link BulkResult} and any extra members, e.g. the CLI's `appliedHashes`):
 * `sha256:<hex>` over the canonical JSON of every member but `digest`, each procedure's `plan`
 * replaced by the plan's own digest.
 * @example bulkDigest(planAll(sets)) // 'sha256:…'
 */
export function bulkDigest(file: BulkResult & Record<string, unknown>): string {
  const { digest: _d, procedures, ...rest } = file;
  const outline = procedures.map((p) => (p.plan === undefined ? p : { ...p, plan: p.plan.digest }));
  return `sha256:${sha256Hex(canonicalJson({ ...rest, procedures: outline }))}`;
}

/** Why a bulk file cannot be used: the member (JSON Pointer) and what is wrong with it. */
export interface BulkFileProblem {
  readonly path: string;
  readonly message: string;
}

type Check = (value: unknown, path: string) => BulkFileProblem | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (path: string, message: string): BulkFileProblem => ({ path, message });

const object: Check = (v, path) => (isObject(v) ? undefined : problem(path, 'expected an object'));
const text: Check = (v, path) => (typeof v === 'string' ? undefined : problem(path, 'expected a string'));

const stringValues: Check = (v, path) => {
  if (!isObject(v)) return problem(path, 'expected an object');
  for (const [k, x] of Object.entries(v))
    if (typeof x !== 'string') return problem(`${path}/${k}`, 'expected a string');
  return undefined;
};

function arrayOf(item: Check): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return problem(path, 'expected an array');
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${path}/${i}`);
      if (p) return p;
    }
    return undefined;
  };
}

function fields(spec: Readonly<Record<string, Check>>, optional: readonly string[] = []): Check {
  return (v, path) => {
    if (!isObject(v)) return problem(path, 'expected an object');
    for (const [k, check] of Object.entries(spec)) {
      if (v[k] === undefined && optional.includes(k)) continue;
      const p = check(v[k], `${path}/${k}`);
      if (p) return p;
    }
    return undefined;
  };
}

const change: Check = fields({
  code: (v, path) =>
    typeof v === 'string' && Object.hasOwn(DEFAULT_SEVERITY, v) ? undefined : problem(path, 'not a change code'),
  severity: (v, path) =>
    v === 'error' || v === 'warning' || v === 'info' ? undefined : problem(path, 'expected error, warning or info'),
  paths: object,
  message: fields({ vi: text, en: text }),
});

const conflict: Check = fields({ path: text });

const plan: Check = (v, path) => {
  const shape = fields({
    digest: text,
    createdFrom: object,
    patches: fields({ eiso: arrayOf(object), portal: arrayOf(object) }),
  })(v, path);
  if (shape) return shape;
  const p = v as { digest: string };
  return planDigest(p) === p.digest
    ? undefined
    : problem(`${path}/digest`, 'the plan was changed after it was made (its digest does not match)');
};

const procedure: Check = fields(
  {
    code: text,
    name: text,
    sources: stringValues,
    formats: stringValues,
    missing: arrayOf(text),
    drift: arrayOf(change),
    checks: arrayOf(change),
    announced: arrayOf(change),
    conflicts: arrayOf(conflict),
    plan,
  },
  ['name', 'plan'],
);

const file: Check = fields({
  procedures: arrayOf(procedure),
  unpaired: arrayOf(fields({ code: text, present: arrayOf(text), missing: arrayOf(text), sources: stringValues })),
  problems: arrayOf(fields({ code: text, message: text })),
});

/**
 * Checks a bulk file read from disk (a plan written by `planAll` with its `digest`, or a diff): every
 * member `tthc report` and `tthc apply` read has its type, every change its code, every plan its
 * digest, and the file's `digest` (required for `kind: "plan"`) is {@link bulkDigest}'s. Returns the
 * first problem, or undefined when the file can be used.
 * @example checkBulkFile(JSON.parse(text)) // { path: '/procedures/3/drift/0/code', message: 'not a change code' }
 */
export function checkBulkFile(doc: unknown): BulkFileProblem | undefined {
  if (!isObject(doc)) return problem('', 'expected a plan object written by tthc plan');
  if (doc.bulkVersion !== 1)
    return problem('/bulkVersion', `expected 1, got ${JSON.stringify(doc.bulkVersion) ?? 'nothing'}`);
  if (doc.kind !== 'plan' && doc.kind !== 'diff') {
    return problem('/kind', `expected "plan" or "diff", got ${JSON.stringify(doc.kind) ?? 'nothing'}`);
  }
  const shape = file(doc, '');
  if (shape) return shape;
  if (doc.kind === 'plan' && typeof doc.digest !== 'string')
    return problem('/digest', 'missing: the plan has no digest');
  if (doc.digest !== undefined && doc.digest !== bulkDigest(doc as unknown as BulkResult & Record<string, unknown>)) {
    return problem('/digest', 'the file was changed after tthc plan wrote it (its digest does not match); plan again');
  }
  return undefined;
}
