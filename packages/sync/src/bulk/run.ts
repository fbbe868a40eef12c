/**
 * `diffAll` and `planAll` — the diff and the reconcile plan over a whole catalogue of procedures at
 * once, pure and synchronous (the caller reads the files), with progress reported by callback.
 */
import type { Procedure, Process } from '@tthc/core';
import type { Change } from '../diff/change.js';
import { crossCheck } from '../diff/cross-check.js';
import { diff } from '../diff/diff.js';
import { ReconcileError } from '../reconcile/errors.js';
import { type ParsedInputs, planParsed } from '../reconcile/plan.js';
import type { AnyAdapter } from './detect.js';
import {
  type BulkSlot,
  inInputOrder,
  type ProcedureGroup,
  pendingDocuments,
  type ReadDocument,
  readGroup,
} from './pair.js';
import type {
  BulkFormats,
  BulkInput,
  BulkOptions,
  BulkProblem,
  BulkResult,
  BulkRole,
  BulkSources,
  ProcedureOutcome,
  UnpairedProcedure,
} from './types.js';

const ROLES: readonly BulkRole[] = ['catalogue', 'eiso', 'portal'];

function sourcesOf(group: ProcedureGroup): { sources: BulkSources; formats: BulkFormats } {
  const sources: Partial<Record<BulkSlot, string>> = {};
  const formats: Partial<Record<BulkSlot, ReadDocument['format']>> = {};
  for (const [slot, doc] of Object.entries(group.docs) as [BulkSlot, ReadDocument][]) {
    sources[slot] = doc.source;
    formats[slot] = doc.format;
  }
  return { sources, formats };
}

function nameOf(group: ProcedureGroup): string | undefined {
  const catalogue = group.docs.catalogue?.result.value as Procedure | undefined;
  const process = group.docs.eiso?.result.value as Process | undefined;
  return catalogue?.name ?? process?.name;
}

/** Legal changes since the last sync: the last synced catalogue record against the current one. */
function announced(group: ProcedureGroup): readonly Change[] {
  const [base, current] = [group.docs.baseCatalogue, group.docs.catalogue];
  if (!base || !current) return [];
  return diff(
    { system: 'catalogue', value: base.result.value, provenance: base.result.provenance },
    { system: 'catalogue', value: current.result.value, provenance: current.result.provenance },
  );
}

type Compare = (
  group: ProcedureGroup,
  options: BulkOptions,
) => Pick<ProcedureOutcome, 'drift' | 'checks' | 'conflicts' | 'plan'>;

const unitOptions = (o: BulkOptions) => ({ aliases: o.aliases, abbreviations: o.abbreviations });

const compareDiff: Compare = (group, options) => {
  const eiso = group.docs.eiso!;
  const portal = group.docs.portal!;
  const catalogue = group.docs.catalogue;
  return {
    drift: diff(
      { system: 'eiso', value: eiso.result.value, provenance: eiso.result.provenance },
      { system: 'portal', value: portal.result.value, provenance: portal.result.provenance },
      unitOptions(options),
    ),
    checks: catalogue
      ? crossCheck(catalogue.result.value as Procedure, eiso.result.value as Process, {
          catalogueProvenance: catalogue.result.provenance,
          processProvenance: eiso.result.provenance,
        })
      : [],
    conflicts: [],
  };
};

const comparePlan: Compare = (group, options) => {
  // The slot fixed the format (pairDocuments), so each adapter is of the kind its slot needs.
  const doc = <T>(d: ReadDocument) => ({
    raw: d.raw,
    adapter: d.adapter as AnyAdapter<T>,
    ...(d.text === undefined ? {} : { text: d.text }),
  });
  const { catalogue, eiso, portal, baseEiso } = group.docs;
  // Each document was parsed once when its group was read: the plan reuses those readings.
  const parsed = {
    eiso: eiso!.result,
    portal: portal!.result,
    ...(catalogue ? { catalogue: catalogue.result } : {}),
  } as ParsedInputs;
  const p = planParsed(
    {
      eiso: doc<Process>(eiso!),
      portal: doc<Process>(portal!),
      ...(catalogue ? { catalogue: doc<Procedure>(catalogue) } : {}),
      ...(baseEiso ? { base: baseEiso.result.value as Process } : {}),
    },
    parsed,
    options.policy ?? {},
    unitOptions(options),
  );
  return { drift: p.drift, checks: p.checks, conflicts: p.conflicts, plan: p };
};

