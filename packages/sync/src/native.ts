/**
 * Small helpers every adapter uses at the edge: JSON pointers, tolerant readers for the ways real
 * systems write numbers and dates, the issue/provenance collector, and write-back that keeps the
 * native wording of values whose meaning did not change.
 */
import { CalendarError, type Duration, durationToWorkingMinutes, parseDuration } from '@tthc/calendar';
import type { AdapterIssue, AdapterIssueCode, Provenance, SourceName } from './issues.js';

/** A path in a JSON document as segments. */
export type JsonPath = readonly (string | number)[];

/**
 * RFC 6901 JSON pointer of a path.
 * @example jsonPointer(['NoiDung', 'QuyTrinhXuLy', 0, 'TT']) // '/NoiDung/QuyTrinhXuLy/0/TT'
 */
export function jsonPointer(path: JsonPath): string {
  // Built for every field an adapter reads (provenance), so the common case avoids regex and arrays.
  let out = '';
  for (const segment of path) {
    const s = String(segment);
    out += s.includes('~') || s.includes('/') ? `/${s.replaceAll('~', '~0').replaceAll('/', '~1')}` : `/${s}`;
  }
  return out;
}

/** Issues and provenance collected while one document is read. */
export interface ReadContext {
  readonly system: SourceName;
  readonly issues: AdapterIssue[];
  readonly provenance: Provenance;
}

/**
 * Starts a read of one native document.
 * @example const ctx = readContext('eiso');
 */
export function readContext(system: SourceName): ReadContext {
  return { system, issues: [], provenance: new Map() };
}

