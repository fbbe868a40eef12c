/**
 * Reading and pairing for bulk runs: every document is parsed once with the adapter of its format,
 * then grouped by the national part `X.NNNNNN` of its TTHC code (the key systems join on,
 * REFERENCE.md §3.1). A document that cannot take part becomes a problem, never a silent drop.
 */
import { nationalCode, type Procedure, type Process } from '@tthc/core';
import type { AdapterResult } from '../issues.js';
import { type AnyAdapter, adapterFor, type DocumentFormat, detectFormat } from './detect.js';
import type { BulkDocument, BulkInput, BulkPair, BulkProblem, BulkRole, BulkSets } from './types.js';

/** The slots of a procedure group: the three systems and the two last-synced documents. */
export type BulkSlot = BulkRole | 'baseCatalogue' | 'baseEiso';

/** Formats each slot accepts. */
const SLOT_FORMATS: Readonly<Record<BulkSlot, readonly DocumentFormat[]>> = {
  catalogue: ['catalogue'],
  baseCatalogue: ['catalogue'],
  eiso: ['eiso'],
  baseEiso: ['eiso'],
  portal: ['portal', 'opencps'],
};

/** One document read with its adapter. */
export interface ReadDocument {
  readonly slot: BulkSlot;
  readonly format: DocumentFormat;
  readonly source: string;
  readonly raw: unknown;
  readonly adapter: AnyAdapter<Procedure> | AnyAdapter<Process>;
  readonly result: AdapterResult<Procedure | Process> & { value: Procedure | Process };
}

/** The documents of one procedure. */
export interface ProcedureGroup {
  readonly code: string;
  readonly docs: Partial<Record<BulkSlot, ReadDocument>>;
}

/** Groups and the problems found while reading. */
export interface Paired {
  readonly groups: ProcedureGroup[];
  readonly problems: BulkProblem[];
  /** True when catalogue records were given at all (then a procedure without one is flagged). */
  readonly withCatalogue: boolean;
}

function codeOf(value: Procedure | Process): string {
  return nationalCode('steps' in value ? value.procedureCode : value.code);
}

/** Reads one document; returns it, or pushes the problem and returns undefined. */
function readOne(slot: BulkSlot, doc: BulkDocument, source: string, problems: BulkProblem[]): ReadDocument | undefined {
  const detected = detectFormat(doc.raw);
  const role = { role: slot, source };
  if (detected !== null && !SLOT_FORMATS[slot].includes(detected)) {
    problems.push({
      code: 'document.wrongFormat',
      ...role,
      message: `${source}: expected a ${SLOT_FORMATS[slot].join(' or ')} document for ${slot}, got ${detected}`,
    });
    return undefined;
  }
  // A shape no format claims is read as the slot's own format, so that the adapter names the missing field.
  const format = detected ?? SLOT_FORMATS[slot][0]!;
  const { adapter } = adapterFor(format);
  const result = adapter.parse(doc.raw);
  if (!result.ok || result.value === undefined) {
    const first = result.issues.find((i) => i.severity === 'error');
    problems.push({
      code: 'document.invalid',
      ...role,
      message: `${source}: ${first ? `${first.pointer || '/'}: ${first.message}` : 'cannot be read'}`,
    });
    return undefined;
  }
  return { slot, format, source, raw: doc.raw, adapter, result: result as ReadDocument['result'] };
}

function isSets(input: BulkInput): input is BulkSets {
  return !Array.isArray(input);
}

const PAIR_SLOTS: readonly BulkSlot[] = ['catalogue', 'eiso', 'portal', 'baseCatalogue', 'baseEiso'];

function fromPairs(pairs: readonly BulkPair[]): Paired {
  const problems: BulkProblem[] = [];
  const groups: ProcedureGroup[] = [];
  pairs.forEach((pair, index) => {
    const docs: Partial<Record<BulkSlot, ReadDocument>> = {};
    for (const slot of PAIR_SLOTS) {
      const doc = pair[slot];
      if (doc === undefined) continue;
      const read = readOne(slot, doc, doc.source ?? `${slot}#${index}`, problems);
      if (read) docs[slot] = read;
    }
    const first = docs.eiso ?? docs.portal ?? docs.catalogue ?? docs.baseEiso ?? docs.baseCatalogue;
    if (first) groups.push({ code: codeOf(first.result.value), docs });
  });
  return { groups, problems, withCatalogue: pairs.some((p) => p.catalogue !== undefined) };
}

function fromSets(sets: BulkSets): Paired {
  const problems: BulkProblem[] = [];
  const byCode = new Map<string, Partial<Record<BulkSlot, ReadDocument>>>();
  const lists: [BulkSlot, readonly BulkDocument[] | undefined][] = [
    ['catalogue', sets.catalogue],
    ['eiso', sets.eiso],
    ['portal', sets.portal],
    ['baseCatalogue', sets.base?.catalogue],
    ['baseEiso', sets.base?.eiso],
  ];
  for (const [slot, list] of lists) {
    list?.forEach((doc, index) => {
      const read = readOne(slot, doc, doc.source ?? `${slot}#${index}`, problems);
      if (!read) return;
      const code = codeOf(read.result.value);
      if (!/^[1-9]\.\d{6}$/.test(code)) {
        problems.push({
          code: 'document.noCode',
          role: slot,
          source: read.source,
          message: `${read.source}: TTHC code "${code}" has no national part X.NNNNNN to pair by`,
        });
        return;
      }
      const docs = byCode.get(code) ?? {};
      const taken = docs[slot];
      if (taken) {
        problems.push({
          code: 'document.duplicate',
          role: slot,
          source: read.source,
          procedure: code,
          message: `${read.source}: a second ${slot} document for ${code} (the first, ${taken.source}, is used)`,
        });
        return;
      }
      docs[slot] = read;
      byCode.set(code, docs);
    });
  }
  const groups = [...byCode].map(([code, docs]) => ({ code, docs }));
  return { groups, problems, withCatalogue: (sets.catalogue?.length ?? 0) > 0 };
}

/**
 * Reads every document and groups them by procedure: pre-grouped pairs stay as given; sets are
 * paired by national TTHC code (the provincial suffix `.000.00.00.H12` stripped). Groups come out
 * sorted by code.
 * @example pairDocuments({ eiso: [{ raw: iso }], portal: [{ raw: portal }] }).groups[0].code // '1.001193'
 */
export function pairDocuments(input: BulkInput): Paired {
  const paired = isSets(input) ? fromSets(input) : fromPairs(input);
  paired.groups.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return paired;
}