function unpairedOf(group: ProcedureGroup): UnpairedProcedure {
  return {
    code: group.code,
    present: ROLES.filter((r) => group.docs[r] !== undefined),
    missing: ROLES.filter((r) => r !== 'catalogue' && group.docs[r] === undefined),
    sources: sourcesOf(group).sources,
  };
}

function outcomeOf(
  group: ProcedureGroup,
  withCatalogue: boolean,
  compare: Compare,
  options: BulkOptions,
  planProblems: BulkProblem[],
): ProcedureOutcome | undefined {
  try {
    const name = nameOf(group);
    return {
      code: group.code,
      ...(name === undefined ? {} : { name }),
      ...sourcesOf(group),
      missing: withCatalogue && !group.docs.catalogue ? ['catalogue'] : [],
      ...compare(group, options),
      announced: announced(group),
    };
  } catch (error) {
    // A policy naming a step one procedure lacks fails that procedure only, not the whole run.
    if (!(error instanceof ReconcileError)) throw error;
    planProblems.push({ code: 'plan.failed', procedure: group.code, message: `${group.code}: ${error.message}` });
    return undefined;
  }
}

function runAll(kind: BulkResult['kind'], input: BulkInput, compare: Compare, options: BulkOptions): BulkResult {
  const pending = pendingDocuments(input);
  const procedures: ProcedureOutcome[] = [];
  const unpaired: UnpairedProcedure[] = [];
  const readProblems = [...pending.problems];
  const planProblems: BulkProblem[] = [];
  const total = pending.groups.length;
  // One procedure at a time: its documents are parsed, compared and dropped before the next is read.
  pending.groups.forEach((g, i) => {
    const group = readGroup(g, readProblems);
    if (!group) {
      // Every document of the code was unreadable (each is a problem): nothing to pair or compare.
    } else if (!group.docs.eiso || !group.docs.portal) {
      unpaired.push(unpairedOf(group));
    } else {
      const outcome = outcomeOf(group, pending.withCatalogue, compare, options, planProblems);
      // Streamed outcomes are not kept: memory stays flat with the number of procedures.
      if (outcome && options.onProcedure) options.onProcedure(outcome);
      else if (outcome) procedures.push(outcome);
    }
    options.onProgress?.(i + 1, total);
  });
  const problems = [...inInputOrder(readProblems), ...planProblems];
  return { bulkVersion: 1, kind, procedures, unpaired, problems };
}

/**
 * Diffs many procedures at once: per national TTHC code, the e-ISO document against the portal
 * configuration (`drift`), the catalogue checks of the e-ISO process (`checks`: statutory limit, forms)
 * and, when last synced catalogue records are given, the legal changes since (`announced`). Input is
 * pre-grouped pairs or per-system lists paired by code; unpaired and unreadable documents are reported
 * in `unpaired` and `problems`. Pure: the caller reads the files.
 * @example
 * const result = diffAll({ catalogue: records, eiso: isoDocs, portal: portalDocs }, {
 *   onProgress: (done, total) => console.error(`${done}/${total}`),
 * });
 * result.procedures.filter((p) => p.drift.length > 0).map((p) => p.code);
 */
export function diffAll(input: BulkInput, options: BulkOptions = {}): BulkResult {
  return runAll('diff', input, compareDiff, options);
}

/**
 * Plans the sync of many procedures at once: {@link diffAll}'s pairing, then `plan` per procedure
 * (field ownership from `options.policy`; the last synced e-ISO document, when given, as the base for
 * conflicts). Each outcome carries its `plan`; a procedure whose plan cannot be made is a
 * `plan.failed` problem.
 * @example
 * const result = planAll([{ catalogue: { raw: record }, eiso: { raw: iso }, portal: { raw: config } }]);
 * result.procedures[0].plan?.patches.portal;
 */
export function planAll(input: BulkInput, options: BulkOptions = {}): BulkResult {
  return runAll('plan', input, comparePlan, options);
}
