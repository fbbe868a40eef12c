import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, documentHash, sha256Hex } from './hash.js';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('agrees with node:crypto on any text, across block boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120]) {
      const s = 'ầ'.repeat(n);
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, 1], c: undefined })).toBe('{"a":[2,1],"b":1}');
  });
  it('is JSON that parses back to the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
        const reversed = JSON.parse(JSON.stringify(v), (_k, x) =>
          x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x,
        );
        expect(documentHash(reversed)).toBe(documentHash(v));
      }),
    );
  });
  it('changes the hash when a value changes', () => {
    expect(documentHash({ a: 1 })).not.toBe(documentHash({ a: 2 }));
  });
});

/** The first, recursive implementation: the iterative one must write exactly the same text. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`);
  return `{${members.join(',')}}`;
}

describe('canonicalJson (iterative)', () => {
  it('writes what the recursive definition writes, escapes and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: 'binary' }), (v, s) => {
        const value = { v, [s]: s, u: undefined, f: () => 1, a: [undefined, s, {}, []] };
        expect(canonicalJson(value)).toBe(reference(value));
      }),
    );
    expect(canonicalJson({ '\ud800': '"\\\n' })).toBe(reference({ '\ud800': '"\\\n' }));
  });
  it('does not overflow the stack on deep nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { x: deep };
    expect(canonicalJson(deep).length).toBeGreaterThan(200_000);
  });
});
