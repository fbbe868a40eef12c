/**
 * Differences between two catalogue announcements of a procedure: the legal facts every process must
 * follow (time limit per channel, fees, dossier components, legal bases).
 */
import type { Channel, Component, Fee, LegalReference, Procedure } from '@tthc/core';
import type { Provenance } from '../issues.js';
import { foldVietnamese } from '../normalize.js';
import { moneyText } from '../money.js';
import { type Change, change } from './change.js';
import { nativePointer } from './paths.js';
import { sameTime, showTime } from './time.js';

/** One side of a procedure diff. */
export interface ProcedureSide {
  readonly value: Procedure;
  readonly provenance?: Provenance | undefined;
}

/** Options of {@link diffProcedures}. */
export interface ProcedureDiffOptions {
  /** Minutes in a working day. Default 480. */
  readonly workingDayMinutes?: number;
}

const CHANNEL_VI: Readonly<Record<Channel['channel'], string>> = {
  direct: 'trực tiếp',
  online: 'trực tuyến',
  postal: 'bưu chính',
};

/** Legal document numbers as people write them: "123/2015/NĐ-CP" = "123/2015/ND-CP" = "123/2015/nđ-cp". */
function numberKey(n: string): string {
  return foldVietnamese(n).replace(/\s+/g, '');
}

function paths(a: ProcedureSide, b: ProcedureSide, pa?: (string | number)[], pb?: (string | number)[]) {
  return {
    ...(pa ? { a: nativePointer(a.provenance, pa) } : {}),
    ...(pb ? { b: nativePointer(b.provenance, pb) } : {}),
  };
}

function diffLimits(a: ProcedureSide, b: ProcedureSide, day: number, out: Change[]): void {
  const kinds = new Set([...a.value.channels, ...b.value.channels].map((c) => c.channel));
  for (const kind of kinds) {
    const i = a.value.channels.findIndex((c) => c.channel === kind);
    const j = b.value.channels.findIndex((c) => c.channel === kind);
    const [x, y] = [a.value.channels[i]?.timeLimit, b.value.channels[j]?.timeLimit];
    if (x && y && sameTime(x, y, day)) continue;
    // null: the catalogue states no limit ("Không có thông tin"); undefined: no such channel.
    if (x === null && y === null) continue;
    const show = (d: typeof x) =>
      d
        ? showTime(d, day)
        : d === null
          ? { vi: 'không quy định', en: 'no limit stated' }
          : { vi: 'không có', en: 'none' };
    const [sx, sy] = [show(x), show(y)];
    out.push(
      change('limit.changed', {
        before: x,
        after: y,
        paths: paths(
          a,
          b,
          i >= 0 ? ['channels', i, 'timeLimit'] : undefined,
          j >= 0 ? ['channels', j, 'timeLimit'] : undefined,
        ),
        vi: `Thời hạn giải quyết (${CHANNEL_VI[kind]}): ${sx.vi} → ${sy.vi}`,
        en: `Statutory time limit (${kind}): ${sx.en} → ${sy.en}`,
      }),
    );
  }
}

function feeKey(f: Fee): string {
  return f.code === undefined ? `name:${foldVietnamese(f.name)}` : `code:${f.code.trim()}`;
}

function diffFees(a: ProcedureSide, b: ProcedureSide, out: Change[]): void {
  for (const ca of a.value.channels) {
    const i = a.value.channels.indexOf(ca);
    const j = b.value.channels.findIndex((c) => c.channel === ca.channel);
    const cb = b.value.channels[j];
    if (!cb) continue; // The channel itself is reported by limit.changed.
    const keys = new Set([...ca.fees, ...cb.fees].map(feeKey));
    for (const key of keys) {
      const fi = ca.fees.findIndex((f) => feeKey(f) === key);
      const fj = cb.fees.findIndex((f) => feeKey(f) === key);
      const [x, y] = [ca.fees[fi], cb.fees[fj]];
      if (x && y && x.amount === y.amount && x.unit === y.unit) continue;
      const show = (f: Fee | undefined) => (f ? moneyText(f.amount, f.currency) : '—');
      const name = (x ?? y)!.name;
      out.push(
        change('fee.changed', {
          before: x,
          after: y,
          paths: paths(
            a,
            b,
            fi >= 0 ? ['channels', i, 'fees', fi] : ['channels', i, 'fees'],
            fj >= 0 ? ['channels', j, 'fees', fj] : ['channels', j, 'fees'],
          ),
          vi: `Phí, lệ phí "${name}" (${CHANNEL_VI[ca.channel]}): ${show(x)} → ${show(y)}`,
          en: `Fee "${name}" (${ca.channel}): ${show(x)} → ${show(y)}`,
        }),
      );
    }
  }
}

function sameComponent(x: Component, y: Component): boolean {
  return (
    (x.form ?? '').trim() === (y.form ?? '').trim() &&
    x.originals === y.originals &&
    x.copies === y.copies &&
    x.required === y.required
  );
}

