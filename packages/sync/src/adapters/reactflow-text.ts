/**
 * Writing a JSON column back as text without reformatting it: only the values that changed are
 * replaced (jsonc-parser `modify`), so every other byte — key order, spacing, `4.0` as Newtonsoft
 * writes doubles — stays as the database had it.
 */
import { applyEdits, type JSONPath, modify } from 'jsonc-parser';
import { deepEqual } from '../native.js';

type Op = { path: JSONPath; value: unknown; insert?: boolean };

function collect(path: JSONPath, before: unknown, after: unknown, ops: Op[]): void {
  if (deepEqual(before, after)) return;
  const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.min(before.length, after.length);
    for (let i = 0; i < n; i++) collect([...path, i], before[i], after[i], ops);
    for (let i = before.length - 1; i >= after.length; i--) ops.push({ path: [...path, i], value: undefined });
    for (let i = before.length; i < after.length; i++) ops.push({ path: [...path, i], value: after[i], insert: true });
    return;
  }
  if (isObj(before) && isObj(after)) {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    for (const k of Object.keys(a))
      if (!(k in b) || b[k] === undefined) ops.push({ path: [...path, k], value: undefined });
    for (const k of Object.keys(b)) if (b[k] !== undefined) collect([...path, k], a[k], b[k], ops);
    return;
  }
  ops.push({ path, value: after });
}

/**
 * `text` (the JSON of `before`) with the changes that make it `after`.
 * @example rewriteJson('[{"a":1.0,"b":2}]', [{ a: 1, b: 2 }], [{ a: 1, b: 3 }]) // '[{"a":1.0,"b":3}]'
 */
export function rewriteJson(text: string, before: unknown, after: unknown): string {
  const ops: Op[] = [];
  collect([], before, after, ops);
  let out = text;
  for (const op of ops) {
    const edits = modify(out, op.path, op.value, {
      isArrayInsertion: op.insert === true,
      formattingOptions: { insertSpaces: false, tabSize: 0, eol: '' },
    });
    out = applyEdits(out, edits);
  }
  return out;
}
