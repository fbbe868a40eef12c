/**
 * The parse pipeline every adapter shares: check the native shape, build the canonical input, let
 * `@tthc/core` validate it, and point canonical problems back into the native document.
 */
import type * as z from 'zod';
import type { AdapterResult } from '../issues.js';
import { hasErrors, type JsonPath, jsonPointer, type ReadContext, report } from '../native.js';

/**
 * Checks the native shape; on failure reports every zod issue at its native path.
 * @example const doc = checkNative(ctx, EisoDocumentSchema, raw);
 */
export function checkNative<T>(ctx: ReadContext, schema: z.ZodType<T>, raw: unknown): T | undefined {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    report(ctx, 'format.invalid', path, issue.message, { value: valueAt(raw, path) });
  }
  return undefined;
}

function valueAt(input: unknown, path: JsonPath): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** The native path a canonical path came from: the longest traced prefix. */
function nativePathOf(ctx: ReadContext, canonical: JsonPath): string {
  for (let n = canonical.length; n >= 0; n--) {
    const origin = ctx.provenance.get(jsonPointer(canonical.slice(0, n)));
    if (origin) return origin.pointer;
  }
  return '';
}

/**
 * Validates the canonical candidate with core's parser and finishes the adapter result.
 * @example return finish(ctx, candidate, safeParseProcess);
 */
export function finish<T>(
  ctx: ReadContext,
  candidate: unknown,
  safeParse: (
    input: unknown,
  ) =>
    | { ok: true; value: T }
    | { ok: false; issues: readonly { path: readonly (string | number)[]; message: string; value?: unknown }[] },
): AdapterResult<T> {
  if (hasErrors(ctx.issues)) return { ok: false, value: undefined, issues: ctx.issues, provenance: ctx.provenance };
  const r = safeParse(candidate);
  if (!r.ok) {
    for (const issue of r.issues) {
      const pointer = nativePathOf(ctx, issue.path);
      const segments = pointer
        .split('/')
        .slice(1)
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
      report(ctx, 'canonical.invalid', segments, `canonical ${issue.message}`);
    }
    return { ok: false, value: undefined, issues: ctx.issues, provenance: ctx.provenance };
  }
  return { ok: true, value: r.value, issues: ctx.issues, provenance: ctx.provenance };
}

/**
 * Drops keys whose value is undefined (so canonical values carry no `key: undefined`).
 * @example compact({ a: 1, b: undefined }) // { a: 1 }
 */
export function compact<T extends Record<string, unknown>>(o: T): T {
  // A copy rather than `delete`: deleting a key turns the object into a slow dictionary, and adapters
  // compact every step they read.
  let undefinedKeys = false;
  for (const k in o) {
    if (o[k] === undefined) {
      undefinedKeys = true;
      break;
    }
  }
  if (!undefinedKeys) return o;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    if (o[k] === undefined) continue;
    // An own "__proto__" key stays a key (an assignment would set the prototype).
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
    else out[k] = o[k];
  }
  return out as T;
}