function diffComponents(a: ProcedureSide, b: ProcedureSide, out: Change[]): void {
  const key = (c: Component) => foldVietnamese(c.name);
  const inB = new Map(b.value.components.map((c, j) => [key(c), j] as const));
  const inA = new Map(a.value.components.map((c, i) => [key(c), i] as const));
  a.value.components.forEach((x, i) => {
    const j = inB.get(key(x));
    const y = j === undefined ? undefined : b.value.components[j];
    if (j === undefined || !y) {
      out.push(
        change('component.removed', {
          before: x,
          after: undefined,
          paths: paths(a, b, ['components', i]),
          vi: `Bỏ thành phần hồ sơ "${x.name}"`,
          en: `Dossier component removed: "${x.name}"`,
        }),
      );
    } else if (!sameComponent(x, y)) {
      out.push(
        change('component.changed', {
          before: x,
          after: y,
          paths: paths(a, b, ['components', i], ['components', j]),
          vi: `Thành phần hồ sơ "${x.name}" thay đổi (mẫu, số bản hoặc tính bắt buộc)`,
          en: `Dossier component "${x.name}" changed (form, number of copies or required)`,
        }),
      );
    }
  });
  b.value.components.forEach((y, j) => {
    if (inA.has(key(y))) return;
    out.push(
      change('component.added', {
        before: undefined,
        after: y,
        paths: paths(a, b, undefined, ['components', j]),
        vi: `Thêm thành phần hồ sơ "${y.name}"`,
        en: `Dossier component added: "${y.name}"`,
      }),
    );
  });
}

function diffLegalBases(a: ProcedureSide, b: ProcedureSide, out: Change[]): void {
  const [la, lb] = [a.value.legalBases, b.value.legalBases];
  const inA = new Map(la.map((r, i) => [numberKey(r.number), i] as const));
  const inB = new Map(lb.map((r, j) => [numberKey(r.number), j] as const));
  const removed = la.map((r, i) => [r, i] as const).filter(([r]) => !inB.has(numberKey(r.number)));
  const added = lb.map((r, j) => [r, j] as const).filter(([r]) => !inA.has(numberKey(r.number)));
  const title = (r: LegalReference) => (r.title === undefined ? undefined : foldVietnamese(r.title));
  const replacedBy = new Map<number, number>();
  // A document dropped and one with the same title added: the new one replaces it (e.g. a decree
  // "quy định chi tiết Luật Hộ tịch" 123/2015 → its successor).
  for (const [r, i] of removed) {
    const hit = added.find(
      ([n, j]) => title(n) !== undefined && title(n) === title(r) && ![...replacedBy.values()].includes(j),
    );
    if (hit) replacedBy.set(i, hit[1]);
  }
  la.forEach((r, i) => {
    const j = inB.get(numberKey(r.number));
    const next = j === undefined ? undefined : lb[j];
    // Same number, now with a last day in force: superseded in place.
    if (next && next.effectiveTo !== undefined && next.effectiveTo !== r.effectiveTo) {
      out.push(
        change('legalBasis.superseded', {
          before: r,
          after: next,
          paths: paths(a, b, ['legalBases', i], ['legalBases', j!]),
          vi: `Căn cứ pháp lý ${r.number} hết hiệu lực từ sau ngày ${next.effectiveTo}`,
          en: `Legal basis ${r.number} in force only until ${next.effectiveTo}`,
        }),
      );
    }
  });
  for (const [r, i] of removed) {
    const j = replacedBy.get(i);
    const next = j === undefined ? undefined : lb[j];
    out.push(
      next
        ? change('legalBasis.superseded', {
            before: r,
            after: next,
            paths: paths(a, b, ['legalBases', i], ['legalBases', j!]),
            vi: `Căn cứ pháp lý ${r.number} được thay bằng ${next.number}`,
            en: `Legal basis ${r.number} replaced by ${next.number}`,
          })
        : change('legalBasis.removed', {
            before: r,
            after: undefined,
            paths: paths(a, b, ['legalBases', i]),
            vi: `Bỏ căn cứ pháp lý ${r.number}`,
            en: `Legal basis removed: ${r.number}`,
          }),
    );
  }
  const replacing = new Set(replacedBy.values());
  for (const [r, j] of added) {
    if (replacing.has(j)) continue;
    out.push(
      change('legalBasis.added', {
        before: undefined,
        after: r,
        paths: paths(a, b, undefined, ['legalBases', j]),
        vi: `Thêm căn cứ pháp lý ${r.number}`,
        en: `Legal basis added: ${r.number}`,
      }),
    );
  }
}

/**
 * The changes between two announcements of a procedure: `limit.changed` per channel (compared in
 * working minutes), `fee.changed` (fees matched by code, else name), `component.*` (matched by
 * folded name), `legalBasis.*` (matched by document number; a removed document replaced by one with
 * the same title, or one given a last day in force, is `superseded`).
 * @example diffProcedures({ value: oldRecord }, { value: newRecord }).map((c) => c.code) // ['limit.changed']
 */
export function diffProcedures(a: ProcedureSide, b: ProcedureSide, options: ProcedureDiffOptions = {}): Change[] {
  const out: Change[] = [];
  diffLimits(a, b, options.workingDayMinutes ?? 480, out);
  diffFees(a, b, out);
  diffComponents(a, b, out);
  diffLegalBases(a, b, out);
  return out;
}
