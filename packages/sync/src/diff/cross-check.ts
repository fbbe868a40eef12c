/**
 * Catalogue checks of a process: does the approved process fit inside the procedure's statutory time
 * limit, does its declared total add up, are the forms its steps use known?
 */
import type { Duration } from '@tthc/calendar';
import type { Procedure, Process } from '@tthc/core';
import type { Provenance } from '../issues.js';
import { toWorkingMinutes } from '../normalize.js';
import { type Change, change, formatHours } from './change.js';
import { nativePointer } from './paths.js';
import { comparableMinutes } from './time.js';

/** Options of {@link crossCheck}. */
export interface CrossCheckOptions {
  /** Provenance of the catalogue document (native pointers in `paths.a`). */
  readonly catalogueProvenance?: Provenance | undefined;
  /** Provenance of the process document (native pointers in `paths.b`). */
  readonly processProvenance?: Provenance | undefined;
  /** Minutes in a working day. Default 480 (8 h, Decision 188/1999/QĐ-TTg). */
  readonly workingDayMinutes?: number;
}

/**
 * Steps of the main path: from the start, each step's first outcome (process tables list the normal
 * flow first); stops at the end, a missing target or a step seen before (send-back loops are rework).
 * @example mainPathSteps(process).map((i) => process.steps[i].key) // ['B1', 'B2', 'B3', 'B4', 'B5']
 */
export function mainPathSteps(process: Process): number[] {
  const index = new Map<string, number>();
  process.steps.forEach((s, i) => {
    if (!index.has(s.key)) index.set(s.key, i);
  });
  const out: number[] = [];
  const seen = new Set<number>();
  let v = index.get(process.start ?? process.steps[0]?.key ?? '');
  while (v !== undefined && !seen.has(v)) {
    seen.add(v);
    out.push(v);
    const next = process.steps[v]!.outcomes[0]?.next;
    v = next == null ? undefined : index.get(next);
  }
  return out;
}

/** The strictest statutory limit among the channels the process serves, with its channel index. */
function statutoryLimit(catalogue: Procedure, process: Process, day: number) {
  let best: { index: number; minutes: number; limit: Duration } | undefined;
  catalogue.channels.forEach((c, index) => {
    if (process.channels && !process.channels.includes(c.channel)) return;
    // A channel with no stated limit ("Không có thông tin") has nothing to cross-check against.
    if (c.timeLimit === null) return;
    const minutes = comparableMinutes(c.timeLimit, day);
    if (minutes !== null && (best === undefined || minutes < best.minutes))
      best = { index, minutes, limit: c.timeLimit };
  });
  return best;
}

function sumOfMainPath(process: Process, day: number): number | null {
  let sum = 0;
  for (const i of mainPathSteps(process)) {
    const m = toWorkingMinutes(process.steps[i]!.budget, { workingDayMinutes: day });
    if (m === null) return null;
    sum += m;
  }
  return sum;
}

function checkTotals(catalogue: Procedure, process: Process, options: CrossCheckOptions, out: Change[]): void {
  const day = options.workingDayMinutes ?? 480;
  const limit = statutoryLimit(catalogue, process, day);
  const sum = sumOfMainPath(process, day);
  const declared = process.totalLimit && comparableMinutes(process.totalLimit, day);
  const limitPath = limit && nativePointer(options.catalogueProvenance, ['channels', limit.index, 'timeLimit']);
  const stepsPath = nativePointer(options.processProvenance, ['steps']);
  const totalPath = nativePointer(options.processProvenance, ['totalLimit']);
  if (limit && sum !== null && sum > limit.minutes + 1e-6) {
    const [l, s] = [formatHours(limit.minutes), formatHours(sum)];
    out.push(
      change('total.exceedsLimit', {
        before: limit.limit,
        // A duration, not bare minutes, so every report can write it in words.
        after: workingMinutesDuration(sum),
        paths: { ...(limitPath ? { a: limitPath } : {}), b: stepsPath },
        vi: `Tổng thời gian các bước (${s.vi}) vượt thời hạn giải quyết (${l.vi})`,
        en: `Sum of step times along the main path (${s.en}) exceeds the statutory limit (${l.en})`,
      }),
    );
  }
  if (limit && declared != null && declared > limit.minutes + 1e-6) {
    const [l, d] = [formatHours(limit.minutes), formatHours(declared)];
    out.push(
      change('total.exceedsLimit', {
        before: limit.limit,
        after: process.totalLimit,
        paths: { ...(limitPath ? { a: limitPath } : {}), b: totalPath },
        vi: `Tổng thời gian công bố của quy trình (${d.vi}) vượt thời hạn giải quyết (${l.vi})`,
        en: `Declared total of the process (${d.en}) exceeds the statutory limit (${l.en})`,
      }),
    );
  }
  if (declared == null || sum === null) return;
  // A same-day total is a ceiling ("trong ngày"), not an amount the steps must add up to.
  const mismatch = process.totalLimit?.unit === 'sameDay' ? sum > declared + 1e-6 : Math.abs(declared - sum) > 1e-6;
  if (!mismatch) return;
  const [d, s] = [formatHours(declared), formatHours(sum)];
  out.push(
    change('total.mismatch', {
      before: process.totalLimit,
      after: workingMinutesDuration(sum),
      paths: { b: totalPath },
      vi: `Tổng thời gian công bố (${d.vi}) khác tổng thời gian các bước (${s.vi})`,
      en: `Declared total (${d.en}) differs from the sum of step times (${s.en})`,
    }),
  );
}

function checkForms(catalogue: Procedure, process: Process, options: CrossCheckOptions, out: Change[]): void {
  const known = new Set(
    [...process.forms.map((f) => f.code), ...catalogue.components.flatMap((c) => (c.form ? [c.form] : []))].map((f) =>
      f.normalize('NFC').trim(),
    ),
  );
  process.steps.forEach((s, i) => {
    for (const form of s.forms) {
      if (known.has(form.normalize('NFC').trim())) continue;
      out.push(
        change('forms.notInComponents', {
          before: undefined,
          after: form,
          paths: { b: nativePointer(options.processProvenance, ['steps', i, 'forms']) },
          stepKey: s.key,
          vi: `Bước ${s.key} dùng biểu mẫu "${form}" không có trong thành phần hồ sơ hay danh mục biểu mẫu`,
          en: `Step ${s.key} uses form "${form}", found neither in the dossier components nor in the form list`,
        }),
      );
    }
  });
}

/** Working minutes as the largest whole unit that states them exactly (8 h days, hours, else minutes). */
function workingMinutesDuration(minutes: number): Duration {
  if (minutes % 480 === 0) return { amount: minutes / 480, unit: 'workingDay' };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'workingHour' };
  return { amount: minutes, unit: 'workingMinute' };
}

/**
 * Checks a process against its catalogue procedure: `total.exceedsLimit` when the sum of step times
 * along the main path, or the declared total, exceeds the strictest statutory limit of the channels
 * it serves (ND 61/2018 art. 19 / ND 118/2025: the internal process must fit in the announced limit);
 * `total.mismatch` when the declared total is not the sum of the steps; `forms.notInComponents` for
 * a step form that is neither a dossier component's form nor in the process's form list. Paths: `a`
 * in the catalogue, `b` in the process.
 * @example crossCheck(procedure, process).map((c) => c.code) // ['total.mismatch']
 */
export function crossCheck(catalogue: Procedure, process: Process, options: CrossCheckOptions = {}): Change[] {
  const out: Change[] = [];
  checkTotals(catalogue, process, options, out);
  checkForms(catalogue, process, options, out);
  return out;
}
