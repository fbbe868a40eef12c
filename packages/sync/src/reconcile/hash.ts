/**
 * Document fingerprints for plans: SHA-256 (FIPS 180-4) of the canonical JSON of a document, and of
 * the bytes as read. `node:crypto` where the runtime has it (looked up through
 * `process.getBuiltinModule`, so no bundler sees an import of it), else a pure JavaScript SHA-256, so
 * that `@tthc/sync` runs in browsers as in Node.
 */

/** True when JSON.stringify would escape a character (quote, backslash, control, surrogate): else copy as is. */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

function quote(text: string): string {
  return needsEscape(text) ? JSON.stringify(text) : `"${text}"`;
}

/** A primitive as JSON.stringify writes it (`undefined`, functions and symbols: `null`, as in arrays). */
function primitive(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  return JSON.stringify(value) ?? 'null';
}

const skipped = (v: unknown) => v === undefined || typeof v === 'function';

type Frame =
  | { readonly array: readonly unknown[]; i: number }
  | { readonly record: Record<string, unknown>; readonly keys: string[]; i: number; written: boolean };

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members left
 * out (as `JSON.stringify` does), so two documents that differ only in key order hash the same.
 * Iterative (an explicit stack): deep nesting cannot overflow the call stack.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return primitive(value);
  let out = '';
  const stack: Frame[] = [];
  const open = (v: object) => {
    if (Array.isArray(v)) {
      out += '[';
      stack.push({ array: v, i: 0 });
    } else {
      const record = v as Record<string, unknown>;
      out += '{';
      stack.push({ record, keys: Object.keys(record).sort(), i: 0, written: false });
    }
  };
  open(value);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    let next: unknown;
    if ('array' in top) {
      if (top.i === top.array.length) {
        out += ']';
        stack.pop();
        continue;
      }
      if (top.i > 0) out += ',';
      next = top.array[top.i++];
    } else {
      let key: string | undefined;
      while (top.i < top.keys.length) {
        const k = top.keys[top.i++]!;
        if (!skipped(top.record[k])) {
          key = k;
          break;
        }
      }
      if (key === undefined) {
        out += '}';
        stack.pop();
        continue;
      }
      // A flag, not a look at the last character: reading a rope's end would flatten it each time.
      out += top.written ? `,${quote(key)}:` : `${quote(key)}:`;
      top.written = true;
      next = top.record[key];
    }
    if (next !== null && typeof next === 'object') open(next);
    else out += primitive(next);
  }
  return out;
}

/** Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

function padded(bytes: Uint8Array): DataView {
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const buffer = new Uint8Array(length);
  buffer.set(bytes);
  buffer[bytes.length] = 0x80;
  const view = new DataView(buffer.buffer);
  const bits = bytes.length * 8;
  view.setUint32(length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(length - 4, bits >>> 0);
  return view;
}

function compress(h: Uint32Array, view: DataView, offset: number, w: Uint32Array): void {
  for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!;
    const y = w[t - 2]!;
    const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
    const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
  for (let t = 0; t < 64; t++) {
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
  }
  const next = [a, b, c, d, e, f, g, hh];
  for (let i = 0; i < 8; i++) h[i] = (h[i]! + next[i]!) | 0;
}

/**
 * SHA-256 in pure JavaScript (the browser fallback of {@link sha256Hex}), as 64 lower-case hex digits.
 * @example sha256HexPure('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256HexPure(input: string | Uint8Array): string {
  const view = padded(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  // Initial hash: fractional parts of the square roots of the first 8 primes.
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < view.byteLength; offset += 64) compress(h, view, offset, w);
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
}

type NodeHash = { update(data: string | Uint8Array, encoding?: 'utf8'): NodeHash; digest(encoding: 'hex'): string };
type NodeCrypto = { createHash(algorithm: 'sha256'): NodeHash };

/**
 * `node:crypto` when the runtime is Node (20.16+ / 22.3+ have `process.getBuiltinModule`), else
 * undefined. Not an `import`: bundlers for browsers must not try to resolve it.
 */
const nodeCrypto: NodeCrypto | undefined = (() => {
  try {
    const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = p?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
    return typeof mod?.createHash === 'function' ? mod : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * SHA-256 of a text (as UTF-8) or of bytes, as 64 lower-case hex digits: `node:crypto` where present,
 * else {@link sha256HexPure}; both give the same digest.
 * @example sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(input: string | Uint8Array): string {
  if (nodeCrypto === undefined) return sha256HexPure(input);
  const h = nodeCrypto.createHash('sha256');
  return (typeof input === 'string' ? h.update(input, 'utf8') : h.update(input)).digest('hex');
}

/**
 * The fingerprint a plan records for a native document: SHA-256 of its canonical JSON.
 * @example documentHash({ b: 1, a: 2 }) === documentHash({ a: 2, b: 1 }) // true
 */
export function documentHash(document: unknown): string {
  return sha256Hex(canonicalJson(document));
}

/**
 * The fingerprint of a document's bytes as read (its text, as UTF-8): unlike {@link documentHash},
 * it sees a change of spelling the parsed value hides — `1.0` → `1`, `12345678901234567890` →
 * `12345678901234567000`, CRLF → LF, a `\u` escape expanded.
 * @example textHash('{"a": 1.0}') !== textHash('{"a": 1}') // true, while documentHash gives one value
 */
export function textHash(text: string | Uint8Array): string {
  return sha256Hex(text);
}
