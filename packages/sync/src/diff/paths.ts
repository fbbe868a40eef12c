/**
 * Pointers of a change: a canonical path (`/steps/2/budget`) becomes the native JSON pointer it was
 * read from when the adapter's provenance is known, and stays canonical otherwise.
 */
import type { Provenance } from '../issues.js';
import { type JsonPath, jsonPointer } from '../native.js';

function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

function commonPrefix(pointers: readonly string[]): string {
  const split = pointers.map((p) => p.split('/'));
  const first = split[0] ?? [];
  let n = first.length;
  for (const s of split) {
    let k = 0;
    while (k < n && s[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join('/');
}

/**
 * The pointer of a canonical path in its native document: the traced pointer; for a whole step,
 * the row its key was read from; for a value traced only in parts (a portal performer: role and
 * unit), the common prefix of the parts; else the nearest traced ancestor; else the canonical path.
 * @example nativePointer(provenance, ['steps', 1, 'budget']) // '/NoiDung/QuyTrinhXuLy/1/ThoiGian'
 */
export function nativePointer(provenance: Provenance | undefined, path: JsonPath): string {
  const canonical = jsonPointer(path);
  if (!provenance) return canonical;
  const exact = provenance.get(canonical);
  if (exact) return exact.pointer;
  if (path.length === 2 && path[0] === 'steps') {
    const key = provenance.get(`${canonical}/key`);
    if (key) return parentPointer(key.pointer);
  }
  const parts = [...provenance].filter(([k]) => k.startsWith(`${canonical}/`)).map(([, o]) => o.pointer);
  if (parts.length > 0) return commonPrefix(parts);
  for (let n = path.length - 1; n > 0; n--) {
    const origin = provenance.get(jsonPointer(path.slice(0, n)));
    if (origin) return origin.pointer;
  }
  return canonical;
}
