/**
 * Differences between two processes of the same procedure (e-ISO ↔ portal, or two versions of one
 * system's process): steps added, removed, renamed, moved, and changes of performer, time and forms.
 */
import type { Process, Step } from '@tthc/core';
import type { Provenance } from '../issues.js';
import { type MatchOptions, matchSteps, type StepPair, type StepMatching } from '../match/match-steps.js';
import { samePerformer } from '../match/similarity.js';
import { foldVietnamese, type UnitNameOptions } from '../normalize.js';
import { type Change, change } from './change.js';
import { nativePointer } from './paths.js';
import { sameTime, showTime } from './time.js';

/** The step facts a diff can compare; a system that does not carry a fact is not compared on it. */
export type StepField = 'name' | 'performer' | 'duration' | 'forms' | 'kind' | 'order' | 'total';

/** Every {@link StepField}. */
export const STEP_FIELDS: readonly StepField[] = ['name', 'performer', 'duration', 'forms', 'kind', 'order', 'total'];

/** Options of {@link diffProcesses}. */
export interface ProcessDiffOptions extends UnitNameOptions {
  /** Facts to compare. Default: all. */
  readonly fields?: readonly StepField[];
  /** Matching options (threshold, byKey). */
  readonly match?: MatchOptions;
  /** Minutes in a working day. Default 480 (8 h, Decision 188/1999/QĐ-TTg). */
  readonly workingDayMinutes?: number;
}

/** One side of a process diff. */
export interface ProcessSide {
  readonly value: Process;
  readonly provenance?: Provenance | undefined;
}

/** Text equality for names: NFC and runs of whitespace collapsed, nothing else. */
function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function formSet(s: Step): string[] {
  return [...new Set([...s.forms, ...s.outputs].map(foldVietnamese))].sort();
}

/** Indexes (into `pairs`) of the longest run of pairs whose order is the same in both processes. */
function keptInOrder(pairs: readonly StepPair[]): Set<number> {
  // Longest increasing subsequence of b-indexes along a-order, O(n log n) with predecessor links.
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length).fill(-1);
  pairs.forEach((p, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]!.b.index < p.b.index) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const kept = new Set<number>();
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = prev[k]!) kept.add(k);
  return kept;
}

interface Ctx {
  readonly a: ProcessSide;
  readonly b: ProcessSide;
  readonly options: ProcessDiffOptions;
  readonly out: Change[];
}

function at(ctx: Ctx, p: StepPair, field?: string): { a: string; b: string } {
  const tail = field === undefined ? [] : [field];
  return {
    a: nativePointer(ctx.a.provenance, ['steps', p.a.index, ...tail]),
    b: nativePointer(ctx.b.provenance, ['steps', p.b.index, ...tail]),
  };
}

function compareName(ctx: Ctx, p: StepPair): void {
  const [x, y] = [p.a.step.name, p.b.step.name];
  if (x === y || cleanText(x) === cleanText(y)) return;
  const wording = foldVietnamese(x) === foldVietnamese(y);
  ctx.out.push(
    change('step.renamed', {
      before: x,
      after: y,
      paths: at(ctx, p, 'name'),
      stepKey: p.a.step.key,
      severity: wording ? 'info' : 'warning',
      vi: `Bước ${p.a.step.key} đổi tên${wording ? ' (chỉ khác chữ hoa/dấu)' : ''}: "${x}" → "${y}"`,
      en: `Step ${p.a.step.key} renamed${wording ? ' (case/diacritics only)' : ''}: "${x}" → "${y}"`,
    }),
  );
}

function comparePerformer(ctx: Ctx, p: StepPair): void {
  const [x, y] = [p.a.step.performer, p.b.step.performer];
  if (samePerformer(x, y, ctx.options)) return;
  ctx.out.push(
    change('step.performer', {
      before: x,
      after: y,
      paths: at(ctx, p, 'performer'),
      stepKey: p.a.step.key,
      vi: `Bước ${p.a.step.key} đổi người thực hiện: ${x.role} (${x.unit}) → ${y.role} (${y.unit})`,
      en: `Step ${p.a.step.key} performer changed: ${x.role} (${x.unit}) → ${y.role} (${y.unit})`,
    }),
  );
}

function compareDuration(ctx: Ctx, p: StepPair): void {
  const [x, y] = [p.a.step.budget, p.b.step.budget];
  const day = ctx.options.workingDayMinutes ?? 480;
  if (sameTime(x, y, day)) return;
  const [sx, sy] = [showTime(x, day), showTime(y, day)];
  ctx.out.push(
    change('step.duration', {
      before: x,
      after: y,
      paths: at(ctx, p, 'budget'),
      stepKey: p.a.step.key,
      vi: `Thời gian bước ${p.a.step.key}: ${sx.vi} → ${sy.vi}`,
      en: `Step ${p.a.step.key} time: ${sx.en} → ${sy.en}`,
    }),
  );
}

function compareForms(ctx: Ctx, p: StepPair): void {
  const [x, y] = [formSet(p.a.step), formSet(p.b.step)];
  if (x.length === y.length && x.every((f, i) => f === y[i])) return;
  const before = [...p.a.step.forms, ...p.a.step.outputs];
  const after = [...p.b.step.forms, ...p.b.step.outputs];
  ctx.out.push(
    change('step.forms', {
      before,
      after,
      paths: at(ctx, p, 'forms'),
      stepKey: p.a.step.key,
      vi: `Biểu mẫu/kết quả bước ${p.a.step.key}: [${before.join('; ')}] → [${after.join('; ')}]`,
      en: `Step ${p.a.step.key} forms/outputs: [${before.join('; ')}] → [${after.join('; ')}]`,
    }),
  );
}

