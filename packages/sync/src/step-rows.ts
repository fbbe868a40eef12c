/**
 * One work-flow row (step — content — responsibility — time — forms) as canonical step: shared by the
 * e-ISO adapter and the step-table readers so that both read a row the same way.
 */
import type { Duration } from '@tthc/calendar';
import type { Outcome, Step } from '@tthc/core';
import { compact } from './adapters/shared.js';
import { type JsonPath, jsonPointer, type ReadContext, readDuration, report } from './native.js';
import { foldVietnamese, type UnitNameOptions } from './normalize.js';
import { inferStepKind, parsePerformer, splitForms, stepLabel } from './steps.js';

/** The cells of one work-flow row, as text. */
export interface StepRowCells {
  readonly label: unknown;
  readonly content: string;
  readonly responsibility: string;
  readonly time: string;
  readonly forms: string;
}

/** Native paths of a row's cells (for issues and provenance). */
export type StepRowPaths = Readonly<Record<keyof StepRowCells, JsonPath>>;

/** How rows are read. */
export interface StepRowOptions extends UnitNameOptions {
  /** The agency of the document: the unit of a role written without one. */
  readonly agency: string;
  /** Form codes the document declares (its forms list). */
  readonly declaredForms?: readonly string[];
  /** Plain "ngày" in step times. Default `workingDay` (process tables count working days). */
  readonly plainDay?: 'calendarDay' | 'workingDay';
  /** Key to use when the label is empty (continuation rows, merged step numbers). */
  readonly fallbackKey?: string;
  /** A budget shared with other rows (merged time cell) — used instead of reading `time`. */
  readonly budget?: Duration;
}

/** The row-local part of a step (everything but `outcomes`), and its canonical path. */
export type RowStep = Omit<Step, 'outcomes'>;

/**
 * Reads one row as a step without outcomes; unreadable cells are reported at their paths.
 * @example readStepRow(ctx, cells, paths, { agency: 'UBND xã An Bình' }, ['steps', 0])
 */
export function readStepRow(
  ctx: ReadContext,
  cells: StepRowCells,
  paths: StepRowPaths,
  options: StepRowOptions,
  canonical: JsonPath,
): RowStep | undefined {
  const key = stepLabel(cells.label)?.key ?? options.fallbackKey;
  if (key === undefined) {
    report(ctx, 'step.badKey', paths.label, 'expected a step number such as "1", "B1" or "Bước 1"', {
      value: cells.label,
    });
  }
  const budget =
    options.budget ?? readDuration(ctx, cells.time, paths.time, { plainDay: options.plainDay ?? 'workingDay' });
  const name = cells.content.normalize('NFC').trim();
  const performer = parsePerformer(cells.responsibility, options);
  const { forms, outputs } = splitForms(cells.forms, options.declaredForms);
  // Every row of a bulk run records seven origins: each pointer is built once, a cell read for two
  // fields shares its origin.
  const { system, provenance } = ctx;
  const base = jsonPointer(canonical);
  const content = { system, pointer: jsonPointer(paths.content) };
  const formsCell = { system, pointer: jsonPointer(paths.forms) };
  provenance.set(`${base}/key`, { system, pointer: jsonPointer(paths.label) });
  provenance.set(`${base}/name`, content);
  provenance.set(`${base}/kind`, content);
  provenance.set(`${base}/performer`, { system, pointer: jsonPointer(paths.responsibility) });
  provenance.set(`${base}/budget`, { system, pointer: jsonPointer(paths.time) });
  provenance.set(`${base}/forms`, formsCell);
  provenance.set(`${base}/outputs`, formsCell);
  if (key === undefined || budget === undefined) return undefined;
  return { key, name, kind: inferStepKind(name), performer, budget, forms, outputs };
}

/**
 * "Nếu không đồng ý thì chuyển lại Bước 2" — a branch written as prose (REFERENCE.md §3.4).
 * Captures the condition and the step number.
 */
const PROSE_BRANCH =
  /(?:nếu|trường hợp)\s+([^:;.]+?)\s*(?:thì|:|,)?\s*(?:chuyển|trả|quay)\s+(?:lại\s+)?(?:về\s+)?(?:cho\s+)?(?:bước|b)\s*(\d+)/giu;

/** A {@link PROSE_BRANCH} starts with one of these words. */
const BRANCH_WORD = /nếu|trường hợp/iu;

/**
 * Links row steps in order (each → the next, `done`; the last ends) and adds the branches the step
 * texts write as prose; a branch to a step that does not exist is reported and dropped.
 * @example linkSteps(ctx, rowSteps, rowSteps.map((_, i) => ['rows', i, 'content']))
 */
export function linkSteps(ctx: ReadContext, steps: readonly RowStep[], contentPaths: readonly JsonPath[]): Step[] {
  const keys = new Set(steps.map((s) => s.key));
  return steps.map((step, i) => {
    const outcomes: Outcome[] = [];
    const next = steps[i + 1];
    if (next) outcomes.push({ name: 'done', next: next.key });
    // Most step texts have no branch: the words a branch starts with are looked for first.
    const branches = BRANCH_WORD.test(step.name) ? step.name.matchAll(PROSE_BRANCH) : [];
    for (const m of branches) {
      const target = `B${Number(m[2])}`;
      if (!keys.has(target)) {
        report(
          ctx,
          'step.unknownTarget',
          contentPaths[i] ?? [],
          `the text sends to step ${target}, which does not exist`,
          {
            value: m[0],
            severity: 'warning',
          },
        );
        continue;
      }
      const name =
        foldVietnamese(m[1]!)
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'branch';
      if (!outcomes.some((o) => o.name === name)) outcomes.push(compact({ name, next: target, label: m[0].trim() }));
    }
    return { ...step, outcomes };
  });
}

/**
 * Reports duplicate step keys; keeps the first occurrence.
 * @example const steps = uniqueSteps(ctx, rows, rows.map((_, i) => ['rows', i, 'TT']));
 */
export function uniqueSteps<T extends { key: string }>(
  ctx: ReadContext,
  steps: readonly (T | undefined)[],
  labelPaths: readonly JsonPath[],
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  steps.forEach((s, i) => {
    if (!s) return;
    if (seen.has(s.key)) {
      report(ctx, 'step.duplicateKey', labelPaths[i] ?? [], `step key ${s.key} is used twice`, { value: s.key });
      return;
    }
    seen.add(s.key);
    out.push(s);
  });
  return out;
}
