/**
 * Reading and pairing for bulk runs: every document is parsed once with the adapter of its format,
 * then grouped by the national part `X.NNNNNN` of its TTHC code (the key systems join on,
 * REFERENCE.md §3.1). A document that cannot take part becomes a problem, never a silent drop.
 */
import { nationalCode, type Procedure, type Process } from '@tthc/core';
import type { AdapterResult } from '../issues.js';
import { type AnyAdapter, adapterFor, type DocumentFormat, detectFormat, nativeCode } from './detect.js';
import type { BulkDocument, BulkInput, BulkPair, BulkProblem, BulkRole, BulkSets } from './types.js';

/** The slots of a procedure group: the three systems and the two last-synced documents. */
export type BulkSlot = BulkRole | 'baseCatalogue' | 'baseEiso';

/** Formats each slot accepts. */
const SLOT_FORMATS: Readonly<Record<BulkSlot, readonly DocumentFormat[]>> = {
  catalogue: ['catalogue'],
  baseCatalogue: ['catalogue'],
  eiso: ['eiso'],
  baseEiso: ['eiso'],
  portal: ['portal', 'opencps', 'reactflow'],
};

/** One document read with its adapter. */
export interface ReadDocument {
  readonly slot: BulkSlot;
  readonly format: DocumentFormat;
  readonly source: string;
  readonly raw: unknown;
  /** The text as read, when the caller gave it (plans fingerprint its bytes and patch it in place). */
  readonly text?: string | undefined;
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

/** A problem found while reading, with the input position of its document (problems are listed in input order). */
interface OrderedProblem {
  readonly at: number;
  readonly problem: BulkProblem;
}

/** One document of a procedure, not yet parsed (or parsed early, when its code had to be read by the adapter). */
interface PendingDocument {
  readonly slot: BulkSlot;
  readonly doc: BulkDocument;
  readonly source: string;
  readonly format: DocumentFormat;
  /** Input position: the order the documents are read in. */
  readonly at: number;
  /** The document, when it was parsed early (to find its code). */
  readonly read?: ReadDocument | undefined;
}

/**
 * The documents of one procedure, paired by the code read from their code fields, to be parsed
 * when the procedure's turn comes. Sets keep the first readable document of each slot.
 */
export interface PendingGroup {
  readonly code: string;
  readonly pending: readonly PendingDocument[];
  readonly fromSets: boolean;
}

/** Pending groups, sorted by code, and the problems found before any document was parsed. */
export interface PendingPairs {
  readonly groups: readonly PendingGroup[];
  readonly problems: readonly OrderedProblem[];
  readonly withCatalogue: boolean;
}

/** The format a slot reads a document as, or undefined after pushing a wrong-format problem. */
function formatFor(
  slot: BulkSlot,
  doc: BulkDocument,
  source: string,
  at: number,
  problems: OrderedProblem[],
): DocumentFormat | undefined {
  const detected = detectFormat(doc.raw);
  if (detected !== null && !SLOT_FORMATS[slot].includes(detected)) {
    problems.push({
      at,
      problem: {
        code: 'document.wrongFormat',
        role: slot,
        source,
        message: `${source}: expected a ${SLOT_FORMATS[slot].join(' or ')} document for ${slot}, got ${detected}`,
      },
    });
    return undefined;
  }
  // A shape no format claims is read as the slot's own format, so that the adapter names the missing field.
  return detected ?? SLOT_FORMATS[slot][0]!;
}

/** Parses one document; returns it, or pushes the problem and returns undefined. */
function parseOne(p: PendingDocument, problems: OrderedProblem[]): ReadDocument | undefined {
  const { adapter } = adapterFor(p.format);
  const result = adapter.parse(p.doc.raw);
  if (!result.ok || result.value === undefined) {
    const first = result.issues.find((i) => i.severity === 'error');
    problems.push({
      at: p.at,
      problem: {
        code: 'document.invalid',
        role: p.slot,
        source: p.source,
        message: `${p.source}: ${first ? `${first.pointer || '/'}: ${first.message}` : 'cannot be read'}`,
      },
    });
    return undefined;
  }
  const { slot, format, source } = p;
  return { slot, format, source, raw: p.doc.raw, text: p.doc.text, adapter, result: result as ReadDocument['result'] };
}

function isSets(input: BulkInput): input is BulkSets {
  return !Array.isArray(input);
}

const PAIR_SLOTS: readonly BulkSlot[] = ['catalogue', 'eiso', 'portal', 'baseCatalogue', 'baseEiso'];

/** The slot whose document names a pre-grouped pair's procedure: the first of these that is readable. */
const CODE_SLOTS: readonly BulkSlot[] = ['eiso', 'portal', 'catalogue', 'baseEiso', 'baseCatalogue'];

function pendingPairs(pairs: readonly BulkPair[], problems: OrderedProblem[]): PendingGroup[] {
  const groups: PendingGroup[] = [];
  pairs.forEach((pair, index) => {
    const pending: PendingDocument[] = [];
    let code: string | undefined;
    let agreed = true;
    PAIR_SLOTS.forEach((slot, s) => {
      const doc = pair[slot];
      if (doc === undefined) return;
      const source = doc.source ?? `${slot}#${index}`;
      const at = index * PAIR_SLOTS.length + s;
      const format = formatFor(slot, doc, source, at, problems);
      if (format === undefined) return;
      const native = nativeCode(format, doc.raw);
      if (native === undefined || (code !== undefined && native !== code)) agreed = false;
      code ??= native;
      pending.push({ slot, doc, source, format, at });
    });
    if (pending.length === 0) return;
    if (agreed && code !== undefined) {
      groups.push({ code, pending, fromSets: false });
      return;
    }
    // Documents that disagree on the code, or hide it: read them now, the first readable names the pair.
    const read = pending.flatMap((p) => {
      const r = parseOne(p, problems);
      return r ? [{ ...p, read: r }] : [];
    });
    const first = CODE_SLOTS.map((slot) => read.find((p) => p.slot === slot)?.read).find((r) => r !== undefined);
    if (first) groups.push({ code: codeOf(first.result.value), pending: read, fromSets: false });
  });
  return groups;
}

const NATIONAL = /^[1-9]\.\d{6}$/;

function noCode(read: ReadDocument, code: string, at: number): OrderedProblem {
  return {
    at,
    problem: {
      code: 'document.noCode',
      role: read.slot,
      source: read.source,
      message: `${read.source}: TTHC code "${code}" has no national part X.NNNNNN to pair by`,
    },
  };
}

function pendingSets(sets: BulkSets, problems: OrderedProblem[]): PendingGroup[] {
  const byCode = new Map<string, PendingDocument[]>();
  const lists: [BulkSlot, readonly BulkDocument[] | undefined][] = [
    ['catalogue', sets.catalogue],
    ['eiso', sets.eiso],
    ['portal', sets.portal],
    ['baseCatalogue', sets.base?.catalogue],
    ['baseEiso', sets.base?.eiso],
  ];
  let at = 0;
  for (const [slot, list] of lists) {
    list?.forEach((doc, index) => {
      const p = { slot, doc, source: doc.source ?? `${slot}#${index}`, at: at++ };
      const format = formatFor(slot, doc, p.source, p.at, problems);
      if (format === undefined) return;
      let code = nativeCode(format, doc.raw);
      let read: ReadDocument | undefined;
      if (code === undefined) {
        // No national code in the code field: the adapter reads the document and names what is wrong.
        read = parseOne({ ...p, format }, problems);
        if (!read) return;
        code = codeOf(read.result.value);
        if (!NATIONAL.test(code)) {
          problems.push(noCode(read, code, p.at));
          return;
        }
      }
      const list = byCode.get(code);
      const pending = { ...p, format, read };
      if (list) list.push(pending);
      else byCode.set(code, [pending]);
    });
  }
  return [...byCode].map(([code, pending]) => ({ code, pending, fromSets: true }));
}

/**
 * Finds the procedures and their documents without parsing any document whose code field holds a
 * national TTHC code: pre-grouped pairs stay as given; sets are grouped by national code (the
 * provincial suffix `.000.00.00.H12` stripped). Groups come out sorted by code; {@link readGroup}
 * parses one when its turn comes, so that a bulk run holds the parsed documents of one procedure at a time.
 * @example pendingDocuments({ eiso: [{ raw: iso }], portal: [{ raw: portal }] }).groups[0].code // '1.001193'
 */
export function pendingDocuments(input: BulkInput): PendingPairs {
  const problems: OrderedProblem[] = [];
  const groups = isSets(input) ? pendingSets(input, problems) : pendingPairs(input, problems);
  // Stable: pre-grouped pairs of one code stay in input order.
  groups.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const withCatalogue = isSets(input)
    ? (input.catalogue?.length ?? 0) > 0
    : input.some((p) => p.catalogue !== undefined);
  return { groups, problems, withCatalogue };
}

/**
 * Parses the documents of a pending group; returns the procedure group, or `undefined` when none of
 * its documents could be read. Problems (unreadable documents, a second document of a slot in sets)
 * are pushed with their input positions.
 * @example readGroup(pendingDocuments(sets).groups[0], problems)?.docs.eiso?.result.value.steps
 */
export function readGroup(group: PendingGroup, problems: OrderedProblem[]): ProcedureGroup | undefined {
  const docs: Partial<Record<BulkSlot, ReadDocument>> = {};
  let any = false;
  for (const p of group.pending) {
    const read = p.read ?? parseOne(p, problems);
    if (!read) continue;
    const taken = docs[read.slot];
    if (taken && group.fromSets) {
      problems.push({
        at: p.at,
        problem: {
          code: 'document.duplicate',
          role: read.slot,
          source: read.source,
          procedure: group.code,
          message: `${read.source}: a second ${read.slot} document for ${group.code} (the first, ${taken.source}, is used)`,
        },
      });
      continue;
    }
    docs[read.slot] = read;
    any = true;
  }
  return any ? { code: group.code, docs } : undefined;
}

/** The problems in input order. */
export function inInputOrder(problems: readonly OrderedProblem[]): BulkProblem[] {
  return [...problems].sort((x, y) => x.at - y.at).map((p) => p.problem);
}

/**
 * Reads every document and groups them by procedure: pre-grouped pairs stay as given; sets are
 * paired by national TTHC code (the provincial suffix `.000.00.00.H12` stripped). Groups come out
 * sorted by code.
 * @example pairDocuments({ eiso: [{ raw: iso }], portal: [{ raw: portal }] }).groups[0].code // '1.001193'
 */
export function pairDocuments(input: BulkInput): Paired {
  const pending = pendingDocuments(input);
  const problems = [...pending.problems];
  const groups: ProcedureGroup[] = [];
  for (const g of pending.groups) {
    const group = readGroup(g, problems);
    if (group) groups.push(group);
  }
  return { groups, problems: inInputOrder(problems), withCatalogue: pending.withCatalogue };
}