/** A short, never-throwing rendering of an offending value for messages (BigInt, cycles, deep nesting). */
function showValue(value: unknown): string {
  try {
    const text = typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
    return (text ?? String(value)).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Records a problem at `path` of the native document; the message names the field and the value.
 * @example report(ctx, 'value.unreadable', ['NoiDung', 'ThoiGianXuLy'], 'cannot read', { value: 'vài hôm' })
 */
export function report(
  ctx: ReadContext,
  code: AdapterIssueCode,
  path: JsonPath,
  message: string,
  options: { value?: unknown; severity?: 'error' | 'warning' } = {},
): void {
  const pointer = jsonPointer(path);
  const shown = options.value === undefined ? '' : ` (got ${showValue(options.value)})`;
  ctx.issues.push({
    code,
    severity: options.severity ?? 'error',
    system: ctx.system,
    path: [...path],
    pointer,
    message: `${ctx.system} ${pointer || '/'}: ${message}${shown}`,
    ...(options.value === undefined ? {} : { value: options.value }),
  });
}

/**
 * Records that the canonical value at `canonical` was read from `native`.
 * @example trace(ctx, ['steps', 0, 'budget'], ['NoiDung', 'QuyTrinhXuLy', 0, 'ThoiGian'])
 */
export function trace(ctx: ReadContext, canonical: JsonPath, native: JsonPath): void {
  ctx.provenance.set(jsonPointer(canonical), { system: ctx.system, pointer: jsonPointer(native) });
}

/**
 * True when any issue is an error.
 * @example if (hasErrors(ctx.issues)) return undefined;
 */
export function hasErrors(issues: readonly AdapterIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * Reads a number written as a number or as text ("1", "0,5", "1.000" is NOT a thousand separator here:
 * catalogue amounts are plain integers). Returns undefined for anything else.
 * @example readNumber('0,5') // 0.5
 */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const t = value.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/**
 * Reads a civil date as Vietnamese documents write it (`07/7/2025`, `07-07-2025`) or ISO (`2025-07-07`);
 * undefined when it is not a real date.
 * @example readCivilDate('07/7/2025') // '2025-07-07'
 */
export function readCivilDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = vi
    ? [Number(vi[3]), Number(vi[2]), Number(vi[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Writes an ISO civil date the Vietnamese way, `dd/MM/yyyy`.
 * @example viDate('2025-07-07') // '07/07/2025'
 */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Options of {@link readDuration}. */
export interface ReadDurationOptions {
  /** How a plain "ngày" is read (catalogue law text: calendar days; process tables: working days). */
  readonly plainDay: 'calendarDay' | 'workingDay';
}

const DURATION_MEMO_LIMIT = 10_000;
const durations = new Map<string, Duration>();

/**
 * Reads a duration text with `@tthc/calendar`'s parser, reporting unreadable text at `path`.
 * @example readDuration(ctx, '04 giờ', ['ThoiGian'], { plainDay: 'workingDay' }) // { amount: 4, unit: 'workingHour' }
 */
export function readDuration(
  ctx: ReadContext,
  text: unknown,
  path: JsonPath,
  options: ReadDurationOptions,
): Duration | undefined {
  if (typeof text !== 'string' || text.trim() === '') {
    report(ctx, 'value.unreadable', path, 'expected a duration text such as "04 giờ" or "0,5 ngày"', { value: text });
    return undefined;
  }
  // Documents write the same few times ("04 giờ", "0,5 ngày") in every row: each text is read once.
  const key = `${options.plainDay}|${text}`;
  const known = durations.get(key);
  if (known !== undefined) return { ...known };
  try {
    const d = parseDuration(text, { plainDay: options.plainDay, field: jsonPointer(path) });
    if (durations.size >= DURATION_MEMO_LIMIT) durations.clear();
    durations.set(key, d);
    return { ...d };
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    report(ctx, 'value.unreadable', path, `cannot read the duration "${text}"`, { value: text });
    return undefined;
  }
}

/**
 * Structural equality of JSON-like values; a key whose value is `undefined` counts as absent.
 * @example deepEqual({ a: 1, b: undefined }, { a: 1 }) // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
}

/**
 * Same meaning for two durations: equal, or the same number of working minutes (8 h = 1 working day),
 * so "0,5 ngày" and "04 giờ" in a native document are not rewritten for a canonical 4 working hours.
 * @example sameDuration({ amount: 0.5, unit: 'workingDay' }, { amount: 4, unit: 'workingHour' }) // true
 */
export function sameDuration(a: Duration | undefined, b: Duration | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (deepEqual(a, b)) return true;
  if (Boolean(a.notCounted) !== Boolean(b.notCounted)) return false;
  const ma = durationToWorkingMinutes(a);
  const mb = durationToWorkingMinutes(b);
  // Hours written as decimals (31 min = 0.5166… h) come back with float noise: equal within a millisecond.
  return ma !== null && mb !== null && Math.abs(ma - mb) < 1 / 60_000;
}

/** How {@link mergeList} reads and writes one item. */
export interface MergeListOptions<C, N> {
  /** The canonical meaning of a native item (undefined when unreadable). */
  readonly read: (native: N) => C | undefined;
  /** Builds the native item for a canonical one, starting from the original item when there is one. */
  readonly write: (canonical: C, original: N | undefined) => N;
  /** Finds the original native item of a canonical one; default: the item at the same index. */
  readonly match?: (canonical: C, index: number) => N | undefined;
  /** Equality of canonical items; default {@link deepEqual}. */
  readonly same?: (a: C, b: C) => boolean;
}

/**
 * Writes a canonical list back over a native one: an item whose meaning did not change is kept
 * exactly (unknown fields, wording, number-vs-string), a changed item is written over its original,
 * a new item is built, an item gone from the canonical list is dropped.
 * @example mergeList([{ TEN: 'A', x: 1 }], ['A'], { read: (n) => n.TEN, write: (c, o) => ({ ...o, TEN: c }) })
 */
export function mergeList<C, N>(
  originals: readonly N[] | undefined,
  canonical: readonly C[],
  options: MergeListOptions<C, N>,
): N[] {
  const same = options.same ?? deepEqual;
  const out = canonical.map((c, i) => {
    const original = options.match ? options.match(c, i) : originals?.[i];
    if (original !== undefined) {
      const meaning = options.read(original);
      if (meaning !== undefined && same(meaning, c)) return original;
    }
    return options.write(c, original);
  });
  return originals && deepEqual(out, originals) ? [...originals] : out;
}

/**
 * A plain-object view of an unknown value (empty when it is not an object).
 * @example asRecord(null) // {}
 */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Sets `key` to `value` only when it differs in meaning; drops the key when `value` is undefined.
 * @example setField(row, 'MAUDONTOKHAI', component.form)
 */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else if (!deepEqual(target[key], value)) target[key] = value;
}
