/**
 * Format-preserving patches: an RFC 6902 patch applied to the TEXT of a JSON document with
 * jsonc-parser's `modify`/`applyEdits`, so that only the bytes of the patched values change — the
 * indentation, line endings, `\u` escapes, number spellings (`1.0`, `2.50`, `1e1`, big integers) and
 * key order of everything else are the document's own.
 */
import type { Operation } from 'fast-json-patch';
import {
  applyEdits,
  type FormattingOptions,
  findNodeAtLocation,
  getNodeValue,
  type JSONPath,
  modify,
  type Node,
  parseTree,
} from 'jsonc-parser';
import { ReconcileError } from './errors.js';
import { pointerSegments } from './integrity.js';

/** Indentation and line ending of a JSON text: the first indented line decides (2 spaces when none). */
export function textFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const nl = text.indexOf('\n');
  let i = nl + 1;
  let width = 0;
  let tabs = false;
  if (nl >= 0) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) {
      if (text[i] === '\t') tabs = true;
      width++;
      i++;
    }
  }
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : width || 2, eol };
}

function fail(system: string, op: Operation, why: string): never {
  throw new ReconcileError('PATCH_REJECTED', `${system}: patch refused at "${op.path}": ${why}`, {
    system,
    operation: op,
  });
}

function tree(text: string): Node {
  const root = parseTree(text);
  if (root === undefined) throw new ReconcileError('INVALID_DOCUMENT', 'the document text is not JSON');
  return root;
}

/** Segments as jsonc-parser paths: an index where the parent is an array. */
function locate(root: Node, segments: readonly string[]): JSONPath {
  const path: JSONPath = [];
  let node: Node | undefined = root;
  for (const s of segments) {
    const index = node?.type === 'array' ? Number(s) : Number.NaN;
    path.push(node?.type === 'array' && s !== '-' ? index : s);
    node = node === undefined ? undefined : findNodeAtLocation(node, [path.at(-1)!]);
  }
  return path;
}

function edit(text: string, path: JSONPath, value: unknown, options: FormattingOptions, insert = false): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: options, isArrayInsertion: insert }));
}

function applyOne(text: string, op: Operation, options: FormattingOptions, system: string): string {
  const root = tree(text);
  const segments = pointerSegments(op.path);
  if (segments.length === 0) fail(system, op, 'the document root is not patched in place');
  const parentPath = locate(root, segments.slice(0, -1));
  const parent = findNodeAtLocation(root, parentPath);
  if (parent === undefined || (parent.type !== 'object' && parent.type !== 'array')) {
    fail(system, op, 'no object or array there');
  }
  const last = segments.at(-1)!;
  const isArray = parent.type === 'array';
  const index = isArray ? (last === '-' ? (parent.children?.length ?? 0) : Number(last)) : last;
  const path: JSONPath = [...parentPath, index];
  switch (op.op) {
    case 'add':
      return edit(text, path, op.value, options, isArray);
    case 'replace':
      return edit(text, path, op.value, options);
    case 'remove':
      return edit(text, path, undefined, options);
    case 'move':
    case 'copy': {
      const from = findNodeAtLocation(root, locate(root, pointerSegments(op.from)));
      if (from === undefined) fail(system, op, `nothing at "${op.from}"`);
      const value = getNodeValue(from);
      const removed = op.op === 'move' ? applyOne(text, { op: 'remove', path: op.from }, options, system) : text;
      return applyOne(removed, { op: 'add', path: op.path, value }, options, system);
    }
    default:
      // `test` changes nothing; the value patch (fast-json-patch) has already checked it.
      return text;
  }
}

/**
 * Applies an RFC 6902 patch to a JSON text, changing only the bytes of the patched values (new values
 * are written with the document's own indentation and line ending). The caller checks that the result
 * parses to the value fast-json-patch gives (`apply` does).
 * @example patchText('{\r\n    "a": 1.0,\r\n    "b": 2\r\n}', [{ op: 'replace', path: '/b', value: 3 }])
 * // '{\r\n    "a": 1.0,\r\n    "b": 3\r\n}'
 */
export function patchText(text: string, ops: readonly Operation[], system = 'document'): string {
  const options = textFormatting(text);
  let out = text;
  for (const op of ops) out = applyOne(out, op, options, system);
  return out;
}
