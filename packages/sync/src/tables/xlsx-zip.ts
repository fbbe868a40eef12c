/**
 * A bounded reader of the zip container of an Office Open XML package (ECMA-376 Part 2; PKWARE
 * APPNOTE 6.3 §4.3). fflate's `unzipSync` trusts the central directory: many entries may point at one
 * deflate stream and each is inflated into a buffer of its declared size, so a 64 KB file once
 * inflated 11.2 GB (issue 12). Here the directory is read first and every limit is checked before
 * any byte is inflated: entry count, overlapping entries, declared sizes per part and in total; then
 * each wanted part is inflated in small chunks and stopped as soon as it yields more than it declared
 * or than the limits allow, so the cost is bounded by the limits, not by what the file claims.
 */
import { Inflate } from 'fflate';

/** Limits of the zip container; each has a default and can be raised. */
export interface ZipLimits {
  /** Entries in the central directory. Default 10,000 (a workbook has a few dozen). */
  readonly maxEntries?: number;
  /** Inflated bytes of one part. Default 64 MiB. */
  readonly maxPartBytes?: number;
  /** Inflated bytes of all the parts read together. Default 128 MiB. */
  readonly maxInflatedBytes?: number;
}

/** Defaults of {@link ZipLimits}. */
export const DEFAULT_ZIP_LIMITS: Required<ZipLimits> = {
  maxEntries: 10_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 128 * 1024 * 1024,
};

/** The zip is not one, or breaks a limit: `limit` names the limit, `part` the entry. */
export class ZipReadError extends Error {
  override readonly name = 'ZipReadError';
  constructor(
    message: string,
    readonly limit?: keyof ZipLimits,
    readonly part?: string,
    readonly value?: number,
  ) {
    super(message);
  }
}

/** One central-directory entry. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the entry's local file header. */
  readonly offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;
const decoder = new TextDecoder();

/** The end of central directory record, searched backwards over at most the 64 KiB comment. */
function endOfDirectory(b: Uint8Array): number {
  for (let e = b.length - 22; e >= 0 && b.length - e <= 65_557; e--) if (u32(b, e) === 0x06054b50) return e;
  throw new ZipReadError('no end of central directory record (a truncated or non-zip file)');
}

/** ZIP64 sizes and offset (APPNOTE §4.5.3) for fields written as 0xFFFFFFFF. */
function zip64(b: Uint8Array, from: number, to: number, fields: { size: number; csize: number; offset: number }) {
  for (let i = from; i + 4 <= to; ) {
    const id = u16(b, i);
    const len = u16(b, i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      const read = () => {
        const v = u32(b, p) + u32(b, p + 4) * 0x100000000;
        p += 8;
        return v;
      };
      if (fields.size === 0xffffffff) fields.size = read();
      if (fields.csize === 0xffffffff) fields.csize = read();
      if (fields.offset === 0xffffffff) fields.offset = read();
    }
    i += 4 + len;
  }
}

/**
 * The central directory of a zip archive, checked: entry count, each entry inside the file, and no
 * two entries sharing bytes (the overlapping-entries bomb).
 * @throws {ZipReadError} when the directory is unreadable or a limit is broken.
 * @example listZipEntries(zipSync({ 'a.txt': strToU8('x') })).map((e) => e.name) // ['a.txt']
 */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = {}): ZipEntry[] {
  const maxEntries = limits.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries;
  const e = endOfDirectory(bytes);
  let count = u16(bytes, e + 10);
  let at = u32(bytes, e + 16);
  const locator = e - 20;
  if (locator >= 0 && u32(bytes, locator) === 0x07064b50) {
    const z = u32(bytes, locator + 8);
    if (z + 56 <= bytes.length && u32(bytes, z) === 0x06064b50) {
      count = u32(bytes, z + 32);
      at = u32(bytes, z + 48);
    }
  }
  if (count > maxEntries)
    throw new ZipReadError(
      `the archive has ${count} entries, more than limits.maxEntries = ${maxEntries}`,
      'maxEntries',
      undefined,
      count,
    );
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new ZipReadError(`central directory entry ${k + 1} of ${count} is missing or damaged`);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    const fields = { csize: u32(bytes, at + 20), size: u32(bytes, at + 24), offset: u32(bytes, at + 42) };
    const nameEnd = at + 46 + nameLen;
    if (nameEnd + extraLen > bytes.length) throw new ZipReadError(`central directory entry ${k + 1} is truncated`);
    zip64(bytes, nameEnd, nameEnd + extraLen, fields);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, nameEnd)),
      method: u16(bytes, at + 10),
      compressedSize: fields.csize,
      size: fields.size,
      offset: fields.offset,
    });
    at = nameEnd + extraLen + commentLen;
  }
  // Entries of a real archive are disjoint: sorted by offset, each starts after the previous ends.
  const byOffset = [...entries].sort((x, y) => x.offset - y.offset);
  for (let k = 1; k < byOffset.length; k++) {
    const prev = byOffset[k - 1]!;
    if (byOffset[k]!.offset < prev.offset + 30 + prev.compressedSize)
      throw new ZipReadError(
        `entries "${prev.name}" and "${byOffset[k]!.name}" share bytes (overlapping entries: a zip bomb)`,
        undefined,
        byOffset[k]!.name,
      );
  }
  return entries;
}

