/**
 * `plan` — Terraform's plan for TTHC processes: read the catalogue, the e-ISO document and the portal
 * configuration, decide the desired process by field ownership, and write down, per system, the
 * RFC 6902 patch that brings its native document there.
 */
import type { Procedure, Process } from '@tthc/core';
import jsonPatch, { type Operation } from 'fast-json-patch';
import type { Change } from '../diff/change.js';
import { crossCheck } from '../diff/cross-check.js';
import { diff } from '../diff/diff.js';
import type { Adapter, AdapterResult, SystemName } from '../issues.js';
import { deepEqual } from '../native.js';
import type { UnitNameOptions } from '../normalize.js';
import { ReconcileError } from './errors.js';
import { documentHash, textHash } from './hash.js';
import { planDigest, type StructuralChange, structuralChanges } from './integrity.js';
import { type Conflict, mergeProcesses } from './merge.js';
import { checkPolicy, processOwner, type ReconcilePolicy } from './policy.js';
import { projectFor } from './project.js';

/** One native document and the adapter that reads and writes it. */
export interface SyncDocument<T> {
  readonly raw: unknown;
  // biome-ignore lint/suspicious/noExplicitAny: any native shape and parse options; the adapter checks them.
  readonly adapter: Adapter<T, any, any>;
  /** Parse options of the adapter (e.g. the portal case code). */
  readonly options?: unknown;
  /**
   * The document's text as read, when there is one (a file): `plan` fingerprints its bytes too, so a
   * change the parsed value hides (a big integer rounded, `1.0` → `1`) makes the plan stale, and
   * `apply` patches this text in place, keeping its formatting.
   */
  readonly text?: string;
}

/** What {@link plan} reads. */
export interface PlanInputs {
  readonly catalogue?: SyncDocument<Procedure>;
  readonly eiso: SyncDocument<Process>;
  readonly portal: SyncDocument<Process>;
  /** The last synced state: the `merged` process of the last applied plan, or a document with its adapter. */
  readonly base?: Process | SyncDocument<Process>;
}

/**
 * The fingerprints of the documents a plan was made from: SHA-256 hex of their canonical JSON (the
 * parsed value) and, for documents given with their `text`, of the bytes as read.
 */
export interface PlanSources {
  readonly eiso: string;
  readonly portal: string;
  readonly catalogue?: string;
  readonly bytes?: { readonly eiso?: string; readonly portal?: string; readonly catalogue?: string };
}

/** A reconcile plan: plain JSON, to review, store, and give to {@link apply}. */
export interface Plan {
  readonly planVersion: 2;
  /** `sha256:<hex>` over the canonical JSON of every other member ({@link planDigest}); `apply` checks it. */
  readonly digest: string;
  readonly createdFrom: PlanSources;
  /** The desired process (step keys of the step-list owner). */
  readonly merged: Process;
  /** Owner of every reconciled field: `/steps`, `/totalLimit`, `/forms`, `/steps/<key>/<field>`. */
  readonly owners: Readonly<Record<string, SystemName>>;
  /** RFC 6902 operations against each native document. */
  readonly patches: { readonly eiso: readonly Operation[]; readonly portal: readonly Operation[] };
  /** The structural operations of the patches (root, whole top-level section) and why; `apply` refuses any other. */
  readonly structural: readonly StructuralChange[];
  /** How the e-ISO document and the portal configuration differ today (paths: a = e-ISO, b = portal). */
  readonly drift: readonly Change[];
  /** Both systems changed a field since `base`, differently; the owner's value is in `merged`. */
  readonly conflicts: readonly Conflict[];
  /** Catalogue checks of the merged process (paths: a = catalogue, b = canonical merged process). */
  readonly checks: readonly Change[];
}

/** Options of {@link plan}. */
export interface PlanOptions extends UnitNameOptions {}

/**
 * Parses one input; a document its adapter cannot read is misuse of `plan`/`apply`: thrown with its issues.
 * @example const r = parseInput('eiso', inputs.eiso);
 */
export function parseInput<T>(system: string, input: SyncDocument<T>): AdapterResult<T> & { value: T } {
  const r = input.adapter.parse(input.raw, input.options);
  if (!r.ok || r.value === undefined) {
    const first = r.issues.find((i) => i.severity === 'error');
    throw new ReconcileError('INVALID_DOCUMENT', `${system}: ${first?.message ?? 'cannot be read'}`, {
      system,
      issues: r.issues,
    });
  }
  return r as AdapterResult<T> & { value: T };
}

function baseProcess(base: PlanInputs['base']): Process | undefined {
  if (base === undefined) return undefined;
  return 'adapter' in base ? parseInput('base', base).value : base;
}

