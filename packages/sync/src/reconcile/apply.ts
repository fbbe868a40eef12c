/**
 * `apply` — Terraform's apply: refuse a plan that was edited (digest) or whose documents changed since
 * it was made (value and byte fingerprints), refuse unexplained structural operations, apply each
 * system's RFC 6902 patch with the prototype-pollution guard on — to the value and, when the document's
 * text is given, to the text in place (format kept) — and check every result still reads.
 */
import type { Process } from '@tthc/core';
import jsonPatch, { type Operation } from 'fast-json-patch';
import { ReconcileError } from './errors.js';
import { canonicalJson, documentHash, textHash } from './hash.js';
import { checkStructural, planDigest } from './integrity.js';
import type { ProcessSystem } from './merge.js';
import { type Plan, parseInput, type SyncDocument } from './plan.js';
import { patchText } from './text-patch.js';

/** The documents a plan is applied to: the same inputs `plan` read (the catalogue is only checked). */
export interface ApplyDocuments {
  readonly eiso: SyncDocument<Process>;
  readonly portal: SyncDocument<Process>;
  readonly catalogue?: SyncDocument<unknown>;
}

/** What {@link apply} returns: the new native documents and the operations applied to each. */
export interface ApplyResult {
  readonly documents: { readonly eiso: unknown; readonly portal: unknown };
  /**
   * The new texts of the documents given with a `text`: the original bytes with only the patched
   * values changed (indentation, line endings, escapes, number spellings and key order kept).
   */
  readonly texts: { readonly eiso?: string; readonly portal?: string };
  readonly applied: { readonly eiso: readonly Operation[]; readonly portal: readonly Operation[] };
  /** Each new document read back with its adapter. */
  readonly processes: { readonly eiso: Process; readonly portal: Process };
}

function stale(system: string, expected: string, actual: string, what: string): ReconcileError {
  return new ReconcileError(
    'PLAN_STALE',
    `${system}: the document changed since the plan was made (${what} sha256 ${actual.slice(0, 12)}…, plan has ${expected.slice(0, 12)}…); plan again`,
    { system, expected, actual },
  );
}

/** Options of {@link apply}. */
export interface ApplyOptions {
  /**
   * Documents that already have the plan's result (a second run, or a run stopped half-way): the value
   * fingerprint each must have now. Such a document is checked against it instead of `createdFrom`,
   * and left as it is.
   */
  readonly applied?: { readonly eiso?: string; readonly portal?: string };
}

function checkFresh(
  system: 'eiso' | 'portal' | 'catalogue',
  plan: Plan,
  document: SyncDocument<unknown>,
  applied?: string,
): void {
  if (applied !== undefined) {
    const now = documentHash(document.raw);
    if (now !== applied) throw stale(system, applied, now, 'value (already applied)');
    return;
  }
  const expected = plan.createdFrom[system];
  if (expected === undefined) return;
  const actual = documentHash(document.raw);
  if (actual !== expected) throw stale(system, expected, actual, 'value');
  const bytes = plan.createdFrom.bytes?.[system];
  if (bytes === undefined) return;
  // The plan saw the bytes: a spelling the parsed value hides (a rounded big integer) must show.
  if (document.text === undefined) {
    throw new ReconcileError(
      'PLAN_STALE',
      `${system}: the plan fingerprints the document's bytes; give its text (SyncDocument.text) to apply it`,
      { system },
    );
  }
  const actualBytes = textHash(document.text);
  if (actualBytes !== bytes) throw stale(system, bytes, actualBytes, 'bytes');
}

const isHex = (x: unknown) => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);

/** A plan as `plan` writes it: version, digest, fingerprints of both documents, patches as arrays. */
function checkShape(plan: Plan): void {
  if ((plan as { planVersion?: unknown }).planVersion !== 2) {
    throw new ReconcileError(
      'PLAN_UNSUPPORTED',
      `planVersion: expected 2, got ${JSON.stringify(plan.planVersion) ?? 'nothing'}`,
      { value: plan.planVersion },
    );
  }
  const from = plan.createdFrom as Partial<Plan['createdFrom']> | undefined;
  if (typeof from !== 'object' || from === null || !isHex(from.eiso) || !isHex(from.portal)) {
    // Without both fingerprints nothing says the documents are the ones the plan was made from.
    throw new ReconcileError(
      'PLAN_INVALID',
      'createdFrom: the plan must give the sha256 of both the e-ISO and the portal document',
      { value: from },
    );
  }
  const patches = plan.patches as Partial<Plan['patches']> | undefined;
  if (!Array.isArray(patches?.eiso) || !Array.isArray(patches?.portal) || !Array.isArray(plan.structural)) {
    throw new ReconcileError('PLAN_INVALID', 'patches.eiso, patches.portal and structural must be arrays', {});
  }
  const digest = planDigest(plan);
  if (plan.digest !== digest) {
    throw new ReconcileError(
      'PLAN_TAMPERED',
      `digest: the plan was changed after it was made (${JSON.stringify(plan.digest) ?? 'no digest'}, content gives ${digest.slice(0, 19)}…); plan again`,
      { expected: plan.digest, actual: digest },
    );
  }
}

