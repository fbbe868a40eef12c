/**
 * `diff` — the one entry point: two documents from any of the systems, already parsed to the
 * canonical model, give a readonly list of typed changes.
 */
import type { Procedure, Process } from '@tthc/core';
import type { Provenance, SystemName } from '../issues.js';
import type { Change } from './change.js';
import { crossCheck } from './cross-check.js';
import { diffProcedures } from './procedure-diff.js';
import { diffProcesses, type ProcessDiffOptions, STEP_FIELDS, type StepField } from './process-diff.js';

/** One document to compare: which system it comes from, its canonical value, and its provenance. */
export interface DiffSide {
  /** `catalogue`, `eiso`, `portal`, or any other name (then every fact is compared). */
  readonly system: SystemName | (string & {});
  readonly value: Process | Procedure;
  /** The adapter's provenance: when given, `paths` are native JSON pointers into this document. */
  readonly provenance?: Provenance | undefined;
}

/** Options of {@link diff}. */
export interface DiffOptions extends ProcessDiffOptions {}

/**
 * The step facts each system's format carries. The portal configuration has no forms (its steps
 * are user groups and hours), so forms are not compared against it; an unknown system carries all.
 */
export const SYSTEM_FIELDS: Readonly<Record<string, readonly StepField[]>> = {
  eiso: STEP_FIELDS,
  portal: ['name', 'performer', 'duration', 'kind', 'order', 'total'],
  table: ['name', 'performer', 'duration', 'forms', 'kind', 'order', 'total'],
};

/**
 * The facts two systems can both be compared on.
 * @example comparableFields('eiso', 'portal') // ['name', 'performer', 'duration', 'kind', 'order', 'total']
 */
export function comparableFields(a: string, b: string): StepField[] {
  const fa = SYSTEM_FIELDS[a] ?? STEP_FIELDS;
  const fb = new Set(SYSTEM_FIELDS[b] ?? STEP_FIELDS);
  return fa.filter((f) => fb.has(f));
}

function isProcess(value: Process | Procedure): value is Process {
  return 'steps' in value;
}

function swapped(changes: readonly Change[]): Change[] {
  return changes.map((c) => ({
    ...c,
    paths: { ...(c.paths.b ? { a: c.paths.b } : {}), ...(c.paths.a ? { b: c.paths.a } : {}) },
  }));
}

/**
 * Compares two documents.
 * - two processes (e-ISO, portal, two versions): step changes ({@link diffProcesses}), on the facts
 *   both systems carry; steps pair by key only within one system (keys of two systems mean nothing to
 *   each other), else by name, performer and position;
 * - two procedures (catalogue announcements): legal facts ({@link diffProcedures});
 * - a procedure and a process: the catalogue checks ({@link crossCheck}).
 * Paths are native JSON pointers when provenance is given, canonical paths otherwise.
 * @example
 * const changes = diff(
 *   { system: 'eiso', value: iso.value!, provenance: iso.provenance },
 *   { system: 'portal', value: portal.value!, provenance: portal.provenance },
 * );
 * changes.filter((c) => c.code === 'step.duration');
 */
export function diff(a: DiffSide, b: DiffSide, options: DiffOptions = {}): readonly Change[] {
  const [va, vb] = [a.value, b.value];
  if (isProcess(va) && isProcess(vb)) {
    return diffProcesses(
      { value: va, provenance: a.provenance },
      { value: vb, provenance: b.provenance },
      {
        ...options,
        fields: options.fields ?? comparableFields(a.system, b.system),
        match: { byKey: a.system === b.system, ...options.match },
      },
    );
  }
  if (!isProcess(va) && !isProcess(vb)) {
    return diffProcedures({ value: va, provenance: a.provenance }, { value: vb, provenance: b.provenance }, options);
  }
  const day = options.workingDayMinutes === undefined ? {} : { workingDayMinutes: options.workingDayMinutes };
  if (!isProcess(va) && isProcess(vb)) {
    return crossCheck(va, vb, { catalogueProvenance: a.provenance, processProvenance: b.provenance, ...day });
  }
  return swapped(
    crossCheck(vb as Procedure, va as Process, {
      catalogueProvenance: b.provenance,
      processProvenance: a.provenance,
      ...day,
    }),
  );
}