function patchFor(input: SyncDocument<Process>, view: Process, own: Process): Operation[] {
  // The adapters' round-trip law (round-trip.test.ts): serialize(parse(x).value, x) deep-equals x. A view
  // that is the document's own process therefore writes the document back unchanged: no patch, and no
  // need to write a whole native document and diff it (most of a bulk plan's cost).
  if (deepEqual(view, own)) return [];
  const written = input.adapter.serialize(view, input.raw);
  return jsonPatch.compare(input.raw as object, written as object);
}

/**
 * Plans a sync. Each document is parsed with its adapter; the merged process takes every field from
 * its owner (policy: `force` overrides the defaults — e-ISO owns steps, performers, budgets, forms
 * and the declared total; the portal its status codes and extensions; the catalogue may be forced to
 * own `/totalLimit`); the merged process is written into each original with its adapter (unknown
 * fields kept) and diffed with fast-json-patch `compare` into the patches.
 * @example
 * const p = plan({
 *   catalogue: { raw: record, adapter: catalogueAdapter },
 *   eiso: { raw: isoDoc, adapter: eisoAdapter },
 *   portal: { raw: portalConfig, adapter: portalAdapter },
 * });
 * p.patches.portal; // [{ op: 'replace', path: '/TruongHop/0/QuyTrinh/0/TenBuocXuLy', value: '…' }, …]
 */
export function plan(inputs: PlanInputs, policy: ReconcilePolicy = {}, options: PlanOptions = {}): Plan {
  const parsed = {
    eiso: parseInput('eiso', inputs.eiso),
    portal: parseInput('portal', inputs.portal),
    catalogue: inputs.catalogue && parseInput('catalogue', inputs.catalogue),
  };
  return planParsed(inputs, parsed, policy, options);
}

/** What the adapters read from each input of {@link planParsed}. */
export interface ParsedInputs {
  readonly eiso: AdapterResult<Process> & { value: Process };
  readonly portal: AdapterResult<Process> & { value: Process };
  readonly catalogue?: (AdapterResult<Procedure> & { value: Procedure }) | undefined;
}

/**
 * {@link plan} on inputs already parsed by their adapters (the bulk runs read every document once).
 * Internal: `parsed` must be what `inputs`' adapters read from `inputs`' raw documents.
 * @example planParsed(inputs, { eiso: eisoAdapter.parse(raw), … }, {}, {})
 */
export function planParsed(
  inputs: PlanInputs,
  parsed: ParsedInputs,
  policy: ReconcilePolicy = {},
  options: PlanOptions = {},
): Plan {
  const { eiso, portal, catalogue } = parsed;
  const listOwner = processOwner(policy, '/steps');
  checkPolicy(
    policy,
    (listOwner === 'portal' ? portal : eiso).value.steps.map((s) => s.key),
  );
  const unitOptions = { aliases: options.aliases, abbreviations: options.abbreviations };
  const merge = mergeProcesses(
    { eiso: eiso.value, portal: portal.value, catalogue: catalogue?.value, base: baseProcess(inputs.base) },
    policy,
    options,
  );
  const patches = {
    eiso: patchFor(inputs.eiso, projectFor(merge, 'eiso', eiso.value, unitOptions), eiso.value),
    portal: patchFor(inputs.portal, projectFor(merge, 'portal', portal.value, unitOptions), portal.value),
  };
  const content: Omit<Plan, 'digest'> = {
    planVersion: 2,
    createdFrom: createdFrom(inputs),
    merged: merge.merged,
    owners: merge.owners,
    patches,
    structural: [
      ...structuralChanges('eiso', inputs.eiso.raw, patches.eiso),
      ...structuralChanges('portal', inputs.portal.raw, patches.portal),
    ],
    drift: diff(
      { system: 'eiso', value: eiso.value, provenance: eiso.provenance },
      { system: 'portal', value: portal.value, provenance: portal.provenance },
      unitOptions,
    ),
    conflicts: merge.conflicts,
    checks: catalogue ? crossCheck(catalogue.value, merge.merged, { catalogueProvenance: catalogue.provenance }) : [],
  };
  return { ...content, digest: planDigest(content) };
}

function createdFrom(inputs: PlanInputs): PlanSources {
  const bytes: { eiso?: string; portal?: string; catalogue?: string } = {};
  if (inputs.eiso.text !== undefined) bytes.eiso = textHash(inputs.eiso.text);
  if (inputs.portal.text !== undefined) bytes.portal = textHash(inputs.portal.text);
  if (inputs.catalogue?.text !== undefined) bytes.catalogue = textHash(inputs.catalogue.text);
  return {
    eiso: documentHash(inputs.eiso.raw),
    portal: documentHash(inputs.portal.raw),
    ...(inputs.catalogue ? { catalogue: documentHash(inputs.catalogue.raw) } : {}),
    ...(Object.keys(bytes).length > 0 ? { bytes } : {}),
  };
}
