/**
 * `apply` — Terraform's apply: refuse a plan whose documents changed since it was made, apply each
 * system's RFC 6902 patch with the prototype-pollution guard on, and check every result still reads.
 */
import type { Process } from '@tthc/core';
import jsonPatch, { type Operation } from 'fast-json-patch';
import { ReconcileError } from './errors.js';
import { documentHash } from './hash.js';
import type { ProcessSystem } from './merge.js';
import { type Plan, parseInput, type SyncDocument } from './plan.js';

/** The documents a plan is applied to: the same inputs `plan` read (the catalogue is only checked). */
export interface ApplyDocuments {
  readonly eiso: SyncDocument<Process>;
  readonly portal: SyncDocument<Process>;
  readonly catalogue?: SyncDocument<unknown>;
}

/** What {@link apply} returns: the new native documents and the operations applied to each. */
export interface ApplyResult {
  readonly documents: { readonly eiso: unknown; readonly portal: unknown };
  readonly applied: { readonly eiso: readonly Operation[]; readonly portal: readonly Operation[] };
  /** Each new document read back with its adapter. */
  readonly processes: { readonly eiso: Process; readonly portal: Process };
}

function checkFresh(system: string, expected: string | undefined, raw: unknown): void {
  if (expected === undefined) return;
  const actual = documentHash(raw);
  if (actual !== expected) {
    throw new ReconcileError(
      'PLAN_STALE',
      `${system}: the document changed since the plan was made (sha256 ${actual.slice(0, 12)}…, plan has ${expected.slice(0, 12)}…); plan again`,
      { system, expected, actual },
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

/**
 * Applies a plan. Refuses (`ReconcileError` `PLAN_STALE`) when a document's hash is not the one in
 * `plan.createdFrom` (the catalogue is checked when given), (`PATCH_REJECTED`) an invalid operation or
 * one touching `__proto__`/`constructor`/`prototype`, (`INVALID_DOCUMENT`) a result its adapter cannot
 * read. The input documents are not mutated. Planning again on the results gives no patches.
 * @example
 * const { documents } = apply(p, { eiso: { raw: isoDoc, adapter: eisoAdapter }, portal: { raw: config, adapter: portalAdapter } });
 */
export function apply(plan: Plan, documents: ApplyDocuments): ApplyResult {
  if (plan.planVersion !== 1) {
    throw new ReconcileError('PLAN_UNSUPPORTED', `planVersion: expected 1, got ${JSON.stringify(plan.planVersion)}`, {
      value: plan.planVersion,
    });
  }
  checkFresh('eiso', plan.createdFrom.eiso, documents.eiso.raw);
  checkFresh('portal', plan.createdFrom.portal, documents.portal.raw);
  if (documents.catalogue) checkFresh('catalogue', plan.createdFrom.catalogue, documents.catalogue.raw);
  const eiso = patched('eiso', documents.eiso.raw, plan.patches.eiso);
  const portal = patched('portal', documents.portal.raw, plan.patches.portal);
  return {
    documents: { eiso, portal },
    applied: { eiso: plan.patches.eiso, portal: plan.patches.portal },
    processes: {
      eiso: parseInput('eiso', { ...documents.eiso, raw: eiso }).value,
      portal: parseInput('portal', { ...documents.portal, raw: portal }).value,
    },
  };
}