function compareKind(ctx: Ctx, p: StepPair): void {
  if (p.a.step.kind === p.b.step.kind) return;
  ctx.out.push(
    change('step.kind', {
      before: p.a.step.kind,
      after: p.b.step.kind,
      paths: at(ctx, p, 'kind'),
      stepKey: p.a.step.key,
      vi: `Loại bước ${p.a.step.key}: ${p.a.step.kind} → ${p.b.step.kind}`,
      en: `Step ${p.a.step.key} kind: ${p.a.step.kind} → ${p.b.step.kind}`,
    }),
  );
}

function reportUnpaired(ctx: Ctx, m: StepMatching): void {
  for (const s of m.onlyA) {
    ctx.out.push(
      change('step.removed', {
        before: s.step,
        after: undefined,
        paths: { a: nativePointer(ctx.a.provenance, ['steps', s.index]) },
        stepKey: s.step.key,
        vi: `Bước ${s.step.key} "${s.step.name}" không còn`,
        en: `Step ${s.step.key} "${s.step.name}" removed`,
      }),
    );
  }
  for (const s of m.onlyB) {
    ctx.out.push(
      change('step.added', {
        before: undefined,
        after: s.step,
        paths: { b: nativePointer(ctx.b.provenance, ['steps', s.index]) },
        stepKey: s.step.key,
        vi: `Thêm bước ${s.step.key} "${s.step.name}"`,
        en: `Step ${s.step.key} "${s.step.name}" added`,
      }),
    );
  }
  for (const g of m.ambiguous) {
    const ka = g.a.map((s) => s.step.key).join(', ');
    const kb = g.b.map((s) => s.step.key).join(', ');
    ctx.out.push(
      change('step.ambiguous', {
        before: g.a.map((s) => s.step),
        after: g.b.map((s) => s.step),
        paths: {
          a: nativePointer(ctx.a.provenance, ['steps', g.a[0]!.index]),
          b: nativePointer(ctx.b.provenance, ['steps', g.b[0]!.index]),
        },
        stepKey: g.a[0]!.step.key,
        vi: `Không xác định được bước tương ứng: [${ka}] ↔ [${kb}] giống nhau như nhau`,
        en: `Cannot tell which step is which: [${ka}] ↔ [${kb}] match equally well`,
      }),
    );
  }
}

function reportMoves(ctx: Ctx, pairs: readonly StepPair[]): void {
  const kept = keptInOrder(pairs);
  pairs.forEach((p, k) => {
    if (kept.has(k)) return;
    ctx.out.push(
      change('step.moved', {
        before: p.a.index,
        after: p.b.index,
        paths: at(ctx, p),
        stepKey: p.a.step.key,
        vi: `Bước ${p.a.step.key} đổi vị trí: thứ ${p.a.index + 1} → thứ ${p.b.index + 1}`,
        en: `Step ${p.a.step.key} moved: position ${p.a.index + 1} → ${p.b.index + 1}`,
      }),
    );
  });
}

function compareTotal(ctx: Ctx): void {
  const [x, y] = [ctx.a.value.totalLimit, ctx.b.value.totalLimit];
  const day = ctx.options.workingDayMinutes ?? 480;
  // A system that declares no total is not compared: absence is not a claim.
  if (!x || !y || sameTime(x, y, day)) return;
  const [sx, sy] = [showTime(x, day), showTime(y, day)];
  ctx.out.push(
    change('total.changed', {
      before: x,
      after: y,
      paths: {
        a: nativePointer(ctx.a.provenance, ['totalLimit']),
        b: nativePointer(ctx.b.provenance, ['totalLimit']),
      },
      vi: `Tổng thời gian giải quyết: ${sx.vi} → ${sy.vi}`,
      en: `Declared total time: ${sx.en} → ${sy.en}`,
    }),
  );
}

/**
 * The changes from process a to process b: steps are matched ({@link matchSteps}), unpaired steps are
 * removed/added, tied ones ambiguous, and each pair is compared on the requested facts. Durations
 * are compared in working minutes, names after NFC + whitespace normalisation (a case/diacritic-only
 * difference is an `info` rename), performer units through the alias table.
 * @example
 * diffProcesses({ value: before }, { value: after }).map((c) => c.code) // ['step.duration']
 */
export function diffProcesses(a: ProcessSide, b: ProcessSide, options: ProcessDiffOptions = {}): Change[] {
  const fields = new Set(options.fields ?? STEP_FIELDS);
  const ctx: Ctx = { a, b, options, out: [] };
  const unitOptions = { aliases: options.aliases, abbreviations: options.abbreviations };
  const m = matchSteps(a.value, b.value, { ...unitOptions, ...options.match });
  reportUnpaired(ctx, m);
  const perStep: [StepField, (c: Ctx, p: StepPair) => void][] = [
    ['name', compareName],
    ['performer', comparePerformer],
    ['duration', compareDuration],
    ['forms', compareForms],
    ['kind', compareKind],
  ];
  for (const p of m.pairs) for (const [field, compare] of perStep) if (fields.has(field)) compare(ctx, p);
  if (fields.has('order')) reportMoves(ctx, m.pairs);
  if (fields.has('total')) compareTotal(ctx);
  return ctx.out;
}