/** Path segments fast-json-patch refuses with `banPrototypeModifications`. */
const BANNED = new Set(['__proto__', 'constructor', 'prototype']);

function patched(system: ProcessSystem, raw: unknown, ops: readonly Operation[]): unknown {
  try {
    // validate = true, mutate = false (the caller's document is left alone), banPrototypeModifications = true.
    return jsonPatch.applyPatch(raw, [...ops], true, false, true).newDocument;
  } catch (e) {
    // Validation errors carry the operation; the prototype guard does not, so find the banned segment.
    const op =
      (e as { operation?: Operation }).operation ?? ops.find((o) => o.path.split('/').some((seg) => BANNED.has(seg)));
    throw new ReconcileError(
      'PATCH_REJECTED',
      `${system}: patch refused at ${op?.path ?? '?'}: ${(e as Error).message}`,
      {
        system,
        operation: op,
      },
    );
  }
}

/** The patched text, checked to parse to the patched value (else nothing is written: a bug to report). */
function patchedText(system: ProcessSystem, text: string, ops: readonly Operation[], value: unknown): string {
  const out = patchText(text, ops, system);
  let parsed: unknown;
  try {
    parsed = JSON.parse(out);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || canonicalJson(parsed) !== canonicalJson(value)) {
    throw new ReconcileError(
      'PATCH_REJECTED',
      `${system}: the in-place edit of the text does not give the patched document`,
      {
        system,
      },
    );
  }
  return out;
}

/**
 * Applies a plan. Refuses (`ReconcileError`) `PLAN_UNSUPPORTED` a plan that is not version 2,
 * `PLAN_INVALID` one without both fingerprints in `createdFrom`, `PLAN_TAMPERED` one whose `digest` is
 * not its content's, `PLAN_STALE` when a document's value or bytes fingerprint is not the plan's (the
 * catalogue is checked when given), `INVALID_DOCUMENT` a document its adapter cannot read (before or
 * after), `PATCH_REJECTED` a structural operation the plan does not explain, an invalid operation or one
 * touching `__proto__`/`constructor`/`prototype`. The inputs are not mutated. Documents given with their
 * `text` get `texts`: the text patched in place. `options.applied` names documents that already have
 * the plan's result (checked against that fingerprint, left alone). Planning again on the results gives
 * no patches.
 * @example
 * const { documents } = apply(p, { eiso: { raw: isoDoc, adapter: eisoAdapter }, portal: { raw: config, adapter: portalAdapter } });
 */
export function apply(plan: Plan, documents: ApplyDocuments, options: ApplyOptions = {}): ApplyResult {
  checkShape(plan);
  const done = options.applied ?? {};
  checkFresh('eiso', plan, documents.eiso, done.eiso);
  checkFresh('portal', plan, documents.portal, done.portal);
  if (documents.catalogue) checkFresh('catalogue', plan, documents.catalogue);
  // Each target must read as its format before it is written: a plan pointed at another file is refused.
  parseInput('eiso', documents.eiso);
  parseInput('portal', documents.portal);
  const ops = {
    eiso: done.eiso === undefined ? plan.patches.eiso : [],
    portal: done.portal === undefined ? plan.patches.portal : [],
  };
  checkStructural('eiso', documents.eiso.raw, ops.eiso, plan.structural);
  checkStructural('portal', documents.portal.raw, ops.portal, plan.structural);
  const eiso = patched('eiso', documents.eiso.raw, ops.eiso);
  const portal = patched('portal', documents.portal.raw, ops.portal);
  const texts: { eiso?: string; portal?: string } = {};
  if (documents.eiso.text !== undefined) texts.eiso = patchedText('eiso', documents.eiso.text, ops.eiso, eiso);
  if (documents.portal.text !== undefined)
    texts.portal = patchedText('portal', documents.portal.text, ops.portal, portal);
  return {
    documents: { eiso, portal },
    texts,
    applied: ops,
    processes: {
      eiso: parseInput('eiso', { ...documents.eiso, raw: eiso }).value,
      portal: parseInput('portal', { ...documents.portal, raw: portal }).value,
    },
  };
}