/** Where an entry's data starts, from its local file header. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const h = entry.offset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50)
    throw new ZipReadError(`the local header of "${entry.name}" is missing or damaged`, undefined, entry.name);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + entry.compressedSize > bytes.length)
    throw new ZipReadError(`"${entry.name}" runs past the end of the file (truncated)`, undefined, entry.name);
  return start;
}

/** Compressed bytes pushed to the inflater at a time: one push yields at most ~1,032× this. */
const CHUNK = 4096;

/** Inflates one entry, stopping as soon as it yields more than `cap` bytes. */
function inflateBounded(data: Uint8Array, cap: number, tooMuch: () => never): Uint8Array {
  const out: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) tooMuch();
    out.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch (error) {
    // fflate throws plain errors for a damaged deflate stream ("invalid distance", "unexpected EOF").
    if (error instanceof ZipReadError) throw error;
    throw new ZipReadError(`a damaged deflate stream (${error instanceof Error ? error.message : String(error)})`);
  }
  const whole = new Uint8Array(total);
  let p = 0;
  for (const c of out) {
    whole.set(c, p);
    p += c.length;
  }
  return whole;
}

/**
 * The parts named by `wanted`, inflated within the limits, and the names of all entries.
 * @throws {ZipReadError} when the archive is unreadable or a limit is broken; `limit` names it.
 * @example readZipParts(bytes, (n) => n.endsWith('.xml')).parts.get('xl/workbook.xml')
 */
export function readZipParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = {},
): { parts: Map<string, Uint8Array>; names: string[] } {
  const maxPart = limits.maxPartBytes ?? DEFAULT_ZIP_LIMITS.maxPartBytes;
  const maxTotal = limits.maxInflatedBytes ?? DEFAULT_ZIP_LIMITS.maxInflatedBytes;
  const entries = listZipEntries(bytes, limits);
  const chosen = entries.filter((e) => wanted(e.name));
  const partLimit = (e: ZipEntry, size: number): never => {
    throw new ZipReadError(
      `part "${e.name}" inflates to ${size} bytes or more, more than limits.maxPartBytes = ${maxPart}`,
      'maxPartBytes',
      e.name,
      size,
    );
  };
  let declared = 0;
  for (const e of chosen) {
    if (e.size > maxPart) partLimit(e, e.size);
    declared += e.size;
  }
  const totalLimit = (size: number): never => {
    throw new ZipReadError(
      `the parts read inflate to ${size} bytes or more, more than limits.maxInflatedBytes = ${maxTotal}`,
      'maxInflatedBytes',
      undefined,
      size,
    );
  };
  if (declared > maxTotal) totalLimit(declared);
  const parts = new Map<string, Uint8Array>();
  let inflated = 0;
  for (const e of chosen) {
    const start = dataStart(bytes, e);
    const raw = bytes.subarray(start, start + e.compressedSize);
    // A part may not yield more than it declared (the sizes checked above are then the real ones).
    const cap = Math.min(e.size, maxPart, maxTotal - inflated);
    let data: Uint8Array;
    if (e.method === 0) data = raw.slice();
    else if (e.method === 8)
      data = inflateBounded(raw, cap, () => {
        throw new ZipReadError(
          `part "${e.name}" inflates to more than the ${e.size} bytes it declares (a zip bomb)`,
          e.size === cap ? undefined : cap === maxPart ? 'maxPartBytes' : 'maxInflatedBytes',
          e.name,
          e.size,
        );
      });
    else throw new ZipReadError(`part "${e.name}" uses compression method ${e.method} (only 0 and 8 are read)`);
    if (data.length !== e.size)
      throw new ZipReadError(`part "${e.name}" inflates to ${data.length} bytes, not the ${e.size} it declares`);
    inflated += data.length;
    parts.set(e.name, data);
  }
  return { parts, names: entries.map((e) => e.name) };
}
