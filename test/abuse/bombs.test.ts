import { readStepTableXlsx } from '@tthc/sync';
import { describe, expect, it } from 'vitest';
import {
  lyingSizeBomb,
  manyLargePartsBomb,
  mergeBombWorkbook,
  overlappingEntriesBomb,
  rawZip,
} from '../../packages/sync/src/tables/xlsx-bombs.test-util.js';

/** Heap growth allowed for one hostile input (the bombs claim gigabytes). */
const MEMORY_CAP = 512 * 1024 * 1024;

function hostile(bytes: Uint8Array) {
  const before = process.memoryUsage().heapUsed;
  const table = readStepTableXlsx(bytes);
  const grown = process.memoryUsage().heapUsed - before;
  return { table, grown };
}

// Issue 12: each bomb ends with an issue that has a path, no throw, memory under a cap.
describe('xlsx bombs end with an issue and bounded memory', () => {
  it.each([
    ['170 entries on one 64 MiB stream', () => overlappingEntriesBomb(170, 64)],
    ['an entry inflating past its declared size', () => lyingSizeBomb(64)],
    ['parts declaring 3 × 60 MiB', () => manyLargePartsBomb(3, 60)],
    ['10,001 merges over a 250k-cell grid', () => mergeBombWorkbook(10_001)],
    [
      'an entry pointing past the end of the file',
      () => rawZip([{ name: 'a.rels', data: new Uint8Array(10), size: 10 }]).slice(0, 40),
    ],
  ])('%s', (_, make) => {
    const { table, grown } = hostile(make());
    expect(table.rows).toEqual([]);
    expect(table.issues.length).toBeGreaterThan(0);
    for (const issue of table.issues) {
      expect(issue.path[0]).toBe('xlsx');
      expect(issue.message).not.toBe('');
    }
    expect(grown).toBeLessThan(MEMORY_CAP);
  });

  it('random bytes after a zip signature never throw', () => {
    let seed = 12;
    for (let k = 0; k < 300; k++) {
      const bytes = Uint8Array.from(
        { length: 64 + (k % 200) },
        () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
      );
      bytes[0] = 0x50;
      bytes[1] = 0x4b;
      // An end-of-directory record at the end, with random counts and offsets.
      bytes.set([0x50, 0x4b, 0x05, 0x06], bytes.length - 22);
      expect(() => readStepTableXlsx(bytes)).not.toThrow();
    }
  });
});
