/**
 * Corruption fuzzing for the adapters: start from a valid native document and break it the ways real
 * exports and hostile input do — keys deleted, values of the wrong type, NaN and infinities, huge
 * strings, deep nesting, `__proto__` keys, lone UTF-16 surrogates — or replace it by random JSON.
 * An adapter's `parse` must never throw on any of these, and must point every error at a path.
 */
import fc from 'fast-check';
import { type NativeDocument, type NativeSystem, nativeDocArb } from './sync-arbitraries.js';

/** Options of {@link corruptArb}. */
export interface CorruptArbOptions {
  /** Most corruptions applied to one document. Default 4. */
  readonly maxEdits?: number;
  /** Depth of the deepest nesting planted. Default 2,000 (deeper than typical recursion limits of naive walkers). */
  readonly maxDepth?: number;
  /** Length of the longest string planted. Default 200,000 characters. */
  readonly maxStringLength?: number;
  /**
   * Plant only what `JSON.parse` can produce (plus NaN/±Infinity/undefined, which JS callers pass).
   * Default `true`; `false` adds BigInt, Date, Map, Set and null-prototype objects (hostile JS input).
   */
  readonly jsonOnly?: boolean;
}

type Edit =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'proto'; readonly at: number; readonly value: unknown };

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

function badValueArb(opts: CorruptArbOptions): fc.Arbitrary<unknown> {
  const maxDepth = opts.maxDepth ?? 2000;
  const maxLen = opts.maxStringLength ?? 200_000;
  return fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, null, undefined, true, 0, -1),
    fc.constantFrom('', ' ', '\uD800', '\uDFFF', 'a\uD83D', 'Mẫu\u0000 01', '__proto__', 'constructor', '1e309'),
    fc.integer({ min: 1, max: maxLen }).map((n) => 'ngày '.repeat(Math.ceil(n / 5)).slice(0, n)),
    fc
      .tuple(fc.integer({ min: 1, max: maxDepth }), fc.boolean())
      .map(([depth, asArray]) => nested(depth, 'x', asArray)),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    ...(opts.jsonOnly === false
      ? [fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withNullPrototype: true })]
      : []),
  );
}

function editArb(opts: CorruptArbOptions): fc.Arbitrary<Edit> {
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: badValueArb(opts) }),
    fc.record({ kind: fc.constant('proto' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  );
}

/** Every (container, key) slot of a JSON-like value, the root's keys included. */
function slots(value: unknown, out: [Record<string | number, unknown>, string | number][] = []) {
  if (value === null || typeof value !== 'object') return out;
  const container = value as Record<string | number, unknown>;
  for (const key of Object.keys(container)) {
    out.push([container, Array.isArray(value) ? Number(key) : key]);
    slots(container[key], out);
  }
  return out;
}

function applyEdit(doc: NativeDocument, edit: Edit): void {
  const all = slots(doc);
  const [container, key] = all[edit.at % Math.max(1, all.length)] ?? [doc as Record<string, unknown>, 'MaTTHC'];
  if (edit.kind === 'delete') {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else if (edit.kind === 'replace') container[key] = edit.value;
  else {
    // An own "__proto__" key, as JSON.parse creates it: a guard that merges objects naively is polluted.
    const target = container[key] !== null && typeof container[key] === 'object' ? container[key] : container;
    Object.defineProperty(target, '__proto__', {
      value: edit.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/**
 * Corrupted input for one system's adapter: a valid document with 1–`maxEdits` corruptions, or
 * (about one case in six) arbitrary JSON / any value instead of a document.
 * @example
 * fc.assert(fc.property(corruptArb('eiso'), (raw) => { eisoAdapter.parse(raw); })); // never throws
 */
export function corruptArb(system: NativeSystem, opts: CorruptArbOptions = {}): fc.Arbitrary<unknown> {
  const broken = fc
    .tuple(nativeDocArb(system), fc.array(editArb(opts), { minLength: 1, maxLength: opts.maxEdits ?? 4 }))
    .map(([doc, edits]) => {
      for (const e of edits) applyEdit(doc, e);
      return doc as unknown;
    });
  return fc.oneof(
    { arbitrary: broken, weight: 5 },
    {
      arbitrary: fc.oneof(
        fc.jsonValue(),
        fc.json().map((t) => JSON.parse(t) as unknown),
        opts.jsonOnly === false ? fc.anything({ withBigInt: true }) : fc.jsonValue({ maxDepth: 6 }),
      ),
      weight: 1,
    },
  );
}
